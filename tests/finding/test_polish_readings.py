"""Polish read by kind, with the shipped books: each kind beside the look-alikes it must
not take in (issue 17, point 8).

- Caring for an adult is no childcare; a child's care still is.
- Number nouns and collective numerals are no day ("w piątkę", the five of us); a day
  needs a day's word, and a day something began or ends by ranks, never filters.
- A blow one gives oneself (the reflexive "się", one's own head against a thing) is an
  accident; "uderzył mnie" and colloquial blows ("przywalił mi") are abuse.
- A look or a snore that "kills" is no threat; a threat still is.
- Drugs in slang and AA meetings read as drugs and alcohol.
- A form typed with Polish letters is a real word when it is one without them: never
  respelled ("opiekuję" is no "opiekunkę").
- A topic word after "pod", "obok", "koło" is a place (ranks only); a pet that died is a
  loss, a phone that "died" is not.
- Living or left alone with the children is a lone parent, not loneliness; broken
  heating said either way round is a repair, its bill money; a parent going without food
  is food; a death's formal word, a school application named in English, inflation,
  cheap shopping, the verb "to work", the perfective "pokłócić się" and "pogadać z
  kimś" read as their need; a wedding "z przymusu" is forced marriage (round 14).

The sentences are written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader, Reading

TODAY = date(2026, 11, 23)


@cache
def reader() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council), language="pl")


def read(text: str) -> Reading:
    one = reader()
    return one.read(one.gloss(text), {}, TODAY)


def strong(reading: Reading) -> set[str]:
    return {concept.key for concept in reading.concepts if concept.strong}


def weak(reading: Reading) -> set[str]:
    return {concept.key for concept in reading.concepts if not concept.strong}


def danger(reading: Reading) -> bool:
    return bool(reading.dangers or reading.cues)


CHILDCARE = {"category:childcare", "need:early-years-and-childcare"}


@pytest.mark.parametrize(
    "text",
    [
        "opieka nad mamą",
        "opieka nad chorą mamą po udarze",
        "zajmuję się opieką nad tatą z demencją",
        "opiekę nad babcią mamy na zmianę z siostrą",
        "kurs na opiekunkę osób starszych",
        "opiekuję się chorą mamą, jestem wykończona",
    ],
)
def test_caring_for_an_adult_is_no_childcare(text: str) -> None:
    assert not CHILDCARE & strong(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "opieka nad dzieckiem",
        "opieki nad dziećmi po szkole",
        "szukam opieki dla dwulatka",
        "niania albo żłobek dla rocznego synka",
    ],
)
def test_a_childs_care_is_still_childcare(text: str) -> None:
    assert CHILDCARE & strong(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "mieszkamy w piątkę w jednym pokoju",
        "mieszkamy w piatke w jednym pokoju",
        "syn dostał piątkę z matmy",
        "pojechaliśmy w trójkę nad morze",
        "we czwórkę w dwóch pokojach",
    ],
)
def test_a_number_word_is_no_day(text: str) -> None:
    assert not any(key.startswith("time:") for key in strong(read(text)) | weak(read(text)))


@pytest.mark.parametrize(
    "text",
    ["zajęcia w piątek rano", "youth club w piątki wieczorem", "klub w piątek po szkole"],
)
def test_a_day_said_as_a_day_reads(text: str) -> None:
    assert "time:friday" in strong(read(text)), text


@pytest.mark.parametrize(
    "text", ["nie mamy co jeść do piątku", "od piątku syn nie chodzi do szkoły"]
)
def test_a_day_something_began_or_ends_by_ranks_never_filters(text: str) -> None:
    reading = read(text)
    assert "time:friday" in weak(reading) and "time:friday" not in strong(reading), text


@pytest.mark.parametrize(
    "text",
    [
        "mąż się uderzył w głowę i leci mu krew",
        "mój mąż przewrócił się i uderzył głową o schody",
        "mąż walnął się w kolano na budowie",
        "nauczycielka mnie zabiła wzrokiem",
        "mąż mnie zabija swoim chrapaniem",
        "przywaliło mnie robotą",
        "bank mnie zabije tymi opłatami za debet",
        "te rachunki mnie kiedyś wykończą",
        "mała nie spała całą noc, zabiła mnie kompletnie",
    ],
)
def test_an_accident_or_hyperbole_is_no_danger(text: str) -> None:
    assert not danger(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "mąż mnie uderzył w głowę",
        "mąż popchnął mnie i uderzyłam się w głowę",
        "mąż mi przywalił",
        "oberwałam od męża",
        "mąż mnie zabije jak odejdę",
        "mąż mnie kiedyś zabije",
    ],
)
def test_a_blow_or_threat_from_someone_is_still_danger(text: str) -> None:
    assert danger(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "córka wraca z imprez naćpana",
        "brat wciąga kokę w weekendy",
        "chyba ketamina, co robić",
        "aa mityngi po polsku",
        "anonimowi alkoholicy w okolicy",
    ],
)
def test_drugs_in_slang_and_aa_read_as_drugs_and_alcohol(text: str) -> None:
    assert "need:substance-use" in strong(read(text)), text


def test_a_place_named_by_a_topic_word_only_ranks() -> None:
    reading = read("ktoś ukradł synowi rower pod szkołą")
    assert "need:crime-and-exploitation" in strong(reading)
    assert "need:school-and-attendance" in weak(reading)
    assert "need:school-and-attendance" in strong(read("syn nie chce chodzić do szkoły"))


def test_a_pet_dying_is_a_loss_and_a_phone_dying_is_not() -> None:
    assert "need:bereavement" in strong(read("nasz pies zdechł i syn ciągle płacze"))
    assert "need:bereavement" not in strong(read("telefon mi zdechł w pracy"))


@pytest.mark.parametrize(("typed", "not_into"), [("opiekuję", "opiekunkę"), ("zajęłam", "zajęcia")])
def test_a_word_typed_with_its_letters_is_real_when_it_is_without_them(
    typed: str, not_into: str
) -> None:
    """The word lists hold a language's commoner forms: "opiekuję" (I care for) is not
    in them, "opiekuje" is; a Polish form is never respelled into another word."""
    assert reader().is_word(typed)
    corrected = read(f"{typed} się mamą").corrections
    assert all(fixed != not_into for _, fixed in corrected), corrected


def test_a_misspelling_typed_with_polish_letters_is_still_corrected() -> None:
    assert "category:childcare" in strong(read("żłobk dla synka"))


@pytest.mark.parametrize(
    "text",
    [
        "zostałam sama z dziećmi po rozwodzie",
        "mieszkam sam z dzieckiem od rozwodu",
        "zostalem sam z dziecmi",
    ],
)
def test_living_alone_with_the_children_is_a_lone_parent_not_loneliness(text: str) -> None:
    reading = strong(read(text))
    assert "need:parenting" in reading and "need:loneliness" not in reading, text


@pytest.mark.parametrize(
    "text",
    [
        "czuję się samotna",
        "siedzę sama w domu całe dnie",
        "jestem tu sama z dziećmi, nikogo nie znam",
    ],
)
def test_feeling_alone_is_still_loneliness(text: str) -> None:
    assert "need:loneliness" in strong(read(text)), text


def test_broken_heating_either_way_round_is_housing_and_its_bill_is_money() -> None:
    assert "need:housing" in strong(read("ogrzewanie nie działa od tygodnia"))
    assert "need:housing" in strong(read("ogrzewanie zepsute, landlord nie odpisuje"))
    bill = strong(read("rachunki za ogrzewanie są za wysokie"))
    assert "need:money-and-debt" in bill and "need:housing" not in bill


def test_a_parent_going_without_food_is_food_and_a_fussy_eater_is_not() -> None:
    assert "need:food" in strong(read("nic nie jadłam od rana żeby dzieci miały"))
    assert "need:food" not in strong(read("syn nie je warzyw"))


@pytest.mark.parametrize(
    ("text", "need", "not_need"),
    [
        ("jak zarejestrować zgon taty", "need:bereavement", ""),
        ("potrzebuję aktu zgonu", "need:bereavement", ""),
        ("zgoda rodziców na wycieczkę", "", "need:bereavement"),
        ("aplikacja do secondary school do kiedy", "need:school-and-attendance", ""),
        ("aplikacja do nauki angielskiego", "", "need:school-and-attendance"),
        ("inflacja nas wykańcza", "need:money-and-debt", ""),
        ("gdzie tanie zakupy spożywcze", "need:food", ""),
        ("czy 15 latek może pracować w weekendy", "need:work-and-skills", ""),
        ("pracownik socjalny nie oddzwania", "", "need:work-and-skills"),
        ("jak się pokłócimy to nie odzywa się tydzień", "need:relationships-and-conflict", ""),
        ("chcę pogadać z kimś o tym jak się czuję", "need:mental-health-and-wellbeing", ""),
    ],
)
def test_formal_colloquial_and_mixed_words_read_as_their_need(
    text: str, need: str, not_need: str
) -> None:
    """A death's formal word ("zgon"), a school application named in English, inflation,
    cheap shopping, the verb "to work", the perfective "pokłócić się" and "pogadać z
    kimś"; each beside a word that only looks like it."""
    reading = strong(read(text))
    assert not need or need in reading, (text, reading)
    assert not not_need or not_need not in reading, (text, reading)


@pytest.mark.parametrize(
    ("text", "forced"),
    [
        ("ślub z przymusu", True),
        ("slub z przymusu", True),
        ("rodzice szykują mi ślub pod przymusem", True),
        ("ślub kuzynki w sobotę", False),
        ("zaproszenie na ślub", False),
    ],
)
def test_a_forced_wedding_is_forced_marriage_and_a_wedding_is_not(text: str, forced: bool) -> None:
    assert ("forced-marriage" in read(text).dangers) is forced, text


# Round 15 (issue 17): signs written by class from a blind Polish file's misses, tested
# with sentences of their own; each class beside the look-alikes it must leave alone.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the reflexive before the verb, with and without Polish letters: the panel
        ("syn się tnie, widziałam blizny", "suicide-and-self-harm"),
        ("corka sie tnie od wakacji", "suicide-and-self-harm"),
        ("kumpel napisał że się jutro zabije", "suicide-and-self-harm"),
        ("siedze na dachu bloku i nie wiem po co dalej", "suicide-and-self-harm"),
        ("nie dam rady dłużej tak żyć", "suicide-and-self-harm"),
        # a blow to the face said colloquially, a threat said as "coś mi zrobi"
        ("stary mi dał w twarz przy dzieciach", "domestic-abuse"),
        ("dostałam w pysk od partnera", "domestic-abuse"),
        ("mąż mówi że jak powiem komuś to coś mi zrobi", "domestic-abuse"),
        # a child lost and looked for; a carer striking a small child
        ("synek zgubił się w parku, szukamy go od godziny", "child-at-risk"),
        ("niania walnęła małego, widziałam na nagraniu", "child-at-risk"),
        # grooming and exploitation signs
        ("córka 13 lat, starszy chłopak kupuje jej wódkę i fajki", "exploitation"),
        ("jakiś dorosły facet odwozi córkę w nocy pod dom", "exploitation"),
        ("ktoś obcy na discordzie mówi synowi żeby nie mówił nikomu", "exploitation"),
        ("kazali mu przewozić torbę, grożą że jak nie to go pobiją", "exploitation"),
        ("agencja zabrała nam dokumenty i nie płacą za pracę", "exploitation"),
        ("śpimy w 12 osób w jednym domu, pracujemy na magazynie", "exploitation"),
        # marriage one cannot refuse, honour and shame
        ("jak nie wyjdę za kuzyna to ojciec mnie wyrzuci", "forced-marriage"),
        ("rodzina już wzięła pieniądze za moje wesele, nie mogę odmówić", "forced-marriage"),
        ("jedziemy w lato do kraju i tam ma być mój ślub, nikt mnie nie pytał", "forced-marriage"),
        ("rodzice ją zaręczyli, a ona ma 14 lat", "forced-marriage"),
        ("wujek mówi że przynoszę wstyd rodzinie i brat mnie pilnuje", "forced-marriage"),
        ("chcą wydać siostrę z niepełnosprawnością za mąż", "forced-marriage"),
    ],
)
def test_round_15_polish_signs_read_their_danger(text: str, code: str) -> None:
    reading = read(text)
    assert code in (*reading.dangers, *reading.cues), (text, reading.dangers, reading.cues)


@pytest.mark.parametrize(
    "text",
    [
        # tiredness ("nie daję rady") and can't-make-it: no wish to die
        "nie dam rady przyjść rano, jest coś po południu?",
        "z trojgiem dzieci już nie daję rady, gdzie jakaś pomoc domowa",
        # fear for someone, not of them; a teenager shut in her own room
        "boję się o syna, mało je i ciągle ćwiczy",
        "syn siedzi zamknięty w pokoju całymi dniami przy komputerze",
        # a purpose clause, vanishing into books or games, knives for cooking
        "co zrobić żeby nie wrócił do palenia",
        "córka znika w grach, nie wychodzi na dwór",
        "młody kroi warzywa nożem jak zawodowiec, szukam kursu kuchni",
        # weather, laughter, a game and a teenager's "stara" that "kill"
        "ten deszcz mnie wykończy, gdzie iść z dziećmi pod dachem",
        "zabijecie mnie śmiechem, ale nie umiem jeździć na rowerze",
        "kill team w sobotę dla 14 latka, gdzie grają",
        "stara mnie zabije za te oceny, gdzie korepetycje z matmy",
        # pills taken too often for months, a scam, violence denied or in the past
        "biorę za dużo leków przeciwbólowych od roku, chyba jestem uzależniona",
        "oszuści podali się za bank i ukradli mi oszczędności",
        "rozstajemy się spokojnie, nie ma przemocy, co z alimentami",
        "w poprzednim związku była przemoc, teraz szukam terapii dla siebie",
        "jak rozpoznać przemoc psychiczną u znajomej",
        # someone afraid "they'll do something" with the children, no threat made
        "boję się że opieka społeczna coś nam zrobi z dziećmi, co to early help",
    ],
)
def test_round_15_polish_lookalikes_raise_no_danger(text: str) -> None:
    reading = read(text)
    assert not danger(reading), (text, reading.dangers, reading.cues)
