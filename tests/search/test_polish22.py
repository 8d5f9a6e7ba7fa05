"""Polish read by class (issue 17, polish22): everyday Polish that names a harm word raises
nothing, and the danger said beside each class still reads.

Classes (from the false alarms of the blind polish15 file, written here in this file's own
sentences, never the file's): a penalty that "looms" ("grozi nam grzywna", "grozi mi
eksmisja"), violence as a topic of games or cartoons, killing time with a pronoun between,
cutlery in any case ("widelcem i nożem"), children fighting each other with the reflexive
first and play fights ("bitwa na poduszki"), fed up of living somewhere ("mam dość życia w
tej kawalerce"), a teenager vanishing into her room, children's things sold or given away,
a role or costume in a school play, sexual health as a service, things left on the floor
under laughter, the end of one's patience ("na skraju cierpliwości"), a small child
"kicking off", and a course or a new start after abuse that has ended (the need, not a
danger). Each is read as the Polish page reads it (glossed, then read), the learnt reader
set aside."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader, Reading
from tests.search.readers import rules_reader

TODAY = date(2026, 3, 2)

QUIET = [
    # a penalty that looms: a school's fine, an eviction, a suspension
    "szkoła pisze, że grozi nam grzywna za nieobecności syna",
    "grozi mi eksmisja z mieszkania, zalegam z czynszem",
    "corce grozi zawieszenie w szkole za telefon",
    # violence as a topic of games and cartoons
    "czy przemoc w grach komputerowych szkodzi 10 latkowi",
    "za duzo przemocy w bajkach na youtube, co pokazywac dziecku",
    # killing time
    "w poczekalni zabijamy sobie czas kolorowankami",
    # cutlery in any case
    "córka nie umie jeść widelcem i nożem, ma dyspraksję",
    "syn je tylko lyzka, nozem i widelcem nie chce",
    # children fighting each other, play fights
    "bliźniaki się biją o każdą zabawkę, jak reagować",
    "brat i siostra się tłuką od rana, mam dość",
    "bitwa na poduszki na urodzinach, gdzie sala zabaw",
    "chlopcy bija sie na sniezki w parku a ja marzne",
    "córka i syn znowu sie bija o pilota, rodzenstwo",
    # fed up of living somewhere
    "mam dość życia w tej ciasnej kawalerce z trojgiem dzieci",
    "mam dosc zycia na walizkach, szukamy mieszkania",
    # vanishing into one's own room
    "córka znika w swoim pokoju zaraz po szkole i nie rozmawia",
    "nastolatek przepadl w swojej sypialni z konsola",
    "corka zniknela w swoim pokoju z telefonem na caly dzien",
    # children's things sold or given away
    "sprzedam ubranka po dzieciach, gdzie oddac reszte",
    "oddaje zabawki dzieci, czy jest jakis charity shop",
    # a role or a costume
    "córka gra złodzieja w jasełkach, potrzebny strój",
    "syn chce przebranie za bandytę na bal w szkole",
    "corka zagra gangstera w szkolnym musicalu, potrzebny kostium",
    # sexual health as a service
    "gdzie nastolatka moze dostac antykoncepcje, poradnia zdrowia seksualnego",
    "edukacja seksualna dla 12 latka, jak rozmawiac",
    # things on the floor, under laughter; the end of one's patience; a tantrum
    "udusze corke jak znowu zostawi kubki na podlodze haha",
    "zabije corke jak znowu zostawi ubrania na podlodze hehe",
    "jestem na skraju cierpliwości z tym remontem",
    "synek ciągle kicking off w supermarkecie, ma 4 lata",
]

# A course, a group or a new start after abuse that has ended: the need, no danger.
ENDED = [
    "warsztaty dla ofiar przemocy domowej w stourbridge",
    "po ucieczce od przemocowego partnera szukam mebli do nowego mieszkania",
]

# The danger beside each class still reads.
DANGER = [
    ("mąż grozi, że mnie zabije", "domestic-abuse"),
    ("grozi mi nożem jak pije", "domestic-abuse"),
    ("mąż grozi mi i mówi ze wyrzuci mnie z domu", "domestic-abuse"),
    ("przemoc w domu, mąż mnie bije", "domestic-abuse"),
    ("chłopak przyłożył mi nóż do szyi", "domestic-abuse"),
    ("ojciec bije syna pasem", "child-at-risk"),
    ("mam dość życia, nie chcę tu być", "suicide-and-self-harm"),
    ("mam dosc zycia w tym swiecie, chce umrzec", "suicide-and-self-harm"),
    ("córka zniknęła, nie ma jej od wczoraj", "child-at-risk"),
    ("syn dołączył do gangu, nosi nóż", "exploitation"),
    ("wujek wysyla corce zdjecia seksualne", "child-at-risk"),
    ("zostawia niemowle na podlodze i wychodzi na caly dzien", "child-at-risk"),
    ("stoję na moście, chcę skoczyć", "suicide-and-self-harm"),
    ("mąż kicking off i rzuca talerzami, boję się", "domestic-abuse"),
    ("po ucieczce od przemocy on znowu czeka pod domem i grozi", "domestic-abuse"),
    ("grupa dla ofiar przemocy, maz mnie dzis pobil", "domestic-abuse"),
]

# Danger said plainly, by class (the polish15 file's misses, in this file's own words): a
# protective order broken, a partner hunting the family who fled, a rope taken to a garage
# or a cellar beside a loss, a young child alone at home into the night, a home taken
# over to deal from (cuckooing), a child sold to men or for a debt.
PLAIN = [
    ("jest order z sadu ale on go lamie i przychodzi do dzieci", "domestic-abuse"),
    (
        "uciekłyśmy z córkami od partnera do cioci, a on nas szuka po całym mieście",
        "domestic-abuse",
    ),
    ("dziadek po smierci babci zamknal sie w garazu ze sznurem, boje sie", "suicide-and-self-harm"),
    ("brat poszedl z lina na strych i nie odbiera", "suicide-and-self-harm"),
    ("moj 7 latek siedzi sam w domu do 10 w nocy bo pracuje na zmiany", "child-at-risk"),
    ("5 letnia corka jest sama w domu do polnocy jak ja sprzatam biura", "child-at-risk"),
    ("partner sprzedaje córkę starszym facetom", "exploitation"),
    ("sasiad sprzedal corke za dlug", "exploitation"),
]

# Their look-alikes: an order asked about, a payment order, a move after leaving, a rope
# for towing or climbing, a child afraid at night or alone for minutes, things sold.
PLAIN_QUIET = [
    "sad wydal order na kontakt z dziecmi, co dalej",
    "znowu przychodzi nakaz zaplaty, pomocy z dlugami",
    "ucieklam od meza rok temu, szukam pracy",
    "tata kupil line do holowania auta, trzyma w garazu",
    "syn chodzi na wspinaczke z lina, gdzie scianka",
    "moj 8 latek boi sie zasypiac w nocy, co robic",
    "3 latek nie spi w nocy, jestem sama z nim, pomocy",
    "7 latek zostaje sam w domu na 15 minut po szkole, czy to legalne",
    "sasiedzi maja imprezy w mieszkaniu do rana",
    "sprzedaje dom po dziadku, potrzebuje porady prawnej",
    "corka sprzedaje swoje rysunki na targu",
]


@pytest.fixture(scope="module")
def polish() -> QueryReader:
    return rules_reader("pl")


def page_reading(reader: QueryReader, text: str) -> Reading:
    """As the page reads a search: glossed into the book's English, then read."""
    return reader.read(reader.gloss(text), {}, TODAY)


def shown(reading: Reading) -> tuple[str, ...]:
    return reading.dangers + reading.cues


@pytest.mark.parametrize("text", QUIET)
def test_everyday_polish_naming_a_harm_word_raises_nothing(polish: QueryReader, text: str) -> None:
    assert not shown(page_reading(polish, text)), text


@pytest.mark.parametrize("text", ENDED)
def test_a_course_or_new_start_after_abuse_is_the_need(polish: QueryReader, text: str) -> None:
    reading = page_reading(polish, text)
    assert not shown(reading), text
    assert "need:domestic-abuse" in {c.key for c in reading.concepts}, text


@pytest.mark.parametrize(("text", "danger"), DANGER)
def test_the_danger_beside_each_class_still_reads(
    polish: QueryReader, text: str, danger: str
) -> None:
    assert danger in shown(page_reading(polish, text)), text


@pytest.mark.parametrize(("text", "danger"), PLAIN)
def test_polish_danger_said_plainly_reads(polish: QueryReader, text: str, danger: str) -> None:
    assert danger in shown(page_reading(polish, text)), text


@pytest.mark.parametrize("text", PLAIN_QUIET)
def test_their_look_alikes_raise_nothing(polish: QueryReader, text: str) -> None:
    assert not shown(page_reading(polish, text)), text
