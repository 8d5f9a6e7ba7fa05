"""Small factories that make listings through the write path, as every other way in does.

Venues are placed with the demo's committed Code-Point Open extract, so tests need no
postcode table: use a postcode from ``directory/demo/postcodes.csv`` ("DY1 1QJ").
"""

from __future__ import annotations

import itertools
from typing import Any

import sqlalchemy as sa
from flask import current_app

from directory.demo.loader import demo_geocoder
from directory.extensions import db
from directory.listings.geocoding import Geocoder
from directory.listings.writer import WriteOptions, write_listings
from directory.models import Service, ServiceKind
from importers.records import Dataset, OrganisationRecord, ServiceRecord, VenueRecord

TEST_SOURCE = "tests"
_numbers = itertools.count(1)


def create_service(
    name: str = "Test Stay and Play",
    *,
    source: str = TEST_SOURCE,
    key: str | None = None,
    organisation: str = "Test Family Charity",
    kind: ServiceKind = ServiceKind.ACTIVITY,
    postcode: str | None = None,
    venue_name: str = "Test Community Centre",
    geocoder: Geocoder | None = None,
    **fields: Any,
) -> Service:
    """Write one listing (with its organisation and, given a postcode, a venue) and return it.

    ``fields`` are any other :class:`ServiceRecord` fields. Venues are placed with the demo's
    postcodes unless a ``geocoder`` is given (the loaded postcode table, for instance).
    Raises ``AssertionError`` with the write path's errors if it refuses the listing.
    """
    number = next(_numbers)
    key = key or f"test-service-{number}"
    organisation_record = OrganisationRecord(f"org-{_slug(organisation)}", organisation)
    venues = ()
    if postcode is not None:
        venues = (VenueRecord(f"venue-{key}", venue_name, postcode),)
        fields.setdefault("venues", (venues[0].key,))
    record = ServiceRecord(
        key=key, organisation=organisation_record.key, name=name, kind=kind, **fields
    )
    report = write_listings(
        Dataset((organisation_record,), venues, (record,)),
        current_app.extensions["council"],
        geocoder or demo_geocoder(),
        WriteOptions(source=source, actor="tests", apply=True),
    )
    assert report.ok, [str(problem) for problem in report.errors]
    return db.session.scalars(
        sa.select(Service).where(Service.source == source, Service.external_id == key)
    ).one()


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())
