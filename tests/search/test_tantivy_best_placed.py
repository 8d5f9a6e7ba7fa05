"""The candidates of a search with no words: tantivy's shortcut against keying every match.

With no words, the tantivy backend chooses its candidates by the ranking's own distance and
freshness. Listings with no venue (every borough-wide service, in a postcode search) are not
keyed one by one: tantivy counts them by day checked and finds those that reach the cut. The
choice must be exactly the one keying every match in Python gives (the "exact path" below),
ties and their cap included, on an index of several segments with deletions.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import search.tantivy_backend as tantivy_backend
from search import (
    MemoryBackend,
    PageOutOfRange,
    SearchBackend,
    SearchQuery,
    ServiceDocument,
    TantivyBackend,
)
from search.ranking import blend, freshness, proximity
from search.tantivy_backend import _Search
from search.tantivy_schema import ASSURED, DUE, FOREVER
from tests.search.search_factories import DUDLEY, TODAY, make_doc


def generated(
    count: int,
    seed: int,
    venue_counts: tuple[int, ...] = (0, 0, 1, 1, 1, 2, 3),
    days_back: int = 900,
) -> list[ServiceDocument]:
    """Listings with none, one or several venues, checked on few days (many ties), some
    never, some overdue for review, half of those with no venue borough-wide."""
    rng = random.Random(seed)
    days = [TODAY - timedelta(days=rng.randint(0, days_back)) for _ in range(12)]
    documents = []
    for index in range(count):
        venues = rng.choice(venue_counts)
        checked = rng.choice((*days, None))
        documents.append(
            make_doc(
                f"svc-{index:03d}",
                "Hub",
                localities=(rng.choice(("north", "south")),),
                borough_wide=not venues and rng.random() < 0.5,
                points=tuple(
                    (DUDLEY[0] + rng.uniform(-6e3, 6e3), DUDLEY[1] + rng.uniform(-6e3, 6e3))
                    for _ in range(venues)
                ),
                assured_date=checked.isoformat() if checked else None,
                review_due=rng.choice(
                    (None, None, (TODAY + timedelta(days=rng.randint(-60, 60))).isoformat())
                ),
            )
        )
    return documents


DOCUMENTS = generated(240, 7)
ONE_VENUE_AT_MOST = generated(240, 8, venue_counts=(0, 0, 0, 1), days_back=120)
"""Mostly no venue, mostly checked in the last 90 days: hundreds tie for the best place."""


def segmented(folder: Path, documents: list[ServiceDocument]) -> TantivyBackend:
    """Three segments, and deleted documents in them (every ninth)."""
    created = TantivyBackend.create(folder / "index", documents[:100])
    created.index(documents[100:180])
    created.index(documents[180:])
    created.remove([doc.id for doc in documents[::9]])
    return created


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TantivyBackend]:
    with segmented(tmp_path_factory.mktemp("best-placed"), DOCUMENTS) as created:
        yield created


@pytest.fixture(scope="module")
def one_venue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TantivyBackend]:
    with segmented(tmp_path_factory.mktemp("one-venue"), ONE_VENUE_AT_MOST) as created:
        yield created


def every_match_keyed(search: _Search, matches: Any, keep: int) -> list[Any]:
    """The exact path: every match keyed in Python, its dates from the fast fields and its
    distance from the nearest of the venues its stored entry holds."""
    snapshot, query = search.snapshot, search.query
    addresses = snapshot.every_hit(matches)
    fast = snapshot.searcher.fast_field_values
    assured, due = fast(ASSURED, addresses), fast(DUE, addresses)
    points = [entry.info.points for entry in snapshot.entries(addresses)]
    origin, today = query.origin, query.today
    keys = []
    for index in range(len(addresses)):
        distance = None
        if origin is not None and points[index]:
            distance = min(math.hypot(e - origin[0], n - origin[1]) for e, n in points[index])
        if query.sort == "nearest":
            keys.append((float(distance is None), distance or 0.0))
            continue
        checked = date.fromordinal(assured[index]) if assured[index] else None
        overdue = checked is None or (due[index] < FOREVER and due[index] < today.toordinal())
        near = proximity(distance, origin is not None)
        keys.append((-blend(1.0, near, freshness(checked, today), overdue), 0.0))
    last = heapq.nsmallest(keep, keys)[-1]
    chosen = [address for address, key in zip(addresses, keys, strict=True) if key <= last]
    return chosen[: tantivy_backend.TIES_KEPT]


def places(addresses: list[Any]) -> list[tuple[int, int]]:
    return [(address.segment_ord, address.doc) for address in addresses]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offset=st.one_of(st.none(), st.tuples(st.floats(-8e3, 8e3), st.floats(-8e3, 8e3))),
    radius=st.floats(300, 9_000),
    nearest=st.booleans(),
    candidates=st.integers(1, 60),
    ties=st.integers(1, 300),
)
def test_the_shortcut_chooses_what_keying_every_match_chooses(
    backend: TantivyBackend,
    offset: tuple[float, float] | None,
    radius: float,
    nearest: bool,
    candidates: int,
    ties: int,
) -> None:
    asked = SearchQuery(
        origin=None if offset is None else (DUDLEY[0] + offset[0], DUDLEY[1] + offset[1]),
        radius_m=None if offset is None else radius,
        origin_localities=("north",),
        sort="nearest" if nearest and offset is not None else "relevance",
        page_size=1,
        today=TODAY,
    )
    compared: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    shortcut = _Search._best_placed

    def both(search: _Search, matches: Any, keep: int, total: int) -> list[Any]:
        chosen = shortcut(search, matches, keep, total)
        compared.append((places(chosen), places(every_match_keyed(search, matches, keep))))
        return chosen

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_Search, "_best_placed", both)
        patch.setattr(tantivy_backend, "TIES_KEPT", ties)
        patch.setattr(backend, "candidates", candidates)
        backend.search(asked)
    assert compared
    for chosen, exact in compared:
        assert chosen == exact


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offset=st.one_of(st.none(), st.tuples(st.floats(-8e3, 8e3), st.floats(-8e3, 8e3))),
    radius=st.floats(300, 9_000),
    candidates=st.integers(1, 60),
    page=st.integers(1, 4),
)
def test_a_search_with_no_words_gives_the_exact_engines_page(
    one_venue: TantivyBackend,
    offset: tuple[float, float] | None,
    radius: float,
    candidates: int,
    page: int,
) -> None:
    """Only the tied candidates that can reach the page are ranked: the page, its
    distances and the total are still the in-memory engine's (which ranks every match),
    however few candidates are kept (listings with at most one venue, most of them tied;
    listings with several are keyed by their nearest venue, checked above and in
    ``tests/indexing/test_radius_on_demo.py``)."""
    asked = SearchQuery(
        origin=None if offset is None else (DUDLEY[0] + offset[0], DUDLEY[1] + offset[1]),
        radius_m=None if offset is None else radius,
        origin_localities=("north",),
        page=page,
        page_size=3,
        today=TODAY,
    )
    memory = MemoryBackend([doc for index, doc in enumerate(ONE_VENUE_AT_MOST) if index % 9])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(one_venue, "candidates", candidates)
        assert answer(one_venue, asked) == answer(memory, asked)


def answer(backend: SearchBackend, asked: SearchQuery) -> object:
    try:
        found = backend.search(asked)
    except PageOutOfRange:
        return "past the last page"
    return [(hit.id, hit.distance_m) for hit in found.hits], found.total
