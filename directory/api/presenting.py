"""What the API sends: the ORUK page envelope, tombstones, and the API's own description."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from directory.council import Council
from directory.exports.oruk_json import oruk_service_summary, oruk_timestamp
from directory.models import Service, ServiceStatus

ORUK_VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://openreferraluk.org/developers/schemata/3.0"
LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
TOMBSTONE_NAME = "Not listed"
"""The name a tombstone carries: a withdrawn listing's own name is not repeated, so a
listing an editor made and never published says nothing of itself."""


def envelope(
    contents: Sequence[dict[str, Any]], *, total: int, page: int, per_page: int
) -> dict[str, Any]:
    """The ORUK page: counts first, then this page's items."""
    total_pages = max(1, -(-total // per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": list(contents),
    }


def tombstone(service: Service) -> dict[str, Any]:
    """A public listing no longer shown, for a harvester to drop: its id, its status
    (an active listing out of its season reads "temporarily closed") and when it changed."""
    status = (
        ServiceStatus.TEMPORARILY_CLOSED
        if service.status == ServiceStatus.ACTIVE
        else service.status
    )
    item = {"id": service.id, "name": TOMBSTONE_NAME, "status": status.value}
    if service.updated_at is not None:
        item["last_modified"] = oruk_timestamp(service.updated_at)
    return item


def service_item(service: Service, today: date, *, minimal: bool) -> dict[str, Any]:
    """An item of a ``/services`` page: a tombstone, or the service's one-to-one fields
    (``minimal``: just what a harvester needs to tell what changed)."""
    if not service.is_visible_to_public(today):
        return tombstone(service)
    summary = oruk_service_summary(service)
    if minimal:
        keep = ("id", "name", "status", "last_modified")
        return {key: summary[key] for key in keep if key in summary}
    return summary


def about(council: Council, openapi_url: str) -> dict[str, Any]:
    """``/``: the version a validator reads first, then who publishes the data and under
    what licence."""
    return {
        "version": ORUK_VERSION,
        "profile": PROFILE_URL,
        "openapi_url": openapi_url,
        "publisher": {
            "name": council.name,
            "url": council.website,
            "email": council.contact_email,
        },
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": f"Contains information from {council.service_name}, {council.name}, "
        f"licensed under the {LICENCE_NAME}.",
    }
