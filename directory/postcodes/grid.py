"""Converting British National Grid eastings and northings to WGS84 latitude and longitude.

pyproj works offline from its bundled PROJ database (its network grid download is off unless
``PROJ_NETWORK=ON``); without the OSTN15 grid the conversion is good to a few metres, plenty for
finding services near a family.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pyproj import Transformer

BRITISH_NATIONAL_GRID = "EPSG:27700"
WGS84 = "EPSG:4326"


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs(BRITISH_NATIONAL_GRID, WGS84, always_xy=True)


def to_wgs84(
    eastings: Sequence[float], northings: Sequence[float]
) -> tuple[list[float], list[float]]:
    """Latitudes and longitudes for the points, converted in one vectorised call."""
    longitudes, latitudes = _transformer().transform(list(eastings), list(northings))
    return list(latitudes), list(longitudes)
