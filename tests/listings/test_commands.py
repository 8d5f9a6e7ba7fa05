"""``flask listings``: dry run, apply, JSON, idempotence, conflicts, guard, batches, rollback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskCliRunner

from directory.extensions import db
from directory.models import AuditEntry, ColumnMapping, Service, ServiceStatus
from tests.listings.helpers import row_counts
from tests.postcodes.helpers import load_fixture_zip
from tests.support.apps import FIXTURES

IMPORTS = FIXTURES / "imports"
LISTINGS = str(IMPORTS / "fis_listings.csv")


@pytest.fixture
def runner(empty_app: Flask) -> FlaskCliRunner:
    load_fixture_zip(empty_app)
    with empty_app.app_context():
        empty_app.extensions["search"].rebuild()
    return empty_app.test_cli_runner()


def _import(runner: FlaskCliRunner, *args: str, path: str = LISTINGS) -> dict:
    result = runner.invoke(args=["listings", "import", path, "--source", "fis", "--json", *args])
    return {"exit_code": result.exit_code, **json.loads(result.output)}


def _healthy(runner: FlaskCliRunner) -> bool:
    result = runner.invoke(args=["search", "health"])
    return result.exit_code == 0 and "The index matches the database." in result.output


def _counts(app: Flask) -> dict[str, int]:
    with app.app_context():
        return row_counts()


def test_a_dry_run_prints_what_would_change_and_writes_nothing(
    runner: FlaskCliRunner, empty_app: Flask
) -> None:
    before = _counts(empty_app)
    result = runner.invoke(args=["listings", "import", LISTINGS, "--source", "fis"])
    assert result.exit_code == 0, result.output
    assert "Dry run of fis_listings.csv for 'fis' (nothing written):" in result.output
    assert "  created           4" in result.output
    assert "fis-001 Netherton Toy Library" in result.output
    assert "Run again with --apply to write these changes." in result.output
    assert _counts(empty_app) == before


def test_apply_then_the_same_file_again_changes_nothing(
    runner: FlaskCliRunner, empty_app: Flask
) -> None:
    first = _import(runner, "--apply")
    assert first["exit_code"] == 0
    assert (first["created"], first["changed"], first["withdrawn"]) == (4, 0, 0)
    assert first["batch"] and first["applied"]
    assert _healthy(runner)
    before = _counts(empty_app)
    again = _import(runner, "--apply")
    assert (again["created"], again["changed"], again["unchanged"], again["withdrawn"]) == (
        0,
        0,
        4,
        0,
    )
    assert again["batch"] is None
    assert _counts(empty_app) == before


def test_a_file_with_errors_exits_1_and_lists_each_where_and_what(
    runner: FlaskCliRunner, empty_app: Flask
) -> None:
    before = _counts(empty_app)
    report = _import(runner, "--apply", path=str(IMPORTS / "fis_with_errors.csv"))
    assert report["exit_code"] == 1 and not report["applied"]
    errors = {(e["where"], e["what"]) for e in report["errors"]}
    assert ("Row 2, column postcode", "'DY1 1XX' is not a real postcode") in errors
    assert ("Row 3, column maximum_age", "maximum age 5 is below minimum age 11") in errors
    assert (
        "Row 3, column website",
        "'javascript:alert(document.cookie)' is not a web address "
        "(only http, https, tel or mailto links)",
    ) in errors
    assert _counts(empty_app) == before


def test_a_refused_file_exits_1_with_one_clear_line(runner: FlaskCliRunner) -> None:
    result = runner.invoke(
        args=["listings", "import", str(IMPORTS / "not_a_spreadsheet.csv"), "--source", "fis"]
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: The file is a PNG image, not a CSV, XLSX or JSON file."
    )


def test_a_mapping_is_remembered_for_the_source(runner: FlaskCliRunner, empty_app: Flask) -> None:
    other = str(IMPORTS / "other_headers.csv")
    mapping = str(IMPORTS / "other_headers_mapping.json")
    assert _import(runner, "--apply", "--mapping", mapping, path=other)["created"] == 4
    with empty_app.app_context():
        assert db.session.get_one(ColumnMapping, "fis").columns["Post Code"] == "postcode"
    again = _import(runner, path=other)
    assert (again["exit_code"], again["unchanged"]) == (0, 4)


def test_an_editors_change_wins_and_is_listed(runner: FlaskCliRunner, empty_app: Flask) -> None:
    _import(runner, "--apply")
    with empty_app.app_context():
        service = db.session.scalars(
            sa.select(Service).where(Service.external_id == "fis-001")
        ).one()
        service.summary = "Toys, games and books to borrow."
        service.edited_fields = ["summary"]
        db.session.commit()
    report = _import(runner, "--apply")
    assert report["conflicts"] == [
        {
            "service": "fis-001",
            "name": "Netherton Toy Library",
            "field": "summary",
            "kept": "Toys, games and books to borrow.",
            "incoming": "Borrow toys for free.",
        }
    ]
    assert report["changed"] == 0


def test_a_full_feed_missing_most_listings_is_refused_without_the_flag(
    runner: FlaskCliRunner, empty_app: Flask, tmp_path: Path
) -> None:
    _import(runner, "--apply")
    lines = Path(LISTINGS).read_text(encoding="utf-8").splitlines(keepends=True)
    truncated = tmp_path / "truncated.csv"
    truncated.write_text("".join(lines[:2]), encoding="utf-8")
    before = _counts(empty_app)
    refused = _import(runner, "--apply", "--full-feed", path=str(truncated))
    assert refused["exit_code"] == 1 and "3 of 4 listings" in refused["refused"]
    assert _counts(empty_app) == before
    allowed = _import(
        runner, "--apply", "--full-feed", "--allow-mass-withdrawal", path=str(truncated)
    )
    assert allowed["withdrawn"] == 3
    with empty_app.app_context():
        statuses = db.session.scalars(sa.select(Service.status)).all()
    assert sorted(statuses) == [ServiceStatus.ACTIVE] + [ServiceStatus.INACTIVE] * 3
    assert _healthy(runner)


def test_batches_are_listed_and_one_can_be_rolled_back(
    runner: FlaskCliRunner, empty_app: Flask
) -> None:
    before = _counts(empty_app)
    batch = _import(runner, "--apply")["batch"]
    listed = runner.invoke(args=["listings", "batches"])
    assert batch in listed.output and "created 4" in listed.output
    result = runner.invoke(args=["listings", "rollback", batch], input="y\n")
    assert result.exit_code == 0, result.output
    assert "This removes 4 listings. Go ahead?" in result.output
    assert f"Rolled back batch {batch} as batch" in result.output
    after = _counts(empty_app)
    assert after["service"] == after["location"] == after["organization"] == 0
    assert after["audit_entry"] > before["audit_entry"]
    assert _healthy(runner)
    with empty_app.app_context():
        actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert actions == {"created", "deleted"}
    again = runner.invoke(args=["listings", "rollback", batch])
    assert again.exit_code == 1 and "already rolled back" in again.output


def test_the_example_template_imports_cleanly(runner: FlaskCliRunner, tmp_path: Path) -> None:
    blank = runner.invoke(args=["listings", "template"])
    assert blank.output.splitlines() == [blank.output.splitlines()[0]]
    example = tmp_path / "example.csv"
    runner.invoke(args=["listings", "template", "--example", "--output", str(example)])
    report = _import(runner, path=str(example))
    assert report["exit_code"] == 0, report["errors"]
    assert report["created"] == 1


def test_a_spreadsheet_imports_from_its_named_sheet(runner: FlaskCliRunner) -> None:
    path = str(IMPORTS / "fis_listings.xlsx")
    report = _import(runner, "--sheet", "Listings", "--apply", path=path)
    assert (report["exit_code"], report["created"]) == (0, 4)
    assert _import(runner, path=LISTINGS)["changed"] == 4  # the CSV has no checked dates
