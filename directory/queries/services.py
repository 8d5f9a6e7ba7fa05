"""Reading services for the public pages. All SQL for services lives here, not in views."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, selectinload

from directory.extensions import db
from directory.models import (
    Audience,
    AuditEntry,
    DatedSession,
    ImportBatch,
    Language,
    Location,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
    service_taxonomy,
)

SERVICE_CONTENTS = (
    selectinload(Service.organization),
    selectinload(Service.taxonomy_terms),
    selectinload(Service.schedules),
    selectinload(Service.sessions).selectinload(DatedSession.location),
    selectinload(Service.phones),
    selectinload(Service.contacts),
    selectinload(Service.cost_options),
    selectinload(Service.languages),
    selectinload(Service.service_areas),
    selectinload(Service.locations).selectinload(ServiceAtLocation.location),
    selectinload(Service.locations).selectinload(ServiceAtLocation.schedules),
)
"""A service with all its parts, loaded in a few queries per chunk: everything
:func:`directory.listings.fields.stored_service_fields` reads."""


def publicly_visible(today: date) -> sa.ColumnElement[bool]:
    """Active, for the public, and inside any seasonal window: what families may see."""
    return sa.and_(
        Service.status == ServiceStatus.ACTIVE,
        Service.audience == Audience.PUBLIC,
        sa.or_(Service.visible_from.is_(None), Service.visible_from <= today),
        sa.or_(Service.visible_to.is_(None), Service.visible_to >= today),
    )


def indexed() -> sa.ColumnElement[bool]:
    """What the search index holds: every active listing, whoever it is for and whatever
    its season (searches apply audience and season on their day; see ``search.filtering``)."""
    return Service.status == ServiceStatus.ACTIVE


def in_season_for_practitioners(today: date) -> sa.ColumnElement[bool]:
    """What practitioners may see: active and in season, whoever the listing is for."""
    return sa.and_(
        Service.status == ServiceStatus.ACTIVE,
        sa.or_(Service.visible_from.is_(None), Service.visible_from <= today),
        sa.or_(Service.visible_to.is_(None), Service.visible_to >= today),
    )


_FOR_LISTS = (
    selectinload(Service.organization),
    selectinload(Service.cost_options),
    selectinload(Service.locations).selectinload(ServiceAtLocation.location),
)


def public_service(service_id: str, today: date) -> Service | None:
    """One service with everything its page shows, or None if families may not see it."""
    return _service_page(service_id, publicly_visible(today))


def practitioner_service(service_id: str, today: date) -> Service | None:
    """The same for the practitioners' door: listings for practitioners only too."""
    return _service_page(service_id, in_season_for_practitioners(today))


SERVICE_PAGE_LOADS = (
    selectinload(Service.organization),
    selectinload(Service.cost_options),
    selectinload(Service.phones),
    selectinload(Service.contacts),
    selectinload(Service.schedules),
    selectinload(Service.sessions),
    selectinload(Service.languages),
    selectinload(Service.service_areas),
    selectinload(Service.taxonomy_terms),
    selectinload(Service.locations)
    .selectinload(ServiceAtLocation.location)
    .selectinload(Location.accessibility),
    selectinload(Service.locations).selectinload(ServiceAtLocation.schedules),
)
"""Everything a service page shows, loaded in one round of queries."""


def _service_page(service_id: str, visible: sa.ColumnElement[bool]) -> Service | None:
    statement = (
        sa.select(Service).where(Service.id == service_id, visible).options(*SERVICE_PAGE_LOADS)
    )
    return db.session.scalars(statement).first()


def gone_service(service_id: str, today: date) -> Service | None:
    """A public listing families can no longer use: withdrawn, closed or out of season.

    Practitioner-only listings are never returned: to the public they do not exist.
    """
    statement = (
        sa.select(Service)
        .where(
            Service.id == service_id,
            Service.audience == Audience.PUBLIC,
            sa.not_(publicly_visible(today)),
        )
        .options(
            selectinload(Service.organization),
            selectinload(Service.taxonomy_terms),
            selectinload(Service.locations).selectinload(ServiceAtLocation.location),
        )
    )
    return db.session.scalars(statement).first()


def is_unpublished_draft(service_id: str) -> bool:
    """Made on the staff pages and never published: families never saw it, so its address
    is not found (404) rather than gone (410), and its name is not given away."""
    history = db.session.execute(
        sa.select(AuditEntry.action, AuditEntry.changes, ImportBatch.kind)
        .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
        .where(AuditEntry.entity == "service", AuditEntry.entity_id == service_id)
    ).all()
    made_by_an_editor = any(row.action == "created" and row.kind == "edit" for row in history)
    published = any(
        (row.changes.get("status") or [None, None])[1] == ServiceStatus.ACTIVE.value
        for row in history
    )
    return made_by_an_editor and not published


def language_names() -> dict[str, str]:
    """Code -> name of every language a service lists."""
    rows = db.session.execute(sa.select(Language.code, Language.name).distinct())
    return {code: name for code, name in rows}


def family_centres_by_external_id(external_ids: list[str], today: date) -> dict[str, Service]:
    statement = (
        sa.select(Service)
        .where(Service.external_id.in_(external_ids), publicly_visible(today))
        .options(*_FOR_LISTS)
    )
    return {service.external_id or "": service for service in db.session.scalars(statement)}


def public_services_by_id(ids: list[str], today: date) -> dict[str, Service]:
    """Visible services for a page of search hits, with what a result shows."""
    return _services_by_id(ids, publicly_visible(today))


def practitioner_services_by_id(ids: list[str], today: date) -> dict[str, Service]:
    """The same for the practitioners' door: listings for practitioners only too."""
    return _services_by_id(ids, in_season_for_practitioners(today))


def _services_by_id(ids: list[str], visible: sa.ColumnElement[bool]) -> dict[str, Service]:
    return {service.id: service for service in services_for_cards(db.session(), ids, visible)}


def services_for_cards(
    session: Session, ids: Sequence[str], visible: sa.ColumnElement[bool]
) -> list[Service]:
    """The services of ``ids`` that are ``visible``, with everything a result card reads."""
    statement = (
        sa.select(Service)
        .where(Service.id.in_(ids), visible)
        .options(
            joinedload(Service.organization),
            selectinload(Service.cost_options),
            selectinload(Service.locations).joinedload(ServiceAtLocation.location),
            selectinload(Service.phones),
            selectinload(Service.service_areas),
            selectinload(Service.schedules),
            selectinload(Service.sessions),
            selectinload(Service.taxonomy_terms),
            selectinload(Service.locations).selectinload(ServiceAtLocation.schedules),
        )
    )
    return list(session.scalars(statement))


def need_codes_by_service(ids: Sequence[str], today: date) -> dict[str, set[str]]:
    """The codes of the needs each service of ``ids`` meets, for those practitioners may see
    today (active and in season): one query of codes, no listing loaded."""
    rows = db.session.execute(
        sa.select(Service.id, TaxonomyTerm.code)
        .join(service_taxonomy, service_taxonomy.c.service_id == Service.id)
        .join(TaxonomyTerm, TaxonomyTerm.id == service_taxonomy.c.taxonomy_term_id)
        .where(
            Service.id.in_(ids),
            TaxonomyTerm.scheme == "need",
            in_season_for_practitioners(today),
        )
    )
    held: dict[str, set[str]] = {}
    for service_id, code in rows:
        held.setdefault(service_id, set()).add(code)
    return held
