"""``flask search explain`` says where a listing meeting a danger really ranks, and why:
ahead of the rest, after the danger's listings for the asker, or by its score alone when
only its inferred needs meet the danger and listings whose set needs meet it come first."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask

from bench.relevance import import_feed
from directory.indexing import site_search
from search.engine import DANGER_LEADS
from tests.support.factories import create_service

STATED = "Wellbeing Crisis Service"
FEED_CRISIS = "Adult Mental Health Crisis Line (sample feed)"


def _ranked(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"\s*\d+\.\s", line)]


def test_a_listing_meeting_a_danger_only_by_inferred_needs_is_not_called_first(
    empty_app: Flask,
) -> None:
    with empty_app.app_context():
        import_feed(empty_app)
        create_service(
            STATED,
            summary="Someone to talk to when things feel too much.",
            needs=("mental-health-and-wellbeing",),
            assured_date=date.today(),
        )
        site_search().rebuild()
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["search", "explain", "I want to end my life", "--top", "10"])
    assert result.exit_code == 0, result.output
    lines = _ranked(result.output)
    first = lines[0]
    assert STATED in first and "at 1, ahead of every listing not meeting the danger" in first
    assert "(its needs as set)" in first
    feed = next(line for line in lines if FEED_CRISIS in line)
    number = int(feed.split(".")[0])
    assert number > 1 and "ahead of every listing" not in feed
    assert f"at {number} by its score, not ahead: meets the danger only by needs inferred" in feed


def test_a_listing_for_someone_else_is_said_to_rank_after_the_askers(search_app: Flask) -> None:
    runner = search_app.test_cli_runner()
    result = runner.invoke(args=["search", "explain", "my partner hits me", "--top", "20"])
    assert result.exit_code == 0, result.output
    lines = _ranked(result.output)
    childrens = [line for line in lines if "for young: ranked lower for this asker" in line]
    assert childrens and not any("ahead of" in line for line in childrens)
    assert any(f"but only its best {DANGER_LEADS} listings lead" in line for line in childrens)
    leading = lines[:DANGER_LEADS]
    assert all("ahead of every listing not meeting the danger" in line for line in leading)
    adults = [line for line in lines if "'for women'" in line]
    assert adults and any(
        "ahead of every listing not meeting the danger" in line for line in adults
    )
