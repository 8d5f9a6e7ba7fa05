"""What a listing, its organisation and its venues looked like after any batch, from the
audit trail.

The trail holds every change as field -> [old, new]. Starting from the rows as they are
now and putting back the old value of every change made after a batch, newest first, gives
each row as it was when that batch ended: a *version*, named by the batch. A row created
after the batch did not exist then; a row that no longer exists is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.listings.fields import (
    Fields,
    stored_organisation_fields,
    stored_service_fields,
    stored_venue_fields,
)
from directory.models import AuditEntry, ImportBatch, Location, Organization, Service
from directory.models.mixins import UuidPrimaryKey
from directory.queries.services import SERVICE_CONTENTS

MODELS: dict[str, type[Service] | type[Location] | type[Organization]] = {
    "service": Service,
    "venue": Location,
    "organisation": Organization,
}
ENTITY_ORDER = ("organisation", "venue", "service")
"""The order rows are written in: what a listing names exists before the listing."""


@dataclass
class RowState:
    """One row (the listing, its organisation or a venue) at a version."""

    entity: str
    id: str
    key: str
    name: str
    fields: Fields | None
    """None when the row did not exist yet at that version."""


def current_fields(entity: str, row_id: str) -> tuple[Any, Fields] | None:
    """The stored row and its fields now, or None if it is gone."""
    model = MODELS[entity]
    options = {
        "service": SERVICE_CONTENTS,
        "venue": (selectinload(Location.accessibility),),
        "organisation": (),
    }[entity]
    found = stored_rows(model, [row_id], options)
    if not found:
        return None
    row = found[0]
    if isinstance(row, Service):
        return row, stored_service_fields(row)
    if isinstance(row, Location):
        return row, stored_venue_fields(row)
    return row, stored_organisation_fields(row)


_Row = TypeVar("_Row", bound=UuidPrimaryKey)


def stored_rows(model: type[_Row], ids: Sequence[str], options: Sequence[Any]) -> list[_Row]:
    """The rows of ``model`` with these ids, loaded with ``options``."""
    return list(db.session.scalars(sa.select(model).where(model.id.in_(ids)).options(*options)))


def listing_rows(service: Service) -> list[tuple[str, str]]:
    """(entity, id) of the listing, its organisation and its venues now."""
    return [
        ("service", service.id),
        ("organisation", service.organization_id),
        *sorted(("venue", link.location_id) for link in service.locations),
    ]


def versions_of(row_ids: Iterable[str]) -> list[ImportBatch]:
    """The batches that changed any of the rows, newest first: each is a version."""
    ids = sorted(set(row_ids))
    return list(
        db.session.scalars(
            sa.select(ImportBatch)
            .where(
                ImportBatch.id.in_(
                    sa.select(AuditEntry.batch_id).where(AuditEntry.entity_id.in_(ids))
                )
            )
            .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc())
        )
    )


def later_entries(row_ids: Iterable[str], batch: ImportBatch) -> list[AuditEntry]:
    """The rows' audit entries made after ``batch``, newest first."""
    return list(
        db.session.scalars(
            sa.select(AuditEntry)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(
                AuditEntry.entity_id.in_(sorted(set(row_ids))),
                ImportBatch.created_at > batch.created_at,
            )
            .order_by(ImportBatch.created_at.desc(), AuditEntry.sequence.desc())
        )
    )


def state_at(rows: Iterable[tuple[str, str]], batch: ImportBatch) -> list[RowState]:
    """Each of ``rows`` (entity, id) as it was when ``batch`` ended; rows gone now are left
    out."""
    states: dict[str, RowState] = {}
    for entity, row_id in rows:
        found = current_fields(entity, row_id)
        if found is None:
            continue
        row, fields = found
        key = getattr(row, "external_id", None) or row.id
        states[row_id] = RowState(entity, row_id, key, row.name or "", fields)
    for entry in later_entries(states, batch):
        state = states[entry.entity_id]
        if entry.action == "created":
            state.fields = None
        elif entry.action == "deleted":
            state.fields = {name: pair[0] for name, pair in entry.changes.items()}
        elif state.fields is not None:
            for name, pair in entry.changes.items():
                state.fields[name] = pair[0]
    return sorted(states.values(), key=lambda s: (ENTITY_ORDER.index(s.entity), s.name, s.id))


def listing_at(service: Service, batch: ImportBatch) -> list[RowState]:
    """The listing as it was when ``batch`` ended, with the organisation and venues it had
    then (and those it has now)."""
    rows = listing_rows(service)
    listing = next(s for s in state_at(rows[:1], batch) if s.entity == "service")
    if listing.fields is not None:
        rows.extend(_named_rows(service.source, listing.fields))
    return state_at(dict.fromkeys(rows), batch)


def _named_rows(source: str, fields: Fields) -> list[tuple[str, str]]:
    """The organisation and venues a listing's fields name by key, that exist now."""
    named: list[tuple[str, str]] = []
    for entity, keys in (
        ("organisation", [fields.get("organisation")]),
        ("venue", list(fields.get("venues") or [])),
    ):
        model = MODELS[entity]
        wanted = [key for key in keys if key]
        found = db.session.scalars(
            sa.select(model.id).where(
                sa.or_(
                    (model.source == source) & model.external_id.in_(wanted),
                    model.id.in_(wanted),
                )
            )
        )
        named.extend((entity, row_id) for row_id in found)
    return named
