"""The page a listing keeps once families can no longer use it.

Links that families and schools share should never just break: a withdrawn, closed or
out-of-season listing says so plainly, gives no way to contact it, and points to its
topics and to similar services nearby.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext

from directory.council import Council
from directory.council_language import english, with_english
from directory.models import Location, Service, ServiceStatus
from directory.presenters.formatting import day_month_year


@dataclass(frozen=True)
class Topic:
    code: str
    label: str


@dataclass(frozen=True)
class GonePage:
    name: str
    heading: str
    explanation: str
    summary: str
    topics: list[Topic]
    is_sample: bool
    sensitive: bool


def gone_page(service: Service, council: Council, today: date) -> GonePage:
    heading, explanation = _why(service, today)
    return GonePage(
        name=service.name,
        heading=heading,
        explanation=explanation,
        summary=service.summary,
        topics=[
            Topic(term.code, term.label)
            for term in council.terms("need")
            if term.code in {t.code for t in service.terms("need")}
        ],
        is_sample=service.is_sample,
        sensitive=any(
            (term.scheme, term.code) in council.sensitive_codes for term in service.taxonomy_terms
        ),
    )


def _why(service: Service, today: date) -> tuple[str, str]:
    name = english(service.name)
    if (
        service.visible_from
        and service.visible_from > today
        and service.status
        in (
            ServiceStatus.ACTIVE,
            ServiceStatus.TEMPORARILY_CLOSED,
        )
    ):
        opens = day_month_year(service.visible_from)
        return (
            with_english("%(name)s is closed until %(date)s", name=name, date=opens),
            gettext("You can find it here again from %(date)s.", date=opens),
        )
    if service.status == ServiceStatus.TEMPORARILY_CLOSED:
        return (
            with_english("%(name)s is closed for now", name=name),
            gettext("It has closed for a while. We do not know yet when it will open again."),
        )
    if service.status == ServiceStatus.ACTIVE and service.visible_to and service.visible_to < today:
        return (
            with_english("%(name)s is no longer listed", name=name),
            gettext(
                "Its listing ended on %(date)s. It may be listed again when it next runs.",
                date=day_month_year(service.visible_to),
            ),
        )
    return (
        with_english("%(name)s is no longer listed", name=name),
        gettext("It has stopped, or it is no longer offered to families through this directory."),
    )


def search_origin(service: Service) -> tuple[float, float] | None:
    """Where to look for similar services: its venue, unless that venue's address is private.

    Listing the nearest services to a refuge would say roughly where it is, so a refuge's
    similar services are not ordered by distance from it.
    """
    venues: list[Location] = [link.location for link in service.locations]
    if any(venue.masked_address for venue in venues):
        return None
    for venue in venues:
        if venue.easting is not None and venue.northing is not None:
            return float(venue.easting), float(venue.northing)
    return None
