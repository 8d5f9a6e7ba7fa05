"""Reading services for the search index, as plain rows rather than ORM objects.

The index needs a few facts from nine tables. Loading them as ORM objects with all their
relationships cost more than analysing and writing the text (a 10k-row import spent a fifth
of its time here), so each table is read with one plain query per chunk of services and the
rows are gathered into :class:`IndexedListing`. Every list is read in a fixed order, so the
same database always gives the same document and the same fingerprint.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.models import (
    CostOption,
    DatedSession,
    Language,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from directory.models.funded_hours import names_funded_hours
from directory.models.taxonomy import service_taxonomy
from directory.queries.services import indexed

CHUNK = 1000
"""Services read at a time: few enough for every database's limit on bound values."""


@dataclass(frozen=True)
class IndexedVenue:
    locality: str | None
    easting: int | None
    northing: int | None
    masked_address: bool


@dataclass(frozen=True)
class IndexedSchedule:
    byday: str
    opens_at: time
    closes_at: time
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class IndexedTerm:
    scheme: str
    code: str
    name: str


@dataclass(frozen=True)
class IndexedArea:
    scope: str
    locality: str | None


@dataclass
class IndexedListing:
    """What the search document of one service is made from."""

    id: str
    name: str
    organisation: str
    summary: str
    description: str
    kind: str
    audience: str
    minimum_age: int | None
    maximum_age: int | None
    delivery_methods: list[str]
    assured_date: date | None
    review_interval_months: int | None
    visible_from: date | None
    visible_to: date | None
    venues: list[IndexedVenue] = field(default_factory=list)
    schedules: list[IndexedSchedule] = field(default_factory=list)
    """Weekly opening, the service's own and at each of its venues."""
    areas: list[IndexedArea] = field(default_factory=list)
    terms: list[IndexedTerm] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)
    """(code, name), by code."""
    session_starts: list[datetime] = field(default_factory=list)
    free: bool = False
    """A cost option with no charge that is not funded childcare hours."""
    funded_hours: bool = False

    def terms_in(self, scheme: str) -> list[IndexedTerm]:
        return [term for term in self.terms if term.scheme == scheme]


def indexable_ids(session: Session) -> list[str]:
    """Ids of every service the index holds, in order."""
    return list(session.scalars(sa.select(Service.id).where(indexed()).order_by(Service.id)))


def indexable_listings(
    session: Session, ids: Collection[str] | None = None
) -> list[IndexedListing]:
    """Every listing of :func:`listings_in_chunks` in one list."""
    return [listing for chunk in listings_in_chunks(session, ids) for listing in chunk]


def listings_in_chunks(
    session: Session, ids: Collection[str] | None = None
) -> Iterator[list[IndexedListing]]:
    """Services the index holds (only those in ``ids`` when given), in id order, a chunk at
    a time, so memory follows the chunk."""
    for chunk in _chunks(indexable_ids(session) if ids is None else sorted(ids)):
        yield _listings(session, chunk)


def indexed_service_ids(session: Session, ids: Collection[str]) -> set[str]:
    """Which of ``ids`` the index holds."""
    statement = sa.select(Service.id).where(indexed(), Service.id.in_(list(ids)))
    return set(session.scalars(statement))


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _listings(session: Session, ids: list[str]) -> list[IndexedListing]:
    rows = session.execute(
        sa.select(
            Service.id,
            Service.name,
            Organization.name.label("organisation"),
            Service.summary,
            Service.description,
            Service.kind,
            Service.audience,
            Service.minimum_age,
            Service.maximum_age,
            Service.delivery_methods,
            Service.assured_date,
            Service.review_interval_months,
            Service.visible_from,
            Service.visible_to,
        )
        .join(Organization, Organization.id == Service.organization_id)
        .where(indexed(), Service.id.in_(ids))
        .order_by(Service.id)
    )
    listings = {
        row.id: IndexedListing(
            id=row.id,
            name=row.name,
            organisation=row.organisation,
            summary=row.summary or "",
            description=row.description or "",
            kind=row.kind.value,
            audience=row.audience.value,
            minimum_age=row.minimum_age,
            maximum_age=row.maximum_age,
            delivery_methods=list(row.delivery_methods or ()),
            assured_date=row.assured_date,
            review_interval_months=row.review_interval_months,
            visible_from=row.visible_from,
            visible_to=row.visible_to,
        )
        for row in rows
    }
    if listings:
        _add_parts(session, listings)
    return list(listings.values())


def _add_parts(session: Session, listings: dict[str, IndexedListing]) -> None:
    """Fill in each listing's venues, opening times, areas, terms, languages and sessions."""
    ids = list(listings)
    for service_id, locality, easting, northing, masked in session.execute(
        sa.select(
            ServiceAtLocation.service_id,
            Location.locality,
            Location.easting,
            Location.northing,
            Location.masked_address,
        )
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(ServiceAtLocation.service_id.in_(ids))
        .order_by(ServiceAtLocation.service_id, Location.id)
    ):
        listings[service_id].venues.append(IndexedVenue(locality, easting, northing, masked))
    for service_id, *schedule in _schedules(session, ids):
        listings[service_id].schedules.append(IndexedSchedule(*schedule))
    for service_id, scope, locality in session.execute(
        sa.select(ServiceArea.service_id, ServiceArea.scope, ServiceArea.locality)
        .where(ServiceArea.service_id.in_(ids))
        .order_by(ServiceArea.service_id, ServiceArea.scope, ServiceArea.locality)
    ):
        listings[service_id].areas.append(IndexedArea(scope.value, locality))
    for service_id, *term in session.execute(
        sa.select(
            service_taxonomy.c.service_id,
            TaxonomyTerm.scheme,
            TaxonomyTerm.code,
            TaxonomyTerm.name,
        )
        .join(TaxonomyTerm, TaxonomyTerm.id == service_taxonomy.c.taxonomy_term_id)
        .where(service_taxonomy.c.service_id.in_(ids))
        .order_by(service_taxonomy.c.service_id, TaxonomyTerm.scheme, TaxonomyTerm.code)
    ):
        listings[service_id].terms.append(IndexedTerm(*term))
    for service_id, code, name in session.execute(
        sa.select(Language.service_id, Language.code, Language.name)
        .where(Language.service_id.in_(ids))
        .order_by(Language.service_id, Language.code, Language.name)
    ):
        listings[service_id].languages.append((code, name))
    for service_id, starts_at in session.execute(
        sa.select(DatedSession.service_id, DatedSession.starts_at).where(
            DatedSession.service_id.in_(ids)
        )
    ):
        listings[service_id].session_starts.append(starts_at)
    for service_id, option, amount, description in session.execute(
        sa.select(
            CostOption.service_id,
            CostOption.option,
            CostOption.amount,
            CostOption.amount_description,
        ).where(CostOption.service_id.in_(ids))
    ):
        if names_funded_hours(option, description):
            listings[service_id].funded_hours = True
        elif amount == 0:
            listings[service_id].free = True


def _schedules(session: Session, ids: list[str]) -> Iterator[sa.Row]:
    """Weekly opening rows, (service id, byday, opens, closes, valid from, valid to)."""
    times = (
        Schedule.byday,
        Schedule.opens_at,
        Schedule.closes_at,
        Schedule.valid_from,
        Schedule.valid_to,
    )
    yield from session.execute(
        sa.select(Schedule.service_id, *times).where(Schedule.service_id.in_(ids))
    )
    yield from session.execute(
        sa.select(ServiceAtLocation.service_id, *times)
        .join(Schedule, Schedule.service_at_location_id == ServiceAtLocation.id)
        .where(ServiceAtLocation.service_id.in_(ids))
    )
