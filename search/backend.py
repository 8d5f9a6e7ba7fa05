"""The interface every search backend offers the directory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from search.documents import ServiceDocument
from search.query import SearchQuery
from search.results import SearchResults


@runtime_checkable
class SearchBackend(Protocol):
    """A search index the directory keeps in step with its database.

    The index holds nothing the database cannot rebuild: ``document_ids`` lets a health
    check compare the two, and ``rebuild`` replaces the contents in one step.
    """

    def index(self, documents: Iterable[ServiceDocument]) -> None:
        """Add documents, replacing any already indexed with the same id."""
        ...

    def remove(self, ids: Iterable[str]) -> None:
        """Drop documents by id; unknown ids are ignored."""
        ...

    def clear(self) -> None:
        """Drop every document."""
        ...

    def rebuild(self, documents: Iterable[ServiceDocument]) -> None:
        """Replace the whole contents; searches never see a partial index."""
        ...

    def search(self, query: SearchQuery) -> SearchResults:
        """Run a query."""
        ...

    def document_ids(self) -> set[str]:
        """Ids of every indexed document."""
        ...

    def document_fingerprints(self) -> dict[str, str | None]:
        """Id -> :func:`~search.documents.fingerprint` of every indexed document."""
        ...

    def count(self) -> int:
        """How many documents are indexed."""
        ...
