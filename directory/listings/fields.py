"""Listings as flat dicts of JSON values: the one form that is compared, audited and restored.

A record and a stored row both become a dict of field name -> JSON value (dates as ISO
text, child rows as sorted lists of dicts), so "what changed" is a comparison of two dicts,
the audit trail keeps old and new values as they are, and a rollback sets old values back
through the same setters an import uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from directory.listings.geocoding import Point
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
)
from directory.models.enums import (
    Audience,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
)
from importers.records import (
    OrganisationRecord,
    ServiceRecord,
    VenueRecord,
)

Fields = dict[str, Any]

TAXONOMY_FIELDS = {
    "categories": "category",
    "needs": "need",
    "levels": "level",
    "circumstances": "circumstance",
}
ORGANISATION_FIELDS = ("name", "description", "website", "email")
VENUE_FIELDS = (
    "name",
    "description",
    "address_1",
    "address_2",
    "city",
    "postal_code",
    "masked_address",
    "accessibility",
    "latitude",
    "longitude",
    "easting",
    "northing",
    "locality",
)
"""The last five follow from the postcode; they are kept so a rollback needs no lookup."""
_SERVICE_TEXT = (
    "name",
    "summary",
    "description",
    "url",
    "email",
    "referral_url",
    "professional_notes",
    "referral_criteria",
    "professional_contact",
    "application_process",
    "eligibility_description",
    "fees_description",
)
_SERVICE_ENUMS: dict[str, type] = {
    "status": ServiceStatus,
    "kind": ServiceKind,
    "audience": Audience,
    "referral_route": ReferralRoute,
}
_SERVICE_DATES = ("assured_date", "visible_from", "visible_to")
_SERVICE_NUMBERS = ("minimum_age", "maximum_age", "review_interval_months")
SERVICE_FIELDS = (
    *_SERVICE_TEXT,
    *_SERVICE_ENUMS,
    "minimum_age",
    "maximum_age",
    "delivery_methods",
    *_SERVICE_DATES,
    "review_interval_months",
    "is_sample",
    "organisation",
    *TAXONOMY_FIELDS,
    "venues",
    "schedules",
    "sessions",
    "phones",
    "contacts",
    "costs",
    "languages",
    "areas",
)


def _iso(value: date | datetime | time | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value.isoformat()


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else str(Decimal(amount).quantize(Decimal("0.01")))


def _sorted(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: [str(row[key]) for key in sorted(row)])


def organisation_fields(record: OrganisationRecord) -> Fields:
    return {
        "name": record.name,
        "description": record.description,
        "website": record.website,
        "email": record.email,
    }


def stored_organisation_fields(row: Organization) -> Fields:
    return {name: getattr(row, name) for name in ORGANISATION_FIELDS}


def venue_fields(record: VenueRecord, point: Point, locality: str | None) -> Fields:
    """A masked venue (a refuge) keeps no coordinates, so distances cannot give it away."""
    shown = not record.masked_address
    return {
        "name": record.name,
        "description": record.description,
        "address_1": record.address_1,
        "address_2": record.address_2,
        "city": record.city,
        "postal_code": point.postcode,
        "masked_address": record.masked_address,
        "accessibility": sorted(record.accessibility),
        "latitude": point.latitude if shown else None,
        "longitude": point.longitude if shown else None,
        "easting": point.easting if shown else None,
        "northing": point.northing if shown else None,
        "locality": locality,
    }


COORDINATES = ("latitude", "longitude", "easting", "northing")
_PLACE = ("address_1", "address_2", "city", "postal_code", "masked_address")


def placed_elsewhere(stored: Fields, new: Fields) -> bool:
    """Whether a stored venue moves: its address or postcode changed, or it has no point yet.

    Otherwise it keeps its stored coordinates exactly, so saving a venue unchanged never
    rewrites them from a postcode table of another precision.
    """
    if any(stored.get(name) != new.get(name) for name in _PLACE):
        return True
    return new.get("latitude") is not None and stored.get("latitude") is None


def stored_venue_fields(row: Location) -> Fields:
    fields = {name: getattr(row, name) for name in VENUE_FIELDS if name != "accessibility"}
    fields["accessibility"] = sorted(item.description for item in row.accessibility)
    return fields


def service_fields(record: ServiceRecord) -> Fields:
    schedules = [
        {
            "venue": opening.venue,
            "byday": day,
            "opens_at": _iso(opening.opens),
            "closes_at": _iso(opening.closes),
            "valid_from": _iso(opening.valid_from),
            "valid_to": _iso(opening.valid_to),
            "description": opening.note,
        }
        for opening in record.openings
        for day in opening.days
    ]
    return {
        "name": record.name,
        "summary": record.summary,
        "description": record.description,
        "url": record.url,
        "email": record.email,
        "referral_url": record.referral_url,
        "professional_notes": record.professional_notes,
        "referral_criteria": record.referral_criteria,
        "professional_contact": record.professional_contact,
        "application_process": record.application_process,
        "eligibility_description": record.eligibility,
        "fees_description": record.fees,
        "status": record.status.value,
        "kind": record.kind.value,
        "audience": record.audience.value,
        "referral_route": record.referral_route.value,
        "minimum_age": record.minimum_age,
        "maximum_age": record.maximum_age,
        "delivery_methods": [method.value for method in record.delivery],
        "assured_date": _iso(record.assured_date),
        "review_interval_months": record.review_interval_months,
        "visible_from": _iso(record.visible_from),
        "visible_to": _iso(record.visible_to),
        "is_sample": record.is_sample,
        "organisation": record.organisation,
        **{name: sorted(set(getattr(record, name))) for name in TAXONOMY_FIELDS},
        "venues": list(dict.fromkeys(record.venues)),
        "schedules": _sorted(schedules),
        "sessions": _sorted(
            {
                "venue": session.venue,
                "starts_at": _iso(session.starts_at),
                "ends_at": _iso(session.ends_at),
                "places": session.places,
                "booking_url": session.booking_url,
                "description": session.description,
            }
            for session in record.sessions
        ),
        "phones": _sorted(
            {"number": phone.number, "description": phone.description} for phone in record.phones
        ),
        "contacts": _sorted(
            {"title": c.title, "name": c.name, "email": c.email, "phone": c.phone}
            for c in record.contacts
        ),
        "costs": _sorted(
            {"option": c.option, "amount": _money(c.amount), "description": c.description}
            for c in record.costs
        ),
        "languages": sorted(set(record.languages)),
        "areas": _sorted(
            {"scope": a.scope.value, "locality": a.locality, "description": a.description}
            for a in record.areas
        ),
    }


def location_key(location: Location) -> str:
    """How a service's fields name a venue: its source's id, else its own."""
    return location.external_id or location.id


def stored_service_fields(row: Service) -> Fields:
    fields: Fields = {name: getattr(row, name) for name in _SERVICE_TEXT}
    fields.update({name: getattr(row, name).value for name in _SERVICE_ENUMS})
    fields.update({name: _iso(getattr(row, name)) for name in _SERVICE_DATES})
    schedules = [(None, s) for s in row.schedules] + [
        (location_key(link.location), s) for link in row.locations for s in link.schedules
    ]
    fields.update(
        {
            "minimum_age": row.minimum_age,
            "maximum_age": row.maximum_age,
            "review_interval_months": row.review_interval_months,
            "delivery_methods": list(row.delivery_methods),
            "is_sample": row.is_sample,
            "organisation": row.organization.external_id or row.organization.id,
            **{
                name: sorted(term.code for term in row.taxonomy_terms if term.scheme == scheme)
                for name, scheme in TAXONOMY_FIELDS.items()
            },
            "venues": [location_key(link.location) for link in row.locations],
            "schedules": _sorted(
                {
                    "venue": venue,
                    "byday": s.byday,
                    "opens_at": _iso(s.opens_at),
                    "closes_at": _iso(s.closes_at),
                    "valid_from": _iso(s.valid_from),
                    "valid_to": _iso(s.valid_to),
                    "description": s.description,
                }
                for venue, s in schedules
            ),
            "sessions": _sorted(
                {
                    "venue": location_key(s.location) if s.location else None,
                    "starts_at": _iso(s.starts_at),
                    "ends_at": _iso(s.ends_at),
                    "places": s.places,
                    "booking_url": s.booking_url,
                    "description": s.description,
                }
                for s in row.sessions
            ),
            "phones": _sorted(
                {"number": p.number, "description": p.description} for p in row.phones
            ),
            "contacts": _sorted(
                {"title": c.title, "name": c.name, "email": c.email, "phone": c.phone}
                for c in row.contacts
            ),
            "costs": _sorted(
                {
                    "option": c.option,
                    "amount": _money(c.amount),
                    "description": c.amount_description,
                }
                for c in row.cost_options
            ),
            "languages": sorted({language.code for language in row.languages}),
            "areas": _sorted(
                {"scope": a.scope.value, "locality": a.locality, "description": a.description}
                for a in row.service_areas
            ),
        }
    )
    return fields


def differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Field -> [old, new] for every field whose value differs."""
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


@dataclass
class Resolver:
    """Finds the rows that fields name by key: organisations, venues, terms, languages."""

    organisation: Callable[[str], Organization]
    venue: Callable[[str], Location]
    term: Callable[[str, str], TaxonomyTerm]
    language_name: Callable[[str], str]


def set_organisation_fields(row: Organization, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        setattr(row, name, value)


def set_venue_fields(row: Location, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        if name == "accessibility":
            row.accessibility = [Accessibility(description=text) for text in value]
        else:
            setattr(row, name, value)


def set_service_fields(row: Service, fields: Mapping[str, Any], resolve: Resolver) -> None:
    """Set each given field on ``row``; child rows of a changed field are replaced."""
    for name, value in fields.items():
        if name in _SERVICE_TEXT or name in _SERVICE_NUMBERS or name == "is_sample":
            setattr(row, name, value)
        elif name in _SERVICE_ENUMS:
            setattr(row, name, _SERVICE_ENUMS[name](value))
        elif name in _SERVICE_DATES:
            setattr(row, name, None if value is None else date.fromisoformat(value))
        elif name == "delivery_methods":
            row.delivery_methods = list(value)
        elif name == "organisation":
            row.organization = resolve.organisation(value)
        elif name in TAXONOMY_FIELDS:
            scheme = TAXONOMY_FIELDS[name]
            kept = [term for term in row.taxonomy_terms if term.scheme != scheme]
            row.taxonomy_terms = kept + [resolve.term(scheme, code) for code in value]
        elif name in _CHILD_SETTERS:
            _CHILD_SETTERS[name](row, value, resolve)
        else:
            raise KeyError(f"unknown service field {name!r}")


def _set_venues(row: Service, keys: list[str], resolve: Resolver) -> None:
    """Keep the pairings (and their opening times) of venues that stay."""
    by_key = {location_key(link.location): link for link in row.locations}
    row.locations = [
        by_key.get(key) or ServiceAtLocation(location=resolve.venue(key)) for key in keys
    ]


def _set_schedules(row: Service, values: list[dict[str, Any]], resolve: Resolver) -> None:
    links = {location_key(link.location): link for link in row.locations}
    for link in links.values():
        link.schedules = []
    row.schedules = []
    for value in values:
        schedule = Schedule(
            byday=value["byday"],
            opens_at=time.fromisoformat(value["opens_at"]),
            closes_at=time.fromisoformat(value["closes_at"]),
            valid_from=_date(value["valid_from"]),
            valid_to=_date(value["valid_to"]),
            description=value["description"],
        )
        if value["venue"] is None:
            row.schedules.append(schedule)
        else:
            links[value["venue"]].schedules.append(schedule)


def _set_sessions(row: Service, values: list[dict[str, Any]], resolve: Resolver) -> None:
    row.sessions = [
        DatedSession(
            starts_at=datetime.fromisoformat(v["starts_at"]),
            ends_at=datetime.fromisoformat(v["ends_at"]),
            location=resolve.venue(v["venue"]) if v["venue"] else None,
            places=v["places"],
            booking_url=v["booking_url"],
            description=v["description"],
        )
        for v in values
    ]


def _set_phones(row: Service, values: list[dict[str, Any]], _resolve: Resolver) -> None:
    row.phones = [Phone(number=v["number"], description=v["description"]) for v in values]


def _set_contacts(row: Service, values: list[dict[str, Any]], _resolve: Resolver) -> None:
    row.contacts = [
        Contact(title=v["title"], name=v["name"], email=v["email"], phone=v["phone"])
        for v in values
    ]


def _set_costs(row: Service, values: list[dict[str, Any]], _resolve: Resolver) -> None:
    row.cost_options = [
        CostOption(
            option=v["option"],
            amount=None if v["amount"] is None else Decimal(v["amount"]),
            amount_description=v["description"],
        )
        for v in values
    ]


def _set_languages(row: Service, codes: list[str], resolve: Resolver) -> None:
    row.languages = [Language(code=code, name=resolve.language_name(code)) for code in codes]


def _set_areas(row: Service, values: list[dict[str, Any]], _resolve: Resolver) -> None:
    row.service_areas = [
        ServiceArea(
            scope=ServiceAreaScope(v["scope"]), locality=v["locality"], description=v["description"]
        )
        for v in values
    ]


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


_CHILD_SETTERS: dict[str, Callable[[Service, Any, Resolver], None]] = {
    "venues": _set_venues,
    "schedules": _set_schedules,
    "sessions": _set_sessions,
    "phones": _set_phones,
    "contacts": _set_contacts,
    "costs": _set_costs,
    "languages": _set_languages,
    "areas": _set_areas,
}
