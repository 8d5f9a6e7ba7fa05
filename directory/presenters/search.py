"""Shaping search results for the family results page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import gettext, lazy_gettext, ngettext

from directory.council import Council
from directory.finding.request import METRES_PER_MILE, SearchRequest
from directory.models import DeliveryMethod, Service, ServiceKind
from directory.models.schedule import WEEKDAYS
from directory.presenters.facts import PhoneLink, next_opening, phone_links, where
from directory.presenters.formatting import age_range, cost_lines
from directory.presenters.service import DAY_NAMES, DELIVERY_NAMES
from search import SearchHit

# The search page's parameter -> the engine's facet of the same filter.
FACET_KEYS = {
    "need": "needs",
    "category": "categories",
    "kind": "kinds",
    "locality": "localities",
    "language": "languages",
    "day": "days",
}

KIND_NAMES = {
    ServiceKind.FAMILY_CENTRE: lazy_gettext("Family centre"),
    ServiceKind.FAMILY_HUB: lazy_gettext("Family hub"),
    ServiceKind.FIS_ENTRY: lazy_gettext("Family Information Service"),
    ServiceKind.HOLIDAY_ACTIVITY: lazy_gettext("Holiday activities"),
    ServiceKind.PANTRY: lazy_gettext("Community pantry"),
    ServiceKind.COMMUNITY_GROUP: lazy_gettext("Community group"),
    ServiceKind.CLUSTER_CONNECT: lazy_gettext("Cluster Connect"),
    ServiceKind.PARENTING_PROGRAMME: lazy_gettext("Parenting programme"),
    ServiceKind.SUPPORT_SERVICE: lazy_gettext("Support service"),
    ServiceKind.HELPLINE: lazy_gettext("Helpline"),
    ServiceKind.ONLINE_RESOURCE: lazy_gettext("Online help"),
    ServiceKind.CHILDCARE: lazy_gettext("Childcare"),
    ServiceKind.ACTIVITY: lazy_gettext("Activity or club"),
}


@dataclass(frozen=True)
class ResultItem:
    id: str
    name: str
    organisation: str
    summary: str
    where: str
    distance: str | None
    how_delivered: str
    """How it is offered, when that is more than in person ("By phone, Online")."""
    cost: str
    ages: str
    when: str
    phone: PhoneLink | None
    is_sample: bool


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: list[FacetOption]


def miles(distance_m: float) -> str:
    value = distance_m / METRES_PER_MILE
    if value < 0.1:
        return gettext("less than 0.1 miles away")
    return gettext("%(miles)s miles away", miles=f"{value:.1f}")


def result_item(
    service: Service, hit: SearchHit, now: datetime, council: Council | None = None
) -> ResultItem:
    council = council or current_app.extensions["council"]
    methods = [DeliveryMethod(method) for method in service.delivery_methods]
    phones = phone_links(service)
    return ResultItem(
        id=service.id,
        name=service.name,
        organisation=service.organization.name,
        summary=service.summary,
        where=where(service, council),
        distance=miles(hit.distance_m) if hit.distance_m is not None else None,
        how_delivered=(
            ", ".join(str(DELIVERY_NAMES[method]) for method in methods)
            if methods != [DeliveryMethod.IN_PERSON]
            else ""
        ),
        cost="; ".join(cost_lines(service.cost_options)),
        ages=age_range(service.minimum_age, service.maximum_age),
        when=next_opening(service, now),
        phone=phones[0] if phones else None,
        is_sample=service.is_sample,
    )


def facets(
    council: Council,
    request: SearchRequest,
    counts: Mapping[str, Mapping[str, int]],
    language_names: Mapping[str, str],
) -> list[Facet]:
    """The filter checkboxes with their counts; options with nothing to add are left out."""

    def build(name: str, legend: str, labels: Mapping[str, str], chosen: tuple[str, ...]):  # type: ignore[no-untyped-def]
        found = counts.get(FACET_KEYS[name], {})
        options = [
            FacetOption(code, str(label), found.get(code, 0), code in chosen)
            for code, label in labels.items()
            if found.get(code, 0) or code in chosen
        ]
        return Facet(name, legend, options)

    return [
        build(
            "need",
            gettext("What you need help with"),
            {t.code: t.label for t in council.terms("need")},
            request.needs,
        ),
        build(
            "category",
            gettext("Type of help"),
            {t.code: t.label for t in council.terms("category")},
            request.categories,
        ),
        build("kind", gettext("Kind of service"), _kind_labels(), request.kinds),
        build(
            "locality",
            gettext("Area"),
            {loc.code: loc.name for loc in council.localities},
            request.localities,
        ),
        build("language", gettext("Language spoken"), dict(language_names), request.languages),
        build(
            "day",
            gettext("Day of the week"),
            {day: str(DAY_NAMES[day]) for day in WEEKDAYS},
            request.days,
        ),
    ]


def _kind_labels() -> dict[str, str]:
    return {kind.value: str(name) for kind, name in KIND_NAMES.items()}


def summary_sentence(total: int, request: SearchRequest, place: str | None) -> str:
    """ "12 results for ‘food bank’ within 3 miles of DY1 1AA"."""
    count = ngettext("%(num)s result", "%(num)s results", total)
    if request.text and place:
        return gettext(
            "%(count)s for ‘%(text)s’ within %(radius)s of %(place)s",
            count=count,
            text=request.text,
            radius=radius_words(request.radius_miles),
            place=place,
        )
    if request.text:
        return gettext("%(count)s for ‘%(text)s’", count=count, text=request.text)
    if place:
        return gettext(
            "%(count)s within %(radius)s of %(place)s",
            count=count,
            radius=radius_words(request.radius_miles),
            place=place,
        )
    return count


def radius_words(radius_miles: float) -> str:
    whole = round(radius_miles)
    return ngettext("%(num)s mile", "%(num)s miles", whole)
