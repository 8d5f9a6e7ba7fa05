"""Loading the demonstration directory: a data file read by the importer, as any import is.

``listings.csv`` holds the demo directory in the import template (see
:mod:`directory.demo.relative_dates` for the one addition: dates written relative to the
day of the load). The importer's CSV reader reads it, the dates are resolved, and the
template reader and the write path take it from there exactly as for ``flask listings
import --apply --full-feed --source demo``: one transaction, an audit trail, demo listings
no longer in the file withdrawn, whatever was added elsewhere kept. A second load on the
same day changes nothing; a failed load leaves the database as it was. A few demo listings
are then set to take requests for support (:mod:`directory.demo.requests`).

The real listings' facts come from the seed documents in ``shared/seeds`` (000 and 001 for
Dudley, 003 for the named parenting programmes); where they give no website or phone
number, the listing has none rather than an invented one. Sample listings are invented,
named "... (sample)", with Ofcom drama phone numbers and example.org links.
"""

from __future__ import annotations

import time as clock
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from directory.council import Council
from directory.demo.checks import DemoLoadError, check_council_fits
from directory.demo.postcodes import demo_postcodes
from directory.demo.relative_dates import LoadDay, RelativeDateError, Row, resolve_rows
from directory.demo.requests import open_demo_requests
from directory.extensions import db
from directory.listings.geocoding import TableGeocoder
from directory.listings.writer import WriteFailed, WriteOptions, write_listings
from directory.models import Service
from importers.csv_reader import csv_rows
from importers.limits import Limits, check_size
from importers.result import ReadResult
from importers.tabular import read_rows

__all__ = [
    "DEMO_FILE",
    "DEMO_SOURCE",
    "DemoLoadError",
    "DemoReport",
    "demo_loaded",
    "demo_rows",
    "directory_is_empty",
    "load_demo",
    "read_demo",
]

DEMO_FILE = Path(__file__).with_name("listings.csv")
DEMO_SOURCE = "demo"


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


def demo_loaded() -> bool:
    """Whether the database holds demo listings."""
    return bool(db.session.scalar(sa.select(sa.exists().where(Service.source == DEMO_SOURCE))))


def directory_is_empty() -> bool:
    """Whether the database holds no listings at all, demo or otherwise."""
    return not db.session.scalar(sa.select(sa.exists(sa.select(Service.id))))


def demo_geocoder() -> TableGeocoder:
    """The demo's committed extract of Code-Point Open, so it needs no postcode table."""
    return TableGeocoder(demo_postcodes())


def demo_rows(council: Council, today: date, path: Path = DEMO_FILE) -> list[Row]:
    """The file's rows as the importer's CSV reader reads them, dated as of ``today``."""
    data = path.read_bytes()
    check_size(len(data), Limits())
    try:
        return resolve_rows(list(csv_rows(data, {})), LoadDay.of(today, council.school_holidays))
    except RelativeDateError as error:
        raise DemoLoadError(f"{path.name}: {error}") from error


def read_demo(council: Council, today: date, path: Path = DEMO_FILE) -> ReadResult:
    """The demo's records and the template reader's report on them, as of ``today``."""
    rows = demo_rows(council, today, path)
    return read_rows(lambda: rows, {}, Limits(), "csv")


def load_demo(council: Council, *, today: date | None = None, path: Path = DEMO_FILE) -> DemoReport:
    """Bring the demo listings in line with the demo file (as of ``today``).

    Raises ``DemoLoadError`` if the file does not fit the council file, has errors, or the
    database refuses it; nothing is changed in any of those cases.
    """
    started = clock.perf_counter()
    result = read_demo(council, today or date.today(), path)
    dataset = result.dataset
    check_council_fits(council, dataset)
    options = WriteOptions(
        source=DEMO_SOURCE,
        actor="flask demo load",
        apply=True,
        full_feed=True,
        allow_mass_withdrawal=True,
        kind="demo",
    )
    try:
        report = write_listings(dataset, council, demo_geocoder(), options, result.problems)
    except WriteFailed as error:
        raise DemoLoadError(str(error)) from error
    if report.errors:
        raise DemoLoadError(f"The demo data has errors, so nothing changed: {report.errors[0]}")
    open_demo_requests(DEMO_SOURCE)
    return DemoReport(
        services=len(dataset.services),
        samples=sum(service.is_sample for service in dataset.services),
        organisations=len(dataset.organisations),
        locations=len(dataset.venues),
        sessions=sum(len(service.sessions) for service in dataset.services),
        taxonomy_terms=len(council.taxonomy),
        seconds=clock.perf_counter() - started,
    )
