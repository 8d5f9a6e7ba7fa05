"""The query readers, built once and cached on disk by everything they are built from.

Building the readers (each language's phrasebook merged into the English one, the real
words from ``wordfreq``, the danger cue and harm lexicons) is seconds of pure Python, and
every new worker did it at its start. Built, they are pickled to ``instance/readers/``
under a key: a hash of every file under ``councils/`` and of the council file, of the
code under ``search/`` and ``directory/``, and of the versions of Python, ``wordfreq``
and the stemmers' package (:data:`search.analysis.STEMMER_DISTRIBUTION`). A start whose
key matches loads the file; one whose key does
not builds the readers and writes the file atomically, under a lock, so a second process
starting at once waits and loads what the first wrote.

The key is taken before anything it covers is read (the app takes it before it reads its
council file) and again after a build: readers built while the files changed are given to
the app that built them but stored under no key, so a later start builds them afresh
rather than loading stale readers under the new key. What the build reads is read afresh
each time, never remembered in the process by file name (:mod:`directory.understanding`).

The file starts with the SHA-256 of what follows: a file that is short, altered or not
a pickle of readers is rebuilt and replaced, never trusted. The learnt model is not in the
file: it has its own cache (:mod:`directory.learning`), and loaded readers are given the
model that cache holds.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path

from directory.config import PROJECT_ROOT
from search.analysis import STEMMER_DISTRIBUTION
from search.learnt import LearntModel
from search.locking import write_lock
from search.understanding import QueryReader

log = logging.getLogger(__name__)

CACHE = PROJECT_ROOT / "instance" / "readers"
COUNCILS = PROJECT_ROOT / "councils"
CODE = (PROJECT_ROOT / "search", PROJECT_ROOT / "directory")
FILES_KEPT = 8
"""Older files are deleted past this many (another council file, a branch, tests)."""
BUILD_WAIT_SECONDS = 300.0
_MODEL = "learnt-model"
_DIGEST = hashlib.sha256().digest_size

Readers = dict[str, QueryReader]


def reader_key(council_file: Path, councils: Path = COUNCILS) -> str:
    """A hash of everything the readers are built from (see the module)."""
    digest = hashlib.sha256()
    for part in (sys.version, version("wordfreq"), version(STEMMER_DISTRIBUTION)):
        digest.update(part.encode() + b"\0")
    files = {
        **{_name(path, councils): path for path in _files(councils.rglob("*"))},
        "council file": council_file,
        **{
            _name(path, PROJECT_ROOT): path
            for folder in CODE
            for path in _files(folder.rglob("*.py"))
        },
    }
    for name, path in files.items():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cached_readers(
    taken: str,
    key: Callable[[], str],
    build: Callable[[], Readers],
    model: Callable[[], LearntModel],
    cache: Path = CACHE,
) -> tuple[Readers, bool]:
    """The readers stored under ``taken``, or ``build()``'s, stored there for the next
    start; and whether they are ``taken``'s (False: built while the files changed).

    ``taken`` is the key before anything it covers was read; ``key`` takes it again after
    a build, which is stored only when the two match. ``model`` gives the learnt model
    loaded readers point at (read only when loading)."""
    path = cache / f"readers-{taken}.pickle"
    loaded = _loaded(path, model)
    if loaded is not None:
        return loaded, True
    cache.mkdir(parents=True, exist_ok=True)
    lock = cache / f".readers-{taken}.lock"  # per key: builders of other keys never wait
    with write_lock(lock, BUILD_WAIT_SECONDS):
        loaded = _loaded(path, model)  # another process built them while this one waited
        if loaded is not None:
            return loaded, True
        started = time.perf_counter()
        readers = build()
        if key() != taken:
            log.warning("The files of the query readers changed while they were built: not cached")
            return readers, False
        _store(path, readers)
        log.info("Built the query readers in %.1f s: %s", time.perf_counter() - started, path)
        for old in sorted(cache.glob("readers-*.pickle"), key=_age)[FILES_KEPT:]:
            old.unlink(missing_ok=True)
            old.with_name(f".{old.stem}.lock").unlink(missing_ok=True)
    return readers, True


def _store(path: Path, readers: Readers) -> None:
    buffer = io.BytesIO()
    _Pickler(buffer).dump(readers)
    payload = buffer.getvalue()
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        handle.write(hashlib.sha256(payload).digest() + payload)
    Path(handle.name).chmod(0o644)  # readable by the site's user, as a built index is
    Path(handle.name).replace(path)


def _loaded(path: Path, model: Callable[[], LearntModel]) -> Readers | None:
    """The readers in ``path``; None if it is missing, damaged or holds anything else."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[_DIGEST:]
    if len(data) <= _DIGEST or hashlib.sha256(payload).digest() != data[:_DIGEST]:
        log.warning("The query reader cache %s is damaged: building the readers afresh", path)
        return None
    try:
        readers = _Unpickler(io.BytesIO(payload), model).load()
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError) as error:
        log.warning("The query reader cache %s is unreadable (%s): building afresh", path, error)
        return None
    if not (
        isinstance(readers, dict)
        and readers
        and all(isinstance(r, QueryReader) for r in readers.values())
    ):
        return None
    return readers


class _Pickler(pickle.Pickler):
    """Pickles readers with the learnt model left out, named instead."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)

    def persistent_id(self, obj: object) -> str | None:
        return _MODEL if isinstance(obj, LearntModel) else None


class _Unpickler(pickle.Unpickler):
    """Unpickles readers, giving them the learnt model ``model`` returns."""

    def __init__(self, file: io.BytesIO, model: Callable[[], LearntModel]) -> None:
        super().__init__(file)
        self._model = model

    def persistent_load(self, pid: object) -> LearntModel:
        if pid != _MODEL:
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self._model()


def _files(paths: Iterable[Path]) -> list[Path]:
    return sorted(path for path in paths if path.is_file() and "__pycache__" not in path.parts)


def _name(path: Path, root: Path) -> str:
    """A file's name in the key: the same for every checkout of the same files."""
    return path.relative_to(root).as_posix()


def _age(path: Path) -> float:
    """Seconds since ``path`` was written (newest first when sorted)."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")
