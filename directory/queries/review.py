"""The review queue: listings families can use whose last check is old or missing.

Each listing is due its own interval after its last check (the council's default when it
has none), so the queue asks, for each interval in use, for the listings on it that are
overdue or due: a handful of intervals, each one plain date comparison that SQLite and
PostgreSQL answer alike.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Location, Service, ServiceArea, ServiceAtLocation, ServiceStatus
from directory.review import due_date, thresholds

STILL_LISTED = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
LIMIT = 500


def review_queue(
    today: date,
    default_months: int,
    *,
    state: str,
    locality: str | None,
    kind: str | None,
) -> tuple[list[Service], int]:
    """Listings to check, soonest due first (never checked at the top), and how many."""
    condition = _in_state(today, default_months, state)
    if condition is None:
        return [], 0
    statement = sa.select(
        Service.id, Service.name, Service.assured_date, Service.review_interval_months
    ).where(condition)
    if kind:
        statement = statement.where(Service.kind == kind)
    if locality:
        statement = statement.where(_in_locality(locality))
    found = sorted(
        db.session.execute(statement),
        key=lambda row: (
            row.assured_date is not None,
            due_date(row.assured_date, row.review_interval_months or default_months) or today,
            row.name,
        ),
    )
    ids = [row.id for row in found[:LIMIT]]
    loaded = {
        service.id: service
        for service in db.session.scalars(
            sa.select(Service)
            .where(Service.id.in_(ids))
            .options(selectinload(Service.organization))
        )
    }
    return [loaded[service_id] for service_id in ids], len(found)


def review_counts(today: date, default_months: int, state: str) -> tuple[int, dict[str, int]]:
    """How many listings are in ``state`` ("overdue" or "due"), and how many of them are in
    each locality (at a venue there or covering it; a listing may count in several)."""
    condition = _in_state(today, default_months, state)
    if condition is None:
        return 0, {}
    chosen = sa.select(Service.id).where(condition)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(chosen.subquery())) or 0
    at_venue = (
        sa.select(ServiceAtLocation.service_id, Location.locality)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(ServiceAtLocation.service_id.in_(chosen), Location.locality.is_not(None))
    )
    in_area = sa.select(ServiceArea.service_id, ServiceArea.locality).where(
        ServiceArea.service_id.in_(chosen), ServiceArea.locality.is_not(None)
    )
    pairs = sa.union(at_venue, in_area).subquery()
    rows = db.session.execute(
        sa.select(pairs.c.locality, sa.func.count()).group_by(pairs.c.locality)
    )
    return total, {locality: count for locality, count in rows}


def _in_state(today: date, default_months: int, state: str) -> sa.ColumnElement[bool] | None:
    """Still listed and overdue, or due within 30 days ("due"); None when nothing is listed."""
    interval = Service.review_interval_months
    listed = Service.status.in_(STILL_LISTED)
    in_use = db.session.scalars(sa.select(interval).where(listed).distinct()).all()
    conditions = []
    for own in in_use:
        overdue_before, due_before = thresholds(today, own or default_months)
        last_checked = Service.assured_date
        if state == "overdue":
            when = sa.or_(last_checked.is_(None), last_checked < overdue_before)
        else:  # "due": not overdue yet, but within 30 days of it
            when = sa.and_(last_checked >= overdue_before, last_checked < due_before)
        on_it = interval.is_(None) if own is None else interval == own
        conditions.append(sa.and_(on_it, when))
    if not conditions:
        return None
    return sa.and_(listed, sa.or_(*conditions))


def _in_locality(locality: str) -> sa.ColumnElement[bool]:
    """At a venue in the locality, or covering it."""
    at_venue = (
        sa.select(ServiceAtLocation.id)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(ServiceAtLocation.service_id == Service.id, Location.locality == locality)
    )
    in_area = sa.select(ServiceArea.id).where(
        ServiceArea.service_id == Service.id, ServiceArea.locality == locality
    )
    return sa.or_(sa.exists(at_venue), sa.exists(in_area))
