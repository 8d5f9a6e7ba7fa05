"""Loading the demonstration directory into the database in one transaction.

Every row the demo writes has ``source="demo"``. A load first syncs the council file's
taxonomy, then deletes the previous demo rows and writes the new ones, and commits once: a
second load gives the same result, and a failed load leaves the database as it was.
"""

from __future__ import annotations

import time as clock
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from directory.council import Council
from directory.demo.checks import check_dataset
from directory.demo.postcodes import demo_postcodes
from directory.demo.records import (
    DEMO_SOURCE,
    LANGUAGE_NAMES,
    DemoDataset,
    DemoLoadError,
    Opening,
    ServiceRecord,
    VenueRecord,
)
from directory.demo.samples import sample_dataset
from directory.demo.seeds import seed_dataset
from directory.extensions import db
from directory.models import (
    Accessibility,
    Contact,
    CostOption,
    DatedSession,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
    service_taxonomy,
)
from directory.models.mixins import new_id

__all__ = [
    "DemoLoadError",
    "DemoReport",
    "demo_dataset",
    "demo_loaded",
    "directory_is_empty",
    "load_demo",
]

_NO_SYNC = {"synchronize_session": False}
_Table = type[db.Model] | sa.Table
_INSERT_ORDER: tuple[_Table, ...] = (
    Organization,
    Location,
    Accessibility,
    Service,
    service_taxonomy,
    ServiceAtLocation,
    Schedule,
    DatedSession,
    Phone,
    Contact,
    CostOption,
    Language,
    ServiceArea,
)


@dataclass(frozen=True)
class DemoReport:
    """What a load wrote, and how long it took."""

    services: int
    samples: int
    organisations: int
    locations: int
    sessions: int
    taxonomy_terms: int
    seconds: float


def demo_dataset(council: Council, today: date) -> DemoDataset:
    """Dudley's seed listings plus the sample listings, as of ``today``."""
    return seed_dataset(council, today) + sample_dataset(council, today)


def demo_loaded() -> bool:
    """Whether the database holds demo listings."""
    return bool(db.session.scalar(sa.select(sa.exists().where(Service.source == DEMO_SOURCE))))


def directory_is_empty() -> bool:
    """Whether the database holds no listings at all, demo or otherwise."""
    return not db.session.scalar(sa.select(sa.exists(sa.select(Service.id))))


def load_demo(
    council: Council, dataset: DemoDataset | None = None, *, today: date | None = None
) -> DemoReport:
    """Replace the demo rows with ``dataset`` (the full demo by default) in one transaction.

    Raises ``DemoLoadError`` if the data does not fit the council file or the database
    refuses it; nothing is changed in either case.
    """
    started = clock.perf_counter()
    today = today or date.today()
    dataset = demo_dataset(council, today) if dataset is None else dataset
    check_dataset(council, dataset)
    _refuse_if_shared_organisations()
    try:
        terms = _sync_taxonomy(council)
        _delete_demo_rows()
        _add_rows(council, dataset, terms, today)
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        reason = getattr(error, "orig", None) or error
        raise DemoLoadError(
            f"The database refused the demo data, so nothing changed: {reason}"
        ) from error
    return DemoReport(
        services=len(dataset.services),
        samples=sum(service.is_sample for service in dataset.services),
        organisations=len(dataset.organisations),
        locations=len(dataset.venues),
        sessions=sum(len(service.sessions) for service in dataset.services),
        taxonomy_terms=len(council.taxonomy),
        seconds=clock.perf_counter() - started,
    )


def _refuse_if_shared_organisations() -> None:
    """Demo organisations are replaced on each load, so nothing else may hang off them."""
    statement = (
        sa.select(Service.name)
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.source == DEMO_SOURCE, Service.source != DEMO_SOURCE)
        .limit(1)
    )
    name = db.session.scalar(statement)
    if name is not None:
        raise DemoLoadError(
            f"The listing {name!r} was added outside the demo but belongs to a demo "
            "organisation. Move it to another organisation before reloading the demo."
        )


def _sync_taxonomy(council: Council) -> dict[tuple[str, str], TaxonomyTerm]:
    """Upsert every council-file term by scheme and code; leave other terms alone."""
    terms = {(t.scheme, t.code): t for t in db.session.scalars(sa.select(TaxonomyTerm))}
    for config in council.taxonomy:
        term = terms.get((config.scheme, config.code))
        if term is None:
            term = TaxonomyTerm(scheme=config.scheme, code=config.code)
            db.session.add(term)
            terms[(config.scheme, config.code)] = term
        term.name = config.label
        term.description = config.description
    db.session.flush()
    return terms


def _delete_demo_rows() -> None:
    """Delete demo rows child-first, so it works without SQLite enforcing foreign keys.

    Rows elsewhere that point at demo venues go the way PostgreSQL's ON DELETE rules send
    them: a pairing with a demo venue is removed, a dated session just loses its venue.
    """
    services = sa.select(Service.id).where(Service.source == DEMO_SOURCE)
    locations = sa.select(Location.id).where(Location.source == DEMO_SOURCE)
    pairs = sa.select(ServiceAtLocation.id).where(
        sa.or_(
            ServiceAtLocation.service_id.in_(services),
            ServiceAtLocation.location_id.in_(locations),
        )
    )
    statements = [
        sa.delete(Schedule).where(
            sa.or_(Schedule.service_id.in_(services), Schedule.service_at_location_id.in_(pairs))
        ),
        sa.delete(ServiceAtLocation).where(ServiceAtLocation.id.in_(pairs)),
        *(
            sa.delete(model).where(model.service_id.in_(services))
            for model in (DatedSession, Phone, Contact, CostOption, Language, ServiceArea)
        ),
        sa.update(DatedSession)
        .where(DatedSession.location_id.in_(locations))
        .values(location_id=None),
        sa.delete(service_taxonomy).where(service_taxonomy.c.service_id.in_(services)),
        sa.delete(Service).where(Service.source == DEMO_SOURCE),
        sa.delete(Accessibility).where(Accessibility.location_id.in_(locations)),
        sa.delete(Location).where(Location.source == DEMO_SOURCE),
        sa.delete(Organization).where(Organization.source == DEMO_SOURCE),
    ]
    for statement in statements:
        db.session.execute(statement, execution_options=_NO_SYNC)


_Row = dict[str, object]


def _add_rows(
    council: Council,
    dataset: DemoDataset,
    terms: dict[tuple[str, str], TaxonomyTerm],
    today: date,
) -> None:
    """Insert every demo row, table by table, as batched multi-row INSERTs.

    Ids are made here rather than by the database so children can name their parents;
    building ORM objects instead took several times longer for no benefit.
    """
    organisation_ids = {record.key: new_id() for record in dataset.organisations}
    location_ids = {venue.key: new_id() for venue in dataset.venues}
    rows: dict[_Table, list[_Row]] = {table: [] for table in _INSERT_ORDER}
    rows[Organization] = [
        {
            "id": organisation_ids[record.key],
            "name": record.name,
            "description": record.description,
            "website": record.website,
            "email": record.email,
            "source": DEMO_SOURCE,
            "external_id": record.key,
        }
        for record in dataset.organisations
    ]
    for venue in dataset.venues:
        location_id = location_ids[venue.key]
        rows[Location].append(_location(council, venue, location_id))
        rows[Accessibility].extend(
            {"id": new_id(), "location_id": location_id, "description": note}
            for note in venue.accessibility
        )
    for record in dataset.services:
        service_id = new_id()
        rows[Service].append(
            _service(record, service_id, organisation_ids[record.organisation], today)
        )
        rows[service_taxonomy].extend(
            {"service_id": service_id, "taxonomy_term_id": terms[code].id}
            for code in _term_codes(record)
        )
        for venue in record.venues:
            pair_id = new_id()
            rows[ServiceAtLocation].append(
                {
                    "id": pair_id,
                    "service_id": service_id,
                    "location_id": location_ids[venue],
                    "description": "",
                }
            )
            rows[Schedule].extend(_schedules(record.openings, service_at_location_id=pair_id))
        if not record.venues:
            rows[Schedule].extend(_schedules(record.openings, service_id=service_id))
        rows[DatedSession].extend(
            {
                "id": new_id(),
                "service_id": service_id,
                "location_id": location_ids[session.venue] if session.venue else None,
                "starts_at": session.starts_at,
                "ends_at": session.ends_at,
                "places": session.places,
                "booking_url": session.booking_url,
                "description": session.description,
            }
            for session in record.sessions
        )
        children: list[tuple[_Table, list[_Row]]] = [
            (Phone, [{"number": p.number, "description": p.description} for p in record.phones]),
            (
                Contact,
                [
                    {"title": c.title, "name": c.name, "email": c.email, "phone": c.phone}
                    for c in record.contacts
                ],
            ),
            (
                CostOption,
                [
                    {"option": c.option, "amount": c.amount, "amount_description": c.description}
                    for c in record.costs
                ],
            ),
            (
                Language,
                [{"code": code, "name": LANGUAGE_NAMES[code]} for code in record.languages],
            ),
            (
                ServiceArea,
                [
                    {"scope": a.scope, "locality": a.locality, "description": a.description}
                    for a in record.areas
                ],
            ),
        ]
        for table, values in children:
            rows[table].extend({"id": new_id(), "service_id": service_id, **v} for v in values)
    for table in _INSERT_ORDER:
        if rows[table]:
            db.session.execute(sa.insert(table), rows[table])


def _term_codes(record: ServiceRecord) -> list[tuple[str, str]]:
    return [
        *(("category", code) for code in record.categories),
        *(("need", code) for code in record.needs),
        *(("level", code) for code in record.levels),
        *(("circumstance", code) for code in record.circumstances),
    ]


def _location(council: Council, venue: VenueRecord, location_id: str) -> _Row:
    """A venue row. A masked venue keeps no coordinates, so distances cannot give it away."""
    point = demo_postcodes()[venue.postcode]
    locality = council.locality_for(point.district, point.sector)
    shown = not venue.masked_address
    return {
        "id": location_id,
        "name": venue.name,
        "description": venue.description,
        "address_1": venue.address_1,
        "address_2": venue.address_2,
        "city": venue.city,
        "postal_code": point.postcode,
        "latitude": point.latitude if shown else None,
        "longitude": point.longitude if shown else None,
        "easting": point.easting if shown else None,
        "northing": point.northing if shown else None,
        "locality": locality.code if locality else None,
        "masked_address": venue.masked_address,
        "source": DEMO_SOURCE,
        "external_id": venue.key,
    }


def _service(record: ServiceRecord, service_id: str, organisation_id: str, today: date) -> _Row:
    checked = record.checked_days_ago
    return {
        "id": service_id,
        "organization_id": organisation_id,
        "name": record.name,
        "summary": record.summary,
        "description": record.description,
        "url": record.url,
        "email": record.email,
        "status": record.status,
        "kind": record.kind,
        "audience": record.audience,
        "referral_route": record.referral_route,
        "referral_url": record.referral_url,
        "professional_notes": record.professional_notes,
        "application_process": record.application_process,
        "eligibility_description": record.eligibility,
        "fees_description": record.fees,
        "minimum_age": record.minimum_age,
        "maximum_age": record.maximum_age,
        "delivery_methods": [method.value for method in record.delivery],
        "assured_date": None if checked is None else today - timedelta(days=checked),
        "visible_from": record.visible_from,
        "visible_to": record.visible_to,
        "is_sample": record.is_sample,
        "source": DEMO_SOURCE,
        "external_id": record.key,
        "edited_fields": [],
    }


def _schedules(openings: tuple[Opening, ...], **owner: str) -> list[_Row]:
    """One row per day of each opening, owned by a service or a service-at-location."""
    return [
        {
            "id": new_id(),
            "service_id": None,
            "service_at_location_id": None,
            **owner,
            "byday": day,
            "opens_at": opening.opens,
            "closes_at": opening.closes,
            "valid_from": opening.valid_from,
            "valid_to": opening.valid_to,
            "description": opening.note,
        }
        for opening in openings
        for day in opening.days
    ]
