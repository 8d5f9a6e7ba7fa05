"""A listing as a result card reads it: plain values, no ORM object.

A results page shows twenty listings, and loading them as ORM objects (a ``Service`` with
its organisation, venues, phones, prices, schedules, sessions, areas and terms) cost a
third of a page seen for the first time, far more than its SQL. ``CardListing`` holds
only what a card (either door's) and the page around it read, under the names the ORM
model gives them, so the presenters of facts (``directory.presenters.facts``) read either;
``directory.queries.cards`` builds it from plain rows, once per listing per index
generation.

It holds no venue's address beyond its town and locality, and whether the address is
masked (a refuge's): a card never names more. What only practitioners see (referral
route, criteria, their contact line, notes) is here as it is on the ORM model; only the
practitioners' presenters read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from directory.models.enums import Audience, ReferralRoute, ServiceAreaScope, ServiceStatus
from directory.models.schedule import WEEKDAYS, weekly_applies_on


@dataclass(frozen=True, slots=True)
class CardSchedule:
    """Weekly opening, as ``Schedule``."""

    byday: str
    opens_at: time
    closes_at: time
    valid_from: date | None
    valid_to: date | None

    @property
    def weekday_index(self) -> int:
        return WEEKDAYS.index(self.byday)

    def applies_on(self, day: date) -> bool:
        return weekly_applies_on(self.byday, self.valid_from, self.valid_to, day)


@dataclass(frozen=True, slots=True)
class CardSession:
    """A dated session, as ``DatedSession``."""

    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class CardVenue:
    """What a card may say of a venue: its town or locality, and whether it is masked."""

    city: str
    locality: str | None
    masked_address: bool


@dataclass(frozen=True, slots=True)
class CardLink:
    """A venue of the listing and its opening there, as ``ServiceAtLocation``."""

    location: CardVenue
    schedules: tuple[CardSchedule, ...]


@dataclass(frozen=True, slots=True)
class CardPhone:
    number: str
    description: str


@dataclass(frozen=True, slots=True)
class CardCost:
    """A price, as ``CostOption`` (``is_funded_hours`` worked out when it is built)."""

    option: str
    amount: Decimal | None
    amount_description: str
    is_funded_hours: bool


@dataclass(frozen=True, slots=True)
class CardArea:
    scope: ServiceAreaScope
    locality: str | None


@dataclass(frozen=True, slots=True)
class CardTerm:
    scheme: str
    code: str
    name: str


@dataclass(frozen=True, eq=False, slots=True, weakref_slot=True)
class CardListing:
    """One listing's card values. Told apart by identity (``eq=False``): the words worked
    out for a card are kept beside the object (``directory.presenters.lasting``)."""

    id: str
    name: str
    organisation: str
    summary: str
    status: ServiceStatus
    audience: Audience
    visible_from: date | None
    visible_to: date | None
    delivery_methods: tuple[str, ...]
    minimum_age: int | None
    maximum_age: int | None
    assured_date: date | None
    review_interval_months: int | None
    is_sample: bool
    referral_route: ReferralRoute
    referral_url: str | None
    referral_criteria: str
    professional_contact: str
    professional_notes: str
    locations: tuple[CardLink, ...]
    schedules: tuple[CardSchedule, ...]
    sessions: tuple[CardSession, ...]
    """In order of their start, as ``Service.sessions``."""
    phones: tuple[CardPhone, ...]
    cost_options: tuple[CardCost, ...]
    service_areas: tuple[CardArea, ...]
    taxonomy_terms: tuple[CardTerm, ...]

    def terms(self, scheme: str) -> list[CardTerm]:
        return [term for term in self.taxonomy_terms if term.scheme == scheme]

    @property
    def offers_funded_hours(self) -> bool:
        """Takes funded childcare hours, as ``Service.offers_funded_hours``."""
        return any(option.is_funded_hours for option in self.cost_options)
