"""A postcode search on the tantivy index gives what the exact in-memory engine gives, on
the demo directory, for many random places, radii and words.

The tantivy backend narrows a radius in the engine and measures only what it must
(:mod:`search.tantivy_backend`); the memory backend measures every listing. Same listings,
same order, same distances, same total and the same facet counts, or the shortcut is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.extensions import db
from directory.indexing.documents import service_document
from directory.queries.indexing import indexable_listings
from search import (
    MemoryBackend,
    PageOutOfRange,
    SearchBackend,
    SearchQuery,
    ServiceDocument,
    TantivyBackend,
)

TODAY = date(2026, 11, 23)
WORDS = ("", "", "food", "play", "support", "parenting course", "youth club", "send")


def answer(backend: SearchBackend, asked: SearchQuery) -> object:
    """What a family sees: the page (ids and distances), the total, the facet counts and
    any widening; or that the page is past the last."""
    try:
        found = backend.search(asked)
    except PageOutOfRange:
        return "past the last page"
    hits = [(hit.id, hit.distance_m) for hit in found.hits]
    return hits, found.total, found.facets, found.widened


@pytest.fixture(scope="module")
def demo_documents(demo_app: Flask) -> list[ServiceDocument]:
    with demo_app.app_context():
        return [service_document(listing, TODAY, 12) for listing in indexable_listings(db.session)]


@pytest.fixture(scope="module")
def backends(
    demo_documents: list[ServiceDocument], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TantivyBackend, MemoryBackend, list[tuple[float, float]]]]:
    folder: Path = tmp_path_factory.mktemp("demo-tantivy")
    venues = sorted({point for doc in demo_documents for point in doc.points})
    with TantivyBackend.create(folder / "index", demo_documents) as tantivy:
        yield tantivy, MemoryBackend(demo_documents), venues


@pytest.fixture(scope="module")
def localities(demo_documents: list[ServiceDocument]) -> list[str]:
    return sorted({locality for doc in demo_documents for locality in doc.localities})


def test_the_demo_has_listings_with_several_venues(demo_documents: list[ServiceDocument]) -> None:
    """What the property below needs to mean anything: venues, and listings with several."""
    assert sum(1 for doc in demo_documents if doc.points) >= 20
    assert any(len(doc.points) > 1 for doc in demo_documents)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    venue=st.integers(min_value=0),
    locality=st.integers(min_value=0),
    offset=st.tuples(st.floats(-3_000, 3_000), st.floats(-3_000, 3_000)),
    radius=st.one_of(st.sampled_from((1_609.344, 4_828.032, 8_046.72)), st.floats(50, 12_000)),
    words=st.sampled_from(WORDS),
    loosen=st.booleans(),
    nearest=st.booleans(),
    page=st.integers(min_value=1, max_value=3),
)
def test_a_postcode_search_matches_the_exact_engine(
    backends: tuple[TantivyBackend, MemoryBackend, list[tuple[float, float]]],
    localities: list[str],
    venue: int,
    locality: int,
    offset: tuple[float, float],
    radius: float,
    words: str,
    loosen: bool,
    nearest: bool,
    page: int,
) -> None:
    tantivy, memory, venues = backends
    east, north = venues[venue % len(venues)]
    asked = SearchQuery(
        text=words,
        origin=(east + offset[0], north + offset[1]),
        radius_m=radius,
        origin_localities=(localities[locality % len(localities)],),
        sort="nearest" if nearest else "relevance",
        loosen=loosen,
        page=page,
        today=TODAY,
    )
    assert answer(tantivy, asked) == answer(memory, asked)


@pytest.fixture(scope="module")
def either_venue_first(
    demo_documents: list[ServiceDocument], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[tuple[TantivyBackend, MemoryBackend]]]:
    """The demo on both engines twice: as built, and with every listing's venues in the
    opposite order (tantivy keeps a listing's first venue in its fast fields)."""
    reversed_venues = [replace(doc, points=doc.points[::-1]) for doc in demo_documents]
    folder: Path = tmp_path_factory.mktemp("demo-tantivy-venues")
    with (
        TantivyBackend.create(folder / "as-built", demo_documents) as built,
        TantivyBackend.create(folder / "reversed", reversed_venues) as turned,
    ):
        yield [(built, MemoryBackend(demo_documents)), (turned, MemoryBackend(reversed_venues))]


def test_the_order_of_a_listings_venues_changes_no_search(
    either_venue_first: list[tuple[TantivyBackend, MemoryBackend]],
    demo_documents: list[ServiceDocument],
    localities: list[str],
) -> None:
    """At every venue of every listing with several, with no words (where tantivy chooses
    the candidates by distance from its fast fields): the same page as the exact engine,
    whichever venue comes first. Keyed by its first venue alone, a listing whose first
    venue is far fell below the cut while a nearer one put it on the page."""
    places = sorted(
        {point for doc in demo_documents if len(doc.points) > 1 for point in doc.points}
    )
    assert places
    for tantivy, memory in either_venue_first:
        for east, north in places:
            for radius, sort in (
                (1_609.344, "relevance"),
                (8_046.72, "relevance"),
                (4_828.032, "nearest"),
            ):
                asked = SearchQuery(
                    text="",
                    origin=(east + 250.0, north - 250.0),
                    radius_m=radius,
                    origin_localities=(localities[0],),
                    sort=sort,
                    today=TODAY,
                )
                assert answer(tantivy, asked) == answer(memory, asked), (east, north, radius, sort)
