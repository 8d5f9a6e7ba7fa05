"""The family search page: a GET form of words, postcode and filters, and its results."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext

from directory.council import Council
from directory.council_language import page_council, page_safety_lines
from directory.finding.filters import BY_PARAM, Names
from directory.finding.nearest import nearest_family_centre
from directory.finding.needs_met import meets_all_needs_first
from directory.finding.page import SearchPage
from directory.finding.recovery import looser_searches
from directory.finding.request import METRES_PER_MILE, PAGE_SIZE, SearchRequest
from directory.finding.unplaced import MaskedUnplaced
from directory.forms.search import PractitionerSearchForm, SearchForm, radius_words
from directory.i18n import page_locale
from directory.indexing import site_search
from directory.listings.languages import spoken_language_name
from directory.models.card import CardListing
from directory.presenters.links import search_link
from directory.presenters.professional import practitioner_result_item
from directory.presenters.reading import understood_tags
from directory.presenters.search import (
    ResultItem,
    applied_tags,
    count_options,
    result_item,
    shown_filter_fields,
    summary_sentence,
)
from directory.presenters.words_read import words_read_tags
from directory.queries.cards import ListingCache
from directory.queries.generation_kept import kept_generation
from directory.queries.masked import masked_listing_ids
from directory.queries.services import language_names
from directory.safety import SafetyLines, cued_dangers, signalled_dangers
from directory.understanding import search_reader
from search import PageOutOfRange, SearchHit, SearchResults
from search.phrasebook import phrase_words

blueprint = Blueprint("find", __name__)


@dataclass(frozen=True)
class Door:
    """One front door's search: the family site's, or the practitioners'.

    Both run the same form, filter table, engine query and page; a door chooses its address,
    the rows it offers, whether listings for practitioners only are found, and how a
    listing is read and shown.
    """

    endpoint: str
    service_endpoint: str
    form: type[SearchForm]
    for_practitioners: bool
    services: Callable[[list[str], date, Hashable | None], dict[str, CardListing]]
    """The listings of a page's hits this door may show (ids, day, index generation)."""
    item: Callable[[CardListing, SearchHit, datetime], ResultItem]
    arrange: Callable[[SearchRequest, SearchResults, SearchPage], SearchResults] | None = None
    """Reorders a page's hits (given the request, its results, and the page's search)."""


def page_listings(
    ids: list[str], today: date, for_practitioners: bool, generation: Hashable | None
) -> dict[str, CardListing]:
    """The listings of a page of hits this door may show, as card values, from the
    process's cache of them for the page's index generation (``directory.queries.cards``)."""
    cache = current_app.extensions.setdefault("listing_cache", ListingCache())
    return cache.services(ids, today, for_practitioners, generation)


def _public_listings(
    ids: list[str], today: date, generation: Hashable | None
) -> dict[str, CardListing]:
    return page_listings(ids, today, False, generation)


def _practitioner_listings(
    ids: list[str], today: date, generation: Hashable | None
) -> dict[str, CardListing]:
    return page_listings(ids, today, True, generation)


FAMILY_DOOR = Door(
    "find.find_support", "public.service", SearchForm, False, _public_listings, result_item
)


PRACTITIONER_DOOR = Door(
    "practitioners.search",
    "practitioners.service",
    PractitionerSearchForm,
    True,
    _practitioner_listings,
    practitioner_result_item,
    meets_all_needs_first,
)


@blueprint.get("/find-support")
def find_support() -> str:
    return render_template("find/results.html", **results_page(FAMILY_DOOR))


def results_page(door: Door) -> dict[str, Any]:
    """What a results page shows, for either door."""
    council: Council = page_council()
    now = datetime.now()
    form = door.form(request.args, meta={"council": council})
    try:
        wanted = form.search_request(request.args)
    except PageOutOfRange:
        abort(404)
    form.validate()
    read_markers = form.tick_read(wanted)
    place = form.place
    localities = _origin_localities(council, place)
    origin = (float(place.easting), float(place.northing)) if place else None

    reader = search_reader(wanted.text or "")
    safety: SafetyLines = page_safety_lines()

    engine = site_search()
    key = page_key(engine.generation())
    page = SearchPage(
        MaskedUnplaced(engine, masked_listing_ids(key)),
        council,
        now,
        origin,
        localities,
        reader,
        door.for_practitioners,
        key,
    )
    try:
        results = page.search(wanted)
    except PageOutOfRange:
        abort(404)
    if door.arrange:
        results = door.arrange(wanted, results, page)
    services = door.services([hit.id for hit in results.hits], now.date(), page.generation)
    items = [door.item(services[hit.id], hit, now) for hit in results.hits if hit.id in services]
    names = Names(council, _spoken_languages(page_locale(), page.generation), now.date())
    count_options(form, results.facets, names)
    looser = []
    if results.total == 0 and (wanted.has_filters or wanted.text):
        looser = looser_searches(
            wanted,
            count=page.exact_total,
            labels=lambda name, value: _looser_label(names, name, value),
            nearest=page.nearest if place else None,
            read_filters=door.for_practitioners,
        )
    centre = nearest_family_centre(council, place, localities, now.date())
    dangers = signalled_dangers(results.reading, wanted.needs, council)
    cues = cued_dangers(results.reading, dangers)
    exit_this_page = bool(dangers or cues) or _sensitive(
        council, wanted, _first_page(door, wanted, services, page)
    )
    widened_miles = (
        results.widened.radius_m / METRES_PER_MILE
        if results.widened and results.widened.radius_m
        else None
    )
    postcode = str(place.postcode) if place else None
    return dict(
        search_endpoint=door.endpoint,
        service_endpoint=door.service_endpoint,
        form=form,
        wanted=wanted,
        results=results,
        items=items,
        heading=summary_sentence(
            results.total,
            wanted.applied(door.for_practitioners),
            postcode,
            names,
            results.suggestion,
            widened_miles,
        ),
        page_count=max(1, -(-results.total // PAGE_SIZE)),
        filter_fields=shown_filter_fields(form, names),
        applied=applied_tags(wanted, names, door.endpoint),
        clear_filters=search_link(door.endpoint, replace(wanted, chosen=(), page=1).to_params()),
        sort_choices=_sort_choices(door, wanted) if place else [],
        looser=looser,
        family_centre=centre,
        asked_radius=radius_words(wanted.radius_miles),
        widened_radius=radius_words(widened_miles) if widened_miles else None,
        pagination=_pagination(door, wanted, results.total),
        exit_this_page=exit_this_page,
        safety_panel=safety.panel(dangers),
        danger_strip=safety.strip(cues, phrase_words(wanted.text or "")),
        danger_only=safety.dangers.get(results.danger_only or ""),
        guessed_need=_guessed_need(results, council),
        children_services=council.children_services,
        understood=understood_tags(results.reading, wanted, council, safety, door.endpoint),
        words_read=words_read_tags(wanted, council, door.endpoint, door.for_practitioners),
        read_markers=read_markers,
    )


def _guessed_need(results: SearchResults, council: Council) -> str | None:
    """The label of the need a search that found nothing was loosened to, if it was."""
    code = results.widened.guessed if results.widened else ""
    term = council.term("need", code) if code else None
    return term.label if term else None


def page_key(index_generation: Hashable | None) -> Hashable | None:
    """What the page's kept values (cards, need codes, languages' names) are keyed by: the
    index generation and the newest listing change (``kept_generation``), read once a page;
    None with no index on disk (nothing kept)."""
    return None if index_generation is None else kept_generation(index_generation)


def _spoken_languages(locale: str, generation: Hashable | None) -> dict[str, str]:
    """Code -> name, in the page's language, of every language a listing lists: read from
    the database once per index generation and language (a listing's languages change
    only with a commit, which re-indexes it), not on every page."""
    key = (generation, locale)
    kept = current_app.extensions.setdefault("spoken_languages", {})
    found = kept.get(key) if key[0] is not None else None
    if found is not None:
        return found  # type: ignore[no-any-return]
    spoken = {
        code: spoken_language_name(code, name, locale) for code, name in language_names().items()
    }
    if key[0] is not None:
        if any(held[0] != key[0] for held in kept):
            kept.clear()  # an older generation's
        kept[key] = spoken
    return spoken


def _sort_choices(door: Door, wanted: SearchRequest) -> list[tuple[str, str, str]]:
    """(label, address, whether current) for each order the results can be sorted in."""
    return [
        (
            label,
            search_link(door.endpoint, wanted.to_params(sort=sort, page=1)),
            "current" if wanted.sort == sort else "",
        )
        for sort, label in (
            ("relevance", gettext("Best match")),
            ("nearest", gettext("Nearest first")),
        )
    ]


def _origin_localities(council: Council, place) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    if place is None:
        return ()
    if place.sector:
        locality = council.locality_for(place.outward, place.sector)
        return (locality.code,) if locality else ()
    return tuple(loc.code for loc in council.localities if place.outward in loc.postcode_districts)


def _looser_label(names: Names, name: str, value: str | None) -> str:
    """How a looser search is offered: "Within 5 miles", "Without Food"."""
    if name == "radius":
        if value:
            return gettext("Within %(distance)s", distance=radius_words(int(value)))
        return gettext("Anywhere, not just near your postcode")
    if name == "text":
        return gettext("Without %(filter)s", filter=gettext("your search words"))
    return BY_PARAM[name].without(value or "", names)


def _first_page(
    door: Door, wanted: SearchRequest, shown: dict[str, CardListing], page: SearchPage
) -> Iterable[CardListing]:
    """The listings on page 1 of this search: ``shown`` when this is page 1."""
    if wanted.page == 1:
        return shown.values()
    hits = page.search(replace(wanted, page=1)).hits
    return door.services([hit.id for hit in hits], date.today(), page.generation).values()


def _sensitive(council: Council, wanted: SearchRequest, first_page: Iterable[CardListing]) -> bool:
    """A sensitive need ticked, or held by a listing on the first page of this search.

    The first page decides for every page, so "Exit this page" does not come and go as the
    family pages through one search.
    """
    if any(("need", code) in council.sensitive_codes for code in wanted.needs):
        return True
    return any(
        (term.scheme, term.code) in council.sensitive_codes
        for service in first_page
        for term in service.taxonomy_terms
    )


def _pagination(door: Door, wanted: SearchRequest, total: int) -> dict[str, object] | None:
    """GOV.UK pagination: first, last, and two either side of the current page."""
    pages = max(1, -(-total // PAGE_SIZE))
    if pages == 1:
        return None

    def href(number: int) -> str:
        return search_link(door.endpoint, wanted.to_params(page=number))

    items: list[dict[str, object]] = []
    for number in range(1, pages + 1):
        if number in (1, pages) or abs(number - wanted.page) <= 2:
            items.append({"number": number, "href": href(number), "current": number == wanted.page})
        elif abs(number - wanted.page) == 3:
            items.append({"ellipsis": True})
    return {
        "previous": {"href": href(wanted.page - 1)} if wanted.page > 1 else None,
        "next": {"href": href(wanted.page + 1)} if wanted.page < pages else None,
        "items": items,
        "landmarkLabel": gettext("Search results pages"),
    }
