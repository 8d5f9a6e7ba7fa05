"""The deployment's learnt reader: trained from the repository's data, cached, checked.

The model (:mod:`search.learnt`) is built from the phrasebooks and the training sentences
in ``councils/training/`` (:mod:`search.examples`), its alarm also from the calibration
set's ordinary sentences, cross-fitted, deterministically; its alarm's threshold is then
calibrated on those sentences, each scored by a fit that never learnt it
(:mod:`directory.calibration`, :mod:`search.calibration`), and kept with it. It is cached in
``instance/learnt/`` under a hash of everything it is built from: the training files, the
phrasebooks, the calibration set's files, the code that builds it and the versions of
scikit-learn and numpy. ``flask search train`` (run by ``make database``) builds it; the
site builds it at start when it is missing or stale, once for every process (a file lock
keeps out a second builder, which then loads what the first wrote). The hash is taken
again after training: a model trained while its files changed is used but not cached, and
its files are read afresh for each training, never remembered in the process.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import tempfile
import time
import tomllib
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

from directory import calibration as calibration_module
from directory.calibration import calibration_files, calibration_sentences, learnt_ordinary
from directory.config import PROJECT_ROOT
from search import calibration as rule_module
from search import examples as examples_module
from search import learnt as learnt_module
from search.calibration import calibrate
from search.examples import Case, case_example, phrasebook_examples, read_cases, split
from search.learnt import Example, LearntModel, train
from search.locking import write_lock

TRAINING = PROJECT_ROOT / "councils" / "training"
PHRASEBOOKS = PROJECT_ROOT / "councils" / "phrasebooks"
CACHE = PROJECT_ROOT / "instance" / "learnt"
log = logging.getLogger(__name__)

BUILD_WAIT_SECONDS = 600.0
MODELS_KEPT = 3
"""Older models are deleted past this many (another checkout's data, a branch)."""


@dataclass(frozen=True, slots=True)
class Built:
    """A model and how it came: loaded from the cache or trained (and how long that took);
    ``kept`` is False for one trained while its files changed, cached nowhere."""

    model: LearntModel
    path: Path
    trained: bool
    seconds: float
    kept: bool = True


def training_files(directory: Path = TRAINING) -> list[Path]:
    return sorted(directory.glob("*.toml"))


def training_cases() -> list[Case]:
    """Every sentence of the training files."""
    return [case for path in training_files() for case in read_cases(path)]


def training_examples() -> list[Example]:
    """What the model learns from: the phrasebooks and the sentences outside validation.

    Every need and danger code of the shipped books is learnt, whatever the council: a
    deployment reads only the codes it knows (:class:`~search.learnt_reading.LearntReader`),
    so every council shares one model."""
    books = _books()
    danger_needs = {
        need
        for raw in books.values()
        for table in raw.get("dangers", {}).values()
        for need in table.get("needs", [])
    }
    learnt, _ = split(training_cases())
    return [
        *phrasebook_examples(books, need_codes(), danger_needs),
        *(case_example(case) for case in learnt),
    ]


def need_codes() -> list[str]:
    """The need codes the shipped English phrasebook knows."""
    return sorted(_books()["en"].get("needs", {}))


def fingerprint() -> str:
    """A hash of everything the model is built from. The libraries' versions come from
    their installed metadata: importing scikit-learn costs seconds at every start, and
    reading a built model never needs it."""
    digest = hashlib.sha256()
    for part in (version("scikit-learn"), version("numpy")):
        digest.update(part.encode() + b"\0")
    for path in (
        *training_files(),
        *sorted(PHRASEBOOKS.glob("*.toml")),
        *calibration_files(),
        Path(learnt_module.__file__),
        Path(examples_module.__file__),
        Path(rule_module.__file__),
        Path(calibration_module.__file__),
    ):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def learnt_model(rebuild: bool = False) -> Built:
    """The model for the repository's data: from the cache, or trained and cached."""
    key = fingerprint()
    path = CACHE / f"model-{key}.pickle"
    if not rebuild:
        loaded = _loaded(path)
        if loaded is not None:
            return Built(loaded, path, False, 0.0)
    CACHE.mkdir(parents=True, exist_ok=True)
    with write_lock(CACHE / ".lock", BUILD_WAIT_SECONDS):
        if not rebuild:
            loaded = _loaded(path)
            if loaded is not None:
                return Built(loaded, path, False, 0.0)
        started = time.perf_counter()
        model = calibrated(built_model(training_examples()))
        seconds = time.perf_counter() - started
        if fingerprint() != key:
            log.warning("The learnt model's files changed while it was trained: not cached")
            return Built(model, path, True, seconds, kept=False)
        with tempfile.NamedTemporaryFile(dir=CACHE, suffix=".tmp", delete=False) as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(handle.name).chmod(0o644)  # readable by the site's user, as a built index is
        Path(handle.name).replace(path)
        _MODELS[path] = model
        for old in sorted(CACHE.glob("model-*.pickle"), key=_age)[MODELS_KEPT:]:
            old.unlink(missing_ok=True)
    return Built(model, path, True, seconds)


def built_model(examples: list[Example]) -> LearntModel:
    """The model learnt from ``examples``, its alarm also from the calibration set's
    ordinary sentences, cross-fitted (:func:`directory.calibration.learnt_ordinary`)."""
    return train(examples, need_codes(), ordinary=learnt_ordinary(training_cases()))


def calibrated(model: LearntModel) -> LearntModel:
    """``model`` with its alarm's threshold chosen on the calibration set, each sentence
    the alarm learnt scored by the fit that left it out
    (:meth:`~search.learnt.LearntModel.calibration_alarm`)."""
    sentences = calibration_sentences(training_cases())
    return replace(model, alarm=calibrate(model.calibration_alarm, sentences))


_MODELS: dict[Path, LearntModel] = {}


def _loaded(path: Path) -> LearntModel | None:
    """A cached model file, read once per process (None: not there or unreadable)."""
    if path not in _MODELS:
        try:
            with path.open("rb") as handle:
                model = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        if not isinstance(model, LearntModel):
            return None
        _MODELS[path] = model
    return _MODELS[path]


def _age(path: Path) -> float:
    """Seconds since ``path`` was written (newest first when sorted)."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")


def _books() -> dict[str, dict[str, Any]]:
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(PHRASEBOOKS.glob("*.toml"))
    }
