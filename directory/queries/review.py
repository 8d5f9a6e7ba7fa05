"""The review queue: listings families can use whose last check is old or missing."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Location, Service, ServiceArea, ServiceAtLocation, ServiceStatus

STILL_LISTED = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
LIMIT = 500


def review_queue(
    overdue_before: date,
    due_before: date,
    *,
    state: str,
    locality: str | None,
    kind: str | None,
) -> tuple[list[Service], int]:
    """Listings to check, least recently checked first (never checked at the top)."""
    last_checked = Service.assured_date
    if state == "overdue":
        condition = sa.or_(last_checked.is_(None), last_checked < overdue_before)
    else:  # "due": not overdue yet, but within 30 days of it
        condition = sa.and_(last_checked >= overdue_before, last_checked < due_before)
    statement = sa.select(Service).where(Service.status.in_(STILL_LISTED), condition)
    if kind:
        statement = statement.where(Service.kind == kind)
    if locality:
        at_venue = (
            sa.select(ServiceAtLocation.id)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(ServiceAtLocation.service_id == Service.id, Location.locality == locality)
        )
        in_area = sa.select(ServiceArea.id).where(
            ServiceArea.service_id == Service.id, ServiceArea.locality == locality
        )
        statement = statement.where(sa.or_(sa.exists(at_venue), sa.exists(in_area)))
    total = db.session.scalar(sa.select(sa.func.count()).select_from(statement.subquery())) or 0
    services = db.session.scalars(
        statement.options(selectinload(Service.organization))
        .order_by(last_checked.is_not(None), last_checked, Service.name)
        .limit(LIMIT)
    ).all()
    return list(services), total
