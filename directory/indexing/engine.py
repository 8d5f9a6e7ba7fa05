"""The site's search: the chosen engine's index on disk, with an in-memory stand-in.

The index is derived data. When it is missing, corrupt or locked, searches still answer
from an in-memory index built from the database, the health check says so, and
``flask search rebuild`` restores it. The database is never touched by a search failure.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from directory.indexing.documents import service_document
from directory.jobs.progress import NoProgress, Progress
from directory.queries.indexing import indexable_ids, indexed_service_ids, listings_in_chunks
from search import (
    IndexUnavailable,
    SearchBackend,
    SearchQuery,
    SearchResults,
    ServiceDocument,
    fingerprint,
)
from search.plug import BackendPlug, StoredBackend
from search.understanding import QueryReader

log = logging.getLogger(__name__)
RETRY_OPEN_AFTER_SECONDS = 30.0
UPDATE_CHUNK = 1000


@dataclass(frozen=True)
class IndexHealth:
    backend: str
    problem: str | None
    indexed: int
    expected: int
    missing: int
    unexpected: int
    stale: int = 0
    """Services indexed with text or facts the database no longer has."""

    @property
    def in_step(self) -> bool:
        return (
            self.problem is None and self.missing == 0 and self.unexpected == 0 and self.stale == 0
        )


class RebuildRefused(RuntimeError):
    """A rebuild would replace a non-empty index with an empty one."""


@dataclass(frozen=True)
class RebuildReport:
    documents: int
    seconds: float


class DirectorySearch:
    """Searches for one app; ``session_factory`` opens a fresh database session, and
    ``plug`` (:func:`search.plug.open_backend`) the chosen engine."""

    def __init__(  # type: ignore[no-untyped-def]
        self,
        plug: BackendPlug,
        session_factory,
        default_review_months: int,
        reader: QueryReader | None = None,
    ) -> None:
        self.plug = plug
        self.index_dir: Path = plug.index_dir
        self.reader = reader
        """The family phrasebook, to read the needs a listing's own words are about."""
        self.default_review_months = default_review_months
        """The council's review interval, for listings without their own."""
        self._session_factory = session_factory
        self._lock = threading.Lock()
        self._stored: StoredBackend | None = None
        self._memory: SearchBackend | None = None
        self._last_open_attempt = 0.0
        self.problem: str | None = None

    def search(self, query: SearchQuery) -> SearchResults:
        stored = self._open_stored()
        if stored is not None:
            try:
                return stored.search(query)
            except IndexUnavailable as error:
                self._lost_stored(error)
        return self._memory_backend().search(query)

    def generation(self) -> tuple[str, object] | None:
        """Read only: a key that changes whenever the index searches read does, for caches
        of what pages draw from it. None when searches are not on an index on disk (the
        in-memory index changes in place)."""
        stored = self._open_stored()
        if stored is None:
            return None
        try:
            return stored.generation()
        except IndexUnavailable:
            return None

    def index_ready(self) -> bool:
        """Whether the chosen engine can answer (one on disk: its index opens)."""
        return not self.plug.on_disk or self._open_stored() is not None

    def rebuild(
        self,
        today: date | None = None,
        *,
        allow_empty: bool = False,
        progress: Progress | None = None,
    ) -> RebuildReport:
        """Write the whole index afresh from the database.

        Refuses (``RebuildRefused``) to replace an index that has documents with an empty
        one unless ``allow_empty``: an empty read is more often a wrong database than an
        empty directory.
        """
        started = time.perf_counter()
        with self._session_factory() as session:
            ids = indexable_ids(session)
        if not ids and not allow_empty:
            held = self._documents_held()
            if held:
                raise RebuildRefused(
                    f"The database has no listings to index but the index holds {held}; "
                    "check DATABASE_URL, or rebuild with --allow-empty."
                )
        written = 0
        progress = progress or NoProgress()
        progress.start("indexing", len(ids))

        def counted(documents: Iterable[ServiceDocument]) -> Iterator[ServiceDocument]:
            nonlocal written
            for document in documents:
                written += 1
                progress.advance()
                yield document

        documents = counted(self._documents_in_chunks(today or date.today(), ids))
        if self.plug.on_disk:
            self.plug.create(documents)
            with self._lock:
                self._stored = None
                self._last_open_attempt = 0.0
                self.problem = None
        memory = None if self.plug.on_disk else self.plug.stand_in(list(documents))
        with self._lock:
            self._memory = memory
        return RebuildReport(written, time.perf_counter() - started)

    def update(
        self, service_ids: set[str], today: date | None = None, progress: Progress | None = None
    ) -> None:
        """Bring the given services up to date in the index after a database change."""
        self._open_stored()
        backends = self._live_backends()
        if not backends:
            return  # no index yet: the next rebuild reads everything from the database
        today = today or date.today()
        held = self._held(service_ids)
        progress = progress or NoProgress()
        for backend in backends:
            progress.start("indexing", len(service_ids))
            try:
                if gone := service_ids - held:
                    backend.remove(gone)  # with nothing to remove, open no writer
                    progress.advance(len(gone))
                backend.index(_counted(self._documents_in_chunks(today, held), progress))
            except IndexUnavailable as error:
                self._lost_stored(error)

    def health(self, today: date | None = None) -> IndexHealth:
        """Compare what each indexed document says with what the database says now."""
        today = today or date.today()
        expected = {doc.id: fingerprint(doc) for doc in self._documents_in_chunks(today)}
        stored = self._open_stored()
        backend: SearchBackend = stored if stored is not None else self._memory_backend()
        try:
            indexed = backend.document_fingerprints()
        except IndexUnavailable as error:
            self._lost_stored(error)
            backend = self._memory_backend()
            indexed = backend.document_fingerprints()
        return IndexHealth(
            backend=self.plug.name if backend is stored else "memory",
            problem=self.problem,
            indexed=len(indexed),
            expected=len(expected),
            missing=len(expected.keys() - indexed.keys()),
            unexpected=len(indexed.keys() - expected.keys()),
            stale=sum(
                1 for doc_id, digest in expected.items() if indexed.get(doc_id, digest) != digest
            ),
        )

    def _documents_held(self) -> int:
        stored = self._open_stored()
        try:
            return stored.count() if stored is not None else 0
        except IndexUnavailable:
            return 0

    def close(self) -> None:
        with self._lock:
            if self._stored is not None:
                self._stored.close()
            self._stored = None

    def _held(self, ids: set[str]) -> set[str]:
        """Which of ``ids`` the index holds, asked a chunk at a time (SQL has a limit)."""
        ordered = sorted(ids)
        with self._session_factory() as session:
            return {
                found
                for start in range(0, len(ordered), UPDATE_CHUNK)
                for found in indexed_service_ids(session, ordered[start : start + UPDATE_CHUNK])
            }

    def _documents_in_chunks(
        self, today: date, ids: Collection[str] | None = None
    ) -> Iterator[ServiceDocument]:
        """Documents of ``ids`` (every indexed service when None) built a chunk at a time,
        so neither a large import nor a rebuild holds them all."""
        with self._session_factory() as session:
            for listings in listings_in_chunks(session, ids):
                for listing in listings:
                    yield service_document(listing, today, self.default_review_months, self.reader)

    def _open_stored(self) -> StoredBackend | None:
        if not self.plug.on_disk:
            return None
        with self._lock:
            if self._stored is not None:
                return self._stored
            now = time.monotonic()
            if self._last_open_attempt and now - self._last_open_attempt < RETRY_OPEN_AFTER_SECONDS:
                return None
            self._last_open_attempt = now
            try:
                self._stored = self.plug.open()
            except IndexUnavailable as error:
                self.problem = f"{error} ({error.__cause__ or 'no index'})"
                log.warning("Search index unavailable, using the in-memory index: %s", error)
                return None
            self.problem = None
            self._memory = None
            return self._stored

    def _lost_stored(self, error: IndexUnavailable) -> None:
        log.warning("Search index failed, using the in-memory index: %s", error)
        with self._lock:
            self._stored = None
            self._last_open_attempt = time.monotonic()
            self.problem = str(error)

    def _memory_backend(self) -> SearchBackend:
        with self._lock:
            memory = self._memory
        if memory is None:
            memory = self.plug.stand_in(list(self._documents_in_chunks(date.today())))
            with self._lock:
                self._memory = memory
        return memory

    def _live_backends(self) -> list[SearchBackend]:
        with self._lock:
            return [b for b in (self._stored, self._memory) if b is not None]


def _counted(documents: Iterable[ServiceDocument], progress: Progress) -> Iterator[ServiceDocument]:
    for document in documents:
        progress.advance()
        yield document
