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
from typing import Any

from directory.council import Council
from directory.models import Location, Service, ServiceAtLocation

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


def oruk_service(service: Service, council: Council) -> dict[str, Any]:
    organisation = service.organization
    return _without_nones(
        {
            "id": service.id,
            "organization_id": organisation.id,
            "name": service.name,
            "description": "\n\n".join(p for p in (service.summary, service.description) if p),
            "url": service.url,
            "email": service.email,
            "status": service.status.value,
            "fees_description": service.fees_description or None,
            "eligibility_description": service.eligibility_description or None,
            "application_process": service.application_process or None,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "last_modified": service.updated_at.isoformat() if service.updated_at else None,
            "organization": _without_nones(
                {
                    "id": organisation.id,
                    "name": organisation.name,
                    "description": organisation.description,
                    "website": organisation.website,
                    "email": organisation.email,
                }
            ),
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
                    "taxonomy_term": {
                        "id": term.id,
                        "name": term.name,
                        "description": term.description,
                        "taxonomy": term.scheme,
                        "term": term.code,
                    },
                }
                for term in sorted(service.taxonomy_terms, key=lambda t: (t.scheme, t.code))
            ],
        }
    )


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
