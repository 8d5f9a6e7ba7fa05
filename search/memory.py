"""An in-memory backend: for tests, and for the app when the Whoosh index is unavailable.

It shares the analyser, document splitting, term scoring and the whole query engine with
the Whoosh backend, so the two agree on what matches and (near enough) on order. Whoosh
rounds stored field lengths to a byte, so scores can differ in the last digits.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import date

from search.documents import ServiceDocument, fingerprint
from search.engine import search as run_search
from search.indexing import TEXT_FIELDS, keyword_terms, spelling_words, text_fields
from search.keywords import KeywordIndex
from search.phrases import index_tokens
from search.query import SearchQuery
from search.results import SearchResults
from search.scoring import field_weights, sum_fields
from search.view import DocInfo, IndexView


@dataclass(frozen=True, slots=True)
class _Entry:
    info: DocInfo
    keywords: dict[str, tuple[str, ...]]
    frequencies: dict[str, Counter[str]]  # text field -> token -> occurrences
    spelling: frozenset[str]


class MemoryBackend:
    """A :class:`~search.backend.SearchBackend` held in this process's memory.

    Thread-safe: one lock guards writes and searches alike.
    """

    def __init__(self, documents: Iterable[ServiceDocument] = ()) -> None:
        self._lock = threading.RLock()
        self._index = _MemoryIndex()
        self.index(documents)

    def index(self, documents: Iterable[ServiceDocument]) -> None:
        """Add documents, replacing any with the same id."""
        with self._lock:
            for doc in documents:
                self._index.add(doc)

    def remove(self, ids: Iterable[str]) -> None:
        with self._lock:
            for doc_id in ids:
                self._index.discard(doc_id)

    def clear(self) -> None:
        with self._lock:
            self._index = _MemoryIndex()

    def rebuild(self, documents: Iterable[ServiceDocument]) -> None:
        """Replace the whole contents; searches see the old or the new set, never a mix."""
        fresh = _MemoryIndex()
        for doc in documents:
            fresh.add(doc)
        with self._lock:
            self._index = fresh

    def search(self, query: SearchQuery) -> SearchResults:
        with self._lock:
            return run_search(self._index, query)

    def document_ids(self) -> set[str]:
        with self._lock:
            return set(self._index.keys)

    def document_fingerprints(self) -> dict[str, str | None]:
        with self._lock:
            return dict(self._index.fingerprints)

    def count(self) -> int:
        with self._lock:
            return len(self._index.keys)


class _MemoryIndex:
    """Inverted indexes in dicts; implements :class:`~search.view.IndexView`."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}
        self.fingerprints: dict[str, str] = {}
        self._entries: dict[int, _Entry] = {}
        self._next = 0
        self._keywords = KeywordIndex()
        self._text: dict[str, dict[str, dict[int, int]]] = {field: {} for field in TEXT_FIELDS}
        self._lengths: dict[str, dict[int, int]] = {field: {} for field in TEXT_FIELDS}
        self._total_length: Counter[str] = Counter()
        self._vocabulary: Counter[str] = Counter()
        self._docs: set[int] = set()

    def add(self, doc: ServiceDocument) -> None:
        self.discard(doc.id)
        key = self._next
        self._next += 1
        assured = date.fromisoformat(doc.assured_date) if doc.assured_date else None
        due = date.fromisoformat(doc.review_due) if doc.review_due else None
        entry = _Entry(
            DocInfo(doc.id, doc.points, assured, len(doc.need_codes or doc.text_needs), due),
            keyword_terms(doc),
            {field: Counter(index_tokens(text)) for field, text in text_fields(doc).items()},
            frozenset(spelling_words(doc)),
        )
        self._keywords.add(key, entry.keywords)
        for field, frequencies in entry.frequencies.items():
            for token, count in frequencies.items():
                self._text[field].setdefault(token, {})[key] = count
            length = frequencies.total()
            self._lengths[field][key] = length
            self._total_length[field] += length
        self._vocabulary.update(entry.spelling)
        self._entries[key] = entry
        self._docs.add(key)
        self.keys[doc.id] = key
        self.fingerprints[doc.id] = fingerprint(doc)

    def discard(self, doc_id: str) -> None:
        key = self.keys.pop(doc_id, None)
        if key is None:
            return
        del self.fingerprints[doc_id]
        entry = self._entries.pop(key)
        self._docs.discard(key)
        self._keywords.discard(key, entry.keywords)
        for field, frequencies in entry.frequencies.items():
            postings = self._text[field]
            for token in frequencies:
                del postings[token][key]
                if not postings[token]:
                    del postings[token]
            self._total_length[field] -= self._lengths[field].pop(key)
        for word in entry.spelling:
            self._vocabulary[word] -= 1
            if not self._vocabulary[word]:
                del self._vocabulary[word]

    # IndexView

    def all_docs(self) -> Set[int]:
        return self._docs

    def postings(self, field: str, term: str) -> Set[int]:
        return self._keywords.postings(field, term)

    def bits(self, field: str, term: str) -> int:
        return self._keywords.bits(field, term)

    def terms(self, field: str) -> Iterable[str]:
        return self._keywords.terms(field)

    def info(self, doc: int) -> DocInfo:
        return self._entries[doc].info

    def vocabulary(self) -> Mapping[str, int]:
        return self._vocabulary

    def term_weights(self, token: str) -> Mapping[int, float]:
        return sum_fields(self._field_weights(field, token) for field in TEXT_FIELDS)

    def _field_weights(self, field: str, token: str) -> dict[int, float]:
        postings = self._text[field].get(token)
        if not postings:
            return {}
        field_boost = TEXT_FIELDS[field]
        return field_weights(
            ((doc, frequency * field_boost) for doc, frequency in postings.items()),
            self._lengths[field],
            self._total_length[field] / len(self._docs),
        )


def document_view(document: ServiceDocument) -> IndexView:
    """A view holding one document, to ask what in it a query matches (explaining ranks)."""
    view = _MemoryIndex()
    view.add(document)
    return view
