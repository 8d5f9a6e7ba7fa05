"""Rolling an applied batch back to the state before it, with its own audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.listings.fields import stored_service_fields
from directory.listings.rollback import (
    RollbackPlan,
    RollbackRefused,
    plan_rollback,
    rollback_batch,
)
from directory.models import AuditEntry, ImportBatch, Service
from importers.records import Dataset
from tests.listings.helpers import (
    ORGANISATION,
    SOURCE,
    VENUE,
    dataset,
    listing,
    row_counts,
    write,
)


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


def _everything() -> dict[str, dict[str, object]]:
    """Every listing's stored fields with its id, by key: what a restore must give back."""
    db.session.expire_all()
    return {
        service.external_id: {"id": service.id, **stored_service_fields(service)}
        for service in db.session.scalars(sa.select(Service).where(Service.source == SOURCE))
    }


def test_a_rollback_can_itself_be_rolled_back_and_puts_the_batch_back(
    app_context: Flask,
) -> None:
    write(dataset(listing("first"), listing("second", name="Second group")))
    before = _everything()
    report = write(
        dataset(
            listing("first", name="Renamed", needs=("food",), maximum_age=9),
            listing("third", name="Third group", phones=()),
        ),
        full_feed=True,
        allow_mass_withdrawal=True,
    )
    assert report.changed and report.withdrawn and report.created
    after = _everything()
    undo = rollback_batch(report.batch, "tests")
    assert _everything() == before
    redo = rollback_batch(undo.rolled_back, "tests")
    assert (redo.recreated, redo.restored) == (1, 2)
    assert _everything() == after
    assert app_context.extensions["search"].health().in_step
    # The first batch is in force again, so it can be rolled back again; the rollback of
    # the rollback is not rolled back itself (that is what rolling the batch back does).
    assert db.session.get_one(ImportBatch, report.batch).rolled_back_by_id is None
    with pytest.raises(RollbackRefused, match="roll that batch back again instead"):
        rollback_batch(redo.rolled_back, "tests")
    rollback_batch(report.batch, "tests")
    assert _everything() == before
    assert app_context.extensions["search"].health().in_step


def test_what_a_rollback_removed_is_not_put_back_over_a_later_import(
    app_context: Flask,
) -> None:
    report = write(dataset())
    undo = rollback_batch(report.batch, "tests")
    write(dataset(listing(name="Imported again")))
    before = row_counts()
    with pytest.raises(RollbackRefused, match="toy-library has been imported again"):
        rollback_batch(undo.rolled_back, "tests")
    assert row_counts() == before


@pytest.mark.parametrize("chunk", [1, 2, 7])
def test_rollbacks_in_any_chunk_size_restore_the_same(
    app_context: Flask, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undoing a chunk at a time (venues and organisations after the listings using them)
    gives the state before the batch whatever the chunk size."""
    from directory.listings import rollback

    monkeypatch.setattr(rollback, "CHUNK", chunk)
    write(dataset(listing("first"), listing("second", name="Second group")))
    before, counts = _everything(), row_counts()
    extra_venue = replace(VENUE, key="other-hall", name="Other Hall")
    report = write(
        Dataset(
            (ORGANISATION, replace(ORGANISATION, key="new-org", name="New organisation")),
            (VENUE, extra_venue),
            (
                listing("first", name="Moved", venues=(extra_venue.key,)),
                *(listing(f"new-{n}", organisation="new-org") for n in range(5)),
            ),
        )
    )
    undo = rollback_batch(report.batch, "tests")
    assert _everything() == before
    assert {k: v for k, v in row_counts().items() if k not in {"audit_entry", "import_batch"}} == {
        k: v for k, v in counts.items() if k not in {"audit_entry", "import_batch"}
    }
    rollback_batch(undo.rolled_back, "tests")
    assert app_context.extensions["search"].health().in_step


def test_a_rollback_plan_counts_what_it_will_change(app_context: Flask) -> None:
    write(dataset(listing("first"), listing("second", name="Second group")))
    report = write(
        dataset(listing("first", name="Renamed"), listing("third")),
        full_feed=True,
        allow_mass_withdrawal=True,
    )
    plan = plan_rollback(report.batch)
    assert plan is not None and plan.refusal is None
    assert (plan.removed, plan.changed_back, plan.relisted) == (1, 1, 1)
    assert plan.listings_now == 3 and plan.large  # 1 of 3 is more than a fifth
    undo = rollback_batch(report.batch, "tests")
    again = plan_rollback(report.batch)
    assert again is not None and "already rolled back" in (again.refusal or "")
    redo = plan_rollback(undo.rolled_back)
    assert redo is not None and (redo.recreated, redo.changed_back) == (1, 2)


@pytest.mark.parametrize(
    ("removed", "listed", "large"),
    [(1, 100, False), (20, 100, False), (21, 100, True), (1000, 10000, False), (1001, 10000, True)],
)
def test_the_second_confirmation_is_needed_above_a_thousand_or_a_fifth(
    removed: int, listed: int, large: bool
) -> None:
    plan = RollbackPlan(ImportBatch(), removed, 0, 0, 0, 0, listed, None)
    assert plan.large is large
