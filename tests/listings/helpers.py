"""Records and writes for the write-path tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import current_app

from directory.demo.loader import demo_geocoder
from directory.extensions import db
from directory.listings.report import WriteReport
from directory.listings.writer import WriteOptions, write_listings
from directory.models import ServiceKind
from importers.records import (
    Cost,
    Dataset,
    Opening,
    OrganisationRecord,
    PhoneNumber,
    ServiceRecord,
    VenueRecord,
)

SOURCE = "fis-spreadsheet"
ORGANISATION = OrganisationRecord("netherton-parents", "Netherton Parents Group")
VENUE = VenueRecord("netherton-hall", "Netherton Community Hall", "DY2 0BH", city="Dudley")


def listing(key: str = "toy-library", **changes: Any) -> ServiceRecord:
    record = ServiceRecord(
        key=key,
        organisation=ORGANISATION.key,
        name="Netherton Toy Library",
        kind=ServiceKind.COMMUNITY_GROUP,
        summary="Borrow toys for free.",
        needs=("activities",),
        categories=("clubs-and-activities",),
        venues=(VENUE.key,),
        openings=(Opening(("TU",), time(9, 30), time(11, 30)),),
        phones=(PhoneNumber("01384 813322"),),
        costs=(Cost("Free", Decimal(0)),),
        minimum_age=0,
        maximum_age=5,
        url="https://example.org/toys",
    )
    return replace(record, **changes)


def dataset(*services: ServiceRecord) -> Dataset:
    return Dataset((ORGANISATION,), (VENUE,), services or (listing(),))


def write(data: Dataset, **options: Any) -> WriteReport:
    settings: dict[str, Any] = {"source": SOURCE, "actor": "tests", "apply": True}
    settings.update(options)
    return write_listings(
        data, current_app.extensions["council"], demo_geocoder(), WriteOptions(**settings)
    )


def row_counts() -> dict[str, int]:
    """Rows in every directory table (not postcodes, nor the record of jobs run, nor the
    search change log, which every commit adds to)."""
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
        if not table.name.startswith("postcode") and table.name not in {"job", "search_change"}
    }
