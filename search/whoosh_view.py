"""One opened generation of the Whoosh index, as an :class:`~search.view.IndexView`.

A snapshot holds one searcher for as long as the index is unchanged. Opening it reads the
small stored fields and field lengths of every document once (ids, points, assured dates,
keyword terms), so a query costs set operations plus a postings read per new term.

Terms are weighed from their postings here rather than scored through Whoosh's query
matchers: walking a tree of two dozen term matchers (four fields times a synonym group) cost
about 20 microseconds a posting, reading the postings flat about one, and Whoosh's scoring
is not true BM25F (see :mod:`search.scoring`). A term's weights depend on nothing but the
snapshot, so they are cached until the index changes. The spelling
vocabulary is read from its file only when a query needs correcting. Whoosh readers share
file positions, so calls into Whoosh are serialised by a lock; under the GIL that costs
little.
"""

from __future__ import annotations

import pickle
import struct
import threading
import zlib
from collections.abc import Iterable, Mapping, Set
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.index import Index
from whoosh.index import IndexError as WhooshIndexError
from whoosh.util.numlists import delta_decode

from search.engine import DayOrder
from search.errors import IndexUnavailable
from search.indexing import INFERRED_NEED, NEED, TEXT_FIELDS
from search.keywords import KeywordIndex
from search.meaning import Scores
from search.remembering import LastUsed
from search.results import FacetCounts
from search.scoring import NO_POSTINGS, TermArrays, length_norms
from search.view import DocInfo
from search.vocabulary_file import read_vocabulary
from search.whoosh_schema import (
    ASSURED_FIELD,
    FINGERPRINT_FIELD,
    ID_FIELD,
    KEYWORDS_FIELD,
    POINTS_FIELD,
    REVIEW_DUE_FIELD,
)

# What a damaged or vanished index makes Whoosh raise while opening or reading it: its
# files are pickles, zlib blocks and packed structs, and it checks little itself.
READ_ERRORS: tuple[type[Exception], ...] = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    WhooshIndexError,
)
READINGS_KEPT = 512
"""Readings remembered per snapshot: a page asks the same words again for its counts and
offers, and families page through results and come back to them."""
GROUP_SCORES_HELD = 500_000
"""Scores of words (one per listing holding the word) a snapshot remembers: some 30 MB."""
FACET_COUNTS_HELD = 100_000
"""Facet counts (one per code a search's facets offer, some 100 bytes each: about 10 MB) a
snapshot remembers, the least recently asked dropped first: a page asks its own counts
again as the family pages through it, and the popular searches are asked again and again."""
TERM_CACHE_SIZE = 4096  # weighed terms kept per snapshot (cleared wholesale when full)


class WhooshSnapshot:
    """Reads one index generation; build a new snapshot when the index changes."""

    def __init__(self, index: Index, directory: Path, generation: int) -> None:
        """Open a searcher and load the per-document data; IndexUnavailable if unreadable."""
        self.generation = generation
        self._directory = directory
        self._lock = threading.Lock()
        self._info: dict[int, DocInfo] = {}
        self._fingerprints: dict[str, str | None] = {}
        self._keywords = KeywordIndex()
        self._term_cache: dict[str, TermArrays] = {}
        # Scored word matches, reused when a page asks the same words with other filters
        # (the zero-result offers do). Safe: a snapshot never changes.
        self.text_matches: dict[object, Scores] = {}
        # Readings of the words, by reader, words and day (see search.engine._understood).
        self.readings: LastUsed[object] = LastUsed(READINGS_KEPT)
        # Each word's (or synonym group's) text scores, as the term weights are kept,
        # up to GROUP_SCORES_HELD scores in all.
        self.group_scores: LastUsed[Mapping[int, float]] = LastUsed(GROUP_SCORES_HELD, len)
        # Facet counts by what decides the sets counted (see search.engine._facets).
        self.facet_counts: LastUsed[FacetCounts] = LastUsed(FACET_COUNTS_HELD, _codes_counted)
        # Every listing in the order a search with no words or place ranks them, by day
        # (see search.engine._in_day_order): a day's and the next, around midnight.
        self.day_orders: LastUsed[DayOrder] = LastUsed(2)
        # Each listing's freshness term and overdue factor, by day, filled in as searches
        # blend listings (see search.engine._shortlist).
        self.day_weights: LastUsed[dict[int, tuple[float, float]]] = LastUsed(2)
        self._vocabulary: dict[str, int] | None = None
        try:
            self._searcher = index.searcher()
        except READ_ERRORS as error:
            raise IndexUnavailable(f"search index {directory} cannot be opened") from error
        try:
            self._load()
        except READ_ERRORS as error:
            self._searcher.close()
            raise IndexUnavailable(f"search index {directory} is corrupt") from error

    def _load(self) -> None:
        for docnum, stored in self._searcher.reader().iter_docs():
            assured = stored.get(ASSURED_FIELD)
            due = stored.get(REVIEW_DUE_FIELD)
            keywords = stored.get(KEYWORDS_FIELD) or {}
            self._info[docnum] = DocInfo(
                stored[ID_FIELD],
                tuple(stored.get(POINTS_FIELD) or ()),
                date.fromisoformat(assured) if assured else None,
                len(keywords.get(NEED, ()) or keywords.get(INFERRED_NEED, ())),
                date.fromisoformat(due) if due else None,
            )
            self._keywords.add(docnum, keywords)
            self._fingerprints[stored[ID_FIELD]] = stored.get(FINGERPRINT_FIELD)
        self._docs = frozenset(self._info)
        reader = self._searcher.reader()
        every = range(reader.doc_count_all())
        self._lengths = {
            field: {doc: reader.doc_field_length(doc, field) or 0 for doc in every}
            for field in TEXT_FIELDS
        }
        # Over live documents, as the in-memory backend counts them.
        self._average_lengths = {
            field: sum(self._lengths[field][doc] for doc in self._docs) / (len(self._docs) or 1)
            for field in TEXT_FIELDS
        }
        # Once per generation: each document's length normalisation per field, and which
        # documents are live, as arrays by document number.
        self._norms = {
            field: np.array(
                length_norms([self._lengths[field][doc] for doc in every], average),
                dtype=np.float64,
            )
            for field, average in self._average_lengths.items()
        }
        self._live = np.zeros(len(every), dtype=bool)
        self._live[np.fromiter(self._docs, dtype=np.int64, count=len(self._docs))] = True

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    def ids(self) -> set[str]:
        return {info.id for info in self._info.values()}

    def fingerprints(self) -> dict[str, str | None]:
        """Id -> fingerprint of every document (None if indexed before fingerprints were)."""
        return dict(self._fingerprints)

    # IndexView

    def all_docs(self) -> Set[int]:
        return self._docs

    def info(self, doc: int) -> DocInfo:
        return self._info[doc]

    def postings(self, field: str, term: str) -> Set[int]:
        return self._keywords.postings(field, term)

    def bits(self, field: str, term: str) -> int:
        return self._keywords.bits(field, term)

    def terms(self, field: str) -> Iterable[str]:
        return self._keywords.terms(field)

    def vocabulary(self) -> Mapping[str, int]:
        if self._vocabulary is None:
            try:
                self._vocabulary = read_vocabulary(self._directory)
            except READ_ERRORS as error:
                raise IndexUnavailable(f"spelling vocabulary of {self._directory}") from error
        return self._vocabulary

    def term_weights(self, token: str) -> Mapping[int, float]:
        docs, weights = self.term_arrays(token)
        return dict(zip(docs.tolist(), weights.tolist(), strict=True))

    def term_arrays(self, token: str) -> TermArrays:
        """``token``'s BM25F weights summed over the text fields (:meth:`term_weights`) as
        two arrays, its documents in order and their weights: read once per snapshot (up to
        TERM_CACHE_SIZE terms), vectorised rather than a Python step a posting."""
        weighed = self._term_cache.get(token)
        if weighed is None:
            weighed = self._weigh(token)
            for array in weighed:
                array.flags.writeable = False  # shared by every search of the snapshot
            if len(self._term_cache) >= TERM_CACHE_SIZE:
                self._term_cache.clear()
            self._term_cache[token] = weighed
        return weighed

    def _weigh(self, token: str) -> TermArrays:
        """Each field's weights (:meth:`_weigh_term`) added up in the fields' order, as
        :func:`search.scoring.sum_fields` adds them, over a dense array of the segment's
        documents."""
        total = present = None
        for field in TEXT_FIELDS:
            docs, weights = self._weigh_term(field, token)
            if not len(docs):
                continue
            if total is None or present is None:
                total = np.zeros(len(self._live))
                present = np.zeros(len(self._live), dtype=bool)
            total[docs] += weights
            present[docs] = True
        if total is None or present is None:
            return NO_POSTINGS
        docs = np.flatnonzero(present)
        return docs, total[docs]

    def _weigh_term(self, field: str, token: str) -> TermArrays:
        """Read one term's postings in one field (weights already carry the field boost),
        live documents only, in document order, and normalise them by length."""
        found: list[TermArrays] = []
        with self._lock:
            try:
                for segment, base in self._searcher.reader().leaf_readers():
                    if (field, token) in segment:
                        found.append(_segment_postings(segment, field, token, base))
            except READ_ERRORS as error:
                raise IndexUnavailable(f"search index {self._directory} is corrupt") from error
        if not found:
            return NO_POSTINGS
        docs = np.concatenate([docs for docs, _ in found])
        frequencies = np.concatenate([weights for _, weights in found])
        live = self._live[docs]
        docs, frequencies = docs[live], frequencies[live]
        return docs, frequencies / self._norms[field][docs]


def _segment_postings(segment: Any, field: str, token: str, base: int) -> TermArrays:
    """(documents, weights) of one term's postings in one segment, in document order,
    deleted documents included (a deleted document's postings stay in its segment until a
    merge; :meth:`WhooshSnapshot._weigh_term` leaves them out).

    Whoosh's own segment matcher (``whoosh.codec.whoosh3.W3LeafMatcher``) holds a block of
    postings at a time as a pickled tuple (id deltas, weights, values): decoded here whole
    into arrays, the weights as the matcher gives them (an absent tuple is every weight
    1.0; a single number, all alike, comes back as a 32-bit float), not five Python calls
    a posting through the matcher and its wrappers (deletions, segments), which was most
    of the CPU of a search with words no search had asked yet. Any other matcher is walked
    as before.
    """
    matcher = segment.postings(field, token)
    leaf = getattr(matcher, "child", matcher)  # under a filter of the segment's deletions
    if not _reads_blocks(leaf):
        return _walked(matcher, base)
    deltas: list[int] = []  # every block's ids as one run of deltas from 0
    weights: list[float] = []
    starts: list[int] = []  # where each delta-coded block after the first begins
    lasts: list[int] = []  # and the last id before it
    last = 0
    while leaf.is_active():
        if leaf._data is None:
            leaf._read_data()
        raw_ids, raw_weights = leaf._data[0], leaf._data[1]
        skip = leaf._i  # 0 but for a matcher already part-way through its block
        if skip or leaf._byteids:
            # Rare: decoded here, the block's ids made deltas from the last id before it.
            absolute = raw_ids if leaf._byteids else tuple(delta_decode(raw_ids))
            deltas += _as_deltas(absolute[skip:], last)
        else:
            # A block's ids are deltas from 0: its first is corrected below to count from
            # the last id of the block before.
            if deltas:
                starts.append(len(deltas))
                lasts.append(last)
            deltas += raw_ids
        count = len(raw_ids) - skip
        if raw_weights is None:
            weights += [1.0] * count
        elif isinstance(raw_weights, float):
            weights += [float(np.float32(raw_weights))] * count  # as Whoosh's array("f")
        else:
            weights += raw_weights[skip:]
        last = leaf._maxid
        leaf._next_block()
    if not deltas:
        return NO_POSTINGS
    steps = np.array(deltas, dtype=np.int64)
    steps[starts] -= np.array(lasts, dtype=np.int64)
    return np.cumsum(steps) + base, np.array(weights, dtype=np.float64)


def _walked(matcher: Any, base: int) -> TermArrays:
    """A matcher's postings walked one at a time (any matcher but Whoosh 3's)."""
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(base + matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)


def _as_deltas(ids: Iterable[int], last: int) -> list[int]:
    deltas = []
    for doc in ids:
        deltas.append(doc - last)
        last = doc
    return deltas


def _reads_blocks(matcher: object) -> bool:
    """A Whoosh 3 segment matcher, whose block arrays can be read whole."""
    return type(matcher).__name__ == "W3LeafMatcher" and all(
        hasattr(matcher, name)
        for name in ("_read_data", "_next_block", "_data", "_byteids", "_i", "_maxid")
    )


def _codes_counted(facets: FacetCounts) -> int:
    """How many codes a search's facet counts hold (at least 1: an empty one is kept too)."""
    return max(1, sum(len(counts) for counts in facets.values()))
