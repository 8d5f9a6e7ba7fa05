"""The directory as CSV in the import template, so an export imports again with no changes.

Each service gets a row per venue, plus a row with no venue when it has times or sessions
of its own. The service's columns are filled on its first row only. Cells that a
spreadsheet would run as a formula are made safe with a leading quote, which the reader
takes off again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from directory.listings.fields import TAXONOMY_FIELDS, location_key, stored_service_fields
from directory.models import Location, Service
from importers.cells import spreadsheet_safe
from importers.template import COLUMN_NAMES, PRACTITIONER_COLUMNS

_DAY_NAMES = {
    "MO": "Mon",
    "TU": "Tue",
    "WE": "Wed",
    "TH": "Thu",
    "FR": "Fri",
    "SA": "Sat",
    "SU": "Sun",
}


def write_template_csv(
    services: Iterable[Service], output: TextIO, *, for_public: bool = False
) -> int:
    """Write ``services`` to ``output``; returns how many services were written.

    ``for_public`` leaves the practitioners' columns empty (notes, criteria, their contact
    line), so an export anyone may read holds nothing meant for professionals only, and
    says nothing of where a refuge is (see :func:`_venue_columns`).
    """
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    hidden = PRACTITIONER_COLUMNS if for_public else frozenset()
    count = 0
    for service in services:
        count += 1
        for row in service_rows(service, for_public=for_public):
            writer.writerow(
                [
                    "" if name in hidden else spreadsheet_safe(row.get(name, ""))
                    for name in COLUMN_NAMES
                ]
            )
    return count


def service_rows(service: Service, *, for_public: bool = False) -> Iterator[dict[str, str]]:
    fields = stored_service_fields(service)
    venues = {location_key(link.location): link.location for link in service.locations}
    places: list[str | None] = list(venues)
    if not places or any(
        item["venue"] is None for item in (*fields["schedules"], *fields["sessions"])
    ):
        places.append(None)
    for number, place in enumerate(places):
        row = (
            _service_columns(service, fields)
            if number == 0
            else {"service_id": fields_key(service)}
        )
        row["opening_times"] = _openings(s for s in fields["schedules"] if s["venue"] == place)
        row["sessions"] = _sessions(s for s in fields["sessions"] if s["venue"] == place)
        if place is not None:
            row.update(_venue_columns(place, venues[place], for_public=for_public))
        yield row


def fields_key(service: Service) -> str:
    return service.external_id or service.id


def _service_columns(service: Service, fields: dict[str, Any]) -> dict[str, str]:
    organisation = service.organization
    return {
        "service_id": fields_key(service),
        "name": fields["name"],
        "organisation_id": fields["organisation"],
        "organisation_name": organisation.name,
        "organisation_description": organisation.description,
        "organisation_website": organisation.website or "",
        "organisation_email": organisation.email or "",
        "kind": fields["kind"],
        "status": fields["status"],
        "summary": fields["summary"],
        "description": fields["description"],
        "website": fields["url"] or "",
        "email": fields["email"] or "",
        "phone": _items((p["number"], p["description"]) for p in fields["phones"]),
        "contacts": _items(
            (c["title"], c["name"], c["email"] or "", c["phone"] or "") for c in fields["contacts"]
        ),
        "audience": fields["audience"],
        "referral_route": fields["referral_route"],
        "referral_url": fields["referral_url"] or "",
        "application_process": fields["application_process"],
        "eligibility": fields["eligibility_description"],
        "fees": fields["fees_description"],
        "professional_notes": fields["professional_notes"],
        "referral_criteria": fields["referral_criteria"],
        "professional_contact": fields["professional_contact"],
        "minimum_age": _number(fields["minimum_age"]),
        "maximum_age": _number(fields["maximum_age"]),
        **{name: "; ".join(fields[name]) for name in TAXONOMY_FIELDS},
        "languages": "; ".join(fields["languages"]),
        "delivery": "; ".join(fields["delivery_methods"]),
        "areas": _items((a["locality"] or a["scope"], a["description"]) for a in fields["areas"]),
        "cost": _items((c["option"], c["amount"] or "", c["description"]) for c in fields["costs"]),
        "assured_date": fields["assured_date"] or "",
        "review_interval_months": _number(fields["review_interval_months"]),
        "visible_from": fields["visible_from"] or "",
        "visible_to": fields["visible_to"] or "",
        "is_sample": "yes" if fields["is_sample"] else "",
    }


def _venue_columns(key: str, venue: Location, *, for_public: bool) -> dict[str, str]:
    """For anyone to read, a masked venue (a refuge) keeps its name and says it is masked,
    but leaves out its address, and is named by its own random row id: a source's id for it
    may be made of its address."""
    if for_public and venue.masked_address:
        return {
            "venue_id": venue.id,
            "venue_name": venue.name,
            "venue_description": venue.description,
            "masked_address": "yes",
        }
    return {
        "venue_id": key,
        "venue_name": venue.name,
        "venue_description": venue.description,
        "address_1": venue.address_1,
        "address_2": venue.address_2,
        "city": venue.city,
        "postcode": venue.postal_code or "",
        "accessibility": "; ".join(sorted(item.description for item in venue.accessibility)),
        "masked_address": "yes" if venue.masked_address else "",
    }


def _openings(schedules: Iterable[dict[str, Any]]) -> str:
    """Days with the same times, dates and note share one item: "Mon, Tue 09:00-17:00"."""
    grouped: dict[tuple[Any, ...], list[str]] = {}
    for s in schedules:
        key = (s["opens_at"], s["closes_at"], s["valid_from"], s["valid_to"], s["description"])
        grouped.setdefault(key, []).append(s["byday"])
    items = []
    for (opens, closes, valid_from, valid_to, note), days in grouped.items():
        order = sorted(days, key=list(_DAY_NAMES).index)
        parts = [f"{', '.join(_DAY_NAMES[d] for d in order)} {opens}-{closes}"]
        parts += [f"from {valid_from}"] if valid_from else []
        parts += [f"until {valid_to}"] if valid_to else []
        parts += [note] if note else []
        items.append(" | ".join(parts))
    return "; ".join(items)


def _sessions(sessions: Iterable[dict[str, Any]]) -> str:
    items = []
    for s in sessions:
        day, starts = s["starts_at"].split("T")
        parts = [f"{day} {starts[:5]}-{s['ends_at'].split('T')[1][:5]}"]
        parts += [f"places {s['places']}"] if s["places"] is not None else []
        parts += [f"book {s['booking_url']}"] if s["booking_url"] else []
        parts += [s["description"]] if s["description"] else []
        items.append(" | ".join(parts))
    return "; ".join(items)


def _items(rows: Iterable[tuple[str, ...]]) -> str:
    """Items joined by "; ", their parts by " | ", with empty trailing parts left off."""
    items = []
    for parts in rows:
        trimmed = list(parts)
        while len(trimmed) > 1 and not trimmed[-1]:
            trimmed.pop()
        items.append(" | ".join(trimmed))
    return "; ".join(items)


def _number(value: int | None) -> str:
    return "" if value is None else str(value)
