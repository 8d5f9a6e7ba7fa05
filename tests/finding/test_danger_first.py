"""Danger first: whenever a danger is read (the panel or the strip), the first results meet
it (the two best: ``search.engine.DANGER_LEADS``), not only when nothing found as asked
did, and the family's other matches follow.

Properties over every danger sentence of the development set
(``tests/fixtures/relevance/families.toml``), searched as the results page searches, with
the page's own language reader.
"""

from __future__ import annotations

from datetime import datetime

from flask import Flask

from bench.relevance import WITH_IMPORTS, load_cases
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.queries.services import public_services_by_id
from directory.safety import cued_dangers, signalled_dangers
from search.results import SearchResults

PAGE = 10


def _search(app: Flask, text: str, language: str, **args: list[str]) -> SearchResults:
    council = app.extensions["council"]
    reader = app.extensions["query_readers"][language]
    wanted = parse_search_args({"q": [text], **args}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(query)


def _needs(results: SearchResults) -> list[set[str]]:
    found = public_services_by_id([hit.id for hit in results.hits], datetime.now().date())
    return [
        {term.code for term in found[hit.id].terms("need")}
        for hit in results.hits
        if hit.id in found
    ]


def test_every_development_danger_sentence_leads_with_listings_meeting_its_danger(
    search_app: Flask,
) -> None:
    """The first result meets the danger the case names, and the first two meet the danger
    read wherever two listings on the first page do."""
    cases = [c for c in load_cases() if c.danger and c.directory != WITH_IMPORTS]
    assert len(cases) >= 100
    council = search_app.extensions["council"]
    misses = []
    with search_app.app_context():
        danger_needs = search_app.extensions["query_reader"].phrasebook.danger_needs()
        for case in cases:
            results = _search(search_app, case.query, case.language)
            panel = signalled_dangers(results.reading, (), council)
            read = [*panel, *cued_dangers(results.reading, panel)]
            needs = _needs(results)[:PAGE]
            if not read or not needs:
                misses.append(f"nothing read or found: {case.query!r}")
                continue
            if not needs[0] & set(danger_needs[case.danger]):
                misses.append(f"first result not for {case.danger}: {case.query!r}")
            meets = [bool(held & set(danger_needs[read[0]])) for held in needs]
            if meets[:2] != sorted(meets, reverse=True)[:2]:
                misses.append(f"a listing for {read[0]} after another: {case.query!r} {meets}")
    assert misses == []


def test_a_danger_puts_its_listings_first_and_keeps_the_familys_other_matches(
    search_app: Flask,
) -> None:
    """Words that find food banks and say a danger: the danger's two best listings first
    (even though food listings match more of the words), then the food banks, not dropped,
    the first of them third."""
    with search_app.app_context():
        needs = search_app.extensions["query_reader"].phrasebook.danger_needs()
        plain = _needs(_search(search_app, "food bank near me", "en"))
        results = _search(search_app, "my partner hits me and we need a food bank", "en")
        found = _needs(results)
    assert plain and all("food" in held for held in plain[:3])
    assert found[0] & set(needs["domestic-abuse"])
    assert results.danger_only is None
    assert any("food" in held and not held & set(needs["domestic-abuse"]) for held in found)
    meets = [bool(held & set(needs["domestic-abuse"])) for held in found]
    assert meets[:2] == [True, True]
    assert "food" in found[2] and not meets[2]


def test_ordinary_words_change_no_order(search_app: Flask) -> None:
    """Without a danger the results are the words' own: nothing is added or put first."""
    with search_app.app_context():
        results = _search(search_app, "knife and fork set for my son", "en")
        assert not results.reading.dangers and not results.reading.cues
        assert results.danger_only is None
