"""Unchanged listings are skipped by their digest; any other change makes them compared."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import time

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.listings.rollback import rollback_batch
from directory.models import ImportBatch, Schedule, Service, ServiceAtLocation, ServiceStatus
from importers.records import Opening
from tests.listings.helpers import SOURCE, VENUE, dataset, listing, write


@pytest.fixture
def app_context(empty_app: Flask) -> Iterator[Flask]:
    with empty_app.app_context():
        yield empty_app


def _service(key: str = "toy-library") -> Service:
    return db.session.scalars(
        sa.select(Service).where(Service.source == SOURCE, Service.external_id == key)
    ).one()


def _digest(key: str = "toy-library") -> str | None:
    return db.session.scalar(
        sa.select(Service.content_digest).where(
            Service.source == SOURCE, Service.external_id == key
        )
    )


@contextmanager
def _services_loaded() -> Iterator[list[str]]:
    """The ids of every service the ORM loads inside the block."""
    loaded: list[str] = []

    def note(target: Service, _context: object) -> None:
        loaded.append(target.id)

    sa.event.listen(Service, "load", note)
    try:
        yield loaded
    finally:
        sa.event.remove(Service, "load", note)


def _batches() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(ImportBatch))


def test_an_unchanged_listing_is_not_even_loaded(app_context: Flask) -> None:
    write(dataset(listing("first"), listing("second", name="Second group")))
    assert _digest("first") and _digest("second") and _digest("first") != _digest("second")
    with _services_loaded() as loaded:
        report = write(dataset(listing("first"), listing("second", name="Second group, renamed")))
    assert report.unchanged == 1 and [c.key for c in report.changed] == ["second"]
    assert loaded == [_service("second").id]


def test_a_changed_listing_gets_the_digest_of_what_was_written(app_context: Flask) -> None:
    write(dataset())
    first = _digest()
    write(dataset(listing(maximum_age=7)))
    assert _digest() not in (None, first)
    with _services_loaded() as loaded:
        assert write(dataset(listing(maximum_age=7))).unchanged == 1
    assert loaded == []
    write(dataset(listing()))
    assert _digest() == first


def test_a_change_made_here_clears_the_digest_so_the_next_import_sees_it(
    app_context: Flask,
) -> None:
    write(dataset())
    service = _service()
    service.summary = "Changed by hand."
    service.edited_fields = ["summary"]
    db.session.commit()
    assert _digest() is None
    report = write(dataset())
    [conflict] = report.conflicts
    assert (conflict.field, conflict.kept) == ("summary", "Changed by hand.")
    assert _digest() is None, "a listing that differs from the file keeps no digest"


def test_a_change_to_the_times_at_a_venue_clears_the_digest(app_context: Flask) -> None:
    at_venue = dataset(
        listing(openings=(Opening(("TU",), time(9, 30), time(11, 30), venue=VENUE.key),))
    )
    write(at_venue)
    schedule = db.session.scalars(
        sa.select(Schedule).join(
            ServiceAtLocation, Schedule.service_at_location_id == ServiceAtLocation.id
        )
    ).one()
    schedule.closes_at = time(12, 30)
    db.session.commit()
    assert _digest() is None
    report = write(at_venue)
    [change] = report.changed
    assert list(change.fields) == ["schedules"]
    assert _digest() is not None


def test_a_withdrawal_and_a_rollback_each_clear_the_digest(app_context: Flask) -> None:
    write(dataset(listing("first"), listing("second", name="Second group")))
    withdrawn = write(dataset(listing("first")), full_feed=True, allow_mass_withdrawal=True)
    assert _service("second").status is ServiceStatus.INACTIVE
    assert _digest("second") is None and _digest("first") is not None
    renamed = write(dataset(listing("first", name="Renamed")))
    rollback_batch(renamed.batch, "tests")
    assert _digest("first") is None
    assert _service("first").name == "Netherton Toy Library"
    report = write(dataset(listing("first"), listing("second", name="Second group")))
    assert [c.key for c in report.changed] == ["second"]
    assert report.changed[0].fields == {"status": ["inactive", "active"]}
    assert withdrawn.batch


def test_a_listing_found_unchanged_in_full_gets_its_digest_back_without_a_batch(
    app_context: Flask,
) -> None:
    """As after an upgrade, when no listing has a digest yet."""
    write(dataset())
    db.session.execute(sa.update(Service).values(content_digest=None))
    db.session.commit()
    batches = _batches()
    assert write(dataset(), apply=False).unchanged == 1
    assert _digest() is None, "a dry run writes nothing"
    report = write(dataset())
    assert report.unchanged == 1 and report.batch is None
    assert _batches() == batches
    assert _digest() is not None
