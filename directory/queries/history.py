"""Reading the audit trail: a listing's changes, and everything one batch did."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Service, ServiceAtLocation
from directory.models.requests import REQUEST_BATCH_KIND

BATCH_PAGE = 200


def listing_history(service: Service) -> list[tuple[AuditEntry, ImportBatch]]:
    """Changes to the listing, its venues and its organisation, newest first."""
    venue_ids = db.session.scalars(
        sa.select(ServiceAtLocation.location_id).where(ServiceAtLocation.service_id == service.id)
    ).all()
    ids = {service.id, service.organization_id, *venue_ids}
    rows = db.session.execute(
        sa.select(AuditEntry, ImportBatch)
        .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
        .where(AuditEntry.entity_id.in_(ids))
        .order_by(AuditEntry.at.desc(), ImportBatch.created_at.desc(), AuditEntry.sequence.desc())
    )
    return [(entry, batch) for entry, batch in rows]


def batch(batch_id: str) -> ImportBatch | None:
    """A listing batch; a request's audit trail is not a listing's (``directory.requests``)."""
    found = db.session.get(ImportBatch, batch_id)
    return None if found is None or found.kind == REQUEST_BATCH_KIND else found


def batch_entries(batch_id: str, page: int) -> tuple[list[AuditEntry], int]:
    """One page of a batch's audit rows in the order they were made, and how many in all."""
    total = (
        db.session.scalar(
            sa.select(sa.func.count(AuditEntry.id)).where(AuditEntry.batch_id == batch_id)
        )
        or 0
    )
    entries = db.session.scalars(
        sa.select(AuditEntry)
        .where(AuditEntry.batch_id == batch_id)
        .order_by(AuditEntry.sequence)
        .limit(BATCH_PAGE)
        .offset((page - 1) * BATCH_PAGE)
    ).all()
    return list(entries), total


def recent_batches(limit: int = 100) -> list[ImportBatch]:
    return list(
        db.session.scalars(
            sa.select(ImportBatch)
            .where(ImportBatch.kind != REQUEST_BATCH_KIND)
            .order_by(ImportBatch.created_at.desc())
            .limit(limit)
        )
    )


def service_names(ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(
        db.session.execute(sa.select(Service.id, Service.name).where(Service.id.in_(ids))).all()
    )


def restored_versions(batches: list[ImportBatch]) -> dict[str, ImportBatch]:
    """For each restore among ``batches``, the batch whose version it restored."""
    wanted = {
        batch.id: batch.report.get("restores")
        for batch in batches
        if batch.kind == "restore" and batch.report.get("restores")
    }
    if not wanted:
        return {}
    found = {
        row.id: row
        for row in db.session.scalars(
            sa.select(ImportBatch).where(ImportBatch.id.in_(set(wanted.values())))
        )
    }
    return {batch_id: found[version] for batch_id, version in wanted.items() if version in found}


@dataclass(frozen=True)
class RecentChange:
    batch: ImportBatch
    service_id: str
    name: str
    fields: list[str]


def recent_changes(actor: str, limit: int) -> list[RecentChange]:
    """``actor``'s latest saves, checks and restores that still stand, newest first, each
    with the (first) listing it changed and the fields it changed."""
    batches = db.session.scalars(
        sa.select(ImportBatch)
        .where(
            ImportBatch.actor == actor,
            ImportBatch.kind.in_(("edit", "review", "restore")),
            ImportBatch.rolled_back_by_id.is_(None),
        )
        .order_by(ImportBatch.created_at.desc())
        .limit(limit)
    ).all()
    entries = db.session.scalars(
        sa.select(AuditEntry)
        .where(AuditEntry.batch_id.in_([batch.id for batch in batches]))
        .order_by(AuditEntry.sequence)
    ).all()
    listing: dict[str, str] = {}
    fields: dict[str, set[str]] = {}
    for entry in entries:
        if entry.entity == "service":
            listing.setdefault(entry.batch_id, entry.entity_id)
        fields.setdefault(entry.batch_id, set()).update(entry.changes)
    names = service_names(set(listing.values()))
    return [
        RecentChange(batch, listing[batch.id], names[listing[batch.id]], sorted(fields[batch.id]))
        for batch in batches
        if listing.get(batch.id) in names
    ]
