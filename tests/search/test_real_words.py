"""Spelling correction only for non-words: a real word is what the family meant.

A word in ``wordfreq``'s English list (or any shipped language's), in a phrasebook, in the
index, or a contraction or text-speak form is never respelled, by the reader (towards a
phrasebook word) or by "Did you mean" (towards an index word), whether or not any listing
uses it. Typos that are no word still are corrected.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wordfreq import top_n_list

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search import SearchBackend
from search.cues import fold
from search.phrasebook import joined_phrase_words, phrase_words
from search.understanding import QueryReader
from tests.search.search_factories import make_doc, query

TODAY = date(2026, 3, 2)
SAMPLE = 3000


@pytest.fixture(scope="module")
def reader() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council))


def _english_words() -> list[str]:
    """A large sample of wordfreq's commonest English words, as the reader keys them."""
    words = [w for w in top_n_list("en", 40_000) if w.isalpha() and w.isascii() and len(w) >= 4]
    return random.Random(17).sample(words, SAMPLE)


def test_the_reader_never_respells_a_common_english_word(reader: QueryReader) -> None:
    words = _english_words()
    index_words = {word: 1 for word in words[: SAMPLE // 2]}  # half in the index, half not
    for known in (index_words, {}):
        respelled = {
            (typed, fixed)
            for word in words
            for typed, fixed in reader.read(word, known, TODAY).corrections
        }
        assert respelled == set()


@pytest.mark.parametrize(
    "word", ["bored", "meals", "struggled", "rated", "dont", "cant", "im", "tbh", "gonna", "innit"]
)
def test_real_words_contractions_and_text_speak_are_words(reader: QueryReader, word: str) -> None:
    assert reader.is_word(word)
    assert reader.read(f"{word} kids", {}, TODAY).corrections == ()


@pytest.mark.parametrize("word", ["przemoc", "jedzenie", "ਭੋਜਨ", "کھانا"])
def test_words_of_the_other_shipped_languages_are_words(reader: QueryReader, word: str) -> None:
    assert reader.is_word(word)


@pytest.fixture(scope="module")
def polish_reader() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council), language="pl")


def test_a_polish_word_typed_without_its_letters_is_never_respelled(
    polish_reader: QueryReader,
) -> None:
    """Families type Polish on English keyboards: "zniknęła" (disappeared) as "zniknela",
    never read as "zginęła" (died), "smród" (a stink) as "smrod", never "środa"
    (Wednesday). A sample of wordfreq's Polish words with Polish letters, typed without
    them, is never respelled by the reader and is glossed as the word with its letters is
    (in one form: the book's own spelling of it may come back)."""
    words = [w for w in top_n_list("pl", 60_000) if w.isalpha() and not w.isascii() and len(w) >= 5]
    sample = random.Random(17).sample(words, SAMPLE)
    assert polish_reader.is_word("zniknela") and polish_reader.is_word("smrod")
    respelled = {
        (word, fixed)
        for word in sample
        for _, fixed in polish_reader.read(fold(word), {}, TODAY).corrections
    }
    assert respelled == set()

    def form(text: str) -> list[str]:
        return [polish_reader.gloss_fold(word) for word in phrase_words(text)]

    glossed_apart = {
        (word, polish_reader.gloss(fold(word)))
        for word in sample
        if form(polish_reader.gloss(fold(word))) != form(polish_reader.gloss(word))
    }
    assert glossed_apart == set()


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("homless", "homeless"), ("bereavment", "bereavement"), ("depresion", "depression")],
)
def test_non_words_are_still_corrected(reader: QueryReader, typo: str, meant: str) -> None:
    assert (typo, meant) in reader.read(f"{typo} help", {}, TODAY).corrections


def test_did_you_mean_never_respells_a_real_word(build, reader: QueryReader) -> None:  # type: ignore[no-untyped-def]
    backend: SearchBackend = build(
        [
            make_doc("board", "Board games club", description="Board games for families."),
            make_doc("males", "Males group", description="A group for males."),
        ]
    )
    for word, near in (("bored", "board"), ("meals", "males")):
        results = backend.search(query(word, reader=reader))
        assert results.suggestion != near
        assert results.total == 0
    typo = backend.search(query("boardd", reader=reader))
    assert typo.suggestion == "board" and typo.total == 1


@given(st.text(max_size=12) | st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True))
def test_a_listed_word_is_joined_as_the_reader_reads_it(word: str) -> None:
    """The word lists' quick path ("meals" as it is) and the reader's full one (folded,
    apostrophes off, parts joined) agree on every word, so no real word is lost."""
    assert joined_phrase_words(word) == "".join(phrase_words(word))
