"""Ranking only the matches that can reach the page, and facet counts remembered per index
generation, never change a page: each page, total, score and count is the one ranking and
counting every match afresh gives.

The directory is many listings meeting the same need with varied words, distances, checks
and audiences (``tests.search.test_reranking``), on every backend; the reference turns off
the shortcuts (no day order, nothing ruled out by relevance, no counts remembered, no
listing's exact score or day weights remembered).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import search.engine as engine
from search import Filters, SearchBackend, SearchResults, WhooshBackend
from search.meaning import Scores
from search.ranking import (
    BLEND_RANGE,
    blend,
    day_weight,
    freshness,
    overdue_factor,
    weighed_blend,
)
from tests.search.search_factories import DUDLEY, TODAY, Build, make_doc, query
from tests.search.test_reranking import READER, _directory

ASKED = [
    {"text": "food"},
    {"text": "food parcels weekly"},
    {"text": "pantry", "origin": DUDLEY, "radius_m": 8000.0},
    {"text": "club", "filters": Filters(free_only=True)},
    {"text": "cant afford to feed my kids"},
    {"text": "no money for food and my partner hits me"},
    {"filters": Filters(needs=("food",))},
    {"filters": Filters(needs=("food", "money-and-debt"), free_only=True)},
    {"filters": Filters(needs=("food",), practitioner_only_too=True)},
    {"filters": Filters(needs=("food",)), "origin": DUDLEY, "radius_m": 16000.0},
    {},
]


@pytest.fixture
def many(build: Build) -> SearchBackend:
    return build(_directory())


def _pages(backend: SearchBackend, asked: dict) -> list[SearchResults]:
    return [
        backend.search(query(reader=READER, page=page, page_size=size, **asked))
        for page, size in ((1, 10), (2, 10), (3, 10), (1, 3), (1, 100))
    ]


def _every_match_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_in_day_order", lambda view, today, matches, limit: None)
    monkeypatch.setattr(engine, "_within_reach", lambda relevance, docs, count, most=1.0: docs)
    monkeypatch.setattr(engine, "_facets", lambda view, asked, chosen, _=(): _counted(view, chosen))
    monkeypatch.setattr(engine, "_day_weights_of", lambda view, today: {})
    monkeypatch.setattr(Scores, "exact", lambda scores, view, doc: scores._exact(view, doc))


def _counted(view: engine.IndexView, chosen: engine._Evaluation) -> engine.FacetCounts:
    return engine.facet_counts(view, chosen.matches, chosen.common, chosen.clauses)


def _shown(results: SearchResults) -> list[tuple[str, float, float | None, int]]:
    return [(hit.id, hit.score, hit.distance_m, hit.ahead) for hit in results.hits]


@pytest.mark.parametrize("asked", ASKED, ids=repr)
def test_pages_are_those_ranking_every_match_gives(
    many: SearchBackend, asked: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    twice = [_pages(many, asked), _pages(many, asked)]  # the second from what was remembered
    with monkeypatch.context() as patched:
        _every_match_ranked(patched)
        exact = _pages(many, asked)
    assert exact[0].total > 3, "more matches than the smallest page shows"
    for shown in twice:
        for page, full in zip(shown, exact, strict=True):
            assert _shown(page) == _shown(full)
            assert page.total == full.total
            assert page.facets == full.facets


@pytest.mark.parametrize("asked", ASKED[:6], ids=repr)
def test_a_small_reach_keeps_the_page_exact(
    many: SearchBackend, asked: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the shortlist cut to a handful, ruling matches out by relevance still leaves
    the exact pages (the cut and the reach together)."""
    with monkeypatch.context() as patched:
        _every_match_ranked(patched)
        patched.setattr(engine, "RERANKED", 5)
        exact = _pages(many, asked)
    monkeypatch.setattr(engine, "RERANKED", 5)
    for page, full in zip(_pages(many, asked), exact, strict=True):
        assert _shown(page) == _shown(full)


def test_the_counts_and_order_follow_a_new_generation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What a snapshot remembers goes with it: an edit is counted and ranked at once."""
    backend = WhooshBackend.create(tmp_path / "index", _directory())
    asked = query(reader=READER, filters=Filters(needs=("food",)))
    before = backend.search(asked)
    assert before.facets["free"]["yes"] > 0
    extra = make_doc(
        "a-fresh-food",
        "Fresh food help",
        need_codes=("food",),
        free=True,
        assured_date=TODAY.isoformat(),
    )
    backend.index([extra])
    after = backend.search(asked)
    assert after.total == before.total + 1
    assert after.facets["free"]["yes"] == before.facets["free"]["yes"] + 1
    assert after.facets["needs"]["food"] == before.facets["needs"]["food"] + 1
    assert after.hits[0].id == "a-fresh-food"  # checked today, first of its ties by id
    backend.close()


@pytest.mark.parametrize("relevance", [0.0, 0.3, 1.0, 7.5])
def test_a_blend_stays_within_its_range(relevance: float) -> None:
    low, high = BLEND_RANGE
    for near in (0.0, 0.25, 0.5, 1.0):
        for fresh in (0.0, 0.5, 1.0):
            for overdue in (False, True):
                score = blend(relevance, near, fresh, overdue)
                assert relevance * low <= score <= relevance * high


def test_a_day_order_is_kept_per_day(tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend = WhooshBackend.create(tmp_path / "index", _directory())
    asked = query(filters=Filters(needs=("food",)))
    today = backend.search(asked)
    later = backend.search(replace(asked, today=TODAY.replace(year=TODAY.year + 2)))
    assert [hit.score for hit in today.hits] != [hit.score for hit in later.hits]
    backend.close()


@given(
    relevance=st.floats(0.0, 10.0),
    near=st.floats(0.0, 1.0),
    age_days=st.one_of(st.none(), st.integers(-30, 1000)),
    overdue=st.booleans(),
)
def test_a_weighed_blend_is_the_blend_bit_for_bit(
    relevance: float, near: float, age_days: int | None, overdue: bool
) -> None:
    """The shortlist blends with each listing's day weight kept: the very float the
    ranking's blend gives (a tie broken by id must stay the same tie)."""
    today = date(2026, 12, 7)
    assured = None if age_days is None else today - timedelta(days=age_days)
    fresh_weight, factor = day_weight(assured, today), overdue_factor(overdue)
    kept = weighed_blend(relevance, near, fresh_weight, factor)
    assert kept == blend(relevance, near, freshness(assured, today), overdue)
    assert relevance * (1.0 + fresh_weight) * factor == blend(
        relevance, 0.0, freshness(assured, today), overdue
    ), "the shortlist's blend with no place, written out"


@pytest.mark.parametrize("asked", ASKED[:6], ids=repr)
def test_remembered_scores_and_weights_follow_the_day(
    many: SearchBackend, asked: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search asked today and then on a later day (what a snapshot remembers of today's
    exact scores and day weights in place) gives the later day's pages afresh. The
    shortlist is cut to a handful so that it, not the whole match, is blended."""
    monkeypatch.setattr(engine, "RERANKED", 5)
    later = TODAY + timedelta(days=400)
    _pages(many, asked)

    def on_the_day(backend: SearchBackend) -> list[SearchResults]:
        return [
            backend.search(
                replace(query(reader=READER, page=page, page_size=10, **asked), today=later)
            )
            for page in (1, 2)
        ]

    remembered = on_the_day(many)
    with monkeypatch.context() as patched:
        _every_match_ranked(patched)
        afresh = on_the_day(many)
    for page, full in zip(remembered, afresh, strict=True):
        assert _shown(page) == _shown(full)


def test_a_snapshots_day_weights_are_each_days_own(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What a snapshot keeps for the shortlist's blend, filled in by searches on two days:
    each listing's weight is the one its day gives, never another day's."""
    backend = WhooshBackend.create(tmp_path / "index", _directory())
    later = TODAY + timedelta(days=400)
    monkeypatch.setattr(engine, "RERANKED", 5)
    for day in (TODAY, later, TODAY):
        for words in ("food", "cant afford to feed my kids", "pantry"):
            backend.search(replace(query(words, reader=READER), today=day))
    view = backend._fresh_snapshot()
    for day in (TODAY, later):
        weights = engine._day_weights_of(view, day)
        assert len(weights) > 20, "the searches blended listings on this day"
        for doc, kept in weights.items():
            assert kept == engine._day_weights(view.info(doc), day)
    assert engine._day_weights_of(view, TODAY) != engine._day_weights_of(view, later)
    backend.close()
