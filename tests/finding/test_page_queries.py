"""``SearchPage``: every query a results page makes is its request made into an engine
query with the page's council, moment, place, reader and door, and the engine it holds."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.page import SearchPage
from directory.finding.request import SearchRequest, build_query
from search import MAX_PAGE_SIZE, SearchHit, SearchQuery, SearchResults

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
NOW = datetime(2026, 11, 26, 14, 30)
ORIGIN = (391000.0, 287000.0)
REQUESTS = (
    SearchRequest(text="food bank"),
    SearchRequest(text="speech", postcode="DY5 1AA", radius_miles=3),
    SearchRequest(chosen=(("need", ("food", "housing")),), page=2),
)


class Recording:
    """An engine that keeps what it was asked and finds three listings, one far away."""

    def __init__(self) -> None:
        self.asked: list[SearchQuery] = []

    def search(self, query: SearchQuery) -> SearchResults:
        self.asked.append(query)
        hits = (SearchHit("a", 1.0, 800.0), SearchHit("b", 0.5, None), SearchHit("c", 0.2, 5e4))
        return SearchResults(hits=hits, total=40)


@pytest.mark.parametrize("for_practitioners", [False, True])
@pytest.mark.parametrize("wanted", REQUESTS)
def test_each_query_is_the_request_built_with_the_pages_settings(
    wanted: SearchRequest, for_practitioners: bool
) -> None:
    engine = Recording()
    page = SearchPage(engine, COUNCIL, NOW, ORIGIN, ("brierley-hill",), None, for_practitioners)
    built = build_query(wanted, COUNCIL, NOW, ORIGIN, ("brierley-hill",), None, for_practitioners)

    assert page.query(wanted) == built
    assert page.search(wanted).total == 40
    assert page.exact_total(wanted) == 40
    assert page.nearest(wanted) == ([800.0, 5e4], 40)
    assert engine.asked == [
        built,
        replace(built, page=1, page_size=1, loosen=False),
        replace(
            built, radius_m=None, sort="nearest", page=1, page_size=MAX_PAGE_SIZE, loosen=False
        ),
    ]
