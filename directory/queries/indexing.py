"""Reading services for the search index."""

from __future__ import annotations

from collections.abc import Collection

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from directory.models import Service, ServiceAtLocation
from directory.queries.services import indexed

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


def indexable_services(session: Session, ids: Collection[str] | None = None) -> list[Service]:
    """Services the index holds (only those in ``ids`` when given)."""
    statement = sa.select(Service).where(indexed()).options(*_EVERYTHING_INDEXED)
    if ids is not None:
        statement = statement.where(Service.id.in_(list(ids)))
    return list(session.scalars(statement))


def indexed_service_ids(session: Session, ids: Collection[str]) -> set[str]:
    """Which of ``ids`` the index holds."""
    statement = sa.select(Service.id).where(indexed(), Service.id.in_(list(ids)))
    return set(session.scalars(statement))
