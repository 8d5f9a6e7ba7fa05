"""Edit distance and corrections; grid cells and distances; range terms."""

from __future__ import annotations

import math
import random

from search.geo import CELL_SIZES_M, cell_term, covering_cells, nearest_distance, point_cells
from search.indexing import age_term_covers, age_terms, runs, slot_term_covers, slot_terms
from search.spelling import best_correction, edit_distance


def test_edit_distance_counts_a_swap_as_one_edit() -> None:
    assert edit_distance("behavour", "behaviour", 2) == 1
    assert edit_distance("teh", "the", 2) == 1
    assert edit_distance("parnting", "parenting", 2) == 1
    assert edit_distance("kitten", "sitting", 5) == 3


def test_edit_distance_stops_past_the_limit() -> None:
    assert edit_distance("abcdef", "uvwxyz", 2) == 3
    assert edit_distance("a", "abcdef", 1) == 2


def test_best_correction_prefers_closer_then_commoner_words() -> None:
    vocabulary = {"parenting": 5, "painting": 9, "parents": 40}
    assert best_correction("parentting", vocabulary) == "parenting"
    assert best_correction("parnting", vocabulary) == "painting"  # both one edit away
    assert best_correction("parnting", {**vocabulary, "parenting": 10}) == "parenting"


def test_short_or_unknown_words_are_not_corrected() -> None:
    assert best_correction("dv", {"da": 3}) is None
    assert best_correction("zzzzzz", {"parenting": 1}) is None


def test_covering_cells_hold_every_point_within_the_radius() -> None:
    rng = random.Random(7)
    for _ in range(300):
        origin = (rng.uniform(100_000, 600_000), rng.uniform(100_000, 600_000))
        radius = rng.choice((500.0, 1_600.0, 5_000.0, 16_000.0, 60_000.0))
        cells = covering_cells(origin, radius)
        assert cells is not None
        angle, reach = rng.uniform(0, 2 * math.pi), rng.uniform(0, radius)
        point = (origin[0] + reach * math.cos(angle), origin[1] + reach * math.sin(angle))
        assert set(cells) & set(point_cells([point]))


def test_covering_cells_use_few_cells_and_give_up_on_huge_circles() -> None:
    assert len(covering_cells((400_000, 300_000), 1_600.0) or ()) <= 16
    assert covering_cells((400_000, 300_000), 100_000.0) is None


def test_point_cells_cover_every_size() -> None:
    cells = point_cells([(394_123.0, 290_456.0)])
    assert len(cells) == len(CELL_SIZES_M)
    assert cell_term(2_000, 394_123.0, 290_456.0) == "2k:197:145" in cells


def test_nearest_distance_is_planar_metres_to_the_closest_venue() -> None:
    assert nearest_distance((0.0, 0.0), [(3.0, 4.0), (30.0, 40.0)]) == 5.0
    assert nearest_distance((0.0, 0.0), []) is None


def test_ages_and_hours_are_indexed_as_ranges() -> None:
    assert runs([3, 1, 2, 7, -1, 0]) == [(-1, 3), (7, 7)]
    assert age_terms([-1, 0, 1, 5]) == ("-1:1", "5:5")
    assert age_term_covers("-1:1", -1) and not age_term_covers("-1:1", 2)
    assert slot_terms(["TU14", "MO09", "TU13", "TU16"]) == ("MO09-09", "TU13-14", "TU16-16")
    assert slot_term_covers("TU13-14", "TU14") and not slot_term_covers("TU13-14", "MO13")
