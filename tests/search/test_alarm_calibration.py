"""The learnt alarm's threshold is chosen at training time by a rule, and holds.

The calibration set is what its sources hold (less what the model learns from and what
holds a look-alike the cue lexicon knows); the deployment model's threshold is the rule
applied to it; no calibration sentence reaches it, including the held-out quarter the rule
never saw; a model retrained on a perturbed phrasebook (a fifth of its phrases dropped, on
a fixed third of the examples) gets a threshold of its own that the held-out quarter still
does not reach; and ``flask search train`` prints it.
"""

from __future__ import annotations

import hashlib
import math
import tomllib
from collections.abc import Callable
from functools import cache

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from directory.calibration import (
    DEVELOPMENT_SET,
    calibration_files,
    calibration_sentences,
    development_ordinary,
    development_ordinary_from_set,
    learnt_ordinary,
    property_ordinary,
)
from directory.config import DEFAULT_COUNCIL_FILE, PROJECT_ROOT
from directory.council import load_council
from directory.learning import calibrated, learnt_model, training_cases, training_examples
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.calibration import (
    FLOOR,
    OFF,
    STEPS,
    STRIP_BUDGET,
    STRIP_FLOOR,
    calibrate,
    parts,
    strip_threshold,
    threshold_above,
)
from search.examples import split
from search.learnt import LearntModel, normalised, train
from search.lookalike_templates import LOOK_ALIKES
from tests.finding.test_danger_properties import EVERY_ORDINARY
from tests.search.test_learnt import LOOK_ALIKES as WRITTEN_LOOK_ALIKES

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
READER = load_reader(COUNCIL, load_safety_lines(COUNCIL))


@cache
def _sentences() -> tuple[str, ...]:
    return tuple(calibration_sentences(training_cases()))


def _alarm(model: LearntModel) -> Callable[[str], float]:
    def probability(text: str) -> float:
        guess = model.danger(text)
        return 0.0 if guess is None else guess.probability

    return probability


def test_the_rule_keeps_a_margin_above_the_highest_ordinary_sentence() -> None:
    assert threshold_above(0.2) == FLOOR
    assert threshold_above(0.97) == 0.99  # odds 32 -> at least 65: 0.98 has 49, 0.99 99
    assert threshold_above(0.9999) == 0.99995  # odds 9999 -> at least 19998
    assert threshold_above(0.99999) == OFF
    previous = 0.0
    for highest in (0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.9995, 0.9999):
        chosen = threshold_above(highest)
        assert chosen > highest and chosen >= previous
        assert chosen in STEPS or chosen == OFF
        previous = chosen


@given(
    st.lists(st.floats(0.0, 1.0), max_size=300),
    st.sampled_from([0.0, 0.001, 0.005, 0.01, 0.05, 0.5, 1.0]),
    st.sampled_from([0.5, 0.9, 0.99, 0.999, 1.0, OFF]),
)
def test_band_2_keeps_to_its_budget_at_the_lowest_such_step(
    scores: list[float], budget: float, ceiling: float
) -> None:
    """At most ``budget`` of the scores reach band 2's threshold; one step (1/10,000)
    lower, more would (unless it is at its floor or band 1's); never above band 1's."""
    least = strip_threshold(scores, budget, ceiling)
    allowed = int(budget * len(scores) + 1e-9)
    assert least <= ceiling
    assert sum(1 for score in scores if score >= least) <= allowed or least == ceiling
    if least < ceiling:
        assert least >= STRIP_FLOOR
        lower = round(least - 1e-4, 4)
        assert least == STRIP_FLOOR or sum(1 for s in scores if s >= lower) > allowed


def test_band_2_is_computed_with_the_model_and_keeps_to_its_budget() -> None:
    """Band 2's threshold is the rule's on the same cross-fitted scores band 1 is chosen on,
    no higher than band 1's, and reached by at most the budget of the calibration set."""
    model = learnt_model().model
    assert model.alarm is not None and model.alarm.budget == STRIP_BUDGET
    chosen_on, held_out = parts(_sentences())
    scores = [model.calibration_alarm(text) for text in chosen_on]
    assert model.strip_least == strip_threshold(scores, STRIP_BUDGET, model.danger_least)
    assert model.strip_least <= model.danger_least
    reached = [
        text for text, score in zip(chosen_on, scores, strict=True) if score >= model.strip_least
    ]
    assert len(reached) == model.alarm.strip_reached <= STRIP_BUDGET * len(chosen_on)
    # The held-out quarter, never chosen on, stays within a few times the budget.
    alarm = _alarm(model)
    unseen = [text for text in held_out if alarm(text) >= model.strip_least]
    assert len(unseen) <= 3 * STRIP_BUDGET * len(held_out) + 2, unseen


def test_the_calibration_set_is_gathered_from_its_sources_and_never_learnt_from() -> None:
    sentences = _sentences()
    words = {normalised(text) for text in sentences}
    assert len(words) == len(sentences)
    learnt, validation = split(training_cases())
    taught = {normalised(case.query) for case in learnt}
    assert not words & taught
    assert property_ordinary() == EVERY_ORDINARY
    dev = tomllib.loads(DEVELOPMENT_SET.read_text(encoding="utf-8"))["case"]
    expected = [
        *(case["query"] for case in dev if not case.get("danger")),
        *EVERY_ORDINARY,
        *(text for texts in LOOK_ALIKES.values() for text in texts),
        *(case.query for case in validation if case.danger is None),
    ]
    known = {normalised(text) for text in expected if READER.holds_lookalike(text)}
    assert known, "no sentence holds a look-alike the cue lexicon knows: nothing is checked"
    assert words == {normalised(text) for text in expected} - taught - known
    dangers = {normalised(case["query"]) for case in dev if case.get("danger")}
    dangers |= {normalised(case.query) for case in validation if case.danger}
    assert not words & dangers
    chosen_on, held_out = parts(sentences)
    assert 0.2 < len(held_out) / len(sentences) < 0.3
    assert set(chosen_on).isdisjoint(held_out)


def test_the_alarm_learns_no_held_out_or_validation_sentence() -> None:
    """The held-out part stays unseen (the check below means something) and the training
    files' validation part stays unlearnt (its figures mean something)."""
    learnt = {normalised(text) for text in learnt_ordinary(training_cases())}
    chosen_on, held_out = parts(_sentences())
    assert learnt and learnt <= {normalised(text) for text in chosen_on}
    assert not learnt & {normalised(text) for text in held_out}
    _, validation = split(training_cases())
    assert not learnt & {normalised(case.query) for case in validation}
    assert set(learnt_model().model.out_of_fold) == learnt


def test_the_calibration_set_is_built_from_councils_and_search_never_tests() -> None:
    """A deployment without tests/ builds the model: every file the set is read from is
    product data, and the development set's copy is whole and in order."""
    for path in calibration_files():
        assert path.relative_to(PROJECT_ROOT).parts[0] in {"councils", "search"}, path
    assert development_ordinary() == development_ordinary_from_set(), (
        "councils/calibration/development.toml is stale: "
        "run .venv/bin/python scripts/calibration_development.py"
    )


def test_the_deployment_model_carries_the_threshold_the_rule_gives() -> None:
    model = learnt_model().model
    assert model.alarm is not None
    # Chosen on the cross-fitted scores: a sentence the alarm learnt as ordinary counts
    # with its out-of-fold probability (search.learnt.ALARM_FOLDS).
    assert model.out_of_fold, "the alarm learnt no calibration sentence: nothing cross-fitted"
    again = calibrate(model.calibration_alarm, _sentences())
    assert model.alarm == again
    chosen_on, held_out = parts(_sentences())
    assert (again.sentences, again.held_out) == (len(chosen_on), len(held_out))
    assert again.threshold > again.highest
    # The rule, not a hand-picked bound, sets how high it is (0.99 before the en_danger3 and
    # pl_mixed3 sentences, 0.997 with them, 0.9995 with the exactly solved alarm); the strip
    # must still be able to show.
    assert again.threshold < 1.0, "no step clears the ordinary sentences: the learnt strip is off"


def test_no_calibration_sentence_reaches_the_threshold_not_even_held_out_ones() -> None:
    model = learnt_model().model
    alarm = _alarm(model)
    chosen_on, held_out = parts(_sentences())
    assert held_out
    assert [t for t in chosen_on if alarm(t) >= model.danger_least] == []
    assert [t for t in held_out if alarm(t) >= model.danger_least] == []
    assert [t for t in WRITTEN_LOOK_ALIKES if alarm(t) >= model.danger_least] == []


@pytest.mark.parametrize("dropped", [0, 3])
def test_a_perturbed_phrasebook_still_raises_no_false_alarm_held_out(dropped: int) -> None:
    """A fifth of the phrasebook phrases (by a hash of their words) dropped: the model
    moves, its threshold is chosen again, and the held-out quarter stays below it.

    Retrained on a fixed third of the examples (by another byte of the hash) and with no
    need models, which the alarm never uses: the rule must hold for any model it is given,
    and the full model's own threshold is checked above; this keeps each fit to a third."""
    examples = training_examples()
    kept = [
        example
        for example in examples
        if (digest := hashlib.sha256(example.text.encode()).digest())[1] % 3 == 0
        and (not example.source.startswith("phrasebook") or digest[0] % 5 != dropped)
    ]
    assert 0.25 < len(kept) / len(examples) < 0.33
    model = calibrated(train(kept, [], ordinary=learnt_ordinary(training_cases())))
    assert model.alarm is not None and not math.isinf(model.danger_least)
    alarm = _alarm(model)
    _, held_out = parts(_sentences())
    assert [t for t in held_out if alarm(t) >= model.danger_least] == []


# The command reads files only, never the database: one engine is enough (half a minute each).
@pytest.mark.parametrize("empty_app", ["sqlite"], indirect=True)
def test_flask_search_train_prints_the_threshold_and_what_it_reads(empty_app: Flask) -> None:
    model = learnt_model().model
    assert model.alarm is not None
    result = empty_app.test_cli_runner().invoke(args=["search", "train"])
    assert result.exit_code == 0, result.output
    assert (
        f"alarm band 1 (strip, listings first) from {model.danger_least:g}: calibration set "
        f"{model.alarm.sentences} ordinary sentences (+{model.alarm.held_out} held out for "
        f"the tests), highest alarm {model.alarm.highest:.4f}"
    ) in result.output
    assert (
        f"alarm band 2 (strip, one listing first) from {model.strip_least:g}: "
        f"budget {model.alarm.budget:.2%} of the calibration set, {model.alarm.strip_reached} "
        "of its sentences reach it"
    ) in result.output
    band1 = next(line for line in result.output.splitlines() if "validation band 1 at" in line)
    assert f"at {model.danger_least:g}: " in band1 and "learnt false alarms 0" in band1
    assert f"validation band 2 at {model.strip_least:g}: " in result.output
