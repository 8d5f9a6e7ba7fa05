"""Editors' changes to one listing, through the same template and write path as an import.

An editor's form is the import template for one service: its fields are the template's
columns (multi-valued cells one item a line), read by the same reader as a CSV file and
written by :func:`write_listings` with ``mark_edited``, so the fields an editor changes are
theirs and later imports report a conflict instead of overwriting them. Every save is a
batch of kind "edit" with its audit rows, and the search index hears of it on commit.

Two editors saving the same listing: the form carries the listing's version (how many audit
rows it has); a save claims the listing's row first (a write lock on SQLite and PostgreSQL
alike), then refuses if the version moved on, and says what the other editor changed.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from directory.council import Council
from directory.exports.template_csv import service_rows
from directory.extensions import db
from directory.listings.geocoding import DatabaseGeocoder, Geocoder
from directory.listings.problems import Problem
from directory.listings.report import WriteReport
from directory.listings.writer import WriteOptions, write_listings
from directory.models import AuditEntry, ImportBatch, Service
from directory.models.mixins import utc_now
from importers.limits import Limits
from importers.tabular import read_rows
from importers.template import COLUMN_NAMES

MANUAL_SOURCE = "manual"
"""Where listings made on the staff pages come from."""
FIRST_ROW = 2
"""The template's first row of data (row 1 holds the column names)."""


@dataclass
class EditOutcome:
    report: WriteReport | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    others_changes: list[AuditEntry] | None = None
    """Set when someone else saved the listing first: what they changed."""
    service_id: str | None = None

    @property
    def saved(self) -> bool:
        return self.report is not None and self.report.ok and not self.others_changes


def new_listing_key() -> str:
    return f"manual-{secrets.token_hex(6)}"


def listing_rows(service: Service) -> list[dict[str, str]]:
    """The listing as rows of the import template: its own row, then one per venue."""
    return list(service_rows(service))


def listing_version(service_id: str) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count(AuditEntry.id)).where(AuditEntry.entity_id == service_id)
        )
        or 0
    )


def changes_since(service_id: str, version: int) -> list[AuditEntry]:
    """The audit rows of a listing after the first ``version`` of them, oldest first."""
    return list(
        db.session.scalars(
            sa.select(AuditEntry)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == service_id)
            .order_by(AuditEntry.at, ImportBatch.created_at, AuditEntry.sequence)
            .offset(version)
        )
    )


def save_listing(
    rows: Sequence[Mapping[str, str]],
    *,
    source: str,
    actor: str,
    council: Council,
    service_id: str | None = None,
    version: int | None = None,
    geocoder: Geocoder | None = None,
    kind: str = "edit",
) -> EditOutcome:
    """Check and write one listing given as template rows (its own row first)."""
    numbered = [(1, list(COLUMN_NAMES))] + [
        (FIRST_ROW + number, [row.get(name, "") for name in COLUMN_NAMES])
        for number, row in enumerate(rows)
    ]
    read = read_rows(lambda: numbered, {}, Limits(), "form")
    if read.problems.errors:
        return EditOutcome(errors=read.problems.errors, warnings=read.problems.warnings)
    if service_id is not None:
        _claim(service_id)
        if version is not None and listing_version(service_id) != version:
            others = changes_since(service_id, version)
            db.session.rollback()
            return EditOutcome(others_changes=others, service_id=service_id)
    report = write_listings(
        read.dataset,
        council,
        geocoder or DatabaseGeocoder(),
        WriteOptions(source=source, actor=actor, apply=True, kind=kind, mark_edited=True),
        read.problems,
    )
    key = read.dataset.services[0].key if read.dataset.services else None
    stored = _service_id(source, key) if key else None
    return EditOutcome(
        report=report,
        errors=report.errors,
        warnings=report.warnings,
        service_id=stored or service_id,
    )


def _claim(service_id: str) -> None:
    """Take the listing's row for this transaction, so two saves happen one after the other."""
    db.session.execute(
        sa.update(Service).where(Service.id == service_id).values(updated_at=utc_now())
    )


def _service_id(source: str, key: str) -> str | None:
    return db.session.scalar(
        sa.select(Service.id).where(Service.source == source, Service.external_id == key)
    )


def set_status(service: Service, status: str, *, actor: str, council: Council) -> EditOutcome:
    """Publish or withdraw a listing: its status changes like any other field."""
    return _change(service, {"status": status}, actor=actor, council=council, kind="edit")


def mark_checked(service: Service, *, actor: str, council: Council) -> EditOutcome:
    """Record that someone checked the listing today: its last checked date, audited."""
    today = {"assured_date": date.today().isoformat()}
    return _change(service, today, actor=actor, council=council, kind="review")


def _change(
    service: Service, cells: Mapping[str, str], *, actor: str, council: Council, kind: str
) -> EditOutcome:
    """Save the listing as it is stored, with ``cells`` of its own row changed."""
    rows = listing_rows(service)
    rows[0] = {**rows[0], **cells}
    return save_listing(
        rows, source=service.source, actor=actor, council=council, service_id=service.id, kind=kind
    )
