"""Reading made cheaper reads every sentence as before (issue 17: reading's cost).

The cue lexicons try only the patterns a word of the text can begin (an index of each
pattern's first words and word starts, probed by set intersection), prepare a text's folded
words and word starts once for all seven lexicons, and the harm reader finds a query's
class words once however often one reading asks. None of it may change a reading:

- every development and training sentence's full reading (gloss, concepts with their
  needs, evidence, strength and positions, dangers, cues, corrections, asker, harm
  findings) matches the digests recorded from the code before
  (:mod:`tests.search.reading_record`; regenerate them when a lexicon changes on purpose);
- every lexicon's matches equal a plain reference that tries every pattern on the text;
- the index's edge cases: a pattern that can begin with any word, optional words and
  alternatives, ``&`` parts in any order, whole words only, accents and other scripts,
  romanised forms, look-alikes' blanked words.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace

import pytest

from search.cues import CueLexicon, _folded, _Patterns, build_cues
from search.harm import Rule, build_reader
from search.understanding import _tokens
from tests.search.readers import rules_reader
from tests.search.reading_record import FIXTURE, chunks, sentence_files, sentences

LEXICONS = ("ignore", "cues", "ended_abuse", "behaviour", "injury", "guarded", "sign")


def reference(patterns: _Patterns, words: Sequence[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) of every match of every pattern, none skipped by an index."""
    text = " ".join(words)
    found: list[tuple[str, int, int]] = []
    for label, parts in patterns.compiled:
        matches = [list(part.finditer(text)) for part in parts]
        if all(matches):
            found += [(label, m.start(), m.end()) for ms in matches for m in ms]
    return found


def indexed(patterns: _Patterns, words: Sequence[str]) -> list[tuple[str, int, int]]:
    return [(label, m.start(), m.end()) for label, m in patterns.matches(words)]


def lexicons(cues: CueLexicon) -> Iterator[_Patterns]:
    for name in LEXICONS:
        patterns = getattr(cues, name)
        if patterns is not None:
            yield patterns


@pytest.mark.parametrize("name", [path.name for path in sentence_files()])
def test_every_sentence_reads_as_recorded(name: str) -> None:
    kept = json.loads(FIXTURE.read_text(encoding="utf-8"))[name]
    path = next(path for path in sentence_files() if path.name == name)
    found = [digest for _, digest in chunks(path)]
    # A differing chunk: `python -m tests.search.reading_record --diff NAME` lists it.
    assert found == kept


def test_every_lexicon_matches_as_trying_every_pattern() -> None:
    cues = rules_reader("en").cues
    assert cues is not None
    files = sentence_files()
    texts = [text for _, text in sentences(files[0])]
    texts += [text for path in files[1:] for _, text in sentences(path)[::15]]
    for text in texts:
        words = _folded(tuple(token.key for token in _tokens(text)))
        for patterns in lexicons(cues):
            assert indexed(patterns, words) == reference(patterns, words), text


def lexicon(*patterns: str, words: dict[str, list[str]] | None = None) -> CueLexicon:
    return build_cues(["knife and fork"], {"danger": list(patterns)}, words)


def both(cues: CueLexicon, text: str) -> dict[str, tuple[int, ...]]:
    """What ``cues`` finds in ``text``, checked against the reference first."""
    words = [token.key for token in _tokens(text)]
    skipped = cues.ignored(words)
    folded = ["_" if i in skipped else word for i, word in enumerate(_folded(tuple(words)))]
    assert indexed(cues.cues, folded) == reference(cues.cues, folded)
    return cues.find(words)


def test_a_pattern_that_can_begin_with_any_word_is_always_tried() -> None:
    cues = lexicon("*ed .. knife/knives")  # no word it begins with: tried on every text
    assert both(cues, "he grabbed a knife") == {"danger": (1, 2, 3)}
    assert both(cues, "knife") == {}  # the "*ed" needs a word of its own
    assert both(cues, "he has a knife") == {}


def test_a_word_start_finds_its_longer_words_and_no_word_it_is_inside() -> None:
    cues = lexicon("kill* .. me")
    assert both(cues, "hes killing me") == {"danger": (1, 2)}
    assert both(cues, "kill me") == {"danger": (0, 1)}
    assert both(cues, "my skills let me down") == {}  # "skill" holds "kill"
    assert both(cues, "roadkill near me") == {}


def test_an_exact_word_is_matched_whole() -> None:
    cues = lexicon("hit ~ me")
    assert both(cues, "he hit me") == {"danger": (1, 2)}
    assert both(cues, "he hitched me a lift") == {}
    assert both(cues, "white me") == {}


def test_optional_words_and_alternatives_of_several_words() -> None:
    cues = lexicon("lock*/shut ~ me ~ in the house/indoors/in")
    assert both(cues, "he locks me in") == {"danger": (1, 2, 3)}
    assert both(cues, "he shut me in the house") == {"danger": (1, 2, 3, 4, 5)}
    assert both(cues, "he shut me indoors") == {"danger": (1, 2, 3)}
    assert both(cues, "he shut me out") == {}


def test_a_pattern_whose_alternatives_begin_a_word_or_are_one() -> None:
    cues = lexicon("strangl*/choked .. me")
    assert both(cues, "he choked me") == {"danger": (1, 2)}
    assert both(cues, "he strangled me") == {"danger": (1, 2)}
    assert both(cues, "he choke me") == {}


def test_parts_joined_with_and_are_found_in_any_order_and_each_is_needed() -> None:
    cues = lexicon("uncle/stepdad & touch* & her/him")
    assert both(cues, "she says her uncle keeps touching her") == {"danger": (2, 3, 5, 6)}
    assert both(cues, "touching him again, the stepdad") == {"danger": (0, 1, 4)}
    assert both(cues, "her uncle keeps texting her") == {}
    assert both(cues, "my uncle touched the car") == {}


def test_a_look_alikes_words_neither_cue_nor_bridge_a_gap() -> None:
    cues = lexicon("knife", "said .. kill* .. me")
    assert both(cues, "a knife and fork") == {}
    assert both(cues, "pulled a knife") == {"danger": (2,)}
    assert both(cues, "he said hed kill me") == {"danger": (1, 2, 3, 4)}


def test_accents_are_folded_on_either_side() -> None:
    cues = lexicon("zabiję/udusi*")
    assert both(cues, "powiedział że mnie zabije") == {"danger": (3,)}
    assert both(cues, "mówi że mnie zabiję") == {"danger": (3,)}
    assert both(cues, "chciał mnie udusić") == {"danger": (2,)}
    assert both(cues, "zabiłem czas") == {}


def test_other_scripts_are_matched_as_written() -> None:
    cues = lexicon("مار* .. دوں", "ਮਾਰ* ~ ਦੇਵਾਂਗਾ")
    assert both(cues, "وہ کہتا ہے جان سے مار دوں گا") == {"danger": (5, 6)}
    assert both(cues, "ਉਹ ਕਹਿੰਦਾ ਮਾਰ ਦੇਵਾਂਗਾ") == {"danger": (2, 3)}
    assert both(cues, "ਉਹ ਮਾਰਦਾ ਹੈ") == {}
    assert both(cues, "بازار دوں") == {}  # "مار" inside another word


def test_romanised_forms_through_a_words_list() -> None:
    cues = lexicon("@hit ~ hai", words={"hit": ["maarta", "marta", "maarti"]})
    assert both(cues, "shohar roz maarta hai") == {"danger": (2, 3)}
    assert both(cues, "woh marta hai") == {"danger": (1, 2)}
    assert both(cues, "woh maarte hai") == {}
    assert both(cues, "marta") == {}


def test_a_text_is_prepared_once_whatever_the_lexicon() -> None:
    cues = lexicon("hit ~ me")
    words = ("he", "hit", "me")
    assert _folded(words) is _folded(words)
    assert cues.find(list(words)) == cues.find(list(words)) == {"danger": (1, 2)}


def test_harm_words_remembered_are_those_of_the_same_words_and_blanks() -> None:
    reader = build_reader(
        {"hurt": ["hit"], "who": ["partner"]},
        [Rule("domestic-abuse", frozenset({"hurt"}), frozenset({"who"}))],
    )
    keys = ["partner", "hit", "me"]
    everything = reader.words(keys)
    assert [word.text for word in everything] == ["partner", "hit"]
    assert [word.text for word in reader.words(keys, {1})] == ["partner"]
    everything.clear()  # the caller's list is its own
    assert [word.text for word in reader.words(keys)] == ["partner", "hit"]
    assert reader.read(keys) and not reader.read(keys, {1})
    copy = replace(reader, window=1)
    assert copy._found is not reader._found
