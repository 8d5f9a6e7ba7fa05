"""Reading the services on a list: everything a printed list shows, in one round of queries."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus
from directory.queries.services import SERVICE_PAGE_LOADS, publicly_visible


def listed_services(ids: tuple[str, ...], today: date, *, staff: bool) -> dict[str, Service]:
    """The services on a list that its reader may see, by id.

    Families see only what the public may see; signed-in staff also see practitioner-only
    services and listings out of season, but never a withdrawn or closed one.
    """
    if not ids:
        return {}
    visible = Service.status == ServiceStatus.ACTIVE if staff else publicly_visible(today)
    statement = sa.select(Service).where(Service.id.in_(ids), visible).options(*SERVICE_PAGE_LOADS)
    return {service.id: service for service in db.session.scalars(statement)}


def withdrawn_names(ids: tuple[str, ...]) -> dict[str, str]:
    """Names of public listings among ``ids`` (to say "... is no longer available").

    Practitioner-only listings are left out: to the public they do not exist.
    """
    if not ids:
        return {}
    statement = sa.select(Service.id, Service.name).where(
        Service.id.in_(ids), Service.audience == Audience.PUBLIC
    )
    return {service_id: name for service_id, name in db.session.execute(statement)}
