"""Listings imported with no needs (an ORUK feed through the real importer) are found by what
their own words are about, and editors see what search inferred; ``flask search explain``
prints each reading's evidence and strength."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from flask import Flask

from bench.relevance import import_feed
from directory.extensions import db
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.models import Service
from tests.manage.test_listings import _editor
from tests.support.client import page_text
from tests.support.factories import create_service
from tests.support.html import visible_text

DEBT_LINE = "Black Country Debt Advice (sample feed)"
FEED_SIZE = 8


def _directory(app: Flask) -> None:
    """The feed (no needs set) beside listings whose needs are set, indexed."""
    with app.app_context():
        assert import_feed(app) == FEED_SIZE
        for number in range(3):
            create_service(
                f"Food Bank {number}",
                summary="Emergency food parcels, and someone to talk to about money.",
                needs=("food", "money-and-debt"),
                assured_date=date.today(),
            )
        create_service(
            "Holiday Club",
            summary="Games and lunch in the school holidays.",
            needs=("activities",),
            assured_date=date.today(),
        )
        site_search().rebuild()


def _search(app: Flask, words: str):  # type: ignore[no-untyped-def]
    council = app.extensions["council"]
    reader = app.extensions["query_reader"]
    request = parse_search_args({"q": [words]}, council)
    return site_search().search(build_query(request, council, datetime.now(), reader=reader))


def _names(ids: list[str]) -> list[str]:
    services = db.session.scalars(sa.select(Service).where(Service.id.in_(ids))).all()
    by_id = {service.id: service.name for service in services}
    return [by_id[i] for i in ids]


def test_an_imported_listing_is_found_by_the_needs_its_own_words_speak_of(
    empty_app: Flask,
) -> None:
    _directory(empty_app)
    with empty_app.app_context():
        results = _search(empty_app, "drowning in debt, can't pay the bills")
        top = _names([hit.id for hit in results.hits[:3]])
        assert top[0] == DEBT_LINE, top
        assert results.reading is not None
        (money,) = [c for c in results.reading.concepts if c.key == "need:money-and-debt"]
        assert money.strong and "debt" in money.evidence
        # A need no imported text speaks of finds none of them.
        holiday = _names([hit.id for hit in _search(empty_app, "holiday club").hits])
        assert holiday[0] == "Holiday Club"
        assert not any("sample feed" in name for name in holiday[:1])
        # Every word of its name finds it first, as a listing meeting the need would be.
        named = _search(empty_app, "stand up to bullying")
        assert _names([named.hits[0].id]) == ["Stand Up To Bullying (sample feed)"]


def test_editors_see_what_was_inferred_and_a_queue_of_such_listings(empty_app: Flask) -> None:
    _directory(empty_app)
    editor = _editor(empty_app)
    with empty_app.app_context():
        debt_id = db.session.scalar(sa.select(Service.id).where(Service.name == DEBT_LINE))
        set_id = db.session.scalar(sa.select(Service.id).where(Service.name == "Holiday Club"))
    page = visible_text(page_text(editor.get(f"/manage/listings/{debt_id}")))
    assert "Needs inferred from the description Money and debt" in page
    with_needs = visible_text(page_text(editor.get(f"/manage/listings/{set_id}")))
    assert "Needs inferred from the description None: its needs are set" in with_needs

    home = page_text(editor.get("/manage/"))
    assert f"{FEED_SIZE} active listings have no needs set" in visible_text(home)
    assert "/manage/listings/?needs=inferred&amp;status=active" in home

    queue = visible_text(page_text(editor.get("/manage/listings/?needs=inferred&status=active")))
    assert f"{FEED_SIZE} listings" in queue
    assert f"{DEBT_LINE} Black Country Voluntary Services (sample feed) Published" in queue
    assert "families can find it Money and debt" in queue
    assert "Holiday Club" not in queue and "Food Bank" not in queue
    # A wrong value for the filter is every listing, not an error.
    everything = visible_text(page_text(editor.get("/manage/listings/?needs=nonsense")))
    assert f"{FEED_SIZE + 4} listings" in everything


def test_explain_prints_each_readings_evidence_strength_and_who_is_asking(
    empty_app: Flask,
) -> None:
    _directory(empty_app)
    runner = empty_app.test_cli_runner()
    weak = runner.invoke(args=["search", "explain", "skint ever since friday"])
    assert weak.exit_code == 0, weak.output
    assert "[time:friday] evidence 'friday' (weak; weak after 'ever since'" in weak.output
    assert "[need:money-and-debt] evidence 'skint' (strong)" in weak.output
    asked = runner.invoke(args=["search", "explain", "my son wont stop crying and im skint"])
    assert "Asking for: a child of theirs, from 'son'" in asked.output
    inferred = runner.invoke(args=["search", "explain", "behind on council tax and loans"])
    first = next(line for line in inferred.output.splitlines() if line.strip().startswith("1."))
    assert DEBT_LINE in first
    assert "needs inferred from its text: money-and-debt" in first
    assert "its own words are about money-and-debt" in first
