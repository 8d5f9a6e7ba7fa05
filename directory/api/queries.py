"""All SQL of the ORUK API: what each list holds, and pages of it found by key, not OFFSET.

A page is read as ``WHERE id >= <first id of the page> ORDER BY id LIMIT per_page``, an
index range scan that costs the same on page 1 and on page 10,000. Where pages start comes
from the *anchors*: every ``STRIDE``-th id of the list, taken with the total in one numbered
pass over the ids (:class:`PageIndex`). A page's first id is at most ``STRIDE - 1`` ids after
its anchor (read as ids only, by key, never with OFFSET), so one index serves every
``per_page`` and stays small (a thousand ids for 500,000 listings). Indexes are kept per
*data generation*: the day (seasonal listings come and go at midnight) and the latest
write batch (every write to the directory is a batch: imports, edits, rollbacks, demo
loads, tests' factories). So the pass runs once per change, not once per request.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from flask import current_app, g
from sqlalchemy.orm import Session, joinedload, selectinload

from directory.api.params import ServiceFilters
from directory.exports.oruk_json import taxonomy_id
from directory.extensions import db
from directory.models import (
    Audience,
    ImportBatch,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    service_taxonomy,
)
from directory.models.requests import REQUEST_BATCH_KIND
from directory.queries.services import publicly_visible

CACHE_ENTRIES = 256
STRIDE = 500
"""Rows between anchors: at most one page of the largest size is read as ids to find a page."""
STREAM_CHUNK = 500

SUMMARY_LOADS = (joinedload(Service.organization), selectinload(Service.cost_options))
"""What a service's one-to-one fields need (``fees`` may be said from its cost options)."""
FULL_LOADS = (
    *SUMMARY_LOADS,
    selectinload(Service.phones),
    selectinload(Service.contacts),
    selectinload(Service.schedules),
    selectinload(Service.languages),
    selectinload(Service.service_areas),
    selectinload(Service.taxonomy_terms),
    selectinload(Service.locations)
    .joinedload(ServiceAtLocation.location)
    .selectinload(Location.accessibility),
    selectinload(Service.locations).selectinload(ServiceAtLocation.schedules),
)
"""What a service in full (``oruk_service``) holds, loaded in one round of queries."""
AT_LOCATION_LOADS = (
    selectinload(ServiceAtLocation.location),
    selectinload(ServiceAtLocation.service).options(*SUMMARY_LOADS),
)


@dataclass(frozen=True)
class PageIndex:
    """How many rows a list holds, and every ``STRIDE``-th id of it (the first included)."""

    total: int
    anchors: tuple[str, ...]


class PageIndexes:
    """Page indexes by (data generation, list, filters): the least recently used go."""

    def __init__(self, size: int = CACHE_ENTRIES) -> None:
        self._entries: OrderedDict[tuple[object, ...], PageIndex] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple[object, ...], build: Callable[[], PageIndex]) -> PageIndex:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        built = build()
        with self._lock:
            self._entries[key] = built
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return built


def page_indexes() -> PageIndexes:
    return current_app.extensions["oruk_api_pages"]


_commits_here = itertools.count()
_last_commit_here = 0


@sa.event.listens_for(Session, "after_flush")
def _note_write(session: Session, _context: Any) -> None:
    session.info["oruk_api_written"] = True


@sa.event.listens_for(Session, "after_commit")
def _count_write(session: Session) -> None:
    """Writes committed by this process count too, even one made outside the write path."""
    global _last_commit_here
    if session.info.pop("oruk_api_written", False):
        _last_commit_here = next(_commits_here) + 1


def _latest_write() -> tuple[int, datetime | None]:
    """How many write batches there are and when the latest began: asked once a request."""
    if "oruk_api_latest_write" not in g:
        count, latest = db.session.execute(
            sa.select(sa.func.count(ImportBatch.id), sa.func.max(ImportBatch.created_at)).where(
                ImportBatch.kind != REQUEST_BATCH_KIND
            )
        ).one()
        if latest is not None and latest.tzinfo is None:
            latest = latest.replace(tzinfo=UTC)
        g.oruk_api_latest_write = (count, latest)
    return g.oruk_api_latest_write


def data_generation(today: date) -> tuple[str, ...]:
    """Changes whenever what the API shows may have changed (see the module's note)."""
    count, latest = _latest_write()
    return (str(db.engine.url), today.isoformat(), str(count), str(latest), str(_last_commit_here))


def last_changed(today: date) -> datetime:
    """When what the API shows last changed: the latest write, or midnight if later."""
    _, latest = _latest_write()
    midnight = datetime(today.year, today.month, today.day, tzinfo=UTC)
    return midnight if latest is None else max(latest, midnight)


# -- what each list holds ----------------------------------------------------------------


def service_conditions(filters: ServiceFilters, today: date) -> list[sa.ColumnElement[bool]]:
    """Services families may see; with ``modified_after``, also public listings withdrawn
    (or closed, or out of season) since then, which are sent as tombstones."""
    if filters.modified_after is not None:
        conditions = [
            Service.audience == Audience.PUBLIC,
            Service.updated_at >= _database_time(filters.modified_after),
        ]
    else:
        conditions = [publicly_visible(today)]
    for word in filters.words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            sa.or_(
                *(
                    sa.func.lower(column).like(pattern, escape="\\")
                    for column in (Service.name, Service.summary, Service.description)
                ),
                Service.organization_id.in_(
                    sa.select(Organization.id).where(
                        sa.func.lower(Organization.name).like(pattern, escape="\\")
                    )
                ),
            )
        )
    if filters.taxonomy_term_id is not None:
        conditions.append(
            Service.id.in_(
                sa.select(service_taxonomy.c.service_id).where(
                    service_taxonomy.c.taxonomy_term_id == filters.taxonomy_term_id
                )
            )
        )
    if filters.taxonomy_id is not None:
        scheme = scheme_for(filters.taxonomy_id)
        conditions.append(
            Service.id.in_(
                sa.select(service_taxonomy.c.service_id)
                .join(TaxonomyTerm, TaxonomyTerm.id == service_taxonomy.c.taxonomy_term_id)
                .where(TaxonomyTerm.scheme == scheme)
            )
            if scheme
            else sa.false()
        )
    if filters.organization_id is not None:
        conditions.append(Service.organization_id == filters.organization_id)
    return conditions


def _database_time(moment: datetime) -> datetime:
    """SQLite keeps date-times without their zone (all in UTC): compare like with like."""
    if db.engine.dialect.name == "sqlite":
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def schemes() -> list[str]:
    return list(db.session.scalars(sa.select(TaxonomyTerm.scheme).distinct()))


def scheme_for(taxonomy: str) -> str | None:
    """The scheme a taxonomy id (or the scheme's own name) stands for."""
    for scheme in schemes():
        if taxonomy in {scheme, taxonomy_id(scheme)}:
            return scheme
    return None


def organisation_conditions(words: Sequence[str], today: date) -> list[sa.ColumnElement[bool]]:
    """Organisations with at least one service families may see."""
    conditions: list[sa.ColumnElement[bool]] = [
        Organization.id.in_(sa.select(Service.organization_id).where(publicly_visible(today)))
    ]
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(sa.func.lower(Organization.name).like(pattern, escape="\\"))
    return conditions


# -- pages by key ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    """One list the API pages through: its rows' id column and what narrows it."""

    name: str
    id_column: Any
    conditions: tuple[sa.ColumnElement[bool], ...]
    joins: tuple[Any, ...] = ()

    def _select(self, *columns: Any) -> sa.Select[Any]:
        statement = sa.select(*columns)
        for join in self.joins:
            statement = statement.join(*join)
        return statement.where(*self.conditions)

    def build_index(self) -> PageIndex:
        numbered = (
            self._select(
                self.id_column.label("id"),
                sa.func.row_number().over(order_by=self.id_column).label("n"),
            )
        ).subquery()
        anchors = db.session.scalars(
            sa.select(numbered.c.id).where((numbered.c.n - 1) % STRIDE == 0).order_by(numbered.c.id)
        )
        total = db.session.scalar(self._select(sa.func.count(self.id_column))) or 0
        return PageIndex(total, tuple(anchors))

    def index(self, key: tuple[object, ...], today: date) -> PageIndex:
        full_key = (data_generation(today), self.name, key)
        return page_indexes().get(full_key, self.build_index)

    def page_start(self, index: PageIndex, page: int, per_page: int) -> str | None:
        """The first id of page ``page``, or None past the end."""
        position = (page - 1) * per_page
        if position >= index.total:
            return None
        anchor = index.anchors[position // STRIDE]
        step = position % STRIDE
        if step == 0:
            return anchor
        ids = db.session.scalars(
            self._select(self.id_column)
            .where(self.id_column >= anchor)
            .order_by(self.id_column)
            .limit(step + 1)
        ).all()
        return ids[-1] if len(ids) == step + 1 else None

    def rows(self, entity: Any, start: str, limit: int, loads: Sequence[Any]) -> list[Any]:
        statement = (
            self._select(entity)
            .where(self.id_column >= start)
            .order_by(self.id_column)
            .limit(limit)
            .options(*loads)
        )
        return list(db.session.scalars(statement))

    def every_row(self, entity: Any, loads: Sequence[Any]) -> Iterator[Any]:
        """Every row, a chunk at a time by key: for streaming the whole list."""
        after: str | None = None
        while True:
            statement = self._select(entity)
            if after is not None:
                statement = statement.where(self.id_column > after)
            chunk = list(
                db.session.scalars(
                    statement.order_by(self.id_column).limit(STREAM_CHUNK).options(*loads)
                )
            )
            yield from chunk
            if len(chunk) < STREAM_CHUNK:
                return
            after = chunk[-1].id
            db.session.expunge_all()


def services(filters: ServiceFilters, today: date) -> Listing:
    return Listing("services", Service.id, tuple(service_conditions(filters, today)))


def at_location_conditions(filters: ServiceFilters, today: date) -> list[sa.ColumnElement[bool]]:
    """Services at venues families may see (no tombstones: a withdrawn service's venues
    go with it, and its own tombstone is in ``/services``)."""
    return [publicly_visible(today), *service_conditions(filters, today)]


def services_at_locations(filters: ServiceFilters, today: date) -> Listing:
    return Listing(
        "service_at_locations",
        ServiceAtLocation.id,
        tuple(at_location_conditions(filters, today)),
        joins=((Service, Service.id == ServiceAtLocation.service_id),),
    )


def organisations(words: Sequence[str], today: date) -> Listing:
    return Listing("organizations", Organization.id, tuple(organisation_conditions(words, today)))


# -- one of each -----------------------------------------------------------------------------


def public_service_in_full(service_id: str, today: date) -> Service | None:
    statement = (
        sa.select(Service)
        .where(Service.id == service_id, publicly_visible(today))
        .options(*FULL_LOADS)
    )
    return db.session.scalars(statement).first()


def at_location_loads(full: bool) -> tuple[Any, ...]:
    if not full:
        return AT_LOCATION_LOADS
    return (
        selectinload(ServiceAtLocation.location).selectinload(Location.accessibility),
        selectinload(ServiceAtLocation.service).options(*FULL_LOADS),
    )


def public_service_at_location(link_id: str, today: date, *, full: bool) -> Any:
    statement = (
        sa.select(ServiceAtLocation)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .where(ServiceAtLocation.id == link_id, publicly_visible(today))
        .options(*at_location_loads(full))
    )
    return db.session.scalars(statement).first()


def public_organisation(organisation_id: str, today: date) -> Organization | None:
    statement = sa.select(Organization).where(
        Organization.id == organisation_id, *organisation_conditions((), today)
    )
    return db.session.scalars(statement).first()


def public_services_of(organisation_id: str, today: date) -> list[Service]:
    statement = (
        sa.select(Service)
        .where(Service.organization_id == organisation_id, publicly_visible(today))
        .order_by(Service.id)
        .options(*SUMMARY_LOADS)
    )
    return list(db.session.scalars(statement))


def taxonomy_terms(scheme: str | None = None) -> list[TaxonomyTerm]:
    statement = sa.select(TaxonomyTerm).order_by(TaxonomyTerm.id)
    if scheme is not None:
        statement = statement.where(TaxonomyTerm.scheme == scheme)
    return list(db.session.scalars(statement))


def taxonomy_term(term_id: str) -> TaxonomyTerm | None:
    return db.session.get(TaxonomyTerm, term_id)


# -- near a postcode -------------------------------------------------------------------------


def near(
    filters: ServiceFilters, today: date, easting: int, northing: int, radius: int
) -> list[tuple[float, str]]:
    """(metres, id) of each service at a venue within ``radius`` metres, nearest first.

    Masked venues (refuges) hold no position and are left out by name as well: distance is
    never measured from one."""
    statement = (
        sa.select(ServiceAtLocation.id, Location.easting, Location.northing)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(
            *at_location_conditions(filters, today),
            Location.masked_address.is_(False),
            Location.easting.is_not(None),
            Location.northing.is_not(None),
            Location.easting.between(easting - radius, easting + radius),
            Location.northing.between(northing - radius, northing + radius),
        )
    )
    found = []
    for link_id, east, north in db.session.execute(statement):
        if east is None or north is None:  # never, as selected: for the type checker
            continue
        metres = ((east - easting) ** 2 + (north - northing) ** 2) ** 0.5
        if metres <= radius:
            found.append((metres, link_id))
    return sorted(found)


def services_at_locations_by_id(
    ids: Sequence[str], *, full: bool = False
) -> dict[str, ServiceAtLocation]:
    statement = (
        sa.select(ServiceAtLocation)
        .where(ServiceAtLocation.id.in_(ids))
        .options(*at_location_loads(full))
    )
    return {link.id: link for link in db.session.scalars(statement)}
