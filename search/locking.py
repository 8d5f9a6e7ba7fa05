"""The inter-process write lock: one writer at a time, readers never take it."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from search.errors import IndexLocked, IndexUnavailable

POLL_SECONDS = 0.05


@contextmanager
def write_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting up to ``timeout`` seconds for it.

    ``flock`` belongs to the open file, so it also keeps out other threads of this process,
    and the kernel releases it if the holder dies.
    """
    try:
        handle = path.open("a")
    except OSError as error:
        raise IndexUnavailable(f"cannot open the search index write lock {path}") from error
    with handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexLocked(
                        f"another process has held the search index write lock {path} "
                        f"for more than {timeout:g}s"
                    ) from None
                time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
