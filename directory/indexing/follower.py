"""Each app process follows the search change log, so an edit saved on one node is
searchable on every node within a second or so.

A node's index is local (a folder on disk, or each process's in-memory index); the
database is the only thing nodes share. Every commit that touches listings writes their
ids to ``search_change`` (``directory.indexing.changes``). A daemon thread in each serving
process reads the rows after the last one it applied, every ``SEARCH_FOLLOW_MS``, and
re-indexes those services through ``DirectorySearch.update``, the same entry point the
commit hook uses. A search never waits for it: the index takes the new documents while
searches read the last committed generation.

Where the cursor lives depends on what the index is:

- An index on disk is shared by every process on the node, so its cursor is a
  file beside it (``followed-changes.json``), and a lock file lets one process at a time
  apply changes; the others find nothing left to do. The file also says when the node
  last followed. With no file yet (an index built before following began) the node
  replays every kept change, which holds whenever the index was built within
  ``KEPT_FOR``. A node that has not followed for longer than ``KEPT_FOR`` (changes it
  missed may be pruned), or a database whose newest change is older than the cursor (a
  restored backup), gets its index rebuilt from the database.
- An in-memory index (``SEARCH_BACKEND=memory``) is built from the database when first
  used, so each process starts at the newest change and keeps its cursor in memory.

Applying a change twice does no harm, so the order of the commit hook and the follower,
or two processes both applying, never matters.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from flask import Flask
from sqlalchemy.orm import Session

from directory.extensions import db
from directory.indexing.changes import (
    KEPT_FOR,
    changes_after,
    latest_change,
    oldest_change,
    prune_changes,
)
from directory.indexing.engine import RebuildRefused

log = logging.getLogger(__name__)
BATCH = 5000
"""Changes applied at one go; a large import's rows are taken in several."""
HEARTBEAT_SECONDS = 60.0
PRUNE_SECONDS = 300.0
CURSOR_FILE = "followed-changes.json"
LOCK_FILE = "follow.lock"


@dataclass(frozen=True)
class Cursor:
    change: int
    """The newest change whose effect the index holds."""
    at: float
    """When this node last read the log (seconds since the epoch)."""


class CursorStore(Protocol):
    """Where a node keeps how far its index has followed the change log."""

    starts_at_newest: bool
    """Whether an index with no cursor yet already holds every change (built at first use)."""

    def claim(self) -> AbstractContextManager[bool]: ...
    def load(self) -> Cursor | None: ...
    def save(self, change: int) -> None: ...


class ProcessCursor:
    """For an index each process builds in memory: the cursor is the process's own."""

    starts_at_newest = True

    def __init__(self) -> None:
        self._cursor: Cursor | None = None

    @contextmanager
    def claim(self) -> Iterator[bool]:
        yield True

    def load(self) -> Cursor | None:
        return self._cursor

    def save(self, change: int) -> None:
        self._cursor = Cursor(change, time.time())


class FolderCursor:
    """For an index on disk shared by a node's processes: a file beside it, and a lock."""

    starts_at_newest = False

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / CURSOR_FILE
        self.lock_path = index_dir / LOCK_FILE

    @contextmanager
    def claim(self) -> Iterator[bool]:
        """Whether this process may apply changes now (another may be at it)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def load(self) -> Cursor | None:
        try:
            saved = json.loads(self.path.read_text())
            return Cursor(int(saved["change"]), float(saved["at"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("Unreadable %s: following as if from the start", self.path)
            return None

    def save(self, change: int) -> None:
        staged = self.path.with_name(f".{CURSOR_FILE}-{os.getpid()}")
        staged.write_text(json.dumps({"change": change, "at": time.time()}))
        os.replace(staged, self.path)


class IndexFollower:
    """Keeps one app's search index in step with the change log."""

    def __init__(self, app: Flask, interval: float, store: CursorStore) -> None:
        self.app = app
        self.interval = interval
        self.store = store
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._stop = threading.Event()
        self._start_lock = threading.Lock()
        self._last_saved = 0.0
        self._last_pruned = 0.0

    def ensure_running(self) -> None:
        """Start the thread in this process if it is not running (after a fork it is not)."""
        if self._pid == os.getpid():
            return
        with self._start_lock:
            if self._pid == os.getpid():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="search-follower", daemon=True)
            self._thread.start()
            self._pid = os.getpid()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._pid == os.getpid():
            self._thread.join(timeout=10)
        self._pid = 0

    def follow_once(self) -> int:
        """Apply the changes not yet in the index; how many rows were read."""
        with self.app.app_context(), self.store.claim() as mine:
            if not mine:
                return 0
            with Session(db.engine) as session:
                position = self._position(session)
                if position is None:
                    return 0
                changes = changes_after(session, position, BATCH)
            if changes:
                self.app.extensions["search"].update({change.service_id for change in changes})
                self._save(changes[-1].id)
            elif time.monotonic() - self._last_saved > HEARTBEAT_SECONDS:
                self._save(position)
        self._prune_now_and_then()
        return len(changes)

    def _position(self, session: Session) -> int | None:
        """Where to read from, or None when the index was rebuilt instead."""
        cursor = self.store.load()
        if cursor is None:
            if self.store.starts_at_newest:
                self._save(latest_change(session))
                return None
            return max(oldest_change(session) - 1, 0)
        newest = latest_change(session)
        if newest < cursor.change or time.time() - cursor.at > KEPT_FOR.total_seconds():
            why = "the database is older" if newest < cursor.change else "not followed for long"
            log.warning("Rebuilding the search index from the database (%s)", why)
            try:
                self.app.extensions["search"].rebuild()
            except RebuildRefused as error:
                log.error("Search index not rebuilt: %s", error)
                return None
            self._save(newest)
            return None
        return cursor.change

    def _save(self, change: int) -> None:
        self.store.save(change)
        self._last_saved = time.monotonic()

    def _prune_now_and_then(self) -> None:
        if time.monotonic() - self._last_pruned < PRUNE_SECONDS:
            return
        self._last_pruned = time.monotonic()
        with self.app.app_context(), Session(db.engine) as session:
            pruned = prune_changes(session)
        if pruned:
            log.info("Pruned %d search changes older than %s", pruned, KEPT_FOR)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self.follow_once()
                failures = 0
            except Exception:  # the database may be down: keep serving, try again
                failures += 1
                if failures in {1, 10} or failures % 100 == 0:
                    log.exception("Following search changes failed (%d in a row)", failures)
            self._stop.wait(self.interval * min(2**failures, 20) if failures else self.interval)


def install(app: Flask, interval_ms: int, index_dir: Path, on_disk: bool) -> None:
    """Follow the change log in each serving process, from its first request on.

    Started by a request, not at import: a process that forks (gunicorn's ``--preload``)
    starts it in each worker, and ``flask`` commands never start it.
    """
    if interval_ms <= 0:
        return
    store: CursorStore = FolderCursor(index_dir) if on_disk else ProcessCursor()
    follower = IndexFollower(app, interval_ms / 1000, store)
    app.extensions["search_follower"] = follower
    app.before_request(follower.ensure_running)
