"""Loading the demo: one transaction, repeatable, and all-or-nothing."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.council import Council
from directory.demo.loader import DEMO_FILE, DemoLoadError, demo_loaded, load_demo
from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Service, ServiceStatus
from tests.demo import LOAD_DAY
from tests.demo.helpers import Rows, edited_demo_file
from tests.support.factories import create_service


def _council(app: Flask) -> Council:
    return app.extensions["council"]


def _row_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def _snapshot() -> tuple[dict[str, int], set[str]]:
    """Row counts of every table, and the ids of every listing (which a reload changes)."""
    return _row_counts(), set(db.session.scalars(sa.select(Service.id)))


def _with_broken_listing(rows: Rows) -> Rows:
    """The rows plus a listing that the write path refuses: nobody is 40 and a child."""
    broken = {**rows[-1], "service_id": "sample-broken", "maximum_age": "40"}
    return [*rows, broken]


def test_loading_twice_gives_the_same_rows_without_duplicates(empty_app: Flask) -> None:
    with empty_app.app_context():
        assert not demo_loaded()
        first = load_demo(_council(empty_app), today=LOAD_DAY)
        counts = _row_counts()
        second = load_demo(_council(empty_app), today=LOAD_DAY)
        assert _row_counts() == counts
        assert replace(first, seconds=0) == replace(second, seconds=0)
        assert counts["service"] == first.services
        assert counts["organization"] == first.organisations
        assert counts["location"] == first.locations
        assert counts["dated_session"] == first.sessions
        assert demo_loaded()


@pytest.mark.parametrize("loaded_before", [False, True], ids=["empty", "loaded"])
def test_a_failed_load_leaves_the_database_unchanged(
    empty_app: Flask, loaded_before: bool, tmp_path: Path
) -> None:
    with empty_app.app_context():
        council = _council(empty_app)
        if loaded_before:
            load_demo(council, today=LOAD_DAY)
        before = _snapshot()
        broken = edited_demo_file(tmp_path, _with_broken_listing)
        row = len(DEMO_FILE.read_text(encoding="utf-8").splitlines()) + 1  # the appended one
        with pytest.raises(DemoLoadError, match=rf"nothing changed: Row {row}, column maximum_age"):
            load_demo(council, today=LOAD_DAY, path=broken)
        assert _snapshot() == before
        assert demo_loaded() is loaded_before


def test_listings_from_elsewhere_survive_a_reload(empty_app: Flask) -> None:
    with empty_app.app_context():
        council = _council(empty_app)
        create_service("Netherton Toy Library", organisation="Netherton Parents Group")
        load_demo(council, today=LOAD_DAY)
        load_demo(council, today=LOAD_DAY)
        names = set(db.session.scalars(sa.select(Service.name).where(Service.source != "demo")))
        assert names == {"Netherton Toy Library"}


def test_a_second_load_on_the_same_day_writes_nothing(empty_app: Flask) -> None:
    with empty_app.app_context():
        council = _council(empty_app)
        load_demo(council, today=LOAD_DAY)
        before = _row_counts()
        load_demo(council, today=LOAD_DAY)
        assert _row_counts() == before
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportBatch)) == 1


def test_a_load_on_a_later_day_changes_only_dates_and_audits_them(empty_app: Flask) -> None:
    with empty_app.app_context():
        council = _council(empty_app)
        load_demo(council, today=LOAD_DAY)
        load_demo(council, today=LOAD_DAY + timedelta(days=1))
        batches = db.session.scalars(sa.select(ImportBatch).order_by(ImportBatch.created_at))
        first, second = list(batches)
        assert first.counts["created"] == second.counts["changed"] > 0
        assert second.counts["created"] == second.counts["withdrawn"] == 0
        changed_fields = set().union(
            *db.session.scalars(
                sa.select(AuditEntry.changes).where(AuditEntry.batch_id == second.id)
            )
        )
        dated = {"assured_date", "schedules", "sessions", "visible_from", "visible_to"}
        assert changed_fields <= dated


def test_a_demo_listing_left_out_of_the_data_is_withdrawn_not_deleted(
    empty_app: Flask, tmp_path: Path
) -> None:
    gone = "dudley-parenting-apart"
    with empty_app.app_context():
        council = _council(empty_app)
        load_demo(council, today=LOAD_DAY)
        without = edited_demo_file(
            tmp_path, lambda rows: [row for row in rows if row["service_id"] != gone]
        )
        load_demo(council, today=LOAD_DAY, path=without)
        service = db.session.scalars(sa.select(Service).where(Service.external_id == gone)).one()
        assert service.status is ServiceStatus.INACTIVE
        assert demo_loaded()


def test_a_council_whose_localities_lack_the_family_centres_is_refused(
    empty_app: Flask,
) -> None:
    council = _council(empty_app)
    hubs = tuple(
        replace(locality, family_centre=f"doncaster-hub-{locality.code}")
        for locality in council.localities
    )
    with empty_app.app_context():
        with pytest.raises(DemoLoadError, match="doncaster-hub-brierley-hill"):
            load_demo(replace(council, localities=hubs), today=LOAD_DAY)
        assert set(_row_counts().values()) == {0}


def test_the_load_command_prints_the_counts(empty_app: Flask) -> None:
    result = empty_app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert re.match(r"Loaded the demo directory for Dudley Council in \d+\.\d\d s:", result.output)
    printed = {label: int(n) for label, n in re.findall(r"^  (\S.*?) +(\d+)$", result.output, re.M)}
    with empty_app.app_context():
        counts = _row_counts()
        samples = db.session.scalar(sa.select(sa.func.count()).where(Service.is_sample))
    assert printed == {
        "services": counts["service"],
        "of which samples": samples,
        "organisations": counts["organization"],
        "locations": counts["location"],
        "dated sessions": counts["dated_session"],
        "taxonomy terms": counts["taxonomy_term"],
    }


def test_the_load_command_with_if_empty_leaves_a_filled_directory_alone(
    empty_app: Flask,
) -> None:
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["demo", "load", "--if-empty"]).exit_code == 0
    with empty_app.app_context():
        before = _snapshot()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0
    assert "already has listings" in result.output
    with empty_app.app_context():
        assert _snapshot() == before


def test_the_load_command_reports_a_council_that_does_not_fit(empty_app: Flask) -> None:
    council = _council(empty_app)
    first, *others = council.localities
    empty_app.extensions["council"] = replace(
        council, localities=(replace(first, family_centre="another-centre"), *others)
    )
    result = empty_app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 1
    assert "Error:" in result.output
    assert "'another-centre'" in result.output
    assert "Traceback" not in result.output
