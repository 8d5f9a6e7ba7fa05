"""Reading listings for the staff pages: every listing, whatever its status or audience."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
    service_taxonomy,
)
from directory.queries.services import SERVICE_CONTENTS

PAGE_SIZE = 50


def staff_service(service_id: str) -> Service | None:
    """One listing with everything its form and pages show."""
    return db.session.scalars(
        sa.select(Service)
        .where(Service.id == service_id)
        .options(
            *SERVICE_CONTENTS,
            selectinload(Service.locations)
            .selectinload(ServiceAtLocation.location)
            .selectinload(Location.accessibility),
        )
        .execution_options(populate_existing=True)
    ).first()


def find_listings(
    words: str, status: str | None, page: int, no_needs: bool = False
) -> tuple[list[Service], int]:
    """Listings whose name or organisation holds ``words``, by name; and how many in all.
    ``no_needs``: only listings with no needs set, whose needs search infers."""
    statement = sa.select(Service).join(Organization, Organization.id == Service.organization_id)
    if no_needs:
        statement = statement.where(_without_needs())
    if words:
        pattern = f"%{words.lower()}%"
        statement = statement.where(
            sa.or_(
                sa.func.lower(Service.name).like(pattern),
                sa.func.lower(Organization.name).like(pattern),
            )
        )
    if status:
        statement = statement.where(Service.status == status)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(statement.subquery())) or 0
    services = db.session.scalars(
        statement.options(selectinload(Service.organization), selectinload(Service.taxonomy_terms))
        .order_by(sa.func.lower(Service.name), Service.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    return list(services), total


def count_without_needs() -> int:
    """Active listings with no needs set: search infers their needs from their text."""
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Service)
            .where(Service.status == ServiceStatus.ACTIVE, _without_needs())
        )
        or 0
    )


def _without_needs() -> sa.ColumnElement[bool]:
    return ~sa.exists().where(
        service_taxonomy.c.service_id == Service.id,
        service_taxonomy.c.taxonomy_term_id == TaxonomyTerm.id,
        TaxonomyTerm.scheme == "need",
    )
