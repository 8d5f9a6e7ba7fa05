"""Postcode searches with facet filters on: tantivy counts every facet as the exact engine.

A facet whose own filter is on is counted without it (:func:`search.filtering.facet_counts`):
its other choices' listings inside the circle count too. Tantivy measures the circle once,
so it must measure it without those filters and apply them per count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search import Filters, MemoryBackend, SearchQuery, TantivyBackend
from tests.search.search_factories import DUDLEY, TODAY
from tests.search.test_parity import KINDS, NEEDS, generated

Choice = Callable[[st.DrawFn], dict[str, object]]

FACET_FILTERS: dict[str, Choice] = {
    "kinds": lambda draw: {"kinds": tuple(draw(st.sets(st.sampled_from(KINDS), min_size=1)))},
    "needs": lambda draw: {"needs": (draw(st.sampled_from(NEEDS)),)},
    "languages": lambda draw: {"languages": (draw(st.sampled_from(("ur", "pl", "pa"))),)},
    "days": lambda draw: {"days": (draw(st.sampled_from(("MO", "TU", "SA"))),)},
    "localities": lambda draw: {"localities": (draw(st.sampled_from(("north", "south"))),)},
    "free": lambda draw: {"free_only": True},
}


@st.composite
def facet_filters(draw: st.DrawFn) -> Filters:
    """One or two facet filters, sometimes with an age (a filter that is no facet)."""
    names = draw(st.lists(st.sampled_from(sorted(FACET_FILTERS)), min_size=1, max_size=2))
    chosen: dict[str, object] = {}
    for name in names:
        chosen.update(FACET_FILTERS[name](draw))
    if draw(st.booleans()):
        chosen["age"] = draw(st.integers(min_value=-1, max_value=16))
    return Filters(**chosen)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def engines(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[TantivyBackend, MemoryBackend]]:
    """Tantivy keeping fewer candidates than most of these searches match, so a page with
    no words comes from the listings it measured inside the circle that pass the filters
    (each with one venue: the page is the exact engine's,
    ``tests/search/test_tantivy_postcode_parts.py``)."""
    documents = generated(250, seed=11)
    folder = tmp_path_factory.mktemp("facets")
    with TantivyBackend.create(folder / "index", documents, candidates=24) as tantivy:
        yield tantivy, MemoryBackend(documents)


offset = st.floats(min_value=-6_000.0, max_value=6_000.0)


@settings(max_examples=60, deadline=None)
@given(
    east=offset,
    north=offset,
    radius=st.sampled_from((800.0, 1_609.344, 3_000.0, 4_828.032, 8_046.72)),
    locality=st.sampled_from(("north", "south", "east")),
    text=st.sampled_from(("", "", "support", "family hub")),
    filters=facet_filters(),
)
def test_each_facet_counts_as_the_exact_engine_with_filters_on(
    engines: tuple[TantivyBackend, MemoryBackend],
    east: float,
    north: float,
    radius: float,
    locality: str,
    text: str,
    filters: Filters,
) -> None:
    tantivy, memory = engines
    asked = SearchQuery(
        text=text,
        origin=(DUDLEY[0] + east, DUDLEY[1] + north),
        radius_m=radius,
        origin_localities=(locality,),
        filters=filters,
        loosen=False,
        page_size=3,
        today=TODAY,
    )
    expected, found = memory.search(asked), tantivy.search(asked)
    assert found.total == expected.total
    assert {name: dict(counts) for name, counts in found.facets.items()} == {
        name: dict(counts) for name, counts in expected.facets.items()
    }
    if not text:  # words: candidates by tantivy's own score, few on purpose here
        assert [hit.id for hit in found.hits] == [hit.id for hit in expected.hits], asked


def test_a_kind_chosen_in_a_circle_still_counts_the_other_kinds_there(
    engines: tuple[TantivyBackend, MemoryBackend],
) -> None:
    """The case found: with a kind chosen, the kinds facet lost the circle's other kinds."""
    tantivy, memory = engines
    asked = SearchQuery(
        origin=DUDLEY,
        radius_m=3_000.0,
        origin_localities=("north",),
        filters=Filters(kinds=("pantry",)),
        today=TODAY,
    )
    expected, found = memory.search(asked), tantivy.search(asked)
    others = {kind for kind in KINDS if kind != "pantry"}
    assert others <= set(expected.facets["kinds"])  # the case is in the data
    assert dict(found.facets["kinds"]) == dict(expected.facets["kinds"])
    assert [hit.id for hit in found.hits] == [hit.id for hit in expected.hits]
