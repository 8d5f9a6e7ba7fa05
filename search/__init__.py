"""Signpost's search engine: documents in, ranked and faceted results out.

Knows nothing of Flask or the database; the directory turns its records into
:class:`ServiceDocument` values and asks a :class:`SearchBackend` for results.
"""

from search.backend import SearchBackend
from search.documents import ServiceDocument, fingerprint
from search.errors import (
    IndexLocked,
    IndexUnavailable,
    InvalidQuery,
    PageOutOfRange,
    SearchError,
)
from search.memory import MemoryBackend
from search.query import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_RADIUS_M,
    MAX_TERMS,
    MAX_TEXT_CHARS,
    Filters,
    SearchQuery,
    expand_synonyms,
    normalise_text,
    plan_text,
)
from search.results import SearchHit, SearchResults, Widening
from search.tantivy_backend import TantivyBackend
from search.whoosh_backend import WhooshBackend

__all__ = [
    "MAX_PAGE",
    "MAX_PAGE_SIZE",
    "MAX_RADIUS_M",
    "MAX_TERMS",
    "MAX_TEXT_CHARS",
    "Filters",
    "IndexLocked",
    "IndexUnavailable",
    "InvalidQuery",
    "MemoryBackend",
    "PageOutOfRange",
    "SearchBackend",
    "SearchError",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "ServiceDocument",
    "TantivyBackend",
    "WhooshBackend",
    "Widening",
    "expand_synonyms",
    "fingerprint",
    "normalise_text",
    "plan_text",
]
