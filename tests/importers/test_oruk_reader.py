"""Reading Open Referral UK JSON: files, departures from the schema, and a live paginated API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import time
from pathlib import Path

import pytest
from flask import Flask, request
from flask.testing import FlaskCliRunner

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from importers.limits import Limits
from importers.oruk import read_oruk_json
from tests.listings.helpers import row_counts
from tests.postcodes.helpers import load_fixture_zip
from tests.support.apps import FIXTURES
from tests.support.live_server import live_server

FEED = FIXTURES / "imports" / "oruk_feed.json"
COUNCIL = load_council(DEFAULT_COUNCIL_FILE)


def _readable_services() -> list[dict]:
    return json.loads(FEED.read_text(encoding="utf-8"))["contents"][:2]


def test_a_feed_becomes_services_with_venues_times_costs_and_terms() -> None:
    result = read_oruk_json(FEED.read_bytes(), COUNCIL, Limits())
    toys, helpline = result.dataset.services
    assert toys.organisation == "0b3f6c1e-8a3e-4d8e-9f0a-1c2d3e4f5a6b"
    [venue] = result.dataset.venues
    assert (venue.name, venue.postcode, venue.accessibility) == (
        "Netherton Community Hall",
        "DY2 0AA",
        ("Step-free access",),
    )
    [opening] = toys.openings
    assert (opening.days, opening.opens, opening.venue) == (("TU", "TH"), time(9, 30), venue.key)
    assert toys.needs == ("activities", "Toy libraries") and toys.languages == ("ur",)
    assert [o.days for o in helpline.openings] == [("MO", "TU", "WE", "TH", "FR")]
    assert helpline.areas[0].scope.value == "borough"


def test_departures_are_reported_where_they_are_and_never_crash() -> None:
    result = read_oruk_json(FEED.read_bytes(), COUNCIL, Limits())
    assert len(result.dataset.services) == 2, "the two services that cannot be read are not"
    errors = [str(e) for e in result.problems.errors]
    assert errors == [
        "Service '5e0c1d2a-3b4c-4d5e-8f6a-000000000003': "
        "has the status 'open', which is not an ORUK status",
        "Service number 4: is not an object",
    ]
    warnings = [str(w) for w in result.problems.warnings]
    assert (
        "Service 'family-money-line', field id: "
        "departs from the ORUK schema: 'family-money-line' is not a 'uuid'" in warnings
    )
    assert (
        "Service 'family-money-line', field schedules: "
        "a schedule that is not weekly opening times was left out" in warnings
    )
    assert any(
        w.startswith("Service number 4, field (top): departs from the ORUK schema")
        for w in warnings
    )


def test_our_own_oruk_export_reads_back_without_errors(demo_app: Flask, tmp_path: Path) -> None:
    output = tmp_path / "export.json"
    demo_app.test_cli_runner().invoke(
        args=["listings", "export", "--format", "oruk", "--output", str(output)]
    )
    result = read_oruk_json(output.read_bytes(), COUNCIL, Limits())
    assert result.problems.errors == []
    assert len(result.dataset.services) == json.loads(output.read_text())["total_items"]


@contextmanager
def _oruk_api(
    services: list[dict], per_page: int, failing: frozenset[int] = frozenset()
) -> Iterator[str]:
    """A small ORUK API on a local port: pages of ``services``; pages in ``failing`` give 500."""
    chunks = [services[i : i + per_page] for i in range(0, len(services), per_page)]
    api = Flask("oruk-api")

    @api.get("/services")
    def pages():  # type: ignore[no-untyped-def]
        number = request.args.get("page", 1, type=int)
        if number in failing or not 1 <= number <= len(chunks):
            return {"error": "the feed fell over"}, 500
        return {
            "total_items": len(services),
            "total_pages": len(chunks),
            "page_number": number,
            "size": len(chunks[number - 1]),
            "first_page": number == 1,
            "last_page": number == len(chunks),
            "empty": False,
            "contents": chunks[number - 1],
        }

    with live_server(api) as base_url:
        yield f"{base_url}/services?per_page={per_page}"


def _services(count: int) -> list[dict]:
    template = _readable_services()[0]
    return [
        {**template, "id": f"5e0c1d2a-3b4c-4d5e-8f6a-{n:012d}", "name": f"Toy Library {n}"}
        for n in range(1, count + 1)
    ]


@pytest.fixture
def runner(empty_app: Flask) -> FlaskCliRunner:
    load_fixture_zip(empty_app)
    return empty_app.test_cli_runner()


def test_a_live_feed_is_read_page_by_page_and_applied(
    runner: FlaskCliRunner, empty_app: Flask
) -> None:
    with _oruk_api(_services(7), per_page=3) as url:
        result = runner.invoke(
            args=["listings", "import", url, "--source", "oruk-neighbour", "--apply", "--json"]
        )
    report = json.loads(result.output)
    assert result.exit_code == 0, report["errors"]
    assert report["created"] == 7 and report["applied"]


def test_a_page_that_fails_mid_way_applies_nothing(
    runner: FlaskCliRunner, empty_app: Flask
) -> None:
    with empty_app.app_context():
        before = row_counts()
    with _oruk_api(_services(7), per_page=3, failing=frozenset({2})) as url:
        result = runner.invoke(
            args=["listings", "import", url, "--source", "oruk-neighbour", "--apply"]
        )
    assert result.exit_code == 1
    assert (
        "Page 2 of http://127.0.0.1:" in result.output and "nothing was imported" in result.output
    )
    with empty_app.app_context():
        assert row_counts() == before
