"""Plain records of listings, as every way in hands them to the write path.

Keys are the source's own ids: they become ``external_id`` beside the batch's ``source``.
``origin`` says where a record came from ("Row 14"), so problems can be reported there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from directory.models import (
    Audience,
    DeliveryMethod,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
)
from importers.problems import Text


@dataclass(frozen=True)
class OrganisationRecord:
    key: str
    name: str
    description: str = ""
    website: str | None = None
    email: str | None = None
    origin: Text = field(default="", compare=False)


@dataclass(frozen=True)
class VenueRecord:
    """A venue, geocoded from its postcode by the write path."""

    key: str
    name: str
    postcode: str
    address_1: str = ""
    address_2: str = ""
    city: str = ""
    description: str = ""
    accessibility: tuple[str, ...] = ()
    masked_address: bool = False
    origin: Text = field(default="", compare=False)
    key_given: bool = True
    """False when the source gave no id: ``key`` then only ties the file's rows together,
    and the write path finds the stored venue by name and postcode or makes it a new id
    (see :mod:`directory.listings.venue_keys`)."""


@dataclass(frozen=True)
class Opening:
    """Weekly opening on ``days``, at ``venue`` (None: the service's own times, at no venue)."""

    days: tuple[str, ...]
    opens: time
    closes: time
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""
    venue: str | None = None


@dataclass(frozen=True)
class SessionRecord:
    starts_at: datetime
    ends_at: datetime
    venue: str | None = None
    places: int | None = None
    booking_url: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Cost:
    option: str
    amount: Decimal | None
    description: str = ""


@dataclass(frozen=True)
class PhoneNumber:
    number: str
    description: str = ""


@dataclass(frozen=True)
class ContactRecord:
    title: str
    name: str = ""
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Area:
    scope: ServiceAreaScope
    locality: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ServiceRecord:
    """One listing. Taxonomy fields hold codes from the council file; languages ISO codes."""

    key: str
    organisation: str
    name: str
    kind: ServiceKind
    summary: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
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
    referral_criteria: str = ""
    professional_contact: str = ""
    application_process: str = ""
    eligibility: str = ""
    fees: str = ""
    assured_date: date | None = None
    review_interval_months: int | None = None
    """How often it should be checked, in months; None: the council's default."""
    visible_from: date | None = None
    visible_to: date | None = None
    is_sample: bool = False
    origin: Text = field(default="", compare=False)


@dataclass(frozen=True)
class Dataset:
    """Everything one write brings: services with the organisations and venues they name."""

    organisations: tuple[OrganisationRecord, ...] = ()
    venues: tuple[VenueRecord, ...] = ()
    services: tuple[ServiceRecord, ...] = ()

    @classmethod
    def merged(cls, chunks: Iterable[Dataset]) -> Dataset:
        """One dataset of everything in ``chunks``, in order."""
        organisations: list[OrganisationRecord] = []
        venues: list[VenueRecord] = []
        services: list[ServiceRecord] = []
        for chunk in chunks:
            organisations.extend(chunk.organisations)
            venues.extend(chunk.venues)
            services.extend(chunk.services)
        return cls(tuple(organisations), tuple(venues), tuple(services))
