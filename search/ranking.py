"""Ranking: text relevance first, nudged by distance and freshness, and lowered when overdue.

For each matching service::

    relevance = text_score / best_text_score                 (0..1; 1 with no words)
    proximity = 1 / (1 + distance_m / DISTANCE_SCALE_M)      (0..1; NO_VENUE_PROXIMITY
                                                              for no venue; 0 without origin)
    freshness = 1 within FRESH_DAYS of the assured date, falling linearly to 0 at
                STALE_DAYS (and 0 if never checked)
    score     = relevance * (1 + DISTANCE_WEIGHT * proximity + FRESHNESS_WEIGHT * freshness)
                * (OVERDUE_FACTOR if overdue else 1)

The adjustment multiplies relevance by at most ``1 + DISTANCE_WEIGHT + FRESHNESS_WEIGHT``
(1.45), so distance and freshness only reorder services of similar relevance: a service
whose text relevance is more than 1.45 times another's always ranks above it, however far
away. That is how a strong match across town beats a weak match next door.

A listing is overdue when it was never checked or its review date (its last check plus
its review interval, in the document) has passed; families are told it may be out of
date, and it ranks lower: a current listing at least ``1.45 * OVERDUE_FACTOR`` (0.87)
times as relevant as an overdue one always ranks above it, wherever either is, while an
overdue listing much more relevant than anything current still comes first.

``nearest`` orders by distance alone (ties by score), services with no venue last.

Either way, listings that meet a danger the words signal come before all others, overdue
or not: a parent in danger must never see an unrelated service first. Among them, those
for someone other than the danger is about come last, and within each, those fitting the
danger best come first (a candidate's ``ahead``: :func:`search.results.ranked_ahead`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import date

from search.results import SearchHit, ranked_ahead

DISTANCE_WEIGHT = 0.3
FRESHNESS_WEIGHT = 0.15
DISTANCE_SCALE_M = 3_000.0
NO_VENUE_PROXIMITY = 0.5  # phone/online/outreach services reach the searcher wherever they are
FRESH_DAYS = 90
STALE_DAYS = 730
OVERDUE_FACTOR = 0.6


# A match before ranking: id, raw text score, distance (None: no venue), assured date,
# how far ahead it ranks (0 for most; more for one meeting a danger the words signal, see
# search.engine._ahead: a bool True is 1), and whether it is overdue for a check. A plain
# tuple: thousands are made per query, and a class instance each cost twice as much.
Candidate = tuple[str, float, float | None, date | None, int, bool]


def proximity(distance_m: float | None, has_origin: bool) -> float:
    """0..1, higher when nearer; a constant for services without a venue."""
    if not has_origin:
        return 0.0
    if distance_m is None:
        return NO_VENUE_PROXIMITY
    return 1.0 / (1.0 + distance_m / DISTANCE_SCALE_M)


def freshness(assured: date | None, today: date) -> float:
    """0..1, 1 for a listing checked recently, 0 for one never or long ago checked."""
    if assured is None:
        return 0.0
    age_days = (today - assured).days
    if age_days <= FRESH_DAYS:
        return 1.0
    if age_days >= STALE_DAYS:
        return 0.0
    return 1.0 - (age_days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS)


BLEND_RANGE = (OVERDUE_FACTOR, 1.0 + DISTANCE_WEIGHT + FRESHNESS_WEIGHT)
"""``blend(r, ...)`` lies within ``r * BLEND_RANGE[0]`` and ``r * BLEND_RANGE[1]``: the
engine ranks exactly only the matches whose relevance can reach the page by it."""


def blend(relevance: float, near: float, fresh: float, overdue: bool = False) -> float:
    """The final score; see the module docstring for why it can never override relevance."""
    score = relevance * (1.0 + DISTANCE_WEIGHT * near + FRESHNESS_WEIGHT * fresh)
    return score * OVERDUE_FACTOR if overdue else score


def day_weight(assured: date | None, today: date) -> float:
    """The freshness term of :func:`blend` for a listing on a day: the same for every search
    that day, so the engine keeps it per index snapshot (:func:`weighed_blend`)."""
    return FRESHNESS_WEIGHT * freshness(assured, today)


def overdue_factor(overdue: bool) -> float:
    """What :func:`blend` multiplies an overdue listing's score by, and 1.0 (which changes
    no float) for a current one."""
    return OVERDUE_FACTOR if overdue else 1.0


def weighed_blend(relevance: float, near: float, fresh_weight: float, factor: float) -> float:
    """``blend(relevance, near, fresh, overdue)`` given ``day_weight`` (its freshness term)
    instead of ``fresh`` and ``overdue_factor(overdue)``: the same operations in the same
    order, so the same float, bit for bit (a property test holds it)."""
    return relevance * (1.0 + DISTANCE_WEIGHT * near + fresh_weight) * factor


def rank(
    candidates: Iterable[Candidate], *, sort: str, has_origin: bool, today: date, limit: int
) -> list[SearchHit]:
    """The best ``limit`` candidates in order (ties broken by id, so pages are stable).

    Only the requested pages are ordered: a partial selection over thousands of matches.
    """
    pool = list(candidates)
    best = max((candidate[1] for candidate in pool), default=0.0)
    scale = 1.0 / best if best > 0 else 0.0
    nearest = sort == "nearest"
    keyed: list[tuple] = []
    for doc_id, text_score, distance, assured, ahead, overdue in pool:
        score = blend(
            text_score * scale if scale else 1.0,
            proximity(distance, has_origin),
            freshness(assured, today),
            overdue,
        )
        if nearest:
            keyed.append((-ahead, distance is None, distance or 0.0, -score, doc_id))
        else:
            keyed.append((-ahead, -score, doc_id, distance))
    if nearest:
        return [
            SearchHit(doc_id, -negated, None if no_venue else distance, *ranked_ahead(-ahead))
            for ahead, no_venue, distance, negated, doc_id in heapq.nsmallest(limit, keyed)
        ]
    return [
        SearchHit(doc_id, -negated, distance, *ranked_ahead(-ahead))
        for ahead, negated, doc_id, distance in heapq.nsmallest(limit, keyed)
    ]
