"""The learnt alarm's calibration set: ordinary sentences the repository already holds.

Gathered by code, never picked by hand (:mod:`search.calibration` chooses the threshold on
it), from four sources, none of which the model learns from:

- the development relevance set's cases with no danger
  (``tests/fixtures/relevance/families.toml``);
- the ordinary sentences of the danger properties (``EVERY_ORDINARY`` of
  ``tests/finding/test_danger_properties.py``: :data:`ORDINARY_SOURCES`);
- the look-alikes written out from templates (:mod:`search.lookalike_templates`);
- the training sentences' validation part with no danger (:func:`search.examples.split`).

A sentence the model does learn from (the same words as a training sentence outside
validation) is left out, and each sentence counts once. So is one holding a look-alike the
cue lexicon knows ("ran off in the park and we found him", "keep track of"): the learnt
reader reads no danger in those whatever the alarm says (:mod:`search.learnt_reading`), so
they say nothing about its threshold. Left in, they would hold it at 0.998, above the
0.995 picked by hand.
"""

from __future__ import annotations

import importlib.util
import tomllib
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from directory.config import PROJECT_ROOT
from directory.council import CouncilFileError
from search import lookalike_templates
from search.cues import CueError, CueLexicon, parse_cues
from search.examples import Case, split
from search.learnt import normalised
from search.understanding import holds_lookalike

DEVELOPMENT_SET = PROJECT_ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
SENTENCES = PROJECT_ROOT / "tests" / "search"
ORDINARY_SOURCES: tuple[tuple[str, str], ...] = (
    ("danger_sentences.py", "ORDINARY"),
    ("danger_sentences_fresh.py", "FRESH_ORDINARY"),
    ("danger_sentences_fresh.py", "OUT_OF_SAMPLE_ORDINARY"),
    ("danger_sentences_fresh.py", "FOURTH_ORDINARY"),
    ("danger_sentences_fresh.py", "FIFTH_ORDINARY"),
    ("lookalikes_broad.py", "BROAD_LOOKALIKES"),
)
"""File (in SENTENCES) and name of each list (or mapping of lists) of ordinary sentences.
The files are data (lists of sentences, no imports) and are loaded by path, so the site
builds the model from whatever directory it runs in."""
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


def development_ordinary() -> list[str]:
    raw = tomllib.loads(DEVELOPMENT_SET.read_text(encoding="utf-8"))
    return [case["query"] for case in raw["case"] if not case.get("danger")]


def property_ordinary() -> list[str]:
    """The danger properties' ordinary sentences, in :data:`ORDINARY_SOURCES` order."""
    texts: list[str] = []
    for file, name in ORDINARY_SOURCES:
        value = getattr(_loaded(SENTENCES / file), name)
        texts.extend(_flattened(value.values() if isinstance(value, dict) else [value]))
    return texts


def _loaded(path: Path) -> ModuleType:
    """The module at ``path``, run under a name of its own (not as ``tests``)."""
    spec = importlib.util.spec_from_file_location(f"_calibration_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def calibration_files() -> list[Path]:
    """The files the calibration set is read from (for the model's fingerprint)."""
    return [
        DEVELOPMENT_SET,
        CUES,
        Path(lookalike_templates.__file__),
        *(SENTENCES / file for file in sorted({file for file, _ in ORDINARY_SOURCES})),
    ]


def _cues() -> CueLexicon:
    try:
        return parse_cues(tomllib.loads(CUES.read_text(encoding="utf-8")))
    except (CueError, tomllib.TOMLDecodeError) as error:
        raise CouncilFileError(f"{CUES.name}: {error}") from None


def _flattened(lists: Iterable[list[str]]) -> list[str]:
    return [text for texts in lists for text in texts]
