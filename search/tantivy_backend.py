"""The tantivy backend: an on-disk index that finds, counts and chooses candidates itself.

Layout of ``index_dir``: generations as :mod:`search.generations` keeps them, each a
tantivy index with its spelling vocabulary (:mod:`search.vocabulary_file`).

A search is read as every backend reads it (:mod:`search.understanding`), then compiled
(:mod:`search.tantivy_query`): tantivy finds what matches, loosens as the engine would when
nothing does, counts the total and the facets, and keeps the few hundred best candidates.
Only those are read back and handed to the shared engine (:mod:`search.engine`), which
ranks them by meaning exactly as it ranks a whole index, with the whole index's statistics
(:mod:`search.tantivy_view`). Worker memory does not grow with the directory beyond
tantivy's mapped files.

Writers take the search write lock (one at a time across processes) and commit; readers
check the live generation's ``meta.json`` before each search and reload when it has
changed, so an edit is visible to every process's next search.
"""

from __future__ import annotations

import math
import os
import shutil
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

import tantivy
from tantivy import Query

from search.analysis import stem_word
from search.documents import ServiceDocument
from search.engine import (
    _SYNONYM_WORDS,
    _Attempt,
    _leading_danger,
    _plan,
    _real,
    _understood,
    _wider_radii,
    guessed_attempt,
)
from search.engine import search as run_search
from search.errors import IndexLocked, IndexUnavailable, SearchError
from search.filtering import FACETS
from search.generations import (
    LOCK_FILE,
    live_target,
    new_generation_name,
    prune,
    swap_current,
)
from search.geo import covering_cells
from search.indexing import (
    BOROUGH_WIDE,
    CELL,
    LOCALITY,
    TEXT_FIELDS,
    VENUE,
    YES,
    spelling_words,
)
from search.locking import write_lock
from search.query import Filters, SearchQuery, TermGroup, TextPlan
from search.ranking import FRESH_DAYS, blend, freshness, proximity
from search.remembering import LastUsed
from search.results import FacetCounts, SearchResults, Widening
from search.spelling import best_correction
from search.tantivy_query import (
    Compiler,
    any_of,
    either,
    excluding,
    must,
    with_bonus,
)
from search.tantivy_schema import (
    ASSURED,
    DUE,
    EASTING,
    ENTRY,
    FOREVER,
    ID,
    KEY,
    NORTHING,
    VENUES,
    build_schema,
    keyword_field,
    length_field,
    read_entry,
    tantivy_document,
)
from search.tantivy_view import Candidate, CandidateView, candidate
from search.vocabulary_file import read_vocabulary, write_vocabulary

CANDIDATES = 160
"""Matches chosen by tantivy's own score for the engine to rank (at least)."""
DEPTH = 8
"""...and at least this many times the results down to the end of the page asked for. On a
generated directory, candidates four times the page lost a result of the page for two
queries in twelve; eight times lost none (``tests/search/test_parity.py``)."""
WRITER_HEAP = 64_000_000
"""Bytes a writer buffers before it writes a segment (tantivy's floor is 15 MB a thread)."""
WRITER_THREADS = 1
READINGS_KEPT = 512
GROUPS_COUNTED = 4096
CORRECTIONS_KEPT = 4096
ENTRIES_KEPT = 4096
"""Candidates' entries a snapshot remembers, read back: a few tens of MB at most, whatever
the directory's size. Families ask the same words; their candidates are read once."""
FACET_SIZE = 10_000
TIES_KEPT = 2_000
"""Candidates kept, at most, when many listings tie for the last place of a browse (no
words) or a nearest-first page: ties are broken by id, which tantivy cannot order by."""
DAYS_COUNTED = 100_000
"""Days checked counted at most by one aggregation (every day for 270 years)."""
TOTAL = "_total"
"""The aggregation counting the matches (no keyword field starts with an underscore)."""
WIDE = "_wide"
"""Localities of the borough-wide matches: a sub-aggregation of the locality counts."""
WIDE_KEPT = 256
"""Tallies of the borough-wide services kept per snapshot, one per set of filters."""
KEYS_PER_TERM_SET = 250
"""A set of listings by key is a term query per key when there are fewer keys than the
index's documents over this; otherwise one term set, which reads the whole key
dictionary (its cost grows with the directory, a term query's with the keys)."""
READ_ERRORS: tuple[type[Exception], ...] = (OSError, ValueError, KeyError, EOFError, TypeError)


class TantivyBackend:
    """A :class:`~search.backend.SearchBackend` on a tantivy index in ``index_dir``.

    Opening checks the index can be read and raises :class:`IndexUnavailable` if it is
    missing or corrupt. Use :meth:`create` to build one from documents.
    """

    def __init__(
        self, index_dir: Path, *, lock_timeout: float = 10.0, candidates: int = CANDIDATES
    ) -> None:
        """``candidates``: how many of the best matches the engine re-ranks, at least
        (:data:`DEPTH` times the results down to the page's end, when more)."""
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self.candidates = candidates
        self._state = threading.Lock()
        self._index: tantivy.Index | None = None
        self._target: str | None = None
        self._snapshot: _Snapshot | None = None
        self._fresh_snapshot()

    @classmethod
    def create(
        cls,
        index_dir: Path,
        documents: Iterable[ServiceDocument] = (),
        *,
        lock_timeout: float = 10.0,
        candidates: int = CANDIDATES,
    ) -> TantivyBackend:
        """Build a new index from ``documents`` (replacing any there) and open it."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        _write_generation(index_dir, documents, lock_timeout)
        return cls(index_dir, lock_timeout=lock_timeout, candidates=candidates)

    def __enter__(self) -> TantivyBackend:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the open index (a later search opens it again)."""
        with self._state:
            self._index = self._snapshot = None
            self._target = None

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

    def _update(self, documents: Iterable[ServiceDocument], ids: Iterable[str]) -> None:
        with write_lock(self.index_dir / LOCK_FILE, self.lock_timeout):
            path = self.index_dir / live_target(self.index_dir)
            try:
                index = tantivy.Index.open(str(path))
                writer = index.writer(WRITER_HEAP, WRITER_THREADS)
            except ValueError as error:
                raise IndexLocked(f"tantivy refused a writer for {path}: {error}") from error
            except READ_ERRORS as error:
                raise IndexUnavailable(f"search index {path} cannot be opened") from error
            with _committing(writer):
                vocabulary = Counter(read_vocabulary(path))
                words_before = vocabulary.total()
                for doc_id in ids:
                    writer.delete_documents_by_term(ID, doc_id)
                for doc in documents:
                    writer.delete_documents_by_term(ID, doc.id)
                    writer.add_document(tantivy_document(doc)[0])
                    vocabulary.update(spelling_words(doc))
                if vocabulary.total() != words_before:
                    write_vocabulary(path, vocabulary)

    # Reading

    def search(self, query: SearchQuery) -> SearchResults:
        snapshot = self._fresh_snapshot()
        try:
            return _Search(snapshot, query, self.candidates).run()
        except SearchError:
            raise
        except READ_ERRORS as error:
            raise IndexUnavailable(f"search index {snapshot.path} cannot be read") from error

    def document_ids(self) -> set[str]:
        return set(self.document_fingerprints())

    def document_fingerprints(self) -> dict[str, str | None]:
        snapshot = self._fresh_snapshot()
        try:
            return {entry[1]: entry[-1] for entry in snapshot.every_entry()}
        except READ_ERRORS as error:
            raise IndexUnavailable(f"search index {snapshot.path} cannot be read") from error

    def count(self) -> int:
        return self._fresh_snapshot().documents

    def healthy(self) -> bool:
        """True if the live index opens and reads; never raises."""
        try:
            self._fresh_snapshot()
        except IndexUnavailable:
            return False
        return True

    def generation(self) -> tuple[str, object]:
        """The live generation's folder and its files' stamp (see ``StoredBackend``)."""
        snapshot = self._fresh_snapshot()
        return str(snapshot.path), snapshot.stamp

    def _fresh_snapshot(self) -> _Snapshot:
        """The live generation's searcher, reloaded only if a commit has changed it."""
        target = live_target(self.index_dir)
        path = self.index_dir / target
        with self._state:
            try:
                stamp = _stamp(path)
                if self._index is None or target != self._target:
                    self._index = tantivy.Index.open(str(path))
                    self._target, self._snapshot = target, None
                if self._snapshot is None or self._snapshot.stamp != stamp:
                    self._index.reload()
                    self._snapshot = _Snapshot(self._index, path, stamp)
            except READ_ERRORS as error:
                self._index = self._snapshot = None
                self._target = None
                raise IndexUnavailable(f"search index {path} cannot be opened") from error
            return self._snapshot


@contextmanager
def _committing(writer: Any) -> Iterator[None]:
    """Commit what the block wrote, or roll it all back if it fails; either way wait for
    the writer's merging threads, which write no more files after this."""
    try:
        yield
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()


def _stamp(path: Path) -> tuple[int, int, int]:
    """What changes when tantivy commits: its meta.json is replaced by a rename."""
    status = os.stat(path / "meta.json")
    return status.st_ino, status.st_mtime_ns, status.st_size


def _write_generation(
    index_dir: Path, documents: Iterable[ServiceDocument], lock_timeout: float
) -> None:
    with write_lock(index_dir / LOCK_FILE, lock_timeout):
        name = new_generation_name()
        path = index_dir / name
        path.mkdir()
        try:
            index = tantivy.Index(build_schema(), path=str(path))
            writer = index.writer(WRITER_HEAP, WRITER_THREADS)
            with _committing(writer):
                vocabulary: Counter[str] = Counter()
                for doc in documents:
                    writer.add_document(tantivy_document(doc)[0])
                    vocabulary.update(spelling_words(doc))
                write_vocabulary(path, vocabulary)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        previous = swap_current(index_dir, name)
        prune(index_dir, keep={name, previous})


class _Snapshot:
    """One reloaded searcher and what the whole index says: counts, lengths, words."""

    def __init__(self, index: tantivy.Index, path: Path, stamp: tuple[int, int, int]) -> None:
        self.path = path
        self.stamp = stamp
        self.schema = index.schema
        self.searcher = index.searcher()
        self.compiler = Compiler(self.schema)
        self.documents = self.searcher.num_docs
        self.readings: LastUsed[object] = LastUsed(READINGS_KEPT)
        self._groups: LastUsed[tuple[int, int]] = LastUsed(GROUPS_COUNTED)
        self._corrections: LastUsed[str | None] = LastUsed(CORRECTIONS_KEPT)
        self._entries: LastUsed[Candidate] = LastUsed(ENTRIES_KEPT)
        self.wide: LastUsed[Any] = LastUsed(WIDE_KEPT)
        """What is counted of the borough-wide services with no venue, by filters and day
        (:class:`_Placed`): the same in every postcode search with no words."""
        self._vocabulary: dict[str, int] | None = None
        self._localities: tuple[str, ...] | None = None
        sums = self.searcher.aggregate(
            Query.all_query(),
            {field: {"sum": {"field": length_field(field)}} for field in TEXT_FIELDS},
        )
        self._averages = {
            field: (sums[field]["value"] or 0.0) / (self.documents or 1) for field in TEXT_FIELDS
        }

    def vocabulary(self) -> Mapping[str, int]:
        if self._vocabulary is None:
            self._vocabulary = read_vocabulary(self.path)
        return self._vocabulary

    def correction(self, word: str) -> str | None:
        """The index's closest word to ``word`` (:func:`search.spelling.best_correction`)."""
        return self._corrections.get(word, lambda: best_correction(word, self.vocabulary()))

    def average_length(self, field: str) -> float:
        return self._averages[field]

    def group_frequency(self, group: TermGroup) -> tuple[int, int]:
        return self._groups.get(
            group, lambda: (self.documents, self.count(self.compiler.group(group)))
        )

    def localities(self) -> tuple[str, ...]:
        """Every locality term in the index, for counting borough-wide services in each."""
        if self._localities is None:
            self._localities = tuple(self.term_counts(Query.all_query(), LOCALITY))
        return self._localities

    def count(self, query: Query) -> int:
        return self.searcher.search(query, 1, count=True).count

    def hits(self, query: Query, limit: int) -> list[Any]:
        """Addresses of the ``limit`` best-scoring documents."""
        if limit <= 0:
            return []
        return [address for _, address in self.searcher.search(query, limit, count=False).hits]

    def every_hit(self, query: Query) -> list[Any]:
        return self.hits(query, self.count(query))

    def term_counts(self, query: Query, name: str) -> dict[str, int]:
        return self.aggregate(query, [name])[name]

    def tally(self, query: Query, names: Iterable[str]) -> tuple[int, dict[str, dict[str, int]]]:
        """How many documents ``query`` matches and :meth:`aggregate`'s counts, in one pass."""
        found = self.aggregate(query, names, total=True)
        return found.pop(TOTAL)[TOTAL], found

    def aggregate(
        self, query: Query, names: Iterable[str], *, total: bool = False
    ) -> dict[str, dict[str, int]]:
        """Documents per term of each keyword field ``names``, over ``query``'s matches."""
        request: dict[str, Any] = {
            name: {"terms": {"field": keyword_field(name), "size": FACET_SIZE}} for name in names
        }
        if not request and not total:
            return {}
        if LOCALITY in request:  # the borough-wide bucket's own localities (_localities)
            request[LOCALITY]["aggs"] = {WIDE: request[LOCALITY].copy()}
        if total:
            request[TOTAL] = {"value_count": {"field": KEY}}
        found = self.searcher.aggregate(query, request)
        counts = {
            name: {bucket["key"]: bucket["doc_count"] for bucket in found[name]["buckets"]}
            for name in request
            if name != TOTAL
        }
        if LOCALITY in request:
            counts[WIDE] = {
                inner["key"]: inner["doc_count"]
                for bucket in found[LOCALITY]["buckets"]
                if bucket["key"] == BOROUGH_WIDE
                for inner in bucket[WIDE]["buckets"]
            }
        if total:
            counts[TOTAL] = {TOTAL: int(found[TOTAL]["value"] or 0)}
        return counts

    def entries(self, addresses: Iterable[Any]) -> list[Candidate]:
        """The documents at ``addresses``, read back for re-ranking (remembered)."""

        def read(address: Any) -> Callable[[], Candidate]:
            return lambda: candidate(self._read(address))

        return [
            self._entries.get((address.segment_ord, address.doc), read(address))
            for address in addresses
        ]

    def venues(self, keys: list[int]) -> dict[int, list[tuple[float, float]]]:
        """Every venue of the listings ``keys``, from the coordinates' fast fields (one
        aggregation). A multi-valued fast field keeps a document's values in the order they
        were added, so the n-th easting and the n-th northing are one venue. A few times
        cheaper than reading the listings' entries, and nothing is remembered."""
        if not keys:
            return {}
        request = {
            "venues": {
                "top_hits": {
                    "size": len(keys),
                    "sort": [{KEY: "asc"}],
                    "docvalue_fields": [KEY, EASTING, NORTHING],
                }
            }
        }
        found = self.searcher.aggregate(self.keyed(keys), request)
        return {
            hit["docvalue_fields"][KEY][0]: list(
                zip(hit["docvalue_fields"][EASTING], hit["docvalue_fields"][NORTHING], strict=True)
            )
            for hit in found["venues"]["hits"]
        }

    def keyed(self, keys: list[int]) -> Query:
        """The listings ``keys`` (:data:`KEYS_PER_TERM_SET`)."""
        if len(keys) * KEYS_PER_TERM_SET < self.documents:
            return any_of(Query.term_query(self.schema, KEY, key) for key in keys)
        return Query.term_set_query(self.schema, KEY, keys)

    def _read(self, address: Any) -> tuple[Any, ...]:
        return read_entry(self.searcher.doc(address).get_first(ENTRY))

    def every_entry(self) -> list[tuple[Any, ...]]:
        """Every document's entry, not remembered (the health check reads them all)."""
        return [self._read(address) for address in self.every_hit(Query.all_query())]


@dataclass(frozen=True, slots=True)
class _Placed:
    """What a radius with no words matches, in parts: the listings with no venue (a
    query); the addresses of those with a venue inside the circle (by address); and, of
    the matches, the borough-wide services with no venue (``wide``, every one in the
    directory that passes the filters, tens of thousands at 500,000 listings: the same in
    every postcode search, so counted once per snapshot and filters, ``key``) and the rest
    (``rest``: the circle's and the searcher's localities' own)."""

    served: Query
    inside: list[Any]
    wide: Query
    rest: Query
    key: tuple[Any, ...]


class _Search:
    """One query against one snapshot: match and loosen, count, choose, re-rank."""

    def __init__(self, snapshot: _Snapshot, query: SearchQuery, candidates: int) -> None:
        self.candidates = candidates
        self.snapshot = snapshot
        self.compiler = snapshot.compiler
        self.query = query
        self.clauses = self.compiler.clauses(query.filters, query.today)
        self.tied: set[tuple[int, int]] = set()
        """Candidates chosen only by their dates, tied at the cut (:meth:`_best_placed`)."""
        self.placed: _Placed | None = None
        """The matches' two parts, when they are a radius's with no words and no listing
        added for a danger: :meth:`_best_placed` then never asks tantivy for the circle's
        listings again."""

    def run(self) -> SearchResults:
        query, snapshot = self.query, self.snapshot
        glossed, reading = _understood(snapshot, query)  # type: ignore[arg-type]
        concepts = reading.without(query.set_aside).concepts if reading else ()
        plan = _plan(query, glossed)
        asker = reading.asker if reading else None
        attempt = _Attempt(plan, True, query.radius_m, concepts=concepts, asker=asker)
        worded, area, matches, self.placed = self._matches(attempt)
        total, counted = self._tally(matches, self.placed)
        loosened = query.loosen and not total
        if loosened:
            for looser in self._looser(attempt):
                found = self._matches(looser)
                total, counted = self._tally(found[2], found[3])
                if total:
                    attempt, (worded, area, matches, self.placed) = looser, found
                    break
        leading = _leading_danger(attempt.concepts)
        danger = None
        if leading is not None and query.loosen:
            danger = self.compiler.meeting(leading)
            added = must(self.clauses.values(), danger)
            if not snapshot.count(added):
                audience = self.compiler.audience(
                    Filters(practitioner_only_too=query.filters.practitioner_only_too),
                    query.today,
                )
                added = must(audience.values(), danger)
            matches = either(matches, added)
            self.placed = None
            total, counted = self._tally(matches, None)
        facets = self._facets(matches, worded, area, counted)
        scored = with_bonus(matches, self.compiler.fit(attempt.concepts))
        chosen = self._candidates(scored, danger, attempt, total)
        entries = self._untied(chosen, snapshot.entries(chosen), attempt)
        view = CandidateView(entries, snapshot, self._vocabulary(plan, loosened))
        results = run_search(view, query)
        return replace(results, total=total, facets=facets)

    def _untied(
        self, chosen: list[Any], entries: list[Candidate], attempt: _Attempt
    ) -> list[Candidate]:
        """``entries`` without the tied candidates (:attr:`tied`) that cannot reach the page.

        With no words, nothing preferred and the best first, the engine scores each of them
        as the cut's key, alike, and breaks ties by id (:func:`search.ranking.rank`): of
        those, only the smallest ids down to the page's end can be shown. Thousands of
        borough-wide services tie in a postcode search; the engine ranks a page's worth."""
        query = self.query
        if (
            not self.tied
            or attempt.plan.groups
            or attempt.concepts
            or query.prefer
            or query.sort != "relevance"
        ):
            return entries
        tied = sorted(
            entry.info.id
            for address, entry in zip(chosen, entries, strict=True)
            if (address.segment_ord, address.doc) in self.tied
        )
        dropped = set(tied[query.page * query.page_size :])
        return [entry for entry in entries if entry.info.id not in dropped]

    # Matching

    def _matches(
        self, attempt: _Attempt
    ) -> tuple[Query | None, Query | None, Query, _Placed | None]:
        """What the words find, the area, what the attempt matches (the words, area and
        filters; None: no limit), and, with a radius and no words, the matches' two parts
        (:class:`_Placed`)."""
        worded = self.compiler.worded(attempt.plan.groups, attempt.concepts, attempt.require_all)
        area, inside = self._area(attempt.radius_m, worded)
        placed = None
        matches = must([area, *self.clauses.values()], worded)
        if area is not None and worded is None:
            localities = (*self.query.origin_localities, *self.query.filters.localities)
            served = must([self.compiler.served(localities), *self.clauses.values()])
            everywhere = self.compiler.served(())
            wide = must([everywhere, *self.clauses.values()])
            key = (self.query.filters, self.query.today)
            placed = _Placed(served, inside, wide, excluding(matches, everywhere), key)
        return worded, area, matches, placed

    def _area(self, radius_m: float | None, worded: Query | None) -> tuple[Query | None, list[Any]]:
        """Listings with a venue within the radius, measured exactly among those in the
        grid cells covering it and the square round it (the cells alone hold several
        times the circle's listings, each measured in Python), and services with no venue
        covering the searcher's localities (:func:`search.filtering.within_radius`); with
        no words, the addresses of the listings inside that pass every filter."""
        query, compiler = self.query, self.compiler
        if query.origin is None or radius_m is None:
            return None, []
        cells = covering_cells(query.origin, radius_m)
        nearby = compiler.terms(CELL, cells) if cells is not None else None
        venue = nearby or compiler.terms(VENUE, (YES,))
        box = compiler.square(query.origin, radius_m)
        near = must([venue, box, *self._circle_clauses()], worded)
        inside, outside = self._within(near, radius_m)
        localities = (*query.origin_localities, *query.filters.localities)
        parts = [compiler.served(localities)]
        if inside and len(outside) < len(inside):  # the fewer keys to hand tantivy
            parts.append(excluding(near, self.snapshot.keyed(outside)) if outside else near)
        elif inside:
            parts.append(self.snapshot.keyed([key for key, _ in inside]))
        addresses = [address for _, address in inside]
        if worded is None:
            addresses = self._passing(addresses, must([venue, box, *self.clauses.values()]))
        return any_of(parts), sorted(
            addresses, key=lambda address: (address.segment_ord, address.doc)
        )

    def _circle_clauses(self) -> list[Query]:
        """The filters the circle is measured with, once for every count: all but the
        facets' own. A facet with its own filter on is counted without it (:meth:`_facets`),
        so the circle keeps the listings failing at most one of the active facet filters
        (none on: every filter; one on: the others'), and each count applies the rest."""
        faceted = [name for name in self.clauses if name in FACETS]
        kept = [query for name, query in self.clauses.items() if name not in FACETS]
        if len(faceted) > 1:
            kept.append(
                any_of(
                    must(self.clauses[other] for other in faceted if other != name)
                    for name in faceted
                )
            )
        return kept

    def _passing(self, addresses: list[Any], square: Query) -> list[Any]:
        """Those of ``addresses`` (measured inside the circle, :meth:`_circle_clauses`)
        that ``square`` (the square with every filter) finds: all unless a facet filter
        is on."""
        if not addresses or not any(name in FACETS for name in self.clauses):
            return addresses
        found = {(a.segment_ord, a.doc) for a in self.snapshot.every_hit(square)}
        return [a for a in addresses if (a.segment_ord, a.doc) in found]

    def _within(self, near: Query, radius_m: float) -> tuple[list[tuple[int, Any]], list[int]]:
        """Keys and addresses of the listings ``near`` finds with a venue inside the
        circle, and the keys of the others (the square's corners: about a fifth, so the
        circle is handed back as the square without them). A listing's first venue is in
        the fast fields: inside, it is in; outside, a listing with several venues has the
        others measured (:meth:`_Snapshot.venues`)."""
        snapshot, origin = self.snapshot, self.query.origin
        assert origin is not None
        addresses = snapshot.every_hit(near)
        if not addresses:
            return [], []
        fast = snapshot.searcher.fast_field_values
        keys, venues = fast(KEY, addresses), fast(VENUES, addresses)
        east, north = fast(EASTING, addresses), fast(NORTHING, addresses)
        origin_e, origin_n = origin
        found, others = [], {}
        for address, key, count, venue_e, venue_n in zip(
            addresses, keys, venues, east, north, strict=True
        ):
            if math.hypot(venue_e - origin_e, venue_n - origin_n) <= radius_m:
                found.append((key, address))
            elif count > 1:
                others[key] = address
        for key, points in snapshot.venues(list(others)).items():
            if any(math.hypot(e - origin_e, n - origin_n) <= radius_m for e, n in points):
                found.append((key, others[key]))
        kept = {key for key, _ in found}
        return found, [key for key in keys if key not in kept]

    def _looser(self, first: _Attempt) -> Iterator[_Attempt]:
        """The engine's looser attempts (:func:`search.engine._looser`), with "seen"
        asked of tantivy."""
        query = self.query
        plan, concepts, asker = first.plan, first.concepts, first.asker
        suggestion = None
        corrected = (
            self._corrected(plan, self._seen(), _real(query))
            if plan.groups and query.correct_spelling
            else None
        )
        if corrected is not None:
            plan, suggestion = _plan(query, corrected), corrected
            yield _Attempt(plan, True, query.radius_m, suggestion, concepts=concepts, asker=asker)
        radii = _wider_radii(query.radius_m)
        for radius in radii:
            yield _Attempt(
                plan, True, radius, suggestion, Widening(radius_m=radius), concepts, asker
            )
        if len(plan.groups) > 1 or concepts:
            for reach in (query.radius_m, *radii):
                widened = Widening(
                    any_terms=True, radius_m=None if reach == query.radius_m else reach
                )
                yield _Attempt(plan, False, reach, suggestion, widened, concepts, asker)
        guessed = guessed_attempt(query, plan, concepts, asker, suggestion)
        if guessed is not None:
            yield guessed

    def _corrected(
        self, plan: TextPlan, seen: Callable[[str], bool], real: Callable[[str], bool]
    ) -> str | None:
        """:func:`search.engine._corrected_text`, with corrections remembered."""
        vocabulary = self.snapshot.vocabulary()
        fixes: dict[str, str] = {}
        for group in plan.groups:
            word = group.words[0]
            if group.synonym or not word.isalpha() or word in vocabulary or real(word):
                continue
            fix = self._correction(word)
            if fix is not None and seen(fix):
                fixes[word] = fix
        if not fixes:
            return None
        return " ".join(fixes.get(word, word) for word in plan.text.split())

    def _correction(self, word: str) -> str | None:
        """The closest word of the index or the synonym table, as the engine chooses."""
        return best_correction(word, self._vocabulary_for((word,)), _SYNONYM_WORDS)

    def _vocabulary(self, plan: TextPlan, loosened: bool) -> dict[str, int]:
        """The words of the whole vocabulary this query's words can use: themselves, and,
        when the engine will loosen, the index's closest word to each unknown one (enough
        for it to correct them as it would with the whole vocabulary,
        :func:`search.spelling.best_correction`)."""
        return self._vocabulary_for(tuple(plan.text.split()), corrections=loosened)

    def _vocabulary_for(self, words: tuple[str, ...], corrections: bool = True) -> dict[str, int]:
        vocabulary = self.snapshot.vocabulary()
        kept: dict[str, int] = {}
        for word in words:
            if word in vocabulary:
                kept[word] = vocabulary[word]
            elif corrections and (fix := self.snapshot.correction(word)) is not None:
                kept[fix] = vocabulary[fix]
        return kept

    def _seen(self) -> Callable[[str], bool]:
        """Whether a word is in a listing this searcher may see (engine's ``_seen_by``)."""
        audience = Filters(practitioner_only_too=self.query.filters.practitioner_only_too)
        visible = list(self.compiler.audience(audience, self.query.today).values())

        def seen(word: str) -> bool:
            if word in _SYNONYM_WORDS:
                return True
            token = stem_word(word)
            return token is not None and bool(
                self.snapshot.count(must(visible, self.compiler.token(token)))
            )

        return seen

    # Counting

    def _tally(
        self, matches: Query, parts: _Placed | None
    ) -> tuple[int, dict[str, dict[str, int]]]:
        """How many ``matches`` there are, and their counts per term of each facet whose
        own filter is not active: one pass of tantivy over the matches, or, with ``parts``,
        over the rest, the borough-wide part's remembered (:class:`_Placed`)."""
        plain = [field for name, field in FACETS.items() if name not in self.clauses]
        if parts is None:
            return self.snapshot.tally(matches, plain)
        wide_total, wide = self.snapshot.wide.get(
            ("tally", *parts.key), lambda: self.snapshot.tally(parts.wide, plain)
        )
        total, counted = self.snapshot.tally(parts.rest, plain)
        return total + wide_total, {
            name: _added(counts, wide.get(name, {})) for name, counts in counted.items()
        }

    def _facets(
        self,
        matches: Query,
        worded: Query | None,
        area: Query | None,
        counted: Mapping[str, Mapping[str, int]],
    ) -> FacetCounts:
        """Counts per facet code over the matches (``counted``: the facets without a filter
        of their own, :meth:`_tally`); a facet with its own filter active is counted
        without it (:func:`search.filtering.facet_counts`)."""
        facets: dict[str, Mapping[str, int]] = {}
        for name, field in FACETS.items():
            counts: Mapping[str, int]
            found: Mapping[str, Mapping[str, int]]
            if name in self.clauses:
                others = [query for other, query in self.clauses.items() if other != name]
                found = self.snapshot.aggregate(must([area, *others], worded), [field])
                counts = found[field]
            else:
                found, counts = counted, counted[field]
            if field == LOCALITY:
                counts = self._localities(counts, found[WIDE])
            facets[name] = MappingProxyType(
                {term: count for term, count in counts.items() if count and term != BOROUGH_WIDE}
            )
        return MappingProxyType(facets)

    def _localities(self, counts: Mapping[str, int], wide_in: Mapping[str, int]) -> dict[str, int]:
        """Borough-wide services count towards every locality, as the filter treats them.
        ``wide_in``: the borough-wide matches' own localities, counted in the same pass as
        ``counts`` (:meth:`_Snapshot.aggregate`); each holds the borough-wide term, so its
        bucket is how many there are."""
        wide = wide_in.get(BOROUGH_WIDE, 0)
        if not wide:
            return dict(counts)
        return {
            term: counts.get(term, 0) + wide - wide_in.get(term, 0)
            for term in self.snapshot.localities()
        }

    # Choosing candidates

    def _candidates(
        self, scored: Query, danger: Query | None, attempt: _Attempt, total: int
    ) -> list[Any]:
        """The matches the engine ranks: the best by tantivy's score, and those meeting the
        danger first; with no words to score (or nearest first), the best by the ranking's
        own distance and freshness, read from fast fields."""
        query = self.query
        keep = max(self.candidates, DEPTH * query.page * query.page_size)
        wordless = not attempt.plan.groups and not attempt.concepts
        if wordless or query.sort == "nearest":
            chosen = self._best_placed(scored, keep, total)
        else:
            chosen = self.snapshot.hits(scored, keep)
        if danger is not None:
            chosen += self.snapshot.hits(must([scored], danger), keep)
        unique = {(address.segment_ord, address.doc): address for address in chosen}
        return list(unique.values())

    def _freshest(self, matches: Query, keep: int) -> list[Any] | None:
        """With no place, the ranking puts first the listings checked in the last
        FRESH_DAYS and not overdue: they share its best key. When at least ``keep`` match,
        they are what :meth:`_best_placed` keeps (the first TIES_KEPT, in the order its
        scan has them: every match scores alike, so by address), found by tantivy without
        reading every match's dates; None when fewer do."""
        today = self.query.today.toordinal()
        fresh = [
            self.compiler.numbers(ASSURED, today - FRESH_DAYS, None, columns=True),
            self.compiler.numbers(DUE, today, None, columns=True),
        ]
        found = self.snapshot.hits(must(fresh, matches), TIES_KEPT)
        return found if len(found) >= keep else None

    def _best_placed(self, matches: Query, keep: int, total: int) -> list[Any]:
        """The ``keep`` matches (of ``total``) the ranking puts first by distance and
        freshness alone (:mod:`search.ranking`), with those tied with the last, up to
        TIES_KEPT, in the order tantivy finds them (by address: they all score alike).

        With a place, listings with a venue are keyed one by one from fast fields; a
        listing's key is otherwise its dates' alone, so those are counted by day checked in
        one aggregation and tantivy finds the ones that reach the cut (a postcode search
        matches every borough-wide service: tens of thousands at 500,000 listings)."""
        snapshot, query = self.snapshot, self.query
        if total <= keep:
            return snapshot.hits(matches, total)
        if query.origin is None and query.sort != "nearest":
            freshest = self._freshest(matches, keep)
            if freshest is not None:
                return freshest
        placed = query.origin is not None
        parts = self.placed if placed else None
        if parts is not None:  # the circle's listings are known: no need to ask again
            dated = parts.served
            wide = snapshot.wide.get(("dates", *parts.key), lambda: self._date_counts(parts.wide))
            counted = _added(self._date_counts(excluding(dated, parts.wide)), wide)
        else:
            dated = must([self.compiler.venues(0, 0)], matches) if placed else matches
            counted = self._date_counts(dated)
        levels = self._dated_levels(counted)
        measured = []
        if parts is not None:
            measured = self._keyed(parts.inside)
        elif placed:  # the rest of the matches have a venue
            rest = total - sum(count for _, count in levels.values())
            measured = self._keyed(
                snapshot.hits(must([self.compiler.venues(1, None)], matches), rest)
            )
        last = _cut([(key, 1) for key, _ in measured] + list(levels.values()), keep)
        chosen = [address for key, address in measured if key <= last][:TIES_KEPT]
        for late in (False, True):
            for at_cut in (False, True):
                days = [
                    day
                    for (day, due), (key, _) in levels.items()
                    if due == late and (key == last if at_cut else key < last)
                ]
                if not days:
                    continue
                reaching = must(
                    [self._due_before_today(late), self.compiler.checked_on(days)], dated
                )
                found = snapshot.hits(reaching, TIES_KEPT)
                chosen += found
                if at_cut:
                    self.tied.update((address.segment_ord, address.doc) for address in found)
        chosen.sort(key=lambda address: (address.segment_ord, address.doc))
        return chosen[:TIES_KEPT]

    def _keyed(self, addresses: list[Any]) -> list[tuple[tuple[float, float], Any]]:
        """The listings with a venue at ``addresses``, each keyed by its nearest venue's
        distance and its dates, with its address. The fast fields hold a listing's first
        venue; a listing with several has the others measured too (:meth:`_Snapshot.
        venues`), as the ranking measures from the nearest: keyed by its first alone, a
        listing whose first venue is far falls below the cut while a nearer venue puts it
        on the page."""
        snapshot, query = self.snapshot, self.query
        assert query.origin is not None
        fast = snapshot.searcher.fast_field_values
        assured, due = fast(ASSURED, addresses), fast(DUE, addresses)
        east, north = fast(EASTING, addresses), fast(NORTHING, addresses)
        keys, counts = fast(KEY, addresses), fast(VENUES, addresses)
        origin_e, origin_n = query.origin
        several = snapshot.venues(
            [key for key, count in zip(keys, counts, strict=True) if count > 1]
        )
        nearest, today, day = query.sort == "nearest", query.today, query.today.toordinal()
        fresh_on: dict[int, float] = {}  # freshness by day checked: a few hundred days
        keyed: list[tuple[tuple[float, float], Any]] = []
        for address, key, venue_e, venue_n, checked, due_on in zip(
            addresses, keys, east, north, assured, due, strict=True
        ):
            points = several.get(key) or [(venue_e, venue_n)]
            distance = min(math.hypot(e - origin_e, n - origin_n) for e, n in points)
            if nearest:
                keyed.append(((0.0, distance), address))
                continue
            fresh = fresh_on.get(checked)
            if fresh is None:
                fresh = freshness(date.fromordinal(checked) if checked else None, today)
                fresh_on[checked] = fresh
            overdue = not checked or (due_on < FOREVER and due_on < day)
            keyed.append(((-blend(1.0, proximity(distance, True), fresh, overdue), 0.0), address))
        return keyed

    def _date_counts(self, dated: Query) -> dict[tuple[int, bool], int]:
        """How many listings ``dated`` finds, by day checked and whether their review fell
        due before today."""
        day = self.query.today.toordinal()
        request = {
            "due": {
                "range": {
                    "field": DUE,
                    "ranges": [{"key": "overdue", "to": day}, {"key": "due", "from": day}],
                },
                "aggs": {"checked": {"terms": {"field": ASSURED, "size": DAYS_COUNTED}}},
            }
        }
        found = self.snapshot.searcher.aggregate(dated, request)
        return {
            (int(checked["key"]), bucket["key"] == "overdue"): checked["doc_count"]
            for bucket in found["due"]["buckets"]
            for checked in bucket["checked"]["buckets"]
        }

    def _dated_levels(
        self, counted: Mapping[tuple[int, bool], int]
    ) -> dict[tuple[int, bool], tuple[tuple[float, float], int]]:
        """For listings whose key is their dates' alone, counted by day checked and whether
        their review fell due before today (:meth:`_date_counts`): their key and count."""
        query = self.query
        placed = query.origin is not None
        levels: dict[tuple[int, bool], tuple[tuple[float, float], int]] = {}
        for (checked, late), count in counted.items():
            overdue = late or not checked
            if query.sort == "nearest":
                key = (1.0, 0.0)
            else:
                when = date.fromordinal(checked) if checked else None
                fresh = freshness(when, query.today)
                key = (-blend(1.0, proximity(None, placed), fresh, overdue), 0.0)
            levels[checked, late] = (key, count)
        return levels

    def _due_before_today(self, late: bool) -> Query:
        """Listings whose review fell due before today (``late``), or the others."""
        today = self.query.today.toordinal()
        if late:
            return self.compiler.numbers(DUE, None, today - 1, columns=True)
        return self.compiler.numbers(DUE, today, None, columns=True)


def _added(first: Mapping[Any, int], second: Mapping[Any, int]) -> dict[Any, int]:
    """Counts of two disjoint sets of listings, added term by term."""
    added = dict(first)
    for term, count in second.items():
        added[term] = added.get(term, 0) + count
    return added


def _cut(levels: Iterable[tuple[tuple[float, float], int]], keep: int) -> tuple[float, float]:
    """The ``keep``-th smallest key, each key counted as many times as it is listed with."""
    ordered = sorted(levels)
    seen = 0
    for key, count in ordered:
        seen += count
        if seen >= keep:
            return key
    return ordered[-1][0]
