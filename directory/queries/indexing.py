"""Reading services for the search index."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from directory.models import Service, ServiceAtLocation
from directory.queries.services import publicly_visible

_EVERYTHING_INDEXED = (
    selectinload(Service.organization),
    selectinload(Service.cost_options),
    selectinload(Service.schedules),
    selectinload(Service.sessions),
    selectinload(Service.languages),
    selectinload(Service.service_areas),
    selectinload(Service.taxonomy_terms),
    selectinload(Service.locations).selectinload(ServiceAtLocation.location),
    selectinload(Service.locations).selectinload(ServiceAtLocation.schedules),
)


def indexable_services(
    session: Session, today: date, ids: Collection[str] | None = None
) -> list[Service]:
    """Services families may see today (only those in ``ids`` when given)."""
    statement = sa.select(Service).where(publicly_visible(today)).options(*_EVERYTHING_INDEXED)
    if ids is not None:
        statement = statement.where(Service.id.in_(list(ids)))
    return list(session.scalars(statement))


def visible_service_ids(session: Session, today: date, ids: Collection[str]) -> set[str]:
    """Which of ``ids`` families may see today."""
    statement = sa.select(Service.id).where(publicly_visible(today), Service.id.in_(list(ids)))
    return set(session.scalars(statement))
