"""The garbage collector's thresholds during an import, and after it."""

from __future__ import annotations

import gc
import weakref

import pytest

from directory.listings.collecting import YOUNG_OBJECTS, fewer_collections


def test_collections_are_rarer_inside_and_as_before_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        inside = gc.get_threshold()
    assert inside == (max(before[0], YOUNG_OBJECTS), *before[1:])
    assert gc.get_threshold() == before


def test_thresholds_are_restored_when_the_write_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("the database refused")
    assert gc.get_threshold() == before


def test_garbage_is_still_collected_inside() -> None:
    class Cycle:
        other: Cycle

    with fewer_collections():
        first = Cycle()
        first.other = Cycle()
        first.other.other = first
        gone = weakref.ref(first)
        del first
        kept = [[] for _ in range(YOUNG_OBJECTS * 2)]  # enough new objects for a pass
        assert gone() is None
        assert kept
