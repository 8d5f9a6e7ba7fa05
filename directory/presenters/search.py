"""Shaping search results for the family results page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext, lazy_gettext, ngettext

from directory.council import Council
from directory.finding.request import METRES_PER_MILE, SearchRequest
from directory.models import DeliveryMethod, Service, ServiceKind
from directory.models.schedule import WEEKDAYS
from directory.presenters.formatting import age_range, cost_lines, long_date, time_range
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
    distance: str | None
    how_delivered: str
    cost: str
    ages: str
    when: str
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


def result_item(service: Service, hit: SearchHit, now: datetime) -> ResultItem:
    return ResultItem(
        id=service.id,
        name=service.name,
        organisation=service.organization.name,
        summary=service.summary,
        distance=miles(hit.distance_m) if hit.distance_m is not None else None,
        how_delivered=", ".join(
            str(DELIVERY_NAMES[DeliveryMethod(method)]) for method in service.delivery_methods
        ),
        cost="; ".join(cost_lines(service.cost_options)),
        ages=age_range(service.minimum_age, service.maximum_age),
        when=when_next(service, now),
        is_sample=service.is_sample,
    )


def when_next(service: Service, now: datetime) -> str:
    """The next dated session, else today's opening, else nothing."""
    upcoming = [s for s in service.sessions if s.ends_at >= now]
    if upcoming:
        session = min(upcoming, key=lambda s: s.starts_at)
        return gettext(
            "Next session: %(date)s, %(times)s",
            date=long_date(session.starts_at.date()),
            times=time_range(session.starts_at.time(), session.ends_at.time()),
        )
    today = now.date()
    schedules = [
        *service.schedules,
        *(schedule for link in service.locations for schedule in link.schedules),
    ]
    if not schedules:
        return ""
    todays = sorted((s for s in schedules if s.applies_on(today)), key=lambda s: s.opens_at)
    if todays:
        times = ", ".join(time_range(s.opens_at, s.closes_at) for s in todays)
        return gettext("Open today: %(times)s", times=times)
    days = sorted({s.byday for s in schedules}, key=WEEKDAYS.index)
    return gettext("Open on %(days)s", days=", ".join(str(DAY_NAMES[d]) for d in days))


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
