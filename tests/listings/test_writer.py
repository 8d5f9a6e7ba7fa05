"""The write path: validation, upserts, editors' fields, withdrawals, audit, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.listings.fields import TAXONOMY_FIELDS
from directory.listings.writer import WriteFailed
from directory.models import AuditEntry, ImportBatch, Service, ServiceStatus
from importers.records import SessionRecord, VenueRecord
from tests.listings.helpers import SOURCE, VENUE, dataset, listing, row_counts, write
from tests.support.factories import create_service


@pytest.fixture
def app_context(empty_app: Flask) -> Iterator[Flask]:
    with empty_app.app_context():
        yield empty_app


def _service(key: str = "toy-library") -> Service:
    return db.session.scalars(
        sa.select(Service).where(Service.source == SOURCE, Service.external_id == key)
    ).one()


def test_a_dry_run_reports_what_would_be_created_and_writes_nothing(app_context: Flask) -> None:
    before = row_counts()
    report = write(dataset(), apply=False)
    assert [change.key for change in report.created] == ["toy-library"]
    assert (report.venues["created"], report.organisations["created"]) == (1, 1)
    assert not report.applied and report.batch is None
    assert row_counts() == before


def test_applying_creates_the_listing_geocoded_and_formatted(app_context: Flask) -> None:
    report = write(dataset(listing(phones=(replace(listing().phones[0], number="+441384813322"),))))
    assert report.applied and report.batch
    service = _service()
    [link] = service.locations
    assert link.location.postal_code == "DY2 0BH"
    assert link.location.locality == "dudley-central"
    assert 52.4 < link.location.latitude < 52.6
    assert [phone.number for phone in service.phones] == ["01384 813322"]
    assert [term.code for term in service.terms("need")] == ["activities"]


def test_re_importing_the_same_records_changes_and_writes_nothing(app_context: Flask) -> None:
    write(dataset())
    before = row_counts()
    report = write(dataset())
    assert report.counts()["created"] == report.counts()["changed"] == 0
    assert report.unchanged == 1 and not report.withdrawn
    assert report.batch is None
    assert row_counts() == before


def test_a_change_is_reported_field_by_field_and_audited(app_context: Flask) -> None:
    write(dataset())
    report = write(dataset(listing(name="Netherton Toy and Book Library", maximum_age=7)))
    [change] = report.changed
    assert change.fields == {
        "name": ["Netherton Toy Library", "Netherton Toy and Book Library"],
        "maximum_age": [5, 7],
    }
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.batch_id == report.batch)
    ).all()
    assert [(e.entity, e.action, e.changes) for e in entries] == [
        ("service", "changed", change.fields)
    ]
    assert entries[0].actor == "tests" and entries[0].entity_id == _service().id


def test_every_created_row_is_in_the_audit_trail(app_context: Flask) -> None:
    report = write(dataset())
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.batch_id == report.batch)
    ).all()
    assert {(e.entity, e.external_id, e.action) for e in entries} == {
        ("organisation", "netherton-parents", "created"),
        ("venue", "netherton-hall", "created"),
        ("service", "toy-library", "created"),
    }
    service_entry = next(e for e in entries if e.entity == "service")
    assert service_entry.changes["name"] == [None, "Netherton Toy Library"]
    batch = db.session.get_one(ImportBatch, report.batch)
    assert batch.counts["created"] == 1 and batch.report["source"] == SOURCE


def test_an_editors_change_is_kept_and_the_conflict_listed(app_context: Flask) -> None:
    write(dataset())
    write(dataset(listing(summary="Borrow toys and games for free.")), mark_edited=True)
    assert _service().edited_fields == ["summary"]
    report = write(dataset(listing(summary="Toys to borrow.", maximum_age=6)))
    [conflict] = report.conflicts
    assert (conflict.field, conflict.kept, conflict.incoming) == (
        "summary",
        "Borrow toys and games for free.",
        "Toys to borrow.",
    )
    assert [change.fields for change in report.changed] == [{"maximum_age": [5, 6]}]
    db.session.expire_all()
    assert _service().summary == "Borrow toys and games for free."


def test_a_full_feed_withdraws_what_it_leaves_out_and_never_deletes(app_context: Flask) -> None:
    keys = [f"group-{n}" for n in range(10)]
    write(dataset(*(listing(key, name=f"Group {n}") for n, key in enumerate(keys))))
    report = write(
        dataset(*(listing(key, name=f"Group {n}") for n, key in enumerate(keys[:9]))),
        full_feed=True,
    )
    assert [change.key for change in report.withdrawn] == ["group-9"]
    assert _service("group-9").status is ServiceStatus.INACTIVE
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 10


def test_a_full_feed_that_would_withdraw_too_many_is_refused(app_context: Flask) -> None:
    keys = [f"group-{n}" for n in range(10)]
    write(dataset(*(listing(key, name=f"Group {n}") for n, key in enumerate(keys))))
    before = row_counts()
    truncated = dataset(*(listing(key, name=f"Group {n}") for n, key in enumerate(keys[:7])))
    report = write(truncated, full_feed=True)
    assert report.refused and "3 of 10" in report.refused and "30%" in report.refused
    assert not report.applied and row_counts() == before
    allowed = write(truncated, full_feed=True, allow_mass_withdrawal=True)
    assert len(allowed.withdrawn) == 3


LATER = datetime(2027, 2, 16, 10)
HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("changes", "where", "message"),
    [
        ({"url": "javascript:alert(1)"}, "Service 'toy-library'", "is not a web address"),
        ({"referral_url": "data:text/html,hi"}, "Service 'toy-library'", "is not a web address"),
        ({"url": "VBScript:msgbox(1)"}, "Service 'toy-library'", "is not a web address"),
        (
            {"sessions": (SessionRecord(LATER, LATER + HOUR, booking_url="javascript:go()"),)},
            "Service 'toy-library'",
            "'javascript:go()' is not a web address",
        ),
        (
            {"minimum_age": 11, "maximum_age": 5},
            "Service 'toy-library'",
            "maximum age 5 is below minimum age 11",
        ),
        ({"maximum_age": 40}, "Service 'toy-library'", "maximum age 40 is above 25"),
        ({"organisation": "nobody"}, "Service 'toy-library'", "unknown organisation 'nobody'"),
        ({"email": "not-an-email"}, "Service 'toy-library'", "is not an email address"),
    ],
)
def test_a_record_with_an_error_is_refused_saying_where_and_what(
    app_context: Flask, changes: dict[str, object], where: str, message: str
) -> None:
    report = write(dataset(listing(**changes)))
    assert not report.applied
    assert [problem.where for problem in report.errors] == [where]
    assert message in report.errors[0].message
    assert row_counts()["service"] == 0


def test_a_postcode_that_is_not_real_is_refused_where_it_came_from(app_context: Flask) -> None:
    venue = VenueRecord(VENUE.key, VENUE.name, "DY1 1XX", origin="Row 14")
    report = write(replace(dataset(), venues=(venue,)), apply=False)
    [problem] = report.errors
    assert str(problem) == "Row 14, column postcode: 'DY1 1XX' is not a real postcode"


def test_unknown_terms_are_left_out_and_listed_for_mapping(app_context: Flask) -> None:
    report = write(dataset(listing(needs=("activities", "Dragons"), categories=("Food support",))))
    assert report.unknown_terms == {"need": ["Dragons"]}
    assert any("'Dragons' is not a need" in str(w) for w in report.warnings)
    assert [term.code for term in _service().terms("category")] == ["food-support"]


def test_a_term_with_one_letter_missing_is_left_out_with_the_term_it_was_meant_to_be(
    app_context: Flask,
) -> None:
    """Every council term of every scheme, its code with a letter dropped from the middle."""
    council = app_context.extensions["council"]
    for column, scheme in TAXONOMY_FIELDS.items():
        for term in council.terms(scheme):
            middle = len(term.code) // 2
            misspelt = term.code[:middle] + term.code[middle + 1 :]
            report = write(dataset(listing(**{column: (misspelt,)})), apply=False)
            assert report.unknown_terms == {scheme: [misspelt]}, term.code
            [warning] = [w for w in report.warnings if repr(misspelt) in str(w)]
            assert str(warning.message) == (
                f"{misspelt!r} is not a {scheme} in the council file; did you mean {term.code!r}?"
            ), term.code


def test_a_website_without_a_scheme_is_made_https_with_a_warning(app_context: Flask) -> None:
    report = write(dataset(listing(url="www.example.org/toys")))
    assert _service().url == "https://www.example.org/toys"
    assert any("has no https://" in str(w) for w in report.warnings)


def test_a_similar_listing_from_another_source_is_flagged_not_merged(app_context: Flask) -> None:
    create_service("Netherton Toy Library", source="neighbour-feed", postcode="DY2 0BH")
    report = write(dataset(listing(name="Netherton Toy Library.")))
    [duplicate] = report.duplicates
    assert duplicate.other_source == "neighbour-feed"
    assert "same name and postcode" in duplicate.reason
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 2


def test_a_very_similar_name_close_by_is_flagged_and_a_different_one_is_not(
    app_context: Flask,
) -> None:
    create_service("Netherton Toy Library", source="neighbour-feed", postcode="DY2 0BH")
    report = write(
        dataset(
            listing("toys", name="Netherton Toys Library"),
            listing("chess", name="Netherton Chess Club"),
        )
    )
    [duplicate] = report.duplicates
    assert (duplicate.key, duplicate.other_name) == ("toys", "Netherton Toy Library")
    assert str(duplicate.reason) == "a very similar name close by"
    assert len(report.created) == 2


def test_a_fault_mid_apply_leaves_database_and_index_as_they_were(app_context: Flask) -> None:
    search = app_context.extensions["search"]
    write(dataset(listing("first", name="First group")))
    search.rebuild()
    before, index_before = row_counts(), search.health()

    def fail_on_phones(_conn, _cursor, statement: str, *_args: object) -> None:
        if statement.startswith("INSERT INTO phone"):
            raise RuntimeError("disk on fire")

    sa.event.listen(db.engine, "before_cursor_execute", fail_on_phones)
    try:
        with pytest.raises(RuntimeError, match="disk on fire"):
            write(
                dataset(
                    listing("first", name="First group renamed"),
                    listing(
                        "second", phones=(replace(listing().phones[0], number="01384 813954"),)
                    ),
                )
            )
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", fail_on_phones)
    assert row_counts() == before
    assert _service("first").name == "First group"
    assert search.health() == index_before and index_before.in_step


def test_the_index_hears_of_every_applied_change(app_context: Flask) -> None:
    search = app_context.extensions["search"]
    search.rebuild()
    write(dataset(listing("first"), listing("second", name="Second group")))
    assert search.health().in_step and search.health().indexed == 2
    write(dataset(listing("first")), full_feed=True, allow_mass_withdrawal=True)
    health = search.health()
    assert health.in_step and health.indexed == 1


def test_a_database_refusal_is_reported_in_one_line_and_changes_nothing(
    app_context: Flask,
) -> None:
    before = row_counts()

    def refuse(_conn, _cursor, statement: str, *_args: object) -> None:
        if statement.startswith("INSERT INTO service "):
            raise sa.exc.OperationalError(statement, {}, Exception("disk I/O error"))

    sa.event.listen(db.engine, "before_cursor_execute", refuse)
    try:
        with pytest.raises(WriteFailed) as raised:
            write(dataset())
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", refuse)
    assert str(raised.value) == (
        "The database refused the changes, so nothing changed: disk I/O error"
    )
    assert row_counts() == before
