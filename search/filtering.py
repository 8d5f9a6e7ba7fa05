"""Filters, the search radius and facet counts: set algebra over keyword postings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from datetime import date
from types import MappingProxyType

from search.geo import Point, covering_cells, nearest_distance
from search.indexing import (
    AGE,
    AUDIENCE,
    BOROUGH_WIDE,
    CATEGORY,
    CELL,
    DAY,
    DELIVERY,
    FREE,
    FUNDED_HOURS,
    KIND,
    LANGUAGE,
    LEVEL,
    LOCALITY,
    NEED,
    NO_VENUE,
    PUBLIC,
    SEASON,
    SESSION_DATE,
    SLOT,
    VENUE,
    YES,
    age_term_covers,
    season_term_covers,
    slot_term_covers,
)
from search.keywords import to_bits
from search.query import Filters
from search.view import IndexView

# Facet name (also the Filters attribute it counts) -> keyword field.
FACETS: dict[str, str] = {
    "needs": NEED,
    "levels": LEVEL,
    "categories": CATEGORY,
    "kinds": KIND,
    "localities": LOCALITY,
    "languages": LANGUAGE,
    "delivery": DELIVERY,
    "days": DAY,
    "free": FREE,
    "funded_hours": FUNDED_HOURS,
}


def filter_clauses(view: IndexView, filters: Filters, today: date) -> dict[str, Set[int]]:
    """The documents each active filter allows, by filter (facet) name.

    A locality filter also accepts borough-wide services, which serve every locality. Age
    and opening-time filters become the indexed ranges that contain the value asked for.
    Two clauses are always there: listings in season on ``today``, and (unless the
    practitioners' door asks) listings for the public only. The index holds every listing
    that is not withdrawn, so these are what keep the family door to what families may see.
    """
    terms: dict[str, tuple[str, tuple[str, ...]]] = {
        name: (field, codes)
        for name, field in FACETS.items()
        if name not in ("localities", "free", "funded_hours") and (codes := getattr(filters, name))
    }
    iso = today.isoformat()
    terms["season"] = (SEASON, tuple(t for t in view.terms(SEASON) if season_term_covers(t, iso)))
    if not filters.practitioner_only_too:
        terms["audience"] = (AUDIENCE, (PUBLIC,))
    if filters.localities:
        wide = (BOROUGH_WIDE,) if filters.borough_wide_too else ()
        terms["localities"] = (LOCALITY, (*filters.localities, *wide))
    if filters.free_only:
        terms["free"] = (FREE, (YES,))
    if filters.funded_hours_only:
        terms["funded_hours"] = (FUNDED_HOURS, (YES,))
    if filters.session_dates:
        terms["session_dates"] = (SESSION_DATE, filters.session_dates)
    if filters.age is not None:
        age = filters.age
        terms["age"] = (AGE, tuple(t for t in view.terms(AGE) if age_term_covers(t, age)))
    if filters.open_slot is not None:
        slot = filters.open_slot
        terms["open_slot"] = (SLOT, tuple(t for t in view.terms(SLOT) if slot_term_covers(t, slot)))
    return {name: union(view, field, values) for name, (field, values) in terms.items()}


def within_radius(
    view: IndexView,
    origin: Point,
    radius_m: float,
    localities: Iterable[str],
    among: Set[int] | None = None,
) -> tuple[Set[int], dict[int, float]]:
    """Documents with a venue inside the circle (and their exact distances), plus services
    with no venue that cover one of ``localities`` or the whole borough.

    ``among`` limits the distance work to documents that can match anyway (those the words
    matched); the area is only ever used intersected with them.
    """
    cells = covering_cells(origin, radius_m)
    nearby = view.postings(VENUE, YES) if cells is None else union(view, CELL, cells)
    if among is not None:
        nearby = among & nearby if len(among) < len(nearby) else nearby & among
    distances: dict[int, float] = {}
    for doc in nearby:
        distance = nearest_distance(origin, view.info(doc).points)
        if distance is not None and distance <= radius_m:
            distances[doc] = distance
    served = union(view, LOCALITY, (BOROUGH_WIDE, *localities))
    return frozenset(distances) | (view.postings(VENUE, NO_VENUE) & served), distances


def facet_counts(
    view: IndexView, matches: Set[int], common: list[Set[int]], clauses: Mapping[str, Set[int]]
) -> Mapping[str, Mapping[str, int]]:
    """Counts per facet code over ``matches``; a facet with its own filter active is counted
    over ``common`` and the other filters instead, as if its own were not applied."""
    matched = to_bits(matches)
    facets: dict[str, Mapping[str, int]] = {}
    for name, field in FACETS.items():
        base = matched
        if name in clauses:
            others = [docs for other, docs in clauses.items() if other != name]
            base = to_bits(intersect([*common, *others]))
        wide = base & view.bits(LOCALITY, BOROUGH_WIDE) if field == LOCALITY else 0
        counts: dict[str, int] = {}
        for term in view.terms(field):
            if term == BOROUGH_WIDE:
                continue
            holders = view.bits(field, term)
            # Borough-wide services count towards every locality, as the filter treats them.
            count = (base & holders).bit_count() + (wide & ~holders).bit_count()
            if count:
                counts[term] = count
        facets[name] = MappingProxyType(counts)
    return MappingProxyType(facets)


def union(view: IndexView, field: str, terms: tuple[str, ...]) -> Set[int]:
    """Documents holding any of ``terms`` in keyword field ``field``."""
    if not terms:
        return frozenset()
    if len(terms) == 1:
        return view.postings(field, terms[0])
    return frozenset().union(*(view.postings(field, term) for term in terms))


def intersect(sets: list[Set[int]]) -> Set[int]:
    """Documents in every set, starting from the smallest."""
    ordered = sorted(sets, key=len)
    result = frozenset(ordered[0])
    for other in ordered[1:]:
        if not result:
            break
        result = result & other
    return result
