"""Planar geometry on British National Grid metres, and the grid cells used as index terms.

A range query on float coordinates was measured 5x slower in Whoosh than keyword terms, so
each venue is indexed under the square cells containing it at a few sizes. A radius search
picks the coarsest-fine size whose cells cover the circle in at most ``MAX_COVER_CELLS``,
unions those cells' postings, then measures exact distances to drop what lies outside.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

Point = tuple[float, float]

CELL_SIZES_M = (2_000, 10_000, 40_000)
MAX_COVER_CELLS = 16


def cell_term(size_m: int, easting: float, northing: float) -> str:
    """The term for the ``size_m`` square containing a point, e.g. ``"10k:40:28"``."""
    return _cell_name(size_m, math.floor(easting / size_m), math.floor(northing / size_m))


def point_cells(points: Iterable[Point]) -> tuple[str, ...]:
    """Every cell term, at every size, that holds one of ``points``."""
    return tuple(sorted({cell_term(size, e, n) for e, n in points for size in CELL_SIZES_M}))


def covering_cells(origin: Point, radius_m: float) -> tuple[str, ...] | None:
    """Cells that together contain the circle, or None when the circle is too big to cover.

    Cells whose nearest edge is farther than the radius (the corners of the bounding
    square) are left out.
    """
    east, north = origin
    for size in CELL_SIZES_M:
        first_e = math.floor((east - radius_m) / size)
        last_e = math.floor((east + radius_m) / size)
        first_n = math.floor((north - radius_m) / size)
        last_n = math.floor((north + radius_m) / size)
        if (last_e - first_e + 1) * (last_n - first_n + 1) > MAX_COVER_CELLS:
            continue
        return tuple(
            _cell_name(size, cell_e, cell_n)
            for cell_e in range(first_e, last_e + 1)
            for cell_n in range(first_n, last_n + 1)
            if _gap(east, cell_e * size, size) ** 2 + _gap(north, cell_n * size, size) ** 2
            <= radius_m**2
        )
    return None


def nearest_distance(origin: Point, points: Iterable[Point]) -> float | None:
    """Metres from ``origin`` to the closest of ``points``; None if there are none."""
    east, north = origin
    return min((math.hypot(e - east, n - north) for e, n in points), default=None)


def _cell_name(size_m: int, column: int, row: int) -> str:
    return f"{size_m // 1000}k:{column}:{row}"


def _gap(value: float, start: float, size: float) -> float:
    """Distance along one axis from ``value`` to the interval [start, start + size]."""
    return max(start - value, 0.0, value - start - size)
