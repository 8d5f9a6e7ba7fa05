"""The learnt alarm's threshold, chosen at training time by a rule. Pure code.

The learnt strip shows when the rules read no danger and the alarm
(:meth:`search.learnt.LearntModel.danger`) is at least a threshold. A threshold picked by
hand does not survive a phrasebook or training-data change: the alarm learns the need
phrases as its "none" examples, so every such change moves the scores of ordinary
sentences. So the threshold is computed each time the model is trained, from a fixed set
of ordinary sentences (look-alikes that use harm's words and everyday family sentences;
:mod:`directory.calibration` gathers them), each scored by a model that never learnt it:
the alarm learns the set's ordinary sentences as "none" too (all but the held-out part and
the training files' validation part), cross-fitted, and each learnt one is scored by the
fit that left it out (:data:`search.learnt.ALARM_FOLDS`;
:meth:`search.learnt.LearntModel.calibration_alarm`, the higher of that and the model's
own probability):

- one sentence in :data:`TEST_SHARE` of that set (by a salted hash of its words, so a
  sentence stays on its side whatever is added) is held out: the threshold is never
  chosen on it, and the tests check that none of it raises the alarm either;
- of the rest, the highest alarm probability is taken, and the threshold is the smallest
  step of :data:`STEPS` (never below :data:`FLOOR`) whose odds are at least
  :data:`MARGIN_ODDS` times that highest probability's odds. The alarm is scored on the
  words alone, as if the rules read no danger in any of them: the strictest reading, and
  one that does not move when the rules do (only sentences holding a look-alike the cue
  lexicon knows are left out of the set, as the learnt reader reads no danger there).
- If no step clears it, the threshold is :data:`OFF`: the learnt strip never shows, and
  ``flask search train`` says so.

That threshold is band 1: the strip and the danger's listings first, at no false alarm on
the calibration set. It is decided by the set's single highest sentence, so it sits far
above most unseen dangers. Band 2 (:func:`strip_threshold`) shows the strip and one
listing meeting the danger first, the other results in their order without it: its
threshold is the lowest at which at most :data:`STRIP_BUDGET` of the same sentences (the
same out-of-fold scores) reach it, never below :data:`STRIP_FLOOR` and never above band
1's. A band-2 false alarm costs an ordinary family one line of text and one listing before
its own; a missed danger costs the line a family in danger needed.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from search.learnt import normalised

FLOOR = 0.9
"""Below this the alarm reads too many ordinary sentences to be worth the strip
(``bench/learnt.py``: at 0.9, 6 validation and 8 development false alarms before)."""
STEPS: tuple[float, ...] = (
    *(round(0.90 + i / 100, 2) for i in range(9)),
    *(round(0.990 + i / 1000, 3) for i in range(10)),
    0.9995,
    0.9998,
    0.9999,
    0.99995,
    0.99999,
)
"""The thresholds band 1 may take. The two above 0.9999 came with the twelfth round's files:
an alarm fit on a third of the examples with a fifth of the phrasebook dropped put an
ordinary sentence at 0.99983, beyond 0.9999's margin, and band 1 went off; with them the
rule still finds a threshold with its margin (the shipped model's is unchanged)."""
MARGIN_ODDS = 2.0
"""The threshold's odds (p / (1 - p)) are at least this many times the highest ordinary
sentence's: its distance from certainty at most half that sentence's (0.98 -> 0.99), a
log-odds margin of 0.7. Retraining with a fifth of the phrasebook's phrases dropped moved
the 20 highest ordinary sentences' odds by 0.84 to 1.32 times (README, The learnt
reader). The held-out quarter, which the threshold never sees, checks it,
with the shipped data and after retraining on a perturbed phrasebook
(``tests/search/test_alarm_calibration.py``)."""
OFF = math.inf
"""The threshold when no step clears the calibration set: no probability reaches it."""
TEST_SHARE = 4
"""One calibration sentence in this many is held out of the choice, for the tests."""
STRIP_BUDGET = 0.01
"""Band 2's false-alarm budget: the share of the calibration set's ordinary sentences (those
it is chosen on) allowed to reach its threshold. Chosen on the validation share's trade-off
(README, The learnt reader: ``bench/learnt.py`` prints it per budget)."""
STRIP_FLOOR = 0.5
"""Band 2 never reads a danger the alarm finds less likely than not."""
_SALT = "signpost-alarm-calibration-1"


@dataclass(frozen=True, slots=True)
class AlarmCalibration:
    """The alarm's threshold and what it was chosen from (kept with the model)."""

    threshold: float
    sentences: int
    """How many calibration sentences it was chosen on (the held-out ones not counted)."""
    highest: float
    """The highest alarm probability among them."""
    highest_text: str
    held_out: int
    """How many calibration sentences were held out for the tests."""
    strip: float = OFF
    """Band 2's threshold (:func:`strip_threshold`): the strip and one listing first, from
    this probability to band 1's."""
    budget: float = 0.0
    """The false-alarm budget band 2 was chosen at (:data:`STRIP_BUDGET`)."""
    strip_reached: int = 0
    """How many of the calibration sentences reach band 2's threshold."""


def is_held_out(text: str) -> bool:
    """Whether a calibration sentence is in the held-out part (about 1 in TEST_SHARE)."""
    digest = hashlib.sha256(f"{_SALT}:{normalised(text)}".encode()).digest()
    return digest[0] % TEST_SHARE == 0


def parts(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """(chosen on, held out) parts of the calibration sentences."""
    listed = list(texts)
    return (
        [text for text in listed if not is_held_out(text)],
        [text for text in listed if is_held_out(text)],
    )


def odds(probability: float) -> float:
    return math.inf if probability >= 1.0 else probability / (1.0 - probability)


def threshold_above(highest: float) -> float:
    """The rule: the smallest step at or above FLOOR whose odds are MARGIN_ODDS times
    ``highest``'s; OFF when none is."""
    needed = MARGIN_ODDS * odds(highest)
    return next((step for step in STEPS if step >= FLOOR and odds(step) >= needed), OFF)


def strip_threshold(scores: Iterable[float], budget: float, ceiling: float) -> float:
    """Band 2's threshold: the lowest probability (in steps of 1/10,000, at least
    STRIP_FLOOR) that at most ``budget`` of ``scores`` reach, or ``ceiling`` (band 1's
    threshold) when that is lower."""
    ranked = sorted(scores, reverse=True)
    allowed = math.floor(budget * len(ranked) + 1e-9)
    if allowed >= len(ranked):
        return min(STRIP_FLOOR, ceiling)
    above = ranked[allowed]  # the highest score that must stay below the threshold
    step = math.floor(above * 10_000) + 1
    while step / 10_000 <= above:  # a float's rounding must not put it at the threshold
        step += 1
    least = max(STRIP_FLOOR, step / 10_000)
    return min(least, ceiling)


def calibrate(
    alarm: Callable[[str], float], texts: Iterable[str], budget: float = STRIP_BUDGET
) -> AlarmCalibration:
    """The thresholds for the alarm ``alarm`` (a sentence's probability of telling of a
    danger) over the calibration sentences ``texts``: band 1's, and band 2's at ``budget``."""
    chosen_on, held_out = parts(texts)
    scored = sorted(((alarm(text), text) for text in chosen_on), reverse=True)
    highest, text = scored[0] if scored else (0.0, "")
    threshold = threshold_above(highest)
    strip = strip_threshold((score for score, _ in scored), budget, threshold)
    reached = sum(1 for score, _ in scored if score >= strip)
    return AlarmCalibration(
        threshold, len(chosen_on), highest, text, len(held_out), strip, budget, reached
    )
