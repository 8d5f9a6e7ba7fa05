"""Plain records for the demonstration directory.

The hand-written seed listings and the sample generator both produce these; the loader
checks them and hands them to the write path. Keys become ``external_id`` with
``source="demo"``. Only the service differs from the write path's records: its last check
is a number of days before the load, so the demo always looks recently checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from directory.listings import records as listing_records
from directory.listings.records import (
    Area,
    ContactRecord,
    Cost,
    Opening,
    OrganisationRecord,
    PhoneNumber,
    SessionRecord,
    VenueRecord,
)
from directory.models import ServiceAreaScope

__all__ = [
    "BOROUGH",
    "DEMO_SOURCE",
    "LANGUAGE_NAMES",
    "REMOTE",
    "Area",
    "ContactRecord",
    "Cost",
    "DemoDataset",
    "DemoLoadError",
    "Opening",
    "OrganisationRecord",
    "PhoneNumber",
    "ServiceRecord",
    "SessionRecord",
    "VenueRecord",
]

DEMO_SOURCE = "demo"


class DemoLoadError(Exception):
    """The demo data could not be loaded; the message says why, and nothing was changed."""


LANGUAGE_NAMES = {
    "en": "English",
    "ur": "Urdu",
    "pa": "Punjabi",
    "pl": "Polish",
    "bn": "Bengali",
    "ar": "Arabic",
    "ro": "Romanian",
    "ku": "Kurdish",
    "bfi": "British Sign Language",
}
"""The languages demo listings are offered in, by the codes records use."""


BOROUGH = Area(ServiceAreaScope.BOROUGH, description="Families anywhere in Dudley borough")
REMOTE = Area(ServiceAreaScope.REMOTE, description="By phone or online")


@dataclass(frozen=True)
class ServiceRecord(listing_records.ServiceRecord):
    """One listing. Openings without a venue apply at each of its venues (or the service)."""

    checked_days_ago: int | None = None
    """How long before the load someone last checked it (becomes ``assured_date``)."""


DemoDataset = listing_records.Dataset
