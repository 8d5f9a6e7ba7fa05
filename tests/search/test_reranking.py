"""Only the best few hundred matches are ranked exactly: the cut must never change a page.

Every match is ranked by its rough score (:class:`search.meaning.Scores`) and only the best
``RERANKED`` of those exactly. These tests cut to a handful, far below what the page
shows, over a directory of many listings meeting the same need with varied words,
distances and checks, and hold each page, the total and the counts to what ranking every
match exactly gives.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

import search.engine as engine
from search import Filters, SearchBackend, SearchResults
from search.understanding import QueryReader
from tests.search.search_factories import DUDLEY, Build, ids, make_doc, query
from tests.search.test_understanding import reader

READER: QueryReader = reader()
LISTINGS = 120
WORDS = ("food", "parcels", "pantry", "family", "support", "weekly", "help", "advice", "club")


def _directory() -> list:
    """Listings meeting Food, with words, places and checks drawn at random (seeded), one
    imported listing (no needs set) whose name holds every word, and a few for danger."""
    rng = random.Random(17)
    documents = [
        make_doc(
            f"food-{n:03d}",
            f"Food help {n}",
            description=" ".join(rng.choices(WORDS, k=rng.randint(3, 30))),
            need_codes=("food",) if n % 7 else ("food", "money-and-debt"),
            points=((DUDLEY[0] + rng.uniform(-9000, 9000), DUDLEY[1] + rng.uniform(-9000, 9000)),)
            if n % 5
            else (),
            borough_wide=n % 5 == 0,
            assured_date=rng.choice(["2026-11-01", "2026-06-01", "2025-09-01", None]),
            free=n % 3 == 0,
        )
        for n in range(LISTINGS)
    ]
    documents.append(
        make_doc(
            "imported-food-bank",
            "Cant afford to feed the kids? Free meals",
            description="Meals for anyone who cannot pay for food this week.",
            points=((DUDLEY[0] + 8000, DUDLEY[1]),),
            assured_date="2026-10-01",
        )
    )
    documents += [
        make_doc(
            f"refuge-{n}",
            f"Refuge outreach {n}",
            description="Safety planning for women and children.",
            need_codes=("domestic-abuse",),
            borough_wide=True,
            assured_date="2025-01-01",
        )
        for n in range(3)
    ]
    return documents


@pytest.fixture
def many(build: Build) -> SearchBackend:
    return build(_directory())


@pytest.fixture
def cut_to_five(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(engine, "RERANKED", 5)
    yield


ASKED = [
    {"text": "cant afford to feed my kids"},
    {"text": "cant afford to feed my kids", "origin": DUDLEY, "radius_m": 8000.0},
    {"text": "food parcels", "origin": DUDLEY, "radius_m": 8000.0, "sort": "nearest"},
    {"text": "help with food", "filters": Filters(free_only=True)},
    {"text": "no money for food and my partner hits me"},
    {"filters": Filters(needs=("food",)), "origin": DUDLEY, "radius_m": 16000.0},
]


def _pages(backend: SearchBackend, asked: dict) -> list[SearchResults]:
    return [
        backend.search(query(reader=READER, page=page, page_size=10, **asked)) for page in (1, 2, 3)
    ]


@pytest.mark.parametrize("asked", ASKED, ids=lambda a: a.get("text", "needs only"))
def test_cut_pages_are_the_exact_pages(
    many: SearchBackend, asked: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = _pages(many, asked)
    assert exact[0].total > 30  # far more matches than the cut keeps

    monkeypatch.setattr(engine, "RERANKED", 5)
    for cut, full in zip(_pages(many, asked), exact, strict=True):
        assert ids(cut) == ids(full)
        assert cut.total == full.total
        assert cut.facets == full.facets
        assert [hit.distance_m for hit in cut.hits] == [hit.distance_m for hit in full.hits]


@pytest.mark.usefixtures("cut_to_five")
def test_a_listing_meeting_every_word_still_ranks_with_those_meeting_the_need(
    many: SearchBackend,
) -> None:
    found = many.search(query("cant afford to feed my kids", reader=READER, page_size=10))

    assert found.reading is not None
    assert {c.key for c in found.reading.concepts} == {"need:food", "need:money-and-debt"}
    assert "imported-food-bank" in ids(found)


@pytest.mark.usefixtures("cut_to_five")
def test_danger_first_survives_the_cut(many: SearchBackend) -> None:
    found = many.search(query("no money for food and my partner hits me", reader=READER))

    assert {hit.id for hit in found.hits[:2]} <= {"refuge-0", "refuge-1", "refuge-2"}
    assert found.total > 30
