"""The tantivy backend on disk: shared by processes, one writer at a time, faults reported.

What every backend does is in the contract tests (``test_backends.py`` and the others on the
``build`` fixture); these are what only an index on disk shared by workers can get wrong.
"""

from __future__ import annotations

import math
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import IndexLocked, IndexUnavailable, MemoryBackend, TantivyBackend
from search.generations import CURRENT, GENERATION_PREFIX
from tests.search.search_factories import DUDLEY, directory, ids, make_doc, query
from tests.search.test_whoosh_faults import lock_held_elsewhere

EDIT_ELSEWHERE = """
import sys
from search import TantivyBackend
from tests.search.search_factories import make_doc
with TantivyBackend(sys.argv[1]) as backend:
    backend.index([make_doc("food-bank", "Trampoline park and food bank")])
"""
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    TantivyBackend.create(tmp_path / "index", directory()).close()
    return tmp_path / "index"


def test_an_edit_by_another_process_is_in_the_next_search(index_dir: Path) -> None:
    with TantivyBackend(index_dir) as worker:
        assert worker.search(query("trampoline")).total == 0
        subprocess.run([sys.executable, "-c", EDIT_ELSEWHERE, str(index_dir)], cwd=ROOT, check=True)
        assert ids(worker.search(query("trampoline"))) == ["food-bank"]
        assert worker.count() == len(directory())


def test_workers_share_one_index_and_see_each_others_edits(index_dir: Path) -> None:
    with TantivyBackend(index_dir) as first, TantivyBackend(index_dir) as second:
        first.index([make_doc("new", "Trampoline club")])
        assert ids(second.search(query("trampoline"))) == ["new"]
        second.remove(["new"])
        assert first.search(query("trampoline")).total == 0
        first.rebuild([make_doc("only", "Only listing")])
        assert second.document_ids() == {"only"}


def test_readers_search_while_another_process_holds_the_write_lock(index_dir: Path) -> None:
    with TantivyBackend(index_dir, lock_timeout=0.3) as backend, lock_held_elsewhere(index_dir):
        started = time.monotonic()
        assert ids(backend.search(query("antenatal"))) == ["bump-to-baby"]
        assert time.monotonic() - started < 0.3
        with pytest.raises(IndexLocked, match="write lock"):
            backend.index([make_doc("new", "New listing")])
        assert backend.count() == len(directory())


def test_a_missing_or_unreadable_index_is_unavailable(tmp_path: Path, index_dir: Path) -> None:
    with pytest.raises(IndexUnavailable, match="no search index"):
        TantivyBackend(tmp_path / "nowhere")
    live = index_dir / (index_dir / CURRENT).readlink()
    (live / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="cannot be opened"):
        TantivyBackend(index_dir)


def test_a_failed_rebuild_leaves_the_live_index_alone(index_dir: Path) -> None:
    def documents():  # type: ignore[no-untyped-def]
        yield make_doc("half", "Half written")
        raise RuntimeError("the database went away")

    with TantivyBackend(index_dir) as backend:
        with pytest.raises(RuntimeError):
            backend.rebuild(documents())
        assert backend.count() == len(directory())
    assert len(list(index_dir.glob(f"{GENERATION_PREFIX}*"))) == 1


coordinate = st.floats(min_value=-6_000.0, max_value=6_000.0)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    venues=st.lists(st.lists(st.tuples(coordinate, coordinate), max_size=3), max_size=25),
    centre=st.tuples(coordinate, coordinate),
    radius=st.floats(min_value=10.0, max_value=8_000.0),
)
def test_a_radius_finds_exactly_the_listings_within_it(
    tmp_path_factory: pytest.TempPathFactory,
    venues: list[list[tuple[float, float]]],
    centre: tuple[float, float],
    radius: float,
) -> None:
    """The strips of the circle and the exact measure of its edge find what measuring
    every listing finds, with several venues a listing or none."""
    documents = [
        make_doc(
            f"svc-{number}",
            "Hub",
            points=tuple((DUDLEY[0] + e, DUDLEY[1] + n) for e, n in points),
            localities=("north",),
        )
        for number, points in enumerate(venues)
    ]
    origin = (DUDLEY[0] + centre[0], DUDLEY[1] + centre[1])
    asked = query("hub", origin=origin, radius_m=radius, loosen=False, page_size=100)
    expected = MemoryBackend(documents).search(asked)
    folder = tmp_path_factory.mktemp("radius")
    with TantivyBackend.create(folder / "index", documents) as tantivy:
        found = tantivy.search(asked)
    assert found.total == expected.total
    assert [(hit.id, hit.distance_m) for hit in found.hits] == [
        (hit.id, hit.distance_m) for hit in expected.hits
    ]


@pytest.mark.parametrize("radius", [150.0, 1_000.0, 7_500.0])
def test_a_radius_tells_venues_either_side_of_its_edge(tmp_path: Path, radius: float) -> None:
    """Venues on rings a hair inside and outside the circle, all round it: the edge of
    every strip is measured, never taken from a rectangle."""
    documents = [
        make_doc(
            f"svc-{side}-{degree}",
            "Hub",
            points=(
                (
                    DUDLEY[0] + factor * radius * math.cos(math.radians(degree)),
                    DUDLEY[1] + factor * radius * math.sin(math.radians(degree)),
                ),
            ),
        )
        for degree in range(0, 360, 3)
        for side, factor in (("in", 0.995), ("out", 1.005))
    ]
    asked = query("hub", origin=DUDLEY, radius_m=radius, loosen=False, page_size=100)
    with TantivyBackend.create(tmp_path / "index", documents) as tantivy:
        found = tantivy.search(asked)
    assert found.total == 120
    assert all(hit.id.startswith("svc-in-") for hit in found.hits)
