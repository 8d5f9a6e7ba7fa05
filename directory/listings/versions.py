"""Versions of everything a listing's form writes: the listing, its organisation, its venues.

A form carries, in one hidden field, how many audit rows each of those rows had when the form
was opened ("id=count" pairs). Every change the write path makes to a listing, an
organisation or a venue adds an audit row, so a count that moved on means someone else saved
that row since. A save locks the rows first (the listing's row by an update, which on SQLite
takes the database's write lock; venues and organisations by ``SELECT ... FOR UPDATE`` on
PostgreSQL), then compares, so two saves are checked one after the other even when they
arrive together. A form without a version, or with one that does not parse, is refused:
there is nothing to compare, and saving it would overwrite whatever changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    AuditEntry,
    ImportBatch,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
)
from directory.models.mixins import utc_now

Version = dict[str, int]
"""Row id -> how many audit rows it had."""

_PAIR = re.compile(r"^(?P<id>[A-Za-z0-9-]{1,64})=(?P<count>\d{1,9})$")
MOST_ROWS = 200
"""More rows than any listing's form shows: a longer version is malformed."""


class MalformedVersion(ValueError):
    """The form's version is missing or does not parse."""


@dataclass(frozen=True)
class Change:
    """One save by someone else to a row the form writes, with the row's name."""

    entry: AuditEntry
    name: str


def encode(version: Mapping[str, int]) -> str:
    return " ".join(f"{row_id}={count}" for row_id, count in sorted(version.items()))


def decode(text: str | None) -> Version:
    """The version a form sent; raises ``MalformedVersion`` if it is missing or malformed."""
    pairs = (text or "").split()
    if not pairs or len(pairs) > MOST_ROWS:
        raise MalformedVersion(text)
    version: Version = {}
    for pair in pairs:
        match = _PAIR.match(pair)
        if match is None or match["id"] in version:
            raise MalformedVersion(text)
        version[match["id"]] = int(match["count"])
    return version


def written_rows(service_id: str) -> list[str]:
    """The ids of the rows a save of the listing writes: itself, its organisation, venues."""
    organisation = db.session.scalar(
        sa.select(Service.organization_id).where(Service.id == service_id)
    )
    venues = db.session.scalars(
        sa.select(ServiceAtLocation.location_id).where(ServiceAtLocation.service_id == service_id)
    )
    return [service_id, *([organisation] if organisation else []), *sorted(set(venues))]


def rows_named(
    source: str, organisation_keys: Iterable[str], venue_keys: Iterable[str]
) -> list[str]:
    """The stored organisations and venues a form names by their keys (it writes those too)."""
    organisations = db.session.scalars(
        sa.select(Organization.id).where(
            Organization.source == source, Organization.external_id.in_(list(organisation_keys))
        )
    )
    venues = db.session.scalars(
        sa.select(Location.id).where(
            Location.source == source, Location.external_id.in_(list(venue_keys))
        )
    )
    return [*organisations, *venues]


def version_of(row_ids: Iterable[str]) -> Version:
    """How many audit rows each of ``row_ids`` has now (0 for one with none)."""
    ids = sorted(set(row_ids))
    counted = dict(
        db.session.execute(
            sa.select(AuditEntry.entity_id, sa.func.count(AuditEntry.id))
            .where(AuditEntry.entity_id.in_(ids))
            .group_by(AuditEntry.entity_id)
        ).all()
    )
    return {row_id: int(counted.get(row_id, 0)) for row_id in ids}


def listing_version(service_id: str) -> Version:
    return version_of(written_rows(service_id))


def versions_of(service_ids: Iterable[str]) -> dict[str, str]:
    """Each listing's encoded version, for pages with a button per listing."""
    return {service_id: encode(listing_version(service_id)) for service_id in service_ids}


def lock(service_id: str, row_ids: Iterable[str]) -> None:
    """Take the rows for this transaction, the listing first, so saves queue one by one."""
    db.session.execute(
        sa.update(Service).where(Service.id == service_id).values(updated_at=utc_now())
    )
    others = sorted(set(row_ids) - {service_id})
    for model in (Location, Organization):
        db.session.execute(
            sa.select(model.id).where(model.id.in_(others)).order_by(model.id).with_for_update()
        ).all()


def changes_since(version: Mapping[str, int], now: Mapping[str, int]) -> list[Change]:
    """What others saved to each row since ``version``, oldest first, with the row's name."""
    changes: list[Change] = []
    for row_id, count in now.items():
        seen = version.get(row_id, 0)
        if seen == count:
            continue
        entries = db.session.scalars(
            sa.select(AuditEntry)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == row_id)
            .order_by(AuditEntry.at, ImportBatch.created_at, AuditEntry.sequence)
            .offset(min(seen, count))
        )
        changes.extend(Change(entry, _name(entry)) for entry in entries)
    return sorted(changes, key=lambda change: change.entry.at)


def _name(entry: AuditEntry) -> str:
    model = {"service": Service, "venue": Location, "organisation": Organization}.get(entry.entity)
    row = db.session.get(model, entry.entity_id) if model else None
    return getattr(row, "name", None) or entry.external_id or ""
