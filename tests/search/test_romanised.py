"""Urdu and Punjabi typed in Latin letters are read as Urdu and Punjabi (issue 17, point 8).

A romanised word in any spelling ("behen", "behn"; "mahine", "mahinay") or any ending of
a verb or adjective ("maarta", "maarti", "maarte") is a word of the language, never
respelled as an English typo; English typos on the same pages still are. A search written
in romanised Urdu or Punjabi, or in their scripts, is read with that language's book on an
English page; English words that look like romanised ones ("main road", "bus", "bat",
"gap") are not Urdu. The sentences here were written for these tests, from how families
type, and are no sentence of any relevance or training set.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pytest
from flask import Flask

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader, search_reader, written_in
from search.romanised import RomanisedWords
from search.understanding import QueryReader, Reading

TODAY = date(2026, 3, 2)
LANGUAGES = ("en", "ur", "pa")


@pytest.fixture(scope="module")
def readers() -> dict[str, QueryReader]:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    return {language: load_reader(council, safety, language=language) for language in LANGUAGES}


def _loud(reading: Reading) -> set[str]:
    """The dangers of the panel or strip but the learnt alarm's band 2, whose strip has a
    budget of ordinary sentences (tests/search/test_danger_paraphrases.py counts it)."""
    return {*reading.dangers, *reading.cues} - set(reading.quiet_cues)


def _read(reader: QueryReader, text: str) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """(concept keys, dangers of either grade, corrections) of ``text`` as the page reads it."""
    reading = reader.read(reader.gloss(text), {}, TODAY)
    return (
        {concept.key for concept in reading.concepts},
        {*reading.dangers, *reading.cues},
        set(reading.corrections),
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ur", "behen behn maarta maarti maarte mahine mahinay milti hafte darte chhat sharam"),
        ("ur", "karwate batana samajh bhaiyon kehti kehta lagta bolte jeene nikaal"),
        ("pa", "aunda aunde maarda mangda jaanda bachiyan shauk lokan vekhda kehnda"),
        ("pa", "mainu chahidi vich gallan dassiye sambhalde chalauni gujar saure"),
    ],
)
def test_a_romanised_word_in_any_spelling_or_ending_is_never_respelled(
    readers: dict[str, QueryReader], language: str, words: str
) -> None:
    reader = readers[language]
    for word in words.split():
        assert reader.is_word(word), word
        assert _read(reader, word)[2] == set(), word


@pytest.mark.parametrize("language", ["ur", "pa"])
@pytest.mark.parametrize(
    ("typo", "meant"),
    [("homless", "homeless"), ("bereavment", "bereavement"), ("depresion", "depression")],
)
def test_english_typos_are_still_corrected_on_urdu_and_punjabi_pages(
    readers: dict[str, QueryReader], language: str, typo: str, meant: str
) -> None:
    reader = readers[language]
    assert not reader.is_word(typo)
    assert _read(reader, typo)[0] == _read(reader, meant)[0] != set()


def test_a_glossed_verb_is_read_in_its_other_agreements() -> None:
    known = frozenset({"marta", "karda", "gaia"})
    assert RomanisedWords.agreeing("marti", known) == "marta"
    assert RomanisedWords.agreeing("marte", known) == "marta"
    assert RomanisedWords.agreeing("kardian", known) == "karda"
    assert RomanisedWords.agreeing("gaie", known) == "gaia"
    # a short noun is no verb: "beti" (daughter) is never "beta" (son)
    assert RomanisedWords.agreeing("beti", frozenset({"beta"})) is None
    assert RomanisedWords.agreeing("larki", frozenset({"larka"})) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mujhe madad chahiye", "ur"),
        ("ghar se nikal diya", "ur"),
        ("paise nahi hain bijli ka bill", "ur"),
        ("bachay ke liye school", "ur"),
        ("mera pati marta hai", "ur"),
        ("khana", "ur"),
        ("my son is bullied at school mujhe kya karna chahiye", "ur"),
        ("mainu madad chahidi", "pa"),
        ("ghar vich koi nahi", "pa"),
        ("munde nu school vich tang karde ne", "pa"),
        ("گھریلو تشدد", "ur"),
        ("ਘਰੇਲੂ ਹਿੰਸਾ", "pa"),
    ],
)
def test_a_search_in_urdu_or_punjabi_is_told_by_its_words(
    readers: dict[str, QueryReader], text: str, language: str
) -> None:
    assert written_in(text, readers) == language


@pytest.mark.parametrize(
    "text",
    [
        "main road",
        "bus",
        "bat",
        "gap",
        "cricket bat",
        "mind the gap",
        "the bus is late",
        "main bus stop",
        "bat and ball gap year",
        "food bank near me",
        "toddler group on a saturday",
        "my partner hits me",
        "teen having panic attacks",
        "hai",
    ],
)
def test_english_words_that_look_romanised_are_not_urdu_or_punjabi(
    readers: dict[str, QueryReader], text: str
) -> None:
    assert written_in(text, readers) is None


@pytest.mark.parametrize(
    ("language", "text", "need"),
    [
        ("ur", "ghar mein khana nahi hai bachay bhooke hain", "need:food"),
        ("ur", "paise nahi hain qarza bohat hai", "need:money-and-debt"),
        ("ur", "abbu guzar gaye janaze ka kharcha", "need:bereavement"),
        ("ur", "beta school nahi jata", "need:school-and-attendance"),
        ("pa", "ghar vich khaan nu kuj nahi", "need:food"),
        ("pa", "bapu ji guzar gaye, bachean nu kiven dassiye", "need:bereavement"),
    ],
)
def test_romanised_sentences_find_their_needs(
    readers: dict[str, QueryReader], language: str, text: str, need: str
) -> None:
    assert need in _read(readers[language], text)[0]


@pytest.mark.parametrize(
    ("language", "text", "danger"),
    [
        ("ur", "usne mera gala dabaya kal raat", "domestic-abuse"),
        ("ur", "shohar kehta hai jaan se maar dunga", "domestic-abuse"),
        ("ur", "saas ne mera passport rakh liya hai", "domestic-abuse"),
        ("ur", "main bridge pe khari hoon", "suicide-and-self-harm"),
        ("ur", "meri marzi ke bagair shadi kar rahe hain", "forced-marriage"),
        ("ur", "zabardasti shaadi karwa rahe hain", "forced-marriage"),
        ("pa", "ohne mera gala ghuttya", "domestic-abuse"),
        ("pa", "gharwala kehnda jaan ton maar dau", "domestic-abuse"),
        ("pa", "main pul te khadi haan", "suicide-and-self-harm"),
        ("pa", "meri marzi ton bina viah kar rahe", "forced-marriage"),
    ],
)
def test_romanised_danger_sentences_raise_the_panel_or_the_strip(
    readers: dict[str, QueryReader], language: str, text: str, danger: str
) -> None:
    assert danger in _read(readers[language], text)[1]


@pytest.mark.parametrize(
    "text",
    ["bache ne gala kharab kar liya thand se", "passport banwana hai bache ka", "bridge club"],
)
def test_look_alikes_of_the_new_danger_phrases_raise_nothing(
    readers: dict[str, QueryReader], text: str
) -> None:
    for language in ("ur", "pa"):
        reading = readers[language].read(readers[language].gloss(text), {}, TODAY)
        assert _loud(reading) == set(), (language, text)


def test_an_english_page_reads_urdu_or_punjabi_with_its_book(search_app: Flask) -> None:
    """On an English page a search in romanised Urdu or Punjabi (or their scripts) is read
    with that language's book; English stays English; a page in another language keeps its
    own reader."""
    readers = search_app.extensions["query_readers"]
    with search_app.test_request_context("/find-support?lang=en"):
        assert search_reader("ghar mein khana nahi hai") is readers["ur"]
        assert search_reader("mainu madad chahidi") is readers["pa"]
        assert search_reader("ਘਰੇਲੂ ਹਿੰਸਾ") is readers["pa"]
        assert search_reader("main road bus stop") is readers["en"]
    with search_app.test_request_context("/find-support?lang=pl"):
        assert search_reader("ghar mein khana nahi hai") is readers["pl"]


def test_a_romanised_search_on_an_english_page_finds_its_need(search_app: Flask) -> None:
    """ "ghar mein khana nahi hai" (no food at home) on an English page lists food help
    first, read with the Urdu book; the page stays in English."""
    response = search_app.test_client().get(
        f"/find-support?{urlencode({'q': 'ghar mein khana nahi hai', 'lang': 'en'})}"
    )
    markup = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="en"' in markup
    assert "food" in markup.split("app-service-list", 1)[1][:3000].casefold()


@pytest.mark.parametrize(
    ("language", "text", "need", "strength"),
    [
        # The job one has ("at work", "from work") is where a day happens, not work wanted
        ("pa", "ਘਰ ਦਾ ਤੇ ਕੰਮ ਤੇ ਤਣਾਅ ਬਹੁਤ", "work-and-skills", "weak"),
        ("ur", "kaam se thak ke aati hoon", "work-and-skills", "weak"),
        ("pa", "mainu kam chahida", "work-and-skills", "strong"),
        # The school putting a child out, the school named first, is an exclusion
        ("ur", "school ne meri beti ko nikal diya", "school-and-attendance", "strong"),
        ("pa", "ਸਕੂਲ ਨੇ ਮੇਰੀ ਧੀ ਨੂੰ ਕੱਢ ਦਿੱਤਾ", "school-and-attendance", "strong"),
    ],
)
def test_everyday_frames_read_as_their_need(
    readers: dict[str, QueryReader], language: str, text: str, need: str, strength: str
) -> None:
    reader = readers[language]
    reading = reader.read(reader.gloss(text), {}, TODAY)
    strengths = {c.key: c.strength for c in reading.concepts}
    assert strengths.get(f"need:{need}") == strength, strengths


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ur", "school door hai, bus ka kiraya nahi de sakte"),
        ("pa", "ਸਕੂਲ ਦੂਰ ਹੈ ਬੱਸ ਦਾ ਕਿਰਾਇਆ ਨਹੀਂ"),
        ("ur", "school ne bete ko nikal diya"),
    ],
)
def test_a_fare_or_an_exclusion_is_no_housing(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    assert "need:housing" not in _read(readers[language], text)[0]


@pytest.mark.parametrize("text", ["bacha dig gaya si cycle ton", "ਬੱਚਾ ਪੌੜੀਆਂ ਤੋਂ ਡਿੱਗ ਗਿਆ"])
def test_a_child_who_fell_is_no_loss(readers: dict[str, QueryReader], text: str) -> None:
    assert "need:bereavement" not in _read(readers["pa"], text)[0]
