"""Plain records for the demonstration directory.

The hand-written seed listings and the sample generator both produce these; the loader
checks them and hands them to the write path. Keys become ``external_id`` with
``source="demo"``. Only the service differs from the write path's records: its last check
is a number of days before the load, so the demo always looks recently checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
from directory.models import (
    Audience,
    DeliveryMethod,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
)

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
class ServiceRecord:
    """One listing. Taxonomy fields hold codes from the council file."""

    key: str
    organisation: str
    name: str
    kind: ServiceKind
    summary: str
    description: str
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    levels: tuple[str, ...]
    circumstances: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()
    openings: tuple[Opening, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    phones: tuple[PhoneNumber, ...] = ()
    contacts: tuple[ContactRecord, ...] = ()
    costs: tuple[Cost, ...] = ()
    areas: tuple[Area, ...] = ()
    languages: tuple[str, ...] = ()
    delivery: tuple[DeliveryMethod, ...] = (DeliveryMethod.IN_PERSON,)
    minimum_age: int | None = None
    maximum_age: int | None = None
    url: str | None = None
    email: str | None = None
    status: ServiceStatus = ServiceStatus.ACTIVE
    audience: Audience = Audience.PUBLIC
    referral_route: ReferralRoute = ReferralRoute.SELF
    referral_url: str | None = None
    professional_notes: str = ""
    application_process: str = ""
    eligibility: str = ""
    fees: str = ""
    checked_days_ago: int | None = None
    """How long before the load someone last checked it (becomes ``assured_date``)."""
    visible_from: date | None = None
    visible_to: date | None = None
    is_sample: bool = False


@dataclass(frozen=True)
class DemoDataset:
    organisations: tuple[OrganisationRecord, ...]
    venues: tuple[VenueRecord, ...]
    services: tuple[ServiceRecord, ...]

    def __add__(self, other: DemoDataset) -> DemoDataset:
        return DemoDataset(
            self.organisations + other.organisations,
            self.venues + other.venues,
            self.services + other.services,
        )
