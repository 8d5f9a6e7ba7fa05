"""Loading the demonstration directory through the write path, as any import is.

Every row the demo writes has ``source="demo"``. A load is a full feed of that source: it
creates and changes what differs, withdraws demo listings no longer in the data, keeps
whatever was added elsewhere, and writes an audit trail, all in one transaction. A second
load on the same day changes nothing; a failed load leaves the database as it was.
"""

from __future__ import annotations

import time as clock
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

import sqlalchemy as sa

from directory.council import Council
from directory.demo.checks import check_dataset
from directory.demo.postcodes import demo_postcodes
from directory.demo.records import DEMO_SOURCE, DemoDataset, DemoLoadError, ServiceRecord
from directory.demo.samples import sample_dataset
from directory.demo.seeds import seed_dataset
from directory.extensions import db
from directory.listings import records
from directory.listings.geocoding import TableGeocoder
from directory.listings.writer import WriteFailed, WriteOptions, write_listings
from directory.models import Service

__all__ = [
    "DemoLoadError",
    "DemoReport",
    "demo_dataset",
    "demo_loaded",
    "directory_is_empty",
    "load_demo",
]


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


def demo_geocoder() -> TableGeocoder:
    """The demo's committed extract of Code-Point Open, so it needs no postcode table."""
    return TableGeocoder(demo_postcodes())


def listing_records(dataset: DemoDataset, today: date) -> records.Dataset:
    """The demo as the write path's records: "checked N days ago" becomes a date."""
    return records.Dataset(
        dataset.organisations,
        dataset.venues,
        tuple(_listing(service, today) for service in dataset.services),  # type: ignore[arg-type]
    )


def _listing(service: ServiceRecord, today: date) -> records.ServiceRecord:
    """Demo openings are the same at each of a service's venues (or the service's own)."""
    values = {f.name: getattr(service, f.name) for f in fields(service)}
    checked = values.pop("checked_days_ago")
    del values["assured_date"]
    values["openings"] = tuple(
        replace(opening, venue=venue)
        for opening in service.openings
        for venue in (service.venues or (None,))
    )
    return records.ServiceRecord(
        **values, assured_date=None if checked is None else today - timedelta(days=checked)
    )


def load_demo(
    council: Council, dataset: DemoDataset | None = None, *, today: date | None = None
) -> DemoReport:
    """Bring the demo listings in line with ``dataset`` (the full demo by default).

    Raises ``DemoLoadError`` if the data does not fit the council file or the write path
    or database refuses it; nothing is changed in either case.
    """
    started = clock.perf_counter()
    today = today or date.today()
    dataset = demo_dataset(council, today) if dataset is None else dataset
    check_dataset(council, dataset)
    options = WriteOptions(
        source=DEMO_SOURCE,
        actor="flask demo load",
        apply=True,
        full_feed=True,
        allow_mass_withdrawal=True,
        kind="demo",
    )
    try:
        report = write_listings(listing_records(dataset, today), council, demo_geocoder(), options)
    except WriteFailed as error:
        raise DemoLoadError(str(error)) from error
    if report.errors:
        raise DemoLoadError(f"The demo data has errors, so nothing changed: {report.errors[0]}")
    return DemoReport(
        services=len(dataset.services),
        samples=sum(service.is_sample for service in dataset.services),
        organisations=len(dataset.organisations),
        locations=len(dataset.venues),
        sessions=sum(len(service.sessions) for service in dataset.services),
        taxonomy_terms=len(council.taxonomy),
        seconds=clock.perf_counter() - started,
    )
