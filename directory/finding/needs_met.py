"""At the practitioners' door, with two or more needs ticked: the services meeting every one
come first, across all pages, each group in the engine's order.

The engine reads ticked needs as "any of these", so the order is made here: the whole result
(up to ``MAX_PAGE_SIZE`` matches; beyond that each page is left as the engine made it) is
fetched once, its services' need codes read from the database (codes only, no listing
loaded), and the asked page cut from it.
"""

from __future__ import annotations

from dataclasses import replace

from directory.finding.page import SearchPage
from directory.finding.request import PAGE_SIZE, SearchRequest
from directory.queries.services import need_codes_by_service
from search import MAX_PAGE_SIZE, SearchResults


def meets_all_needs_first(
    wanted: SearchRequest, results: SearchResults, page: SearchPage
) -> SearchResults:
    asked = set(wanted.needs)
    if len(asked) < 2 or not results.hits or results.total > MAX_PAGE_SIZE:
        return results
    query = page.query(wanted)
    everything = page.engine.search(replace(query, page=1, page_size=MAX_PAGE_SIZE)).hits
    held = need_codes_by_service([hit.id for hit in everything], query.today)
    every = [hit for hit in everything if asked <= held.get(hit.id, set())]
    some = [hit for hit in everything if not asked <= held.get(hit.id, set())]
    start = (wanted.page - 1) * PAGE_SIZE
    return replace(results, hits=tuple([*every, *some][start : start + PAGE_SIZE]))
