"""Shaping search results for the family results page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from flask_babel import format_decimal
from markupsafe import Markup

from directory.council import Council
from directory.council_language import page_council
from directory.finding.filters import BY_PARAM, Codes, Flag, Moment, Names
from directory.finding.request import METRES_PER_MILE, SearchRequest
from directory.forms.search import SearchForm, radius_words
from directory.i18n import page_locale
from directory.models import DeliveryMethod
from directory.models.card import CardListing
from directory.page_text import gettext, ngettext
from directory.presenters.facts import (
    PhoneLink,
    next_opening,
    opening_changes_at,
    out_of_date_notice,
    phone_links,
    where,
)
from directory.presenters.formatting import age_range, cost_lines, left_to_right
from directory.presenters.lasting import lasting, lasting_between
from directory.presenters.links import search_link
from directory.presenters.service import DELIVERY_NAMES
from search import SearchHit

if TYPE_CHECKING:
    from wtforms import Field

    from directory.presenters.professional import ProfessionalFacts  # which imports this


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
    cost: tuple[str, ...]
    """The prices on one line ("£5.50 an hour; Free for siblings"), and funded childcare
    hours on a line of their own."""
    ages: str
    when: str
    phone: PhoneLink | None
    is_sample: bool
    out_of_date: str | None = None
    """Said when the listing is overdue for a check."""
    professional: ProfessionalFacts | None = None
    """What only practitioners see (``directory.presenters.professional``); never set on
    the family site."""


@dataclass(frozen=True)
class RemovableTag:
    """ "Free ✕": something applied to a search, and the same search without it."""

    label: str
    remove_href: str


def miles(distance_m: float) -> str:
    value = distance_m / METRES_PER_MILE
    if value < 0.1:
        return gettext("less than 0.1 miles away")
    return gettext("%(miles)s miles away", miles=left_to_right(format_decimal(value, "0.0")))


def card_cost(service: CardListing) -> tuple[str, ...]:
    lines = cost_lines(service.cost_options)
    funded = lines[-1:] if service.offers_funded_hours else []
    paid = lines[: len(lines) - len(funded)]
    return tuple(line for line in (Markup("; ").join(paid), *funded) if line)


def result_item(
    service: CardListing, hit: SearchHit, now: datetime, council: Council | None = None
) -> ResultItem:
    council = council or page_council()
    today = now.date()
    item = lasting(
        service,
        council,
        ("card", page_locale(), today),
        lambda: _lasting_item(service, council, today),
    )
    return replace(
        item,
        distance=(
            miles(hit.distance_m) if hit.distance_m is not None and not _masked(service) else None
        ),
        when=lasting_between(
            service,
            council,
            ("when", page_locale()),
            now,
            lambda: next_opening(service, now),
            lambda: opening_changes_at(service, now),
        ),
    )


def _masked(service: CardListing) -> bool:
    """Whether a venue of the listing is masked (a refuge). Its venue is indexed with no
    place, so it has no distance; but the index can lag a commit that masks it, and the
    card's values, read afresh, decide: no distance that could help locate it."""
    return any(link.location.masked_address for link in service.locations)


def _lasting_item(service: CardListing, council: Council, today: date) -> ResultItem:
    """The card's words that depend on the listing, council, language and day alone."""
    methods = [DeliveryMethod(method) for method in service.delivery_methods]
    phones = phone_links(service)
    return ResultItem(
        id=service.id,
        name=service.name,
        organisation=service.organisation,
        summary=service.summary,
        where=where(service, council),
        distance=None,
        how_delivered=(
            ", ".join(str(DELIVERY_NAMES[method]) for method in methods)
            if methods != [DeliveryMethod.IN_PERSON]
            else ""
        ),
        cost=card_cost(service),
        ages=age_range(service.minimum_age, service.maximum_age),
        when="",
        phone=phones[0] if phones else None,
        is_sample=service.is_sample,
        out_of_date=out_of_date_notice(service, council, today),
    )


def count_options(form: SearchForm, counts: Mapping[str, Mapping[str, int]], names: Names) -> None:
    """Give the form's filter options their counts ("Food (12)").

    Options that would find nothing are left out unless ticked, and a ticked option that
    finds nothing shows no count: a count of 0 is never offered as if it were a choice.
    """
    for row in form.rows:
        field = form[row.param]
        if isinstance(row, Codes):
            found = counts.get(row.facet or "", {})
            labels = row.options(names)
            chosen = field.values
            shown = [code for code in labels if found.get(code) or code in chosen]
            shown += [code for code in chosen if code not in labels]
            field.choices = [
                (code, _counted(labels.get(code, code), found.get(code, 0))) for code in shown
            ]
        elif isinstance(row, Flag):
            count = counts.get(row.facet, {}).get("yes", 0) if row.facet else 0
            field.label.text = _counted(row.options(names)["yes"], count)
            field.description = row.hint(names)


def shown_filter_fields(form: SearchForm, names: Names) -> list[Field]:
    """The filter fields the panel shows: those with something to choose."""
    shown = []
    for row in form.rows:
        field = form[row.param]
        if isinstance(row, Codes) and not field.choices:
            continue
        if isinstance(row, Flag) and not (row.offered(names) or field.values):
            continue
        if isinstance(row, Moment):
            continue
        shown.append(field)
    return shown


def _counted(label: str, count: int) -> str:
    return gettext("%(label)s (%(count)s)", label=label, count=count) if count else label


def applied_tags(
    request: SearchRequest, names: Names, endpoint: str = "find.find_support"
) -> list[RemovableTag]:
    """A removable tag for every filter value applied, in the order of the filter table."""
    return [
        RemovableTag(
            BY_PARAM[param].tag(value, names),
            search_link(endpoint, request.without(param, value).to_params()),
        )
        for param, values in request.chosen
        for value in values
    ]


def summary_sentence(
    total: int,
    request: SearchRequest,
    place: str | None,
    names: Names,
    text: str | None = None,
    radius_miles: float | None = None,
) -> str:
    """ "7 results for ‘stay and play’ within 3 miles of DY5, free, for 2 year olds".

    ``text`` and ``radius_miles`` are what the results are for, when the engine corrected
    the words or widened the distance; the request's own otherwise.
    """
    words = request.text if text is None else text
    count = ngettext("%(num)s result", "%(num)s results", total) if total else gettext("No results")
    sentence = gettext("%(count)s for ‘%(text)s’", count=count, text=words) if words else count
    qualifiers = []
    for param, values in request.chosen:
        row = BY_PARAM[param]
        if isinstance(row, Codes) and row.topic:
            lead = not words and sentence == count
            sentence = gettext(
                "%(results)s %(topic)s", results=sentence, topic=row.phrase(values, names, lead)
            )
        elif phrase := row.phrase(values, names):
            qualifiers.append(phrase)
    if place:
        sentence = gettext(
            "%(results)s within %(radius)s of %(place)s",
            results=sentence,
            radius=radius_words(radius_miles or request.radius_miles),
            place=left_to_right(place),
        )
    if qualifiers:
        sentence = gettext(
            "%(results)s, %(qualifiers)s", results=sentence, qualifiers=", ".join(qualifiers)
        )
    return sentence
