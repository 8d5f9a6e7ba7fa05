"""Where venues are, from the offline Code-Point Open postcodes: never an outside service."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from directory.postcodes.lookup import PostcodeNotFound, find_place, postcodes_loaded
from directory.postcodes.parsing import parse_postcode


@dataclass(frozen=True)
class Point:
    """A full postcode's position, and the district and sector that place it in a locality."""

    postcode: str
    district: str
    sector: str
    easting: int
    northing: int
    latitude: float
    longitude: float


class Geocoder(Protocol):
    def ready(self) -> bool:
        """Whether there are postcodes to look in at all."""
        ...

    def locate(self, postcode: str) -> Point | None:
        """The point for a canonical full postcode, or None if it is not a real one."""
        ...


class DatabaseGeocoder:
    """Looks in the loaded ``postcode`` table (``flask postcodes load``)."""

    def __init__(self) -> None:
        self._cache: dict[str, Point | None] = {}

    def ready(self) -> bool:
        return postcodes_loaded()

    def locate(self, postcode: str) -> Point | None:
        if postcode not in self._cache:
            try:
                place = find_place(postcode)
            except PostcodeNotFound:
                self._cache[postcode] = None
            else:
                self._cache[postcode] = Point(
                    postcode=place.postcode,
                    district=place.outward,
                    sector=place.sector or place.outward,
                    easting=place.easting,
                    northing=place.northing,
                    latitude=place.latitude,
                    longitude=place.longitude,
                )
        return self._cache[postcode]


class TableGeocoder:
    """Looks in a fixed set of points (the demo's committed extract of Code-Point Open)."""

    def __init__(self, points: Mapping[str, Point]) -> None:
        self._points = dict(points)

    def ready(self) -> bool:
        return bool(self._points)

    def locate(self, postcode: str) -> Point | None:
        return self._points.get(str(parse_postcode(postcode)))
