"""Results never placed by a venue the database has masked since the index took it.

A refuge's venue is masked: indexed with no place, it has no distance and a search from a
postcode never orders or filters it by one. Masked in a commit the index has not taken yet
(an import re-indexes after its last commit; another node follows the change log a second
later), the index still holds its place, so a radius search or "nearest first" would list
it among the listings near the searcher: enough to narrow down where it is, even with the
card showing no distance. Until the index catches up, such a listing is left out of any
search made from a place; searched from nowhere, it shows as usual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from directory.finding.page import Engine
from search import SearchQuery, SearchResults


@dataclass(frozen=True)
class MaskedUnplaced:
    """``engine``, its results never holding a listing of ``masked`` that it placed."""

    engine: Engine
    masked: frozenset[str]
    """Ids of the listings with a masked venue, as the database says now."""

    def search(self, query: SearchQuery) -> SearchResults:
        results = self.engine.search(query)
        if query.origin is None or not self.masked:
            return results
        kept = tuple(
            hit for hit in results.hits if hit.distance_m is None or hit.id not in self.masked
        )
        if len(kept) == len(results.hits):
            return results
        return replace(results, hits=kept, total=results.total - (len(results.hits) - len(kept)))
