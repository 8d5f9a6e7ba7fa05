"""One results page's search: what every query the page makes shares, in one object.

A page asks the engine more than once: the search itself, then perhaps the whole result to
put the services meeting every need first (``needs_met``), the totals of looser searches
and the nearest matches with no distance limit (``recovery``), and page 1 of the search to
decide "Exit this page". Each of those is the page's request changed a little and made
into an engine query with the same council, moment, place, reader and door; a
``SearchPage`` holds those once, the engine the app searches with and the index
generation, so what the page hands on is one typed object rather than closures over the
view's locals.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from directory.council import Council
from directory.finding.request import SearchRequest, build_query
from search import MAX_PAGE_SIZE, SearchQuery, SearchResults
from search.understanding import QueryReader


class Engine(Protocol):
    """What a page searches with (the app's ``DirectorySearch``)."""

    def search(self, query: SearchQuery) -> SearchResults: ...


@dataclass(frozen=True)
class SearchPage:
    """The engine and everything but the request that a page's queries are made from."""

    engine: Engine
    council: Council
    now: datetime
    origin: tuple[float, float] | None
    """The searcher's easting and northing, when a postcode was found."""
    localities: tuple[str, ...]
    """The localities the postcode lies in."""
    reader: QueryReader | None
    for_practitioners: bool
    generation: Hashable | None = None
    """The index generation the page was drawn from with the newest listing change
    (``directory.queries.generation_kept.kept_generation``), read once a page: what the page
    keeps (its cards, need codes, the languages' names) is keyed by it."""

    def query(self, asked: SearchRequest) -> SearchQuery:
        """The engine query for ``asked`` on this page."""
        return build_query(
            asked,
            self.council,
            self.now,
            self.origin,
            self.localities,
            self.reader,
            self.for_practitioners,
        )

    def search(self, asked: SearchRequest) -> SearchResults:
        return self.engine.search(self.query(asked))

    def exact_total(self, asked: SearchRequest) -> int:
        """How many a changed search finds as asked, without the engine's own loosening."""
        query = replace(self.query(asked), page=1, page_size=1, loosen=False)
        return self.engine.search(query).total

    def nearest(self, asked: SearchRequest) -> tuple[list[float], int]:
        """Distances of the nearest matches with no distance limit, and how many match."""
        unlimited = replace(
            self.query(asked),
            radius_m=None,
            sort="nearest",
            page=1,
            page_size=MAX_PAGE_SIZE,
            loosen=False,
        )
        results = self.engine.search(unlimited)
        return [hit.distance_m for hit in results.hits if hit.distance_m is not None], (
            results.total
        )
