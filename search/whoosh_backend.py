"""The Whoosh backend: an on-disk index in generations, swapped atomically.

Layout of ``index_dir``: generations as :mod:`search.generations` keeps them, each a
complete Whoosh index with its vocabulary.json.

``index``/``remove`` update the live generation in place (Whoosh readers keep seeing the
last commit until they refresh). ``rebuild`` writes a new generation beside it and renames
a new symlink over ``current``, so readers see the old index or the new, never half of one.
The previous generation is kept for readers still holding it open; older ones are deleted.
"""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import Index, LockError

from search.documents import ServiceDocument
from search.engine import search as run_search
from search.errors import IndexLocked, IndexUnavailable
from search.generations import (
    LOCK_FILE,
    live_target,
    new_generation_name,
    prune,
    swap_current,
)
from search.indexing import spelling_words
from search.locking import write_lock
from search.query import SearchQuery
from search.results import SearchResults
from search.vocabulary_file import read_vocabulary, write_vocabulary
from search.whoosh_schema import ID_FIELD, build_schema, whoosh_fields
from search.whoosh_view import READ_ERRORS, WhooshSnapshot

WRITER_MEMORY_MB = 512
"""Whoosh's limit on a writer's postings in memory, past which it spills them to temporary
files (a third slower); :data:`DOCUMENTS_PER_SEGMENT` keeps a writer well under it."""
DOCUMENTS_PER_SEGMENT = 20_000
"""Documents a writer takes before it commits them as a segment and a new one starts.

Whoosh holds a segment's postings in memory until it is written (about 6 MB per thousand
listings), so committing every so many documents keeps the memory of a re-index or a
rebuild the same for 100k listings as for 20k. Segments this large are never merged again
(Whoosh merges only small ones). A re-index that fails part-way keeps the segments already
committed; the health check reports the rest as missing.
"""


class WhooshBackend:
    """A :class:`~search.backend.SearchBackend` on a Whoosh index in ``index_dir``.

    Opening checks the index can be read and raises :class:`IndexUnavailable` if it is
    missing or corrupt. Use :meth:`create` to build one from documents.
    """

    def __init__(self, index_dir: Path, *, lock_timeout: float = 10.0) -> None:
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self._state = threading.Lock()
        self._snapshot: WhooshSnapshot | None = None
        self._snapshot_target: str | None = None
        self._open_index: Index | None = None
        self._storage: _TrackingStorage | None = None
        self._fresh_snapshot()

    @classmethod
    def create(
        cls,
        index_dir: Path,
        documents: Iterable[ServiceDocument] = (),
        *,
        lock_timeout: float = 10.0,
    ) -> WhooshBackend:
        """Build a new index from ``documents`` (replacing any there) and open it."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        _write_generation(index_dir, documents, lock_timeout)
        return cls(index_dir, lock_timeout=lock_timeout)

    def __enter__(self) -> WhooshBackend:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the open searcher (a later search opens a fresh one)."""
        with self._state:
            if self._snapshot is not None:
                self._snapshot.close()
            self._snapshot = None
            self._open_index = None

    # Writing

    def index(self, documents: Iterable[ServiceDocument]) -> None:
        """Add or replace documents by id, under the write lock."""
        self._update(documents, ())

    def remove(self, ids: Iterable[str]) -> None:
        self._update((), ids)

    def clear(self) -> None:
        self.rebuild(())

    def rebuild(self, documents: Iterable[ServiceDocument]) -> None:
        """Write a fresh generation from ``documents`` and swap it in atomically."""
        _write_generation(self.index_dir, documents, self.lock_timeout)

    # Reading

    def search(self, query: SearchQuery) -> SearchResults:
        return run_search(self._fresh_snapshot(), query)

    def document_ids(self) -> set[str]:
        return self._fresh_snapshot().ids()

    def document_fingerprints(self) -> dict[str, str | None]:
        return self._fresh_snapshot().fingerprints()

    def count(self) -> int:
        return len(self._fresh_snapshot().all_docs())

    def healthy(self) -> bool:
        """True if the live index opens and reads; never raises."""
        try:
            self._fresh_snapshot()
        except IndexUnavailable:
            return False
        return True

    def _update(self, documents: Iterable[ServiceDocument], ids: Iterable[str]) -> None:
        with write_lock(self.index_dir / LOCK_FILE, self.lock_timeout):
            path = self.index_dir / live_target(self.index_dir)
            live, _ = _open_generation(path)
            with _SegmentWriter(live, path, Counter(read_vocabulary(path))) as segments:
                for doc_id in ids:
                    segments.writer.delete_by_term(ID_FIELD, doc_id)
                # update_document looks each id up in the index to delete its old
                # document; an id the index has never held (a new listing) needs no look-up.
                held = set(segments.writer.searcher().reader().field_terms(ID_FIELD))
                for doc in documents:
                    segments.add(doc, replaces=doc.id in held)

    def generation(self) -> tuple[str, object]:
        """The live generation's folder and Whoosh commit (see ``StoredBackend``)."""
        snapshot = self._fresh_snapshot()
        return str(snapshot._directory), snapshot.generation

    def _fresh_snapshot(self) -> WhooshSnapshot:
        """The snapshot of the live generation, reopened only if the index has changed."""
        target = live_target(self.index_dir)
        with self._state:
            try:
                if (
                    self._open_index is None
                    or self._storage is None
                    or target != self._snapshot_target
                ):
                    self._open_index, self._storage = _open_generation(self.index_dir / target)
                    self._snapshot_target = target
                    self._snapshot = None
                try:
                    generation = self._open_index.latest_generation()
                except READ_ERRORS as error:
                    raise IndexUnavailable(f"search index {target} has gone") from error
                if self._snapshot is None or self._snapshot.generation != generation:
                    snapshot = WhooshSnapshot(self._open_index, self.index_dir / target, generation)
                    self._storage.forget()
                    self._snapshot = snapshot
            except IndexUnavailable:
                if self._storage is not None:
                    self._storage.close_opened()
                self._open_index = self._snapshot = self._storage = None
                raise
            return self._snapshot


class _TrackingStorage(FileStorage):
    """A FileStorage that remembers the files it opens.

    Whoosh leaves files open when it fails to parse a damaged index; this lets the backend
    close them rather than leak a descriptor on every failed attempt.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self._opened: list[StructFile] = []

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        handle = super().open_file(name, **kwargs)
        self._opened.append(handle)
        return handle

    def forget(self) -> None:
        """The files opened so far belong to a working reader: stop tracking them."""
        self._opened.clear()

    def close_opened(self) -> None:
        for handle in self._opened:
            handle.raw_file().close()  # idempotent, unlike StructFile.close
        self.forget()


def _open_generation(path: Path) -> tuple[Index, _TrackingStorage]:
    storage = _TrackingStorage(path)
    try:
        return storage.open_index(), storage
    except (*READ_ERRORS, whoosh_index.EmptyIndexError) as error:
        storage.close_opened()
        raise IndexUnavailable(f"search index {path} cannot be opened") from error


def _write_generation(
    index_dir: Path, documents: Iterable[ServiceDocument], lock_timeout: float
) -> None:
    with write_lock(index_dir / LOCK_FILE, lock_timeout):
        name = new_generation_name()
        path = index_dir / name
        path.mkdir()
        try:
            index = whoosh_index.create_in(str(path), build_schema())
            with _SegmentWriter(index, path, Counter(), vocabulary_written=False) as segments:
                for doc in documents:
                    segments.add(doc)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        previous = swap_current(index_dir, name)
        prune(index_dir, keep={name, previous})


class _SegmentWriter:
    """Adds documents to ``index``, committing a segment every :data:`DOCUMENTS_PER_SEGMENT`,
    and keeps the spelling vocabulary beside it in step. As a context manager it commits
    the last segment on success and cancels it on an error."""

    def __init__(
        self,
        index: Index,
        path: Path,
        vocabulary: Counter[str],
        *,
        vocabulary_written: bool = True,
    ) -> None:
        self.index = index
        self.path = path
        self.vocabulary = vocabulary
        self._words_written = vocabulary.total() if vocabulary_written else None
        self.writer = self._open()
        self._in_segment = 0

    def __enter__(self) -> _SegmentWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is not None:
            self.writer.cancel()
            return
        self._commit()

    def add(self, doc: ServiceDocument, *, replaces: bool = False) -> None:
        """Add ``doc``; ``replaces``: the index may hold an older document with its id."""
        if replaces:
            self.writer.update_document(**whoosh_fields(doc))
        else:
            self.writer.add_document(**whoosh_fields(doc))
        self.vocabulary.update(spelling_words(doc))
        self._in_segment += 1
        if self._in_segment >= DOCUMENTS_PER_SEGMENT:
            self._commit()
            self.writer = self._open()
            self._in_segment = 0

    def _open(self) -> Any:
        try:
            return self.index.writer(limitmb=WRITER_MEMORY_MB)
        except LockError as error:
            raise IndexLocked(f"Whoosh refused a writer for {self.path}") from error

    def _commit(self) -> None:
        if self.vocabulary.total() != self._words_written:
            write_vocabulary(self.path, self.vocabulary)
            self._words_written = self.vocabulary.total()
        self.writer.commit()
