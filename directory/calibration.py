"""The learnt alarm's calibration set: ordinary sentences the repository already holds.

Gathered by code, never picked by hand (:mod:`search.calibration` chooses the threshold on
it), from four sources. The alarm learns the first three's sentences, cross-fitted (those
outside the held-out part: :func:`learnt_ordinary`), and the threshold is chosen on their
out-of-fold scores; the fourth is never learnt:

- the development relevance set's cases with no danger
  (``tests/fixtures/relevance/families.toml``), as copied to :data:`DEVELOPMENT_FILE`
  (``tests/search/test_alarm_calibration.py`` checks the copy is whole and in order;
  ``scripts/calibration_development.py`` writes it again);
- the ordinary sentences of the danger properties (``EVERY_ORDINARY`` of
  ``tests/finding/test_danger_properties.py``), kept in :data:`ORDINARY_FILE`, which the
  tests' sentence modules read in turn;
- the look-alikes written out from templates (:mod:`search.lookalike_templates`);
- the training sentences' validation part with no danger (:func:`search.examples.split`).

A sentence the model does learn from (the same words as a training sentence outside
validation) is left out, and each sentence counts once. So is one holding a look-alike the
cue lexicon knows ("ran off in the park and we found him", "keep track of"): the learnt
reader reads no danger in those whatever the alarm says (:mod:`search.learnt_reading`), so
they say nothing about its threshold. Left in, they would hold it at 0.998, above the
0.995 picked by hand.

Every file is under ``councils/`` or ``search/``: a deployment without ``tests/`` builds
the model.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from directory.config import PROJECT_ROOT
from directory.council import CouncilFileError
from search import lookalike_templates
from search.calibration import parts
from search.cues import CueError, CueLexicon, parse_cues
from search.examples import Case, split
from search.learnt import normalised
from search.understanding import holds_lookalike

CALIBRATION = PROJECT_ROOT / "councils" / "calibration"
ORDINARY_FILE = CALIBRATION / "ordinary.toml"
"""The danger properties' ordinary sentences, as named lists (and one mapping of lists by
language, ``broad_lookalikes``)."""
ORDINARY_LISTS: tuple[str, ...] = (
    "ordinary",
    "more_ordinary",
    "harm_look_alikes",
    "fresh_ordinary",
    "out_of_sample_ordinary",
    "fourth_ordinary",
    "fifth_ordinary",
    "broad_lookalikes",
)
"""Their order in ``EVERY_ORDINARY`` (``tests/finding/test_danger_properties.py``)."""
DEVELOPMENT_SET = PROJECT_ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
"""Never read at build time: :data:`DEVELOPMENT_FILE` holds what is needed of it."""
DEVELOPMENT_FILE = CALIBRATION / "development.toml"
"""The development set's queries with no danger, in its order."""
CUES = PROJECT_ROOT / "councils" / "safety" / "cues.toml"
"""The cue lexicon whose look-alikes the learnt reader leaves alone (as the reader's)."""


def calibration_sentences(cases: list[Case]) -> list[str]:
    """The calibration set, given every training sentence (``cases``)."""
    learnt, validation = split(cases)
    taught = {normalised(case.query) for case in learnt}
    gathered = [
        *development_ordinary(),
        *property_ordinary(),
        *(text for texts in lookalike_templates.LOOK_ALIKES.values() for text in texts),
        *(case.query for case in validation if case.danger is None),
    ]
    cues = _cues()
    seen: set[str] = set()
    kept = []
    for text in gathered:
        words = normalised(text)
        if not words or words in seen or words in taught or holds_lookalike(cues, text):
            continue
        seen.add(words)
        kept.append(text)
    return kept


def learnt_ordinary(cases: list[Case]) -> list[str]:
    """The calibration sentences the alarm learns as "none", cross-fitted
    (:func:`search.learnt.fit_alarm`): all but the held-out part (never learnt, never
    chosen on: the tests' check) and the training files' validation part (what the figures
    are measured on)."""
    _, validation = split(cases)
    measured = {normalised(case.query) for case in validation}
    chosen_on, _ = parts(calibration_sentences(cases))
    return [text for text in chosen_on if normalised(text) not in measured]


def development_ordinary() -> list[str]:
    """The development set's queries with no danger (from :data:`DEVELOPMENT_FILE`)."""
    return list(_toml(DEVELOPMENT_FILE)["ordinary"])


def development_ordinary_from_set(path: Path = DEVELOPMENT_SET) -> list[str]:
    """What :data:`DEVELOPMENT_FILE` must hold, read from the development set itself (for
    the tests and ``scripts/calibration_development.py``, never at build time)."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return [case["query"] for case in raw["case"] if not case.get("danger")]


def ordinary_lists() -> dict[str, Any]:
    """The lists of :data:`ORDINARY_FILE`, freshly read (callers may extend them)."""
    return _toml(ORDINARY_FILE)


def property_ordinary() -> list[str]:
    """The danger properties' ordinary sentences, in :data:`ORDINARY_LISTS` order."""
    lists = ordinary_lists()
    texts: list[str] = []
    for name in ORDINARY_LISTS:
        value = lists[name]
        texts.extend(_flattened(value.values() if isinstance(value, dict) else [value]))
    return texts


def calibration_files() -> list[Path]:
    """The files the calibration set is read from (for the model's fingerprint)."""
    return [DEVELOPMENT_FILE, ORDINARY_FILE, CUES, Path(lookalike_templates.__file__)]


def _cues() -> CueLexicon:
    try:
        return parse_cues(tomllib.loads(CUES.read_text(encoding="utf-8")))
    except (CueError, tomllib.TOMLDecodeError) as error:
        raise CouncilFileError(f"{CUES.name}: {error}") from None


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CouncilFileError(f"{path.name}: {error}") from None


def _flattened(lists: Iterable[list[str]]) -> list[str]:
    return [text for texts in lists for text in texts]
