"""The public directory as Open Referral UK 3.0 JSON: one page holding every service.

Ids are the directory's own UUIDs; rows that have none of their own (taxonomy links,
addresses, phones) get UUIDs derived from their owner's, so the same data always exports
the same. Masked venues (refuges) keep their name only: no address, postcode or position.
Fields ORUK does not define (kind, audience, referral route) are left out; HSDS 3.0 fields
the UK profile omits but allows (phones, eligibility) are included.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from directory.council import Council
from directory.models import Location, Organization, Service, ServiceAtLocation, TaxonomyTerm

_NAMESPACE = uuid.UUID("6f1c8f5e-2b7a-4d8e-9a51-3c0b7f2e9d14")


def oruk_page(services: Iterable[Service], council: Council) -> dict[str, Any]:
    contents = [oruk_service(service, council) for service in services]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _derived(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _without_nones(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def oruk_timestamp(moment: datetime) -> str:
    """A date-time in UTC with millisecond accuracy, as ORUK asks ("...T10:30:45.123Z").
    SQLite gives back naive datetimes; every one the app writes is in UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def oruk_organization(organisation: Organization) -> dict[str, Any]:
    """An organisation's one-to-one fields."""
    return _without_nones(
        {
            "id": organisation.id,
            "name": organisation.name,
            "description": organisation.description,
            "website": organisation.website,
            "email": organisation.email,
        }
    )


def oruk_service_summary(service: Service) -> dict[str, Any]:
    """A service's one-to-one fields and its organisation: an item of a ``/services`` page
    (``compiled/service_list.json``). ``fees`` (deprecated in HSDS 3.0, still read by UK
    consumers) repeats ``fees_description``; both say what the cost options say when the
    listing has no words of its own about fees."""
    fees = service.fees_description or _costs_in_words(service) or None
    return _without_nones(
        {
            "id": service.id,
            "organization_id": service.organization_id,
            "name": service.name,
            "description": "\n\n".join(p for p in (service.summary, service.description) if p),
            "url": service.url,
            "email": service.email,
            "status": service.status.value,
            "fees": fees,
            "fees_description": fees,
            "eligibility_description": service.eligibility_description or None,
            "application_process": service.application_process or None,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "last_modified": oruk_timestamp(service.updated_at) if service.updated_at else None,
            "organization": oruk_organization(service.organization),
        }
    )


def _costs_in_words(service: Service) -> str:
    """ "Free; £2.50 per session (siblings half price)": each cost option in a few words."""
    items = []
    for cost in service.cost_options:
        price = None
        if cost.amount is not None:
            price = "Free" if cost.amount == 0 else f"£{cost.amount:.2f}"
        words = list(dict.fromkeys(p for p in (price, cost.option) if p))
        item = ", ".join(words)
        if cost.amount_description and cost.amount_description not in words:
            item = f"{item} ({cost.amount_description})" if item else cost.amount_description
        if item:
            items.append(item)
    return "; ".join(dict.fromkeys(items))


def oruk_service(service: Service, council: Council, *, contacts: bool = True) -> dict[str, Any]:
    """A service in full. ``contacts=False`` leaves out its named contacts, which the family
    site never shows (a person's name and address are personal data): the API's choice."""
    full = {
        **oruk_service_summary(service),
        "phones": [
            {
                "id": phone.id,
                "service_id": service.id,
                "number": phone.number,
                "description": phone.description,
            }
            for phone in service.phones
        ],
        "contacts": [
            _without_nones(
                {
                    "id": c.id,
                    "service_id": service.id,
                    "name": c.name,
                    "title": c.title,
                    "email": c.email,
                }
            )
            for c in service.contacts
        ],
        "schedules": [_schedule(s, service_id=service.id) for s in service.schedules],
        "service_areas": [
            {
                "id": area.id,
                "service_id": service.id,
                "name": area.locality or area.scope.value,
                "description": area.description,
            }
            for area in service.service_areas
        ],
        "service_at_locations": [_at_location(link, council) for link in service.locations],
        "languages": [
            {
                "id": language.id,
                "service_id": service.id,
                "name": language.name,
                "code": language.code,
            }
            for language in service.languages
        ],
        "cost_options": [
            _without_nones(
                {
                    "id": cost.id,
                    "service_id": service.id,
                    "option": cost.option,
                    "amount": None if cost.amount is None else float(cost.amount),
                    "amount_description": cost.amount_description,
                }
            )
            for cost in service.cost_options
        ],
        "attributes": [
            {
                "id": _derived(service.id, term.id),
                "link_id": service.id,
                "link_type": term.scheme,
                "taxonomy_term_id": term.id,
                "taxonomy_term": oruk_taxonomy_term(term),
            }
            for term in sorted(service.taxonomy_terms, key=lambda t: (t.scheme, t.code))
        ],
    }
    if not contacts:
        del full["contacts"]
    return full


def taxonomy_id(scheme: str) -> str:
    """The id of one of the council's schemes (need, category, ...) as an ORUK taxonomy:
    derived from its name, so it never changes."""
    return _derived("taxonomy", scheme)


def oruk_taxonomy(scheme: str, council: Council) -> dict[str, Any]:
    return {
        "id": taxonomy_id(scheme),
        "name": scheme,
        "description": f"{council.service_name}: {scheme} terms",
        "version": "1",
    }


def oruk_taxonomy_term(term: TaxonomyTerm) -> dict[str, Any]:
    return {
        "id": term.id,
        "name": term.name,
        "description": term.description,
        "taxonomy": term.scheme,
        "taxonomy_id": taxonomy_id(term.scheme),
        "term": term.code,
    }


def oruk_service_at_location(
    link: ServiceAtLocation, council: Council, *, full: bool = False, contacts: bool = True
) -> dict[str, Any]:
    """A service at a venue, with the service's and the venue's one-to-one fields, or
    (``full``) the whole service and the venue's address."""
    service = (
        oruk_service(link.service, council, contacts=contacts)
        if full
        else oruk_service_summary(link.service)
    )
    if full:
        service.pop("service_at_locations", None)
    location = _location(link.location, council) if full else _location_summary(link.location)
    return {
        "id": link.id,
        "service_id": link.service_id,
        "location_id": link.location_id,
        "location": location,
        "service": service,
    }


def _schedule(schedule: Any, **owner: str) -> dict[str, Any]:
    return _without_nones(
        {
            "id": schedule.id,
            **owner,
            "freq": "WEEKLY",
            "byday": schedule.byday,
            "opens_at": schedule.opens_at.strftime("%H:%M"),
            "closes_at": schedule.closes_at.strftime("%H:%M"),
            "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
            "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
            "description": schedule.description or None,
        }
    )


def _at_location(link: ServiceAtLocation, council: Council) -> dict[str, Any]:
    return {
        "id": link.id,
        "service_id": link.service_id,
        "location_id": link.location_id,
        "schedules": [_schedule(s, service_at_location_id=link.id) for s in link.schedules],
        "location": _location(link.location, council),
    }


def _location_summary(location: Location) -> dict[str, Any]:
    """A venue's one-to-one fields; a masked venue (a refuge) keeps its name only."""
    if location.masked_address:
        return {"id": location.id, "location_type": "physical", "name": location.name}
    return _without_nones(
        {
            "id": location.id,
            "location_type": "physical",
            "name": location.name,
            "description": location.description or None,
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    )


def _location(location: Location, council: Council) -> dict[str, Any]:
    if location.masked_address:
        return {"id": location.id, "location_type": "physical", "name": location.name}
    return _without_nones(
        {
            "id": location.id,
            "location_type": "physical",
            "name": location.name,
            "description": location.description,
            "latitude": location.latitude,
            "longitude": location.longitude,
            "addresses": [
                {
                    "id": _derived(location.id, "address"),
                    "location_id": location.id,
                    "address_1": location.address_1,
                    "city": location.city,
                    "state_province": council.area_name,
                    "postal_code": location.postal_code or "",
                    "country": "GB",
                    "address_type": "physical",
                }
            ],
            "accessibility": [
                {"id": item.id, "location_id": location.id, "description": item.description}
                for item in location.accessibility
            ],
        }
    )
