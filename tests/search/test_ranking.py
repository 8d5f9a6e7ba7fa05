"""The ranking blend, tested as pure functions."""

from __future__ import annotations

from datetime import date, timedelta

from search.ranking import (
    DISTANCE_WEIGHT,
    FRESHNESS_WEIGHT,
    NO_VENUE_PROXIMITY,
    OVERDUE_FACTOR,
    blend,
    freshness,
    proximity,
    rank,
)

TODAY = date(2026, 11, 23)


def ranked(candidates: list, sort: str = "relevance", has_origin: bool = True) -> list:
    """Rank (id, score, distance, assured) tuples, none meeting a danger or overdue."""
    pool = [(*candidate, False, False) for candidate in candidates]
    return rank(pool, sort=sort, has_origin=has_origin, today=TODAY, limit=100)


def test_far_strong_match_beats_near_weak_match() -> None:
    hits = ranked(
        [("near-weak", 1.0, 50.0, TODAY), ("far-strong", 2.0, 40_000.0, date(2020, 1, 1))]
    )
    assert [hit.id for hit in hits] == ["far-strong", "near-weak"]


def test_distance_and_freshness_reorder_similar_matches() -> None:
    hits = ranked([("far", 1.0, 20_000.0, None), ("near", 0.9, 100.0, TODAY)])
    assert [hit.id for hit in hits] == ["near", "far"]


def test_the_adjustment_is_bounded() -> None:
    most = blend(1.0, 1.0, 1.0)
    assert most == 1.0 + DISTANCE_WEIGHT + FRESHNESS_WEIGHT
    assert blend(0.5, 0.0, 0.0) == 0.5
    assert blend(0.7, 1.0, 1.0) < blend(1.0, 0.0, 0.0) * most


def test_proximity_falls_with_distance_and_is_fixed_without_a_venue() -> None:
    assert proximity(0.0, True) == 1.0
    assert proximity(1_000.0, True) > proximity(10_000.0, True) > 0.0
    assert proximity(None, True) == NO_VENUE_PROXIMITY
    assert proximity(10.0, False) == 0.0


def test_freshness_decays_from_recent_to_stale() -> None:
    assert freshness(TODAY - timedelta(days=30), TODAY) == 1.0
    assert 0.0 < freshness(TODAY - timedelta(days=400), TODAY) < 1.0
    assert freshness(TODAY - timedelta(days=2000), TODAY) == 0.0
    assert freshness(None, TODAY) == 0.0


def test_nearest_orders_by_distance_with_no_venue_last() -> None:
    hits = ranked(
        [("phone", 5.0, None, None), ("far", 5.0, 9_000.0, None), ("near", 0.1, 10.0, None)],
        sort="nearest",
    )
    assert [(hit.id, hit.distance_m) for hit in hits] == [
        ("near", 10.0),
        ("far", 9_000.0),
        ("phone", None),
    ]


def test_without_words_every_match_is_equally_relevant() -> None:
    hits = ranked(
        [("old", 0.0, None, date(2020, 1, 1)), ("new", 0.0, None, TODAY)], has_origin=False
    )
    assert [hit.id for hit in hits] == ["new", "old"]
    assert hits[1].score == 1.0


def test_ties_break_by_id_and_limit_cuts_the_list() -> None:
    hits = rank(
        [
            ("b", 1.0, None, None, False, False),
            ("a", 1.0, None, None, False, False),
            ("c", 1.0, None, None, False, False),
        ],
        sort="relevance",
        has_origin=False,
        today=TODAY,
        limit=2,
    )
    assert [hit.id for hit in hits] == ["a", "b"]


def test_listings_meeting_a_danger_come_first_in_either_order() -> None:
    pool = [
        ("unrelated-near", 9.0, 10.0, TODAY, False, False),
        ("refuge-far-overdue", 0.1, 30_000.0, None, True, True),
    ]
    for sort in ("relevance", "nearest"):
        hits = rank(pool, sort=sort, has_origin=True, today=TODAY, limit=10)
        assert [hit.id for hit in hits] == ["refuge-far-overdue", "unrelated-near"], sort


def test_an_overdue_listing_ranks_below_an_otherwise_equal_current_one() -> None:
    checked = TODAY - timedelta(days=200)
    pool = [
        ("a-overdue", 1.0, 500.0, checked, False, True),
        ("b-current", 1.0, 500.0, checked, False, False),
    ]
    hits = rank(pool, sort="relevance", has_origin=True, today=TODAY, limit=10)
    assert [hit.id for hit in hits] == ["b-current", "a-overdue"]
    assert hits[1].score == OVERDUE_FACTOR * hits[0].score


def test_a_comparably_relevant_current_listing_beats_an_overdue_one_however_near() -> None:
    """Distance and freshness cannot lift an overdue listing over a current one at least
    1.45 * OVERDUE_FACTOR as relevant."""
    comparable = 1.45 * OVERDUE_FACTOR + 0.01
    pool = [
        ("overdue-next-door", 1.0, 0.0, TODAY, False, True),
        ("current-across-town", comparable, 40_000.0, None, False, False),
    ]
    hits = rank(pool, sort="relevance", has_origin=True, today=TODAY, limit=10)
    assert [hit.id for hit in hits] == ["current-across-town", "overdue-next-door"]


def test_an_overdue_listing_far_more_relevant_still_comes_first() -> None:
    pool = [
        ("overdue-strong", 2.0, 500.0, TODAY, False, True),
        ("current-weak", 1.0, 500.0, TODAY, False, False),
    ]
    hits = rank(pool, sort="relevance", has_origin=True, today=TODAY, limit=10)
    assert [hit.id for hit in hits] == ["overdue-strong", "current-weak"]
