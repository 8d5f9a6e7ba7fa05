"""Index generations on disk, swapped atomically: shared by the on-disk backends.

Layout of an index directory::

    current -> gen-<id>     symlink to the live generation (replaced by rename)
    gen-<id>/               a complete index of one engine
    write.lock              fcntl lock: one writer at a time across processes

A rebuild writes a new generation beside the live one and renames a new symlink over
``current``, so readers see the old index or the new, never half of one. The previous
generation is kept for readers still holding it open; older ones are deleted.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from search.errors import IndexUnavailable

CURRENT = "current"
LOCK_FILE = "write.lock"
GENERATION_PREFIX = "gen-"


def live_target(index_dir: Path) -> str:
    """The name of the live generation; IndexUnavailable when there is none."""
    try:
        return os.readlink(index_dir / CURRENT)
    except OSError as error:
        raise IndexUnavailable(f"no search index at {index_dir}") from error


def new_generation_name() -> str:
    return f"{GENERATION_PREFIX}{time.time_ns():x}-{os.getpid()}"


def swap_current(index_dir: Path, name: str) -> str | None:
    """Point ``current`` at generation ``name`` by renaming a new symlink over it."""
    link = index_dir / CURRENT
    try:
        previous: str | None = os.readlink(link)
    except OSError:
        previous = None
    staged = index_dir / f".{CURRENT}-{os.getpid()}"
    staged.unlink(missing_ok=True)
    os.symlink(name, staged)
    os.replace(staged, link)
    descriptor = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return previous


def prune(index_dir: Path, keep: set[str | None]) -> None:
    """Delete every generation but those in ``keep``."""
    for path in index_dir.glob(f"{GENERATION_PREFIX}*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
