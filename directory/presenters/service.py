"""Shaping services for templates: words and links, not database rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from directory.council import Council
from directory.council_language import english
from directory.i18n import page_locale
from directory.links import shown_link
from directory.listings.languages import spoken_language_name
from directory.models import (
    DeliveryMethod,
    Location,
    ReferralRoute,
    Schedule,
    Service,
)
from directory.models.schedule import WEEKDAYS
from directory.names import DAY_NAMES
from directory.page_text import gettext, lazy_gettext
from directory.presenters.facts import (
    PhoneLink,
    area_words,
    next_opening,
    out_of_date_notice,
    phone_links,
    where,
)
from directory.presenters.formatting import (
    age_range,
    cost_lines,
    day_month_year,
    long_date,
    time_range,
)

DELIVERY_NAMES = {
    DeliveryMethod.IN_PERSON: lazy_gettext("In person"),
    DeliveryMethod.PHONE: lazy_gettext("By phone"),
    DeliveryMethod.ONLINE: lazy_gettext("Online"),
    DeliveryMethod.OUTREACH: lazy_gettext("At your home or in the community"),
}

REFERRAL_WORDS = {
    ReferralRoute.SELF: lazy_gettext("You can contact this service yourself."),
    ReferralRoute.PROFESSIONAL: lazy_gettext(
        "A professional, such as a teacher, health visitor or family support worker, "
        "needs to refer you."
    ),
    ReferralRoute.BOTH: lazy_gettext(
        "You can contact this service yourself, or a professional can refer you."
    ),
}

UPCOMING_SESSIONS_SHOWN = 12


@dataclass(frozen=True)
class OpeningRow:
    day: str
    times: str
    note: str


@dataclass(frozen=True)
class Venue:
    name: str
    address_lines: list[str]
    masked: bool
    map_url: str | None
    accessibility: list[str]
    opening: list[OpeningRow]


@dataclass(frozen=True)
class SessionRow:
    date: str
    times: str
    venue: str | None
    places: int | None
    booking_url: str | None


@dataclass(frozen=True)
class ServicePage:
    id: str
    name: str
    organisation: str
    summary: str
    description: str
    ages: str
    eligibility: str
    application_process: str
    referral: str
    referral_url: str | None
    where: str
    """The address when there is one venue, else the towns or the areas covered."""
    when: str
    """When it is next open, or its next session."""
    cost: list[str]
    opening: list[OpeningRow]
    venues: list[Venue]
    sessions: list[SessionRow]
    phones: list[PhoneLink]
    website: str | None
    email: str | None
    last_checked: str | None
    out_of_date: str | None
    """Said when the listing is overdue for a check (see :mod:`directory.review`)."""
    languages: list[str]
    needs: list[str]
    delivery: list[str]
    areas: list[str]
    is_sample: bool
    sensitive: bool


def service_page(service: Service, council: Council, now: datetime) -> ServicePage:
    today = now.date()
    return ServicePage(
        id=service.id,
        name=service.name,
        organisation=service.organization.name,
        summary=service.summary,
        description=service.description,
        ages=age_range(service.minimum_age, service.maximum_age),
        eligibility=service.eligibility_description,
        application_process=service.application_process,
        referral=str(REFERRAL_WORDS[service.referral_route]),
        referral_url=shown_link(service.referral_url),
        where=_where(service, council),
        when=next_opening(service, now),
        cost=cost_lines(service.cost_options),
        opening=opening_rows(service.schedules, today),
        venues=[
            _venue(link.location, opening_rows(link.schedules, today)) for link in service.locations
        ],
        sessions=_upcoming_sessions(service, today),
        phones=phone_links(service),
        website=shown_link(service.url),
        email=service.email,
        last_checked=day_month_year(service.assured_date) if service.assured_date else None,
        out_of_date=out_of_date_notice(service, council, today),
        languages=sorted(
            spoken_language_name(language.code, language.name, page_locale())
            for language in service.languages
        ),
        needs=term_labels(service, "need", council),
        delivery=[str(DELIVERY_NAMES[DeliveryMethod(m)]) for m in service.delivery_methods],
        areas=[area_words(area, council) for area in service.service_areas],
        is_sample=service.is_sample,
        sensitive=any(
            (term.scheme, term.code) in council.sensitive_codes for term in service.taxonomy_terms
        ),
    )


def _where(service: Service, council: Council) -> str:
    venues = [link.location for link in service.locations]
    if len(venues) == 1 and not venues[0].masked_address and venues[0].address_lines:
        return english(", ".join(venues[0].address_lines))
    return where(service, council)


def opening_rows(schedules: list[Schedule], today: date) -> list[OpeningRow]:
    """Weekly opening in weekday order, leaving out times that have ended."""
    current = [s for s in schedules if s.valid_to is None or s.valid_to >= today]
    current.sort(key=lambda s: (WEEKDAYS.index(s.byday), s.opens_at))
    return [
        OpeningRow(
            day=str(DAY_NAMES[s.byday]),
            times=time_range(s.opens_at, s.closes_at),
            note=_validity(s, today) or s.description,
        )
        for s in current
    ]


def _validity(schedule: Schedule, today: date) -> str:
    if schedule.valid_from and schedule.valid_from > today:
        return gettext("From %(date)s", date=long_date(schedule.valid_from))
    if schedule.valid_to:
        return gettext("Until %(date)s", date=long_date(schedule.valid_to))
    return ""


def _venue(location: Location, opening: list[OpeningRow]) -> Venue:
    masked = location.masked_address
    return Venue(
        name=location.name,
        address_lines=[] if masked else location.address_lines,
        masked=masked,
        map_url=None if masked else _map_url(location),
        accessibility=[item.description for item in location.accessibility],
        opening=opening,
    )


def _map_url(location: Location) -> str | None:
    """A link to OpenStreetMap (a link only: the page itself loads nothing from there)."""
    if location.latitude is None or location.longitude is None:
        return None
    lat, lon = round(location.latitude, 5), round(location.longitude, 5)
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def _upcoming_sessions(service: Service, today: date) -> list[SessionRow]:
    upcoming = [s for s in service.sessions if s.starts_at.date() >= today]
    return [
        SessionRow(
            date=long_date(s.starts_at.date()),
            times=time_range(s.starts_at.time(), s.ends_at.time()),
            venue=s.location.name if s.location else None,
            places=s.places,
            booking_url=shown_link(s.booking_url),
        )
        for s in upcoming[:UPCOMING_SESSIONS_SHOWN]
    ]


def term_labels(service: Service, scheme: str, council: Council) -> list[str]:
    """The listing's terms of ``scheme`` ("need", "category", ...) as the council names them
    in the page's language; a term the council file no longer has, by the listing's name."""
    labels = []
    for stored in service.terms(scheme):
        term = council.term(scheme, stored.code)
        labels.append(term.label if term else stored.name)
    return labels
