"""Undoing an applied batch, from its audit rows, as a batch of its own.

Changes are undone last first: changed fields get their old values back through the same
setters an import uses, and what the batch created is deleted (it did not exist before).
A batch whose listings were changed again by a later batch is refused until that later
batch is rolled back, so a rollback never throws away someone else's work.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext

from directory.extensions import db
from directory.listings.audit import AuditTrail
from directory.listings.fields import (
    Resolver,
    set_organisation_fields,
    set_service_fields,
    set_venue_fields,
)
from directory.listings.languages import language_name
from directory.models import (
    AuditEntry,
    DatedSession,
    ImportBatch,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from directory.models.mixins import new_id

_MODELS: dict[str, type[Service] | type[Location] | type[Organization]] = {
    "service": Service,
    "venue": Location,
    "organisation": Organization,
}


class RollbackRefused(RuntimeError):
    """The batch cannot be rolled back; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class RollbackReport:
    batch: str
    rolled_back: str
    restored: int
    deleted: int


def rollback_batch(batch_id: str, actor: str) -> RollbackReport:
    """Put every listing the batch touched back as it was before it, in one transaction."""
    try:
        return _rollback(batch_id, actor)
    except BaseException:
        db.session.rollback()
        raise


def _rollback(batch_id: str, actor: str) -> RollbackReport:
    batch = db.session.get(ImportBatch, batch_id)
    if batch is None:
        raise RollbackRefused(lazy_gettext("There is no batch %(batch)s.", batch=batch_id))
    if batch.rolled_back_by_id:
        raise RollbackRefused(
            lazy_gettext(
                "Batch %(batch)s was already rolled back by batch %(rollback)s.",
                batch=batch_id,
                rollback=batch.rolled_back_by_id,
            )
        )
    if batch.kind == "rollback":
        raise RollbackRefused(
            lazy_gettext(
                "Batch %(batch)s is itself a rollback; import the data again.", batch=batch_id
            )
        )
    entries = list(
        db.session.scalars(
            sa.select(AuditEntry)
            .where(AuditEntry.batch_id == batch_id)
            .order_by(AuditEntry.sequence.desc())
        )
    )
    _refuse_if_changed_since(batch, {entry.entity_id for entry in entries})
    undo = ImportBatch(
        id=new_id(), source=batch.source, actor=actor, kind="rollback", rolls_back_id=batch.id
    )
    db.session.add(undo)
    db.session.flush()
    trail = AuditTrail(undo.id, actor)
    resolver = _resolver(batch.source)
    restored = deleted = 0
    for entry in entries:
        row = db.session.get(_MODELS[entry.entity], entry.entity_id)
        if row is None:
            continue
        if entry.action == "created":
            _refuse_if_still_used(row)
            gone = {name: [new, None] for name, (_old, new) in entry.changes.items()}
            trail.record(entry.entity, row.id, entry.source, entry.external_id, "deleted", gone)
            db.session.delete(row)
            deleted += 1
        else:
            old = {name: pair[0] for name, pair in entry.changes.items()}
            back = {name: [new, old[name]] for name, (_old, new) in entry.changes.items()}
            with db.session.no_autoflush:
                _set(entry.entity, row, old, resolver)
            trail.record(entry.entity, row.id, entry.source, entry.external_id, "changed", back)
            restored += 1
        db.session.flush()
    trail.write()
    undo.counts = {"restored": restored, "deleted": deleted}
    undo.report = {"rolls_back": batch.id}
    batch.rolled_back_by_id = undo.id
    db.session.commit()
    return RollbackReport(batch.id, undo.id, restored, deleted)


def _refuse_if_changed_since(batch: ImportBatch, entity_ids: set[str]) -> None:
    later = db.session.execute(
        sa.select(AuditEntry.entity_id, AuditEntry.external_id, ImportBatch.id)
        .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
        .where(
            AuditEntry.entity_id.in_(entity_ids),
            ImportBatch.created_at > batch.created_at,
            ImportBatch.rolled_back_by_id.is_(None),
            ImportBatch.kind != "rollback",
        )
        .limit(1)
    ).first()
    if later is not None:
        raise RollbackRefused(
            lazy_gettext(
                "%(key)s was changed again by batch %(batch)s: roll that batch back first.",
                key=later.external_id or later.entity_id,
                batch=later.id,
            )
        )


def _refuse_if_still_used(row: Service | Location | Organization) -> None:
    """Something the batch created may since have been used by a listing from elsewhere."""
    if isinstance(row, Location):
        used = sa.select(ServiceAtLocation.id).where(ServiceAtLocation.location_id == row.id)
        sessions = sa.select(DatedSession.id).where(DatedSession.location_id == row.id)
        in_use = db.session.scalar(sa.select(sa.exists(used) | sa.exists(sessions)))
    elif isinstance(row, Organization):
        in_use = db.session.scalar(sa.select(sa.exists().where(Service.organization_id == row.id)))
    else:
        in_use = False
    if in_use:
        raise RollbackRefused(
            lazy_gettext(
                "%(key)s was created by this batch and is now used by other listings, so it "
                "cannot be removed.",
                key=row.external_id or row.id,
            )
        )


def _resolver(source: str) -> Resolver:
    def by_key(model: type[Organization] | type[Location], key: str):  # type: ignore[no-untyped-def]
        return db.session.scalars(
            sa.select(model).where(model.source == source, model.external_id == key)
        ).one()

    return Resolver(
        organisation=lambda key: by_key(Organization, key),
        venue=lambda key: by_key(Location, key),
        term=lambda scheme, code: db.session.scalars(
            sa.select(TaxonomyTerm).where(TaxonomyTerm.scheme == scheme, TaxonomyTerm.code == code)
        ).one(),
        language_name=language_name,
    )


def _set(entity: str, row, values: dict, resolver: Resolver) -> None:  # type: ignore[no-untyped-def]
    if entity == "service":
        set_service_fields(row, values, resolver)
    elif entity == "venue":
        set_venue_fields(row, values)
    else:
        set_organisation_fields(row, values)
