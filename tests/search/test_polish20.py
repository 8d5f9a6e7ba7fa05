"""Polish read by class (issue 17, polish20): abuse that has ended is the need, not a danger;
look-alikes of returning to work, children fighting each other, plants and stews that
"choke", screen hyperbole and history lessons raise nothing; danger said plainly (a drunk
carer, children unminded at night, a child minding a sibling with no food, a parent who
left a mark, work promised then kept in, running "for them", a girl under 18 married off,
burning oneself, wanting to join someone who died, a goodbye post) reads; and health,
neighbours, young people, isolation and schools said in Polish read their need.

The sentences are this file's own, written by class, never the training files'. Each is
read as the Polish page reads it (glossed, then read) with the rules alone, and the
dangers also on the English page, which reads every language's cues."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import product

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader, Reading

TODAY = date(2026, 3, 2)

DANGER = {
    "domestic-abuse": [
        "jak uciec od partnera kiedy on ma wszystkie pieniadze",
        "chce odejsc od meza ale nie mam gdzie isc z dziecmi",
        "byly znowu czeka pod domem i grozi, policja nic nie robi",
    ],
    "child-at-risk": [
        "pije wieczorami i czasem zasypiam, nie wiem czy moge sie opiekowac dziecmi",
        "nikt ich nie pilnuje, male dzieci 5 lat na ulicy do polnocy",
        "ja opiekuje sie mlodsza siostra bo mama pije, nie mamy co jesc",
        "dalam synowi klapsa i zostal siniak, trace panowanie nad soba",
        "nie panuje nad nerwami i szarpie coreczke, boje sie siebie",
        "rodzice pijani a niemowle placze cala noc obok",
    ],
    "exploitation": [
        "za szybka kase jezdzi dla starszych kolesi po calym kraju, ma 15 lat",
        "dla nich wozil paczki, syn ma 14 lat",
        "kuzynka wraca nacpana od starszych facetow, ma 13 lat",
        "obiecali mu robote w anglii a teraz nie wolno mu wyjsc z domu",
        "musimy pracowac za darmo bo mamy dlug u szefa",
    ],
    "forced-marriage": [
        "chca zeby siostra 15 lat wyszla za maz w pakistanie",
        "nie chce wyjsc za kuzyna ale ojciec mowi ze wszystko juz ustalone",
        "ojciec zaaranzowal slub siostry, ona placze i nie chce",
        "wesele ktorego nie chce jest za miesiac",
    ],
    "suicide-and-self-harm": [
        "krzywdze sie zyletka kiedy jest zle",
        "parzylam sie papierosem na rece",
        "po smierci meza chce tylko do niego dolaczyc",
        "napisala na snapie ze dzis to koniec i sie zegna",
        "nie widze wyjscia, napisalam juz list",
        "corka mowi ze sie nienawidzi i wali glowa w sciane az krew leci",
    ],
}

# Abuse named as past and over: the domestic-abuse need (its services), no panel, no strip.
ENDED = [
    "siostra przeszla przemoc domowa, szukam grupy wsparcia dla niej",
    "synowie widzieli przemoc w dawnym domu, teraz sa bezpieczni, potrzebuja terapii",
    "moja przyjaciolka byla ofiara przemocy, jak jej pomoc teraz",
    "przemoc w poprzednim malzenstwie piec lat temu, dalej sie boje zwiazkow",
    "grupa dla kobiet po przemocy domowej w stourbridge",
    "przezylam przemoc psychiczna, chce zrozumiec co sie stalo",
]

# The same frames with a danger now beside them: still read.
ENDED_BUT_NOW = [
    "przemoc domowa dwa lata temu, teraz byly znowu czeka pod domem i grozi",
    "maz mnie bije od lat, pomocy",
    "przemoc w domu wczoraj, boje sie wrocic",
]

ORDINARY = [
    "po urlopie wychowawczym chce wrocic do pracy ale boje sie ze nie dam rady",
    "maz wrocil z pracy i znowu nie rozmawia z nikim",
    "blizniaki ciagle sie bija miedzy soba o zabawki, jak to opanowac",
    "corki sie caly czas tluka, nie wiem co robic",
    "winorosl dusi drzewo w ogrodzie, kto to przytnie",
    "jak dusic mieso w sosie, kurs gotowania",
    "synowie krzycza ze mnie zabija jak zabiore im konsole",
    "corka ma na historii temat o broni z drugiej wojny, muzeum w birmingham",
    "wesele corki w sierpniu szukam sali",
    "wyszlam za maz 15 lat temu, teraz rozwod, porada prawna",
    "nie widze wyjscia z dlugow, porada",
    "dzis to koniec roku szkolnego, co robic z dziecmi w wakacje",
    "babcia opiekuje sie mlodszym bratem po szkole",
]

NEEDS = [
    ("nasz wcześniak wrócił ze szpitala, gdzie wsparcie", "need:health"),
    ("syn ma cukrzycę typu 1, czy jest grupa dla rodziców", "need:health"),
    ("synek 6 lat moczy się w nocy co robić", "need:health"),
    ("córka nie może zasnąć do 3 w nocy", "need:health"),
    ("niemowlak ma kolki, płacze godzinami", "need:health"),
    ("sąsiad hałasuje po nocach, dzieci nie śpią", "need:crime-and-exploitation"),
    ("dzieciaki piją w parku pod blokiem, kto na to reaguje", "need:substance-use"),
    ("syn wyszedł z poprawczaka, potrzebuje wsparcia", "need:crime-and-exploitation"),
    ("od porodu nie widuję nikogo, cały dzień w domu", "need:loneliness"),
    ("polska szkoła sobotnia dla 7 latka", "need:activities"),
    ("syn dopiero uczy się angielskiego w szkole, jakie wsparcie", "need:school-and-attendance"),
    ("jak rozmawiać z córką o zdrowych związkach", "need:relationships-and-conflict"),
    ("synek ma 3 latka, chcę go oswoić z innymi dziećmi", "need:early-years-and-childcare"),
]


@pytest.fixture(scope="module")
def polish() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return replace(load_reader(council, load_safety_lines(council), language="pl"), learnt=None)


@pytest.fixture(scope="module")
def english() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return replace(load_reader(council, load_safety_lines(council)), learnt=None)


def page_reading(reader: QueryReader, text: str) -> Reading:
    """As the page reads a search: glossed into the book's English, then read."""
    return reader.read(reader.gloss(text), {}, TODAY)


def shown(reading: Reading) -> tuple[str, ...]:
    return reading.dangers + reading.cues


@pytest.mark.parametrize(
    ("danger", "text"), [(code, text) for code, texts in DANGER.items() for text in texts]
)
def test_polish_danger_said_plainly_reads_on_every_page(
    polish: QueryReader, english: QueryReader, danger: str, text: str
) -> None:
    assert danger in shown(page_reading(polish, text)), text
    assert danger in shown(english.read(text, {}, TODAY)), text


@pytest.mark.parametrize("text", ENDED)
def test_polish_abuse_that_has_ended_is_the_need_not_a_danger(
    polish: QueryReader, text: str
) -> None:
    reading = page_reading(polish, text)
    assert not shown(reading), text
    assert "need:domestic-abuse" in {c.key for c in reading.concepts}, text


@pytest.mark.parametrize("text", ENDED_BUT_NOW)
def test_polish_abuse_with_a_present_sign_still_reads(polish: QueryReader, text: str) -> None:
    assert "domestic-abuse" in shown(page_reading(polish, text)), text


@pytest.mark.parametrize("text", ORDINARY)
def test_polish_look_alikes_by_class_raise_nothing(polish: QueryReader, text: str) -> None:
    assert not shown(page_reading(polish, text)), text


@pytest.mark.parametrize(("text", "need"), NEEDS)
def test_polish_everyday_classes_read_their_need(polish: QueryReader, text: str, need: str) -> None:
    keys = {c.key for c in page_reading(polish, text).concepts}
    assert need in keys, (text, keys)


RETURNING = ["wrócić", "wrocic", "wracam", "wróciłam", "powrót"]
PLACES = ["do pracy", "do szkoły", "do biura", "do pracy po macierzyńskim"]
FEARS = ["boję się", "boje sie", "trochę się boję"]


def test_going_back_to_work_or_school_is_no_fear_of_going_home(polish: QueryReader) -> None:
    """Every verb form and place of going back, beside fear, raises nothing, while fear
    of going back home, said the same way, still reads."""
    for verb, place, fear in product(RETURNING, PLACES, FEARS):
        text = f"chcę {verb} {place} ale {fear}"
        assert not shown(page_reading(polish, text)), text
    for fear in FEARS:
        text = f"{fear} wrócić do domu, mąż mnie bije"
        assert "domestic-abuse" in shown(page_reading(polish, text)), text


FRAMES = [
    "trzy lata temu",
    "w przeszłości",
    "w poprzednim związku",
    "kiedyś, teraz jesteśmy bezpieczni",
]
ABUSES = ["przemoc domowa", "przemoc", "przemocy domowej", "przemoc psychiczna"]


def test_every_end_frame_with_every_abuse_named_is_the_need(polish: QueryReader) -> None:
    for frame, abuse in product(FRAMES, ABUSES):
        text = f"{abuse} {frame}, szukam wsparcia"
        reading = page_reading(polish, text)
        assert not shown(reading), text
        assert "need:domestic-abuse" in {c.key for c in reading.concepts}, text
