"""Reading organisations and their listings for editors' and providers' pages."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Organization, Role, Service, User


def organisations_with_counts(words: str = "") -> list[tuple[Organization, int, int]]:
    """Every organisation (whose name holds ``words``), by name, with how many listings
    it runs and how many of its people have accounts."""
    listings = (
        sa.select(sa.func.count(Service.id))
        .where(Service.organization_id == Organization.id)
        .scalar_subquery()
    )
    people = (
        sa.select(sa.func.count(User.id))
        .where(User.organization_id == Organization.id, User.role == Role.PROVIDER)
        .scalar_subquery()
    )
    statement = sa.select(Organization, listings, people)
    if words:
        statement = statement.where(sa.func.lower(Organization.name).like(f"%{words.lower()}%"))
    rows = db.session.execute(
        statement.order_by(sa.func.lower(Organization.name), Organization.id)
    ).all()
    return [(organisation, count or 0, people or 0) for organisation, count, people in rows]


def organisation(organization_id: str) -> Organization | None:
    return db.session.get(Organization, organization_id)


def organisation_listings(organization_id: str) -> list[Service]:
    """The listings an organisation runs, whatever their status or audience, by name."""
    return list(
        db.session.scalars(
            sa.select(Service)
            .where(Service.organization_id == organization_id)
            .options(selectinload(Service.organization))
            .order_by(sa.func.lower(Service.name), Service.id)
        )
    )


def organisation_listing(organization_id: str, service_id: str) -> Service | None:
    """One listing, only if the organisation runs it (so nobody reaches another's)."""
    return db.session.scalars(
        sa.select(Service).where(
            Service.id == service_id, Service.organization_id == organization_id
        )
    ).first()
