"""Editors' changes to one listing, through the same template and write path as an import.

An editor's form is the import template for one service: its fields are the template's
columns (multi-valued cells one item a line), read by the same reader as a CSV file and
written by :func:`write_listings` with ``mark_edited``, so the fields an editor changes are
theirs and later imports report a conflict instead of overwriting them. Every save is a
batch of kind "edit" with its audit rows, and the search index hears of it on commit.

Two editors saving the same listing: the form carries the version of every row it writes
(the listing, its organisation, its venues: ``directory.listings.versions``); a save locks
those rows first, then refuses if any version moved on, and says what the other editor
changed and where. A save of a stored listing without a version is refused.
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
from directory.listings import versions
from directory.listings.fields import location_key
from directory.listings.form_changes import changed_rows, form_layout
from directory.listings.geocoding import DatabaseGeocoder, Geocoder
from directory.listings.report import WriteReport
from directory.listings.writer import WriteOptions, write_listings
from directory.models import Service, ServiceAtLocation
from importers.limits import Limits
from importers.problems import Problem
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
    others_changes: list[versions.Change] | None = None
    """Set when someone else saved the listing, its organisation or a venue first."""
    service_id: str | None = None
    no_version: bool = False
    """Set when the form came without a version (or a malformed one): nothing is written."""
    version: str | None = None
    """The version the refused form should carry now, having shown what changed."""
    unknown_venue: bool = False
    """Set when the form names a venue the listing does not have: nothing is written."""

    @property
    def saved(self) -> bool:
        return (
            self.report is not None
            and self.report.ok
            and not self.others_changes
            and not self.no_version
            and not self.unknown_venue
        )


def new_listing_key() -> str:
    return f"manual-{secrets.token_hex(6)}"


def listing_rows(service: Service) -> list[dict[str, str]]:
    """The listing as rows of the import template: its own row, then one per venue."""
    return list(service_rows(service))


def listings_sharing(service: Service) -> tuple[int, dict[str, int]]:
    """How many listings share the listing's organisation, and each of its venues (by the
    venue's key in the form)."""
    organisation = db.session.scalar(
        sa.select(sa.func.count(Service.id)).where(
            Service.organization_id == service.organization_id
        )
    )
    venues = {link.location_id: location_key(link.location) for link in service.locations}
    counted = db.session.execute(
        sa.select(ServiceAtLocation.location_id, sa.func.count(ServiceAtLocation.service_id))
        .where(ServiceAtLocation.location_id.in_(list(venues)))
        .group_by(ServiceAtLocation.location_id)
    ).all()
    return int(organisation or 0), {venues[row_id]: int(count) for row_id, count in counted}


def listing_version(service_id: str) -> str:
    """The version an edit form for the listing carries."""
    return versions.encode(versions.listing_version(service_id))


def save_listing(
    rows: Sequence[Mapping[str, str]],
    *,
    source: str,
    actor: str,
    council: Council,
    service_id: str | None = None,
    version: str | None = None,
    geocoder: Geocoder | None = None,
    kind: str = "edit",
) -> EditOutcome:
    """Check and write one listing given as template rows (its own row first).

    Saving a stored listing (``service_id``) needs the ``version`` its form was opened at.
    """
    read = _read(rows)
    if read.problems.errors:
        return EditOutcome(errors=read.problems.errors, warnings=read.problems.warnings)
    if service_id is not None:
        refused = _check_versions(service_id, source, rows, version)
        if refused is not None:
            return refused
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


def _read(rows: Sequence[Mapping[str, str]]):  # type: ignore[no-untyped-def]
    numbered = [(1, list(COLUMN_NAMES))] + [
        (FIRST_ROW + number, [row.get(name, "") for name in COLUMN_NAMES])
        for number, row in enumerate(rows)
    ]
    return read_rows(lambda: numbered, {}, Limits(), "form")


def check_edit(
    service: Service,
    shown: Sequence[Mapping[str, str]],
    returned: Sequence[Mapping[str, str]],
    *,
    council: Council,
) -> EditOutcome:
    """What ``save_edit`` would say of the form, with nothing written: the same reader and
    the write path's checks (a dry run). Its report says whether anything would change."""
    stored = form_layout(listing_rows(service))
    known = {row["venue_id"] for row in stored[1:]}
    if any(row.get("venue_id") and row["venue_id"] not in known for row in returned[1:]):
        return EditOutcome(service_id=service.id, unknown_venue=True)
    rows = changed_rows(stored, shown, returned)
    if rows is None:
        return EditOutcome(report=WriteReport(source=service.source), service_id=service.id)
    checked = check_listing(rows, source=service.source, council=council)
    checked.service_id = service.id
    return checked


def check_listing(
    rows: Sequence[Mapping[str, str]], *, source: str, council: Council
) -> EditOutcome:
    """What ``save_listing`` would say of ``rows``, with nothing written (a dry run)."""
    read = _read(rows)
    if read.problems.errors:
        return EditOutcome(errors=read.problems.errors, warnings=read.problems.warnings)
    report = write_listings(
        read.dataset,
        council,
        DatabaseGeocoder(),
        WriteOptions(source=source, actor="check", apply=False, mark_edited=True),
        read.problems,
    )
    db.session.rollback()
    return EditOutcome(report=report, errors=report.errors, warnings=report.warnings)


def save_edit(
    service: Service,
    shown: Sequence[Mapping[str, str]],
    returned: Sequence[Mapping[str, str]],
    *,
    actor: str,
    council: Council,
    version: str | None,
) -> EditOutcome:
    """Save what the editor changed on the listing's form, and nothing else.

    ``shown`` are the form's rows as it showed the stored listing, ``returned`` the form's
    rows as it came back (``directory.listings.form_changes``). A form that comes back as it
    was shown writes nothing: no batch, no audit row, no version check. A form naming a
    venue the listing does not have (its hidden field changed) writes nothing either.
    """
    stored = form_layout(listing_rows(service))
    known = {row["venue_id"] for row in stored[1:]}
    if any(row.get("venue_id") and row["venue_id"] not in known for row in returned[1:]):
        db.session.rollback()
        return EditOutcome(service_id=service.id, unknown_venue=True)
    rows = changed_rows(stored, shown, returned)
    if rows is None:
        db.session.rollback()
        return EditOutcome(report=WriteReport(source=service.source), service_id=service.id)
    return save_listing(
        rows,
        source=service.source,
        actor=actor,
        council=council,
        service_id=service.id,
        version=version,
    )


def _check_versions(
    service_id: str, source: str, rows: Sequence[Mapping[str, str]], version: str | None
) -> EditOutcome | None:
    """Lock every row the save writes and refuse it if one changed since the form's version."""
    try:
        seen = versions.decode(version)
    except versions.MalformedVersion:
        db.session.rollback()
        return EditOutcome(service_id=service_id, no_version=True)
    named = versions.rows_named(
        source,
        [row["organisation_id"] for row in rows[:1] if row.get("organisation_id")],
        [row["venue_id"] for row in rows if row.get("venue_id")],
    )
    written = [*versions.written_rows(service_id), *named]
    versions.lock(service_id, [*written, *seen])
    now = versions.version_of([*versions.written_rows(service_id), *named, *seen])
    if all(seen.get(row_id) == count for row_id, count in now.items()):
        return None
    others = versions.changes_since(seen, now)
    current = versions.encode(versions.version_of([*versions.written_rows(service_id), *named]))
    db.session.rollback()
    return EditOutcome(others_changes=others, service_id=service_id, version=current)


def _service_id(source: str, key: str) -> str | None:
    return db.session.scalar(
        sa.select(Service.id).where(Service.source == source, Service.external_id == key)
    )


def set_status(
    service: Service, status: str, *, version: str | None, actor: str, council: Council
) -> EditOutcome:
    """Publish or withdraw a listing: its status changes like any other field."""
    cells = {"status": status}
    return _change(service, cells, version=version, actor=actor, council=council, kind="edit")


def mark_checked(
    service: Service,
    *,
    version: str | None,
    actor: str,
    council: Council,
    status: str | None = None,
) -> EditOutcome:
    """Record that someone checked the listing today: its last checked date, audited; and,
    when the check found it closed, its new ``status`` in the same review."""
    today = {"assured_date": date.today().isoformat()}
    cells = {**today, "status": status} if status else today
    return _change(service, cells, version=version, actor=actor, council=council, kind="review")


def _change(
    service: Service,
    cells: Mapping[str, str],
    *,
    version: str | None,
    actor: str,
    council: Council,
    kind: str,
) -> EditOutcome:
    """Save the listing as it is stored, with ``cells`` of its own row changed."""
    rows = listing_rows(service)
    rows[0] = {**rows[0], **cells}
    return save_listing(
        rows,
        source=service.source,
        actor=actor,
        council=council,
        service_id=service.id,
        version=version,
        kind=kind,
    )
