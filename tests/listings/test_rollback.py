"""Rolling an applied batch back to the state before it, with its own audit trail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.listings.fields import stored_service_fields
from directory.listings.rollback import RollbackRefused, rollback_batch
from directory.models import AuditEntry, ImportBatch, Service
from tests.listings.helpers import SOURCE, dataset, listing, row_counts, write


@pytest.fixture
def app_context(empty_app: Flask) -> Iterator[Flask]:
    with empty_app.app_context():
        empty_app.extensions["search"].rebuild()
        yield empty_app


def _fields(key: str) -> dict[str, object]:
    db.session.expire_all()
    service = db.session.scalars(
        sa.select(Service).where(Service.source == SOURCE, Service.external_id == key)
    ).one()
    return stored_service_fields(service)


def test_rolling_back_a_first_import_removes_what_it_created(app_context: Flask) -> None:
    before = row_counts()
    report = write(dataset())
    result = rollback_batch(report.batch, "tests")
    assert (result.deleted, result.restored) == (3, 0)
    after = row_counts()
    assert after["service"] == after["location"] == after["organization"] == 0
    assert after["audit_entry"] == before["audit_entry"] + 6
    assert app_context.extensions["search"].health().in_step


def test_rolling_back_changes_and_withdrawals_restores_every_field(app_context: Flask) -> None:
    write(dataset(listing("first"), listing("second", name="Second group")))
    before = {key: _fields(key) for key in ("first", "second")}
    report = write(
        dataset(listing("first", name="Renamed", needs=("food",), maximum_age=9)),
        full_feed=True,
        allow_mass_withdrawal=True,
    )
    assert report.changed and report.withdrawn
    rollback_batch(report.batch, "tests")
    assert {key: _fields(key) for key in ("first", "second")} == before
    assert app_context.extensions["search"].health().in_step
    undo = db.session.scalars(sa.select(ImportBatch).where(ImportBatch.kind == "rollback")).one()
    assert db.session.get_one(ImportBatch, report.batch).rolled_back_by_id == undo.id
    actions = db.session.scalars(
        sa.select(AuditEntry.action).where(AuditEntry.batch_id == undo.id)
    ).all()
    assert sorted(actions) == ["changed", "changed"]


def test_a_batch_changed_again_later_is_not_rolled_back(app_context: Flask) -> None:
    first = write(dataset())
    write(dataset(listing(name="Renamed")))
    before = row_counts()
    with pytest.raises(RollbackRefused, match="toy-library was changed again by batch"):
        rollback_batch(first.batch, "tests")
    assert row_counts() == before


def test_a_batch_is_rolled_back_only_once(app_context: Flask) -> None:
    report = write(dataset())
    rollback_batch(report.batch, "tests")
    with pytest.raises(RollbackRefused, match="already rolled back"):
        rollback_batch(report.batch, "tests")
    with pytest.raises(RollbackRefused, match="There is no batch nope"):
        rollback_batch("nope", "tests")
