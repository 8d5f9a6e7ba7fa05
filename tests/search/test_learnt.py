"""The learnt reader: its data, its model, and what it may add to a reading.

Ordinary sentences here are written for this test only and are never learnt from: they
share a word with harm ("knife and fork", "dying to", "shot up") in English, Polish, Urdu
and Punjabi, and no page may show the safety panel or the danger strip for them.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from directory.calibration import learnt_ordinary
from directory.config import DEFAULT_COUNCIL_FILE, PROJECT_ROOT
from directory.council import load_council
from directory.learning import learnt_model, training_cases, training_examples, training_files
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.examples import is_validation, split, unknown_codes
from search.learnt import letter_grams, normalised, train
from search.learnt_reading import NEED_LEAST
from search.understanding import QueryReader

LANGUAGES = ("en", "pl", "ur", "pa")
COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
SAFETY = load_safety_lines(COUNCIL)

LOOK_ALIKES = [
    "knife and fork set for my toddler",
    "im dying to see the new film with the kids",
    "killing time at the park before the school run",
    "my son shot up three inches this year",
    "the baby choked on his milk and then was fine",
    "my husband is a butcher and works with knives all day",
    "our dog ran away last week and the kids are upset",
    "my son wants to join the boxing club, he loves hitting the pads",
    "i could murder a cup of tea",
    "we are stuck in traffic every morning on the way to school",
    "the kids were fighting over the remote again",
    "my daughter cut her own fringe and cried about it",
    "my phone died and i missed the school call",
    "teenager keeps slamming doors when i say no to the xbox",
    "umieram z nudów w domu z dziećmi",
    "syn zgubił telefon w szkole",
    "nóż i widelec dla dziecka do szkoły",
    "córka się pokłóciła z koleżanką o lalkę",
    "mein thak ke mar gayi aaj",
    "بیٹا کرکٹ کھیلنا چاہتا ہے",
    "بچوں کے ساتھ پارک جانا ہے",
    "ਮੈਂ ਹੱਸ ਹੱਸ ਕੇ ਮਰ ਗਈ",
    "ਪੁੱਤ ਨੂੰ ਫੁੱਟਬਾਲ ਕਲੱਬ ਚਾਹੀਦਾ",
    "beti nu dance class chahidi",
]
"""Ordinary sentences that merely look like harm (none is in the training data)."""

LEARNT_NEED = "can i get help with nursery fees"
"""The rules read childcare (a category) and no need; the learnt reader reads early years."""


@pytest.fixture(scope="module")
def readers() -> dict[str, QueryReader]:
    return {language: load_reader(COUNCIL, SAFETY, language=language) for language in LANGUAGES}


def test_training_files_parse_and_name_only_known_codes() -> None:
    assert training_files(), "no training sentences in councils/training"
    cases = training_cases()
    needs = [term.code for term in COUNCIL.terms("need")]
    assert unknown_codes(cases, needs, SAFETY.dangers) == []
    assert all(case.needs or case.danger or case.lookalike for case in cases)
    learnt, held = split(cases)
    assert 0.2 < len(held) / len(cases) < 0.3
    assert not any(is_validation(case.query) for case in learnt)


def test_no_training_sentence_is_from_the_development_set_or_the_look_alikes() -> None:
    dev = PROJECT_ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
    queries = {normalised(case["query"]) for case in tomllib.loads(dev.read_text())["case"]}
    taught = {normalised(case.query) for case in split(training_cases())[0]}
    assert not taught & queries
    assert not taught & {normalised(text) for text in LOOK_ALIKES}


def test_letter_grams_are_scikit_learns_char_wb() -> None:
    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    for text in ("he strangled me", "a i", "zabiję cię", "ਮੈਨੂੰ ਡਰ ਲੱਗਦਾ", "شوہر مارتا ہے"):
        assert letter_grams(text) == theirs(text)


def test_the_same_data_builds_the_same_model() -> None:
    """On a fixed small share of the data (determinism needs no more), with ordinary
    sentences, so the cross-fitted alarm is built twice too."""
    examples = training_examples()[::50]
    ordinary = learnt_ordinary(training_cases())[::8]
    needs = [term.code for term in COUNCIL.terms("need")]
    first, second = (train(examples, needs, ordinary=ordinary) for _ in range(2))
    assert first.need_codes and first.out_of_fold, "too small a share: nothing is compared"
    assert np.array_equal(first.need_coef, second.need_coef)
    assert np.array_equal(first.danger_coef, second.danger_coef)
    assert first.out_of_fold == second.out_of_fold
    for text in ("cant afford the electric", "he said hed kill me", *LOOK_ALIKES[:3]):
        assert first.needs(text) == second.needs(text)
        assert first.danger(text) == second.danger(text)


def test_the_cached_model_is_the_one_for_the_data() -> None:
    built = learnt_model()
    again = learnt_model()
    assert not again.trained and again.path == built.path
    assert built.model.examples == len(training_examples())


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_look_alike_shows_the_panel_or_the_strip(
    readers: dict[str, QueryReader], language: str
) -> None:
    alarmed = []
    for text in LOOK_ALIKES:
        reading = readers[language].read(text, {}, date.today())
        if reading.dangers or reading.cues:
            alarmed.append((text, reading.dangers, reading.cues))
    assert alarmed == []


def test_learnt_needs_are_weak_and_add_to_the_rules(readers: dict[str, QueryReader]) -> None:
    reader = readers["en"]
    rules = replace(reader, learnt=None)
    before = rules.read(LEARNT_NEED, {}, date.today())
    after = reader.read(LEARNT_NEED, {}, date.today())
    learnt = [c for c in after.concepts if c.learnt]
    assert "need:early-years-and-childcare" in [c.key for c in learnt]
    assert all(not c.strong and not c.words and NEED_LEAST <= c.learnt <= 1 for c in learnt)
    assert [c for c in after.concepts if not c.learnt] == list(before.concepts)
    strong = reader.read("food bank", {}, date.today())
    assert [c.key for c in strong.concepts] == ["need:food"] and strong.concepts[0].strong


UNCERTAIN = [
    "she has stopped eating and gives her things away",
    "he smashes things when he doesnt get his way",
    "my daughter stays out all night with older lads and comes back with cuts",
    "nie wraca na noc i ma nowe rzeczy od starszych chłopaków",
]
"""Sentences the rules read no danger in, of more than one danger (written for this test)."""


def test_a_nearly_as_likely_second_danger_is_read_beside_the_first(
    readers: dict[str, QueryReader],
) -> None:
    reader = readers["en"]
    assert reader.learnt is not None
    seconds = 0
    # The sentences a retrained model reads a second danger in move with its data: the
    # training dangers add a pool wide enough that some always do.
    model = reader.learnt.model
    seconds_read = [
        case.query
        for case in training_cases()
        if case.danger and (guess := model.danger(case.query)) and guess.others
    ]
    for text in UNCERTAIN + [t for t in seconds_read if not reader.holds_lookalike(t)]:
        guess = model.danger(text)
        assert guess is not None
        assert len(guess.others) <= 1 and guess.code not in guess.others
        seconds += len(guess.others)
        rules = replace(reader, learnt=None).read(text, {}, date.today())
        if rules.dangers or rules.cues:
            continue
        eager = replace(reader, learnt=replace(reader.learnt, danger_least=guess.probability))
        reading = eager.read(text, {}, date.today())
        assert reading.cues == (guess.code, *guess.others), text
        assert not reading.dangers
        assert all(c.learnt and not c.strong for c in reading.concepts if c.priority)
    assert seconds, "no sentence here reads a second danger: the test checks nothing"


def test_no_learnt_danger_where_the_words_hold_a_known_look_alike(
    readers: dict[str, QueryReader],
) -> None:
    """The rules judged "ran off in the park" ordinary; however high the alarm, no strip."""
    reader = readers["en"]
    assert reader.learnt is not None
    eager = replace(reader, learnt=replace(reader.learnt, danger_least=0.0))
    for text in ("my son ran off in the park and we found him", "knife and fork for my son"):
        assert reader.holds_lookalike(text)
        reading = eager.read(text, {}, date.today())
        assert not (reading.dangers or reading.cues), text
    assert eager.read("he smashes things when he doesnt get his way", {}, date.today()).cues


def test_a_learnt_need_never_reads_again_words_the_rules_read(
    readers: dict[str, QueryReader],
) -> None:
    """Every need phrase of every shipped phrasebook, searched alone and read by the rules
    for all its words, gets no learnt need besides: the model would only read the same
    words a second time ("stay and play" is early years by its phrase, and no weak
    "activities" from "play" as well)."""
    today = date(2026, 12, 7)
    checked = 0
    for language, reader in readers.items():
        entries = {id(entry): entry for entry in reader.phrasebook.keys.values()}.values()
        for entry in entries:
            if entry.section != "needs":
                continue
            for phrase in entry.phrases:
                reading = reader.read(phrase, {}, today)
                ruled = {
                    word
                    for concept in reading.concepts
                    if not concept.learnt
                    for word in normalised(" ".join(concept.words)).split()
                }
                if not ruled or not set(normalised(phrase).split()) <= ruled:
                    continue
                checked += 1
                learnt = [c.key for c in reading.concepts if c.learnt]
                assert not learnt, (language, phrase, learnt)
    assert checked > 100
