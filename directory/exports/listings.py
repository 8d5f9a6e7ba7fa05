"""Reading the public directory for an export, a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Location, Service, ServiceAtLocation
from directory.queries.services import SERVICE_CONTENTS, publicly_visible

CHUNK = 500


def public_services(today: date) -> Iterator[Service]:
    """Every service families may see today, in a stable order, with all it holds."""
    statement = (
        sa.select(Service)
        .where(publicly_visible(today))
        .order_by(Service.source, Service.external_id, Service.id)
        .options(
            *SERVICE_CONTENTS,
            selectinload(Service.locations)
            .selectinload(ServiceAtLocation.location)
            .selectinload(Location.accessibility),
        )
        .execution_options(yield_per=CHUNK)
    )
    yield from db.session.scalars(statement)
