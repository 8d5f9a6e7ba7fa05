"""At the practitioners' door, with two or more needs ticked: the services meeting every one
come first, across all pages, each group in the engine's order.

The engine reads ticked needs as "any of these", so the order is made here: the whole result
(up to ``MAX_PAGE_SIZE`` matches; beyond that each page is left as the engine made it) is
fetched once, its services' need codes read (codes only, no listing loaded, kept per
index generation: ``directory.queries.need_codes``), and the asked page cut from it.
"""

from __future__ import annotations

from dataclasses import replace

from flask import current_app

from directory.finding.page import SearchPage
from directory.finding.request import PAGE_SIZE, SearchRequest
from directory.queries.need_codes import NeedCodeCache
from search import MAX_PAGE_SIZE, SearchResults


def meets_all_needs_first(
    wanted: SearchRequest, results: SearchResults, page: SearchPage
) -> SearchResults:
    asked = set(wanted.needs)
    if len(asked) < 2 or not results.hits or results.total > MAX_PAGE_SIZE:
        return results
    query = page.query(wanted)
    everything = page.engine.search(replace(query, page=1, page_size=MAX_PAGE_SIZE)).hits
    cache = current_app.extensions.setdefault("need_code_cache", NeedCodeCache())
    held = cache.codes([hit.id for hit in everything], query.today, page.generation)
    every = [hit for hit in everything if asked <= held.get(hit.id, set())]
    some = [hit for hit in everything if not asked <= held.get(hit.id, set())]
    start = (wanted.page - 1) * PAGE_SIZE
    return replace(results, hits=tuple([*every, *some][start : start + PAGE_SIZE]))
