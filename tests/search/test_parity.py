"""The in-memory backend and those on disk (Whoosh, tantivy) agree on a generated directory.

Tantivy is also asked to keep far fewer candidates than the page needs re-ranked from a
directory this size, so its choice of candidates is what is tested: the page it ranks from
them is the one ranking every match gives.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from search import (
    Filters,
    MemoryBackend,
    SearchQuery,
    ServiceDocument,
    TantivyBackend,
    WhooshBackend,
)
from tests.search.search_factories import DUDLEY, TODAY, make_doc

WORDS = (
    "parenting", "course", "support", "family", "hub", "food", "bank", "pantry", "larder",
    "toddler", "group", "stay", "and", "play", "youth", "club", "teenagers", "counselling",
    "therapy", "debt", "money", "benefits", "housing", "homeless", "school", "attendance",
    "baby", "antenatal", "breastfeeding", "autism", "send", "ehcp", "behaviour", "sleep",
    "football", "cooking", "library", "music", "dance", "volunteers", "advice", "drop", "in",
    "weekly", "free", "lunch", "holiday", "activities",
)  # fmt: skip
NEEDS = ("food", "send", "parenting", "money", "housing")
KINDS = ("family_centre", "pantry", "holiday_activity", "community_group")


def generated(count: int, seed: int) -> list[ServiceDocument]:
    rng = random.Random(seed)
    documents = []
    for index in range(count):
        has_venue = rng.random() < 0.8
        documents.append(
            make_doc(
                f"svc-{index:03d}",
                " ".join(rng.sample(WORDS, 3)).title(),
                description=" ".join(rng.choices(WORDS, k=rng.randint(5, 60))),
                kind=rng.choice(KINDS),
                need_codes=tuple(rng.sample(NEEDS, rng.randint(1, 2))),
                localities=(rng.choice(("north", "south", "east")),),
                borough_wide=not has_venue and rng.random() < 0.5,
                points=(
                    ((DUDLEY[0] + rng.uniform(-8e3, 8e3), DUDLEY[1] + rng.uniform(-8e3, 8e3)),)
                    if has_venue
                    else ()
                ),
                ages=tuple(range(rng.randint(-1, 5), rng.randint(6, 19))),
                free=rng.random() < 0.6,
                languages=("en", *rng.sample(("ur", "pl", "pa"), rng.randint(0, 1))),
                open_slots=(f"{rng.choice(('MO', 'TU', 'SA'))}{rng.randint(9, 16):02d}",),
                assured_date=f"2026-{rng.randint(1, 11):02d}-01",
            )
        )
    return documents


QUERIES = [
    SearchQuery(text="parenting", today=TODAY),
    SearchQuery(text="food bank", today=TODAY),
    SearchQuery(text="stay and play", today=TODAY),
    SearchQuery(text="teenagers football", today=TODAY),
    SearchQuery(text="parnting corse", today=TODAY),
    SearchQuery(text="counseling xylophone", today=TODAY),
    SearchQuery(text="", filters=Filters(needs=("food",), free_only=True), today=TODAY),
    SearchQuery(text="advice", filters=Filters(age=-1, languages=("ur",)), today=TODAY),
    SearchQuery(text="debt", origin=DUDLEY, radius_m=3_000.0, today=TODAY),
    SearchQuery(
        text="", origin=DUDLEY, radius_m=2_000.0, origin_localities=("north",), today=TODAY
    ),
    SearchQuery(text="hub", origin=DUDLEY, sort="nearest", today=TODAY),
    SearchQuery(text="", filters=Filters(days=("SA",), kinds=("pantry",)), today=TODAY),
]


@pytest.mark.parametrize("search_query", QUERIES, ids=lambda q: q.text or "filters")
@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_backends_agree(tmp_path: Path, search_query: SearchQuery, engine: str) -> None:
    documents = generated(250, seed=11)
    memory = MemoryBackend(documents)
    kind = WhooshBackend if engine == "whoosh" else TantivyBackend
    with kind.create(tmp_path / "index", documents) as on_disk:
        wide = SearchQuery(**{**_fields(search_query), "page_size": 100})
        expected, found = memory.search(wide), on_disk.search(wide)
    assert found.total == expected.total
    assert found.facets == expected.facets
    assert (found.suggestion, found.widened) == (expected.suggestion, expected.widened)
    if expected.total <= 100:
        assert {hit.id for hit in found.hits} == {hit.id for hit in expected.hits}
    # Whoosh stores field lengths to one byte of precision, so scores differ slightly;
    # the order agrees wherever the memory scores are not near-ties.
    scores = {hit.id: hit.score for hit in found.hits}
    pairs = zip(expected.hits, expected.hits[1:], strict=False)
    for better, worse in pairs:
        if better.id in scores and worse.id in scores and better.score > worse.score * 1.05:
            assert scores[better.id] >= scores[worse.id]
    assert len(scores) == len(expected.hits)


def _fields(search_query: SearchQuery) -> dict:
    return {name: getattr(search_query, name) for name in SearchQuery.__dataclass_fields__}


@pytest.mark.parametrize("search_query", QUERIES, ids=lambda q: q.text or "filters")
def test_tantivy_ranks_a_page_from_few_candidates_as_from_every_match(
    tmp_path: Path, search_query: SearchQuery
) -> None:
    documents = generated(250, seed=11)
    memory = MemoryBackend(documents)
    page = SearchQuery(**{**_fields(search_query), "page_size": 5})
    # Eight times the page (the site keeps 300 for a page of 20). Tantivy's own score only
    # chooses candidates: at four times the page, two of these queries lost a result.
    with TantivyBackend.create(tmp_path / "index", documents, candidates=80) as tantivy:
        expected, found = memory.search(page), tantivy.search(page)
    assert (found.total, found.facets) == (expected.total, expected.facets)
    assert [hit.id for hit in found.hits] == [hit.id for hit in expected.hits]


@pytest.mark.parametrize(
    "filters", [Filters(free_only=True), Filters(needs=("food",))], ids=["free", "food"]
)
def test_tantivy_browses_from_the_freshest_as_from_every_match(
    tmp_path: Path, filters: Filters
) -> None:
    """With no words and no place, more listings checked lately (and not overdue) match
    than tantivy keeps: it takes them as candidates without reading every match's dates."""
    documents = generated(250, seed=11)
    page = SearchQuery(text="", filters=filters, today=TODAY, page_size=2)
    fresh = [
        doc
        for doc in documents
        if doc.assured_date >= "2026-08-25"
        and (doc.free or not filters.free_only)
        and set(filters.needs) <= set(doc.need_codes)
    ]
    assert len(fresh) > 20  # more than the candidates kept: the shortcut is taken
    with TantivyBackend.create(tmp_path / "index", documents, candidates=20) as tantivy:
        expected, found = MemoryBackend(documents).search(page), tantivy.search(page)
        second = replace(page, page=3)
        expected_later, found_later = (
            MemoryBackend(documents).search(second),
            tantivy.search(second),
        )
    assert (found.total, found.facets) == (expected.total, expected.facets)
    assert [hit.id for hit in found.hits] == [hit.id for hit in expected.hits]
    assert [hit.id for hit in found_later.hits] == [hit.id for hit in expected_later.hits]
