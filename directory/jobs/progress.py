"""How far a piece of long work has got, told to whoever watches it.

Work says which phase it is in and how many things that phase has (``start``), then how
many more it has done (``advance``). The job worker passes on the counts through the job
queue's own store, which every web server can read; the command line draws a bar.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any, Protocol

import click

log = logging.getLogger(__name__)
LIVE_EVERY_SECONDS = 0.5


class Progress(Protocol):
    def start(self, phase: str, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class NoProgress:
    """For work nobody watches (tests, the demo loader)."""

    def start(self, phase: str, total: int) -> None:
        return None

    def advance(self, count: int = 1) -> None:
        return None


class LiveProgress:
    """Counts kept under the job's key in the job queue's store (SQLite file or Redis).

    While an import's transaction is open SQLite lets no other connection write to the
    database, so the counts cannot go to the job's row until it ends; the queue's store is
    another file (or Redis). Written at most every half second, and at each phase's start.
    The time written doubles as the job's heartbeat.
    """

    def __init__(self, queue: Any, job_id: str) -> None:
        self._queue = queue
        self.job_id = job_id
        self.phase = ""
        self.done = 0
        self.total = 0
        self._written = 0.0

    def start(self, phase: str, total: int) -> None:
        self.phase, self.done, self.total = phase, 0, total
        self._write()

    def advance(self, count: int = 1) -> None:
        self.done = min(self.done + count, self.total) if self.total else self.done + count
        if time.monotonic() - self._written >= LIVE_EVERY_SECONDS:
            self._write()

    def _write(self) -> None:
        """Counts are a courtesy to the person watching: a store that fails (a full disk,
        Redis gone) must not fail the work, so it is logged and the work goes on."""
        self._written = time.monotonic()
        counts = {"phase": self.phase, "done": self.done, "total": self.total, "at": time.time()}
        try:
            self._queue.put_live(self.job_id, counts)
        except Exception:
            log.warning("Could not record a job's progress", exc_info=True)


class BarProgress:
    """A bar per phase on the command line (on standard error, so output stays clean)."""

    def __init__(self, labels: dict[str, str]) -> None:
        self._labels = labels
        self._bar: Any = None

    def start(self, phase: str, total: int) -> None:
        self.close()
        label = self._labels.get(phase, phase)
        self._bar = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
        self._bar.__enter__()

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


class Both:
    """Tell two watchers at once: the command line's bar and the job's live counts."""

    def __init__(self, first: Progress, second: Progress) -> None:
        self._both = (first, second)

    def start(self, phase: str, total: int) -> None:
        for progress in self._both:
            progress.start(phase, total)

    def advance(self, count: int = 1) -> None:
        for progress in self._both:
            progress.advance(count)


def live_key(job_id: str) -> str:
    return f"progress:{job_id}"


PHASE_LABELS = {
    "writing": "Checking and writing rows",
    "rolling-back": "Undoing changes",
    "indexing": "Updating the search index",
}


def command_line_progress() -> Progress:
    """A bar per phase when a person watches the terminal; nothing in scripts and logs."""
    return BarProgress(PHASE_LABELS) if sys.stderr.isatty() else NoProgress()
