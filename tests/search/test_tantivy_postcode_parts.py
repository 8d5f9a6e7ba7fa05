"""Postcode searches with no words on the tantivy backend, counted in parts.

The backend hands tantivy the listings measured inside the circle once, as a set of keys
(term queries when few, a term set otherwise), and counts the borough-wide services with no
venue once per snapshot and filters, adding the rest per search. Searches made one after
another (other places, radii, localities, sorts and pages, either door) must still count
and total exactly as the in-memory engine, which works on every listing each time, and,
when no listing has several venues, give its page (with several, a candidate is chosen by
its first venue's distance: ``tests/search/test_tantivy_best_placed.py``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

import search.tantivy_backend as tantivy_backend
from search import (
    Filters,
    MemoryBackend,
    PageOutOfRange,
    SearchBackend,
    SearchQuery,
    ServiceDocument,
    TantivyBackend,
)
from tests.search.search_factories import DUDLEY, TODAY, make_doc

LOCALITIES = ("north", "south", "west")


def listings(count: int, seed: int, most: int) -> list[ServiceDocument]:
    """Listings with none or up to ``most`` venues; of those with none, half borough-wide."""
    rng = random.Random(seed)
    documents = []
    for index in range(count):
        venues = rng.choice((0, 0, 1, 1, *range(2, most + 1)))
        documents.append(
            make_doc(
                f"svc-{index:03d}",
                "Hub",
                kind=rng.choice(("group", "helpline", "clinic")),
                free=rng.random() < 0.6,
                localities=(rng.choice(LOCALITIES),),
                borough_wide=not venues and rng.random() < 0.5,
                delivery=("in_person",) if venues else ("phone",),
                points=tuple(
                    (DUDLEY[0] + rng.uniform(-7e3, 7e3), DUDLEY[1] + rng.uniform(-7e3, 7e3))
                    for _ in range(venues)
                ),
                assured_date=f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            )
        )
    return documents


@pytest.fixture(params=[1, 3], ids=["one-venue-at-most", "several-venues"])
def backends(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[TantivyBackend, MemoryBackend, bool]]:
    """Tantivy in two segments with deletions, the in-memory engine on the same listings,
    and whether their pages must be the same."""
    documents = listings(260, 3, request.param)
    with TantivyBackend.create(tmp_path / "index", documents[:150]) as created:
        created.index(documents[150:])
        created.remove([doc.id for doc in documents[::7]])
        kept = [doc for index, doc in enumerate(documents) if index % 7]
        yield created, MemoryBackend(kept), request.param == 1


def answer(backend: SearchBackend, asked: SearchQuery, page: bool) -> object:
    try:
        found = backend.search(asked)
    except PageOutOfRange:
        return "past the last page"
    hits = [(hit.id, hit.distance_m) for hit in found.hits] if page else None
    return hits, found.total, {name: dict(counts) for name, counts in found.facets.items()}


@pytest.mark.parametrize("per_term_set", [1, 10**9], ids=["term-queries", "term-set"])
def test_postcode_searches_one_after_another_count_as_the_exact_engine(
    backends: tuple[TantivyBackend, MemoryBackend, bool], per_term_set: int
) -> None:
    tantivy, memory, page = backends
    rng = random.Random(per_term_set)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tantivy_backend, "KEYS_PER_TERM_SET", per_term_set)
        for _ in range(40):
            asked = SearchQuery(
                origin=(
                    DUDLEY[0] + rng.uniform(-6e3, 6e3),
                    DUDLEY[1] + rng.uniform(-6e3, 6e3),
                ),
                radius_m=rng.choice((800.0, 1_609.344, 4_828.032, 9_000.0)),
                origin_localities=(rng.choice(LOCALITIES),),
                filters=rng.choice((Filters(), Filters(), Filters(practitioner_only_too=True))),
                sort=rng.choice(("relevance", "relevance", "nearest")),
                page=rng.randint(1, 3),
                page_size=4,
                today=TODAY,
            )
            assert answer(tantivy, asked, page) == answer(memory, asked, page), asked
    assert 0 < len(tantivy._fresh_snapshot().wide) <= 4  # tallies and days, per door: reused
