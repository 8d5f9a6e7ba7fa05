"""Distances between places: geodesic miles for display, planar metres for hot paths.

Planar distance on British National Grid eastings and northings is within a fraction of a
percent of the geodesic one across a borough, and needs no trigonometry.
"""

from __future__ import annotations

import math

from geopy.distance import geodesic

from directory.postcodes.lookup import Place

METRES_PER_MILE = 1609.344

LatLon = tuple[float, float]


def miles_between(a: Place | LatLon, b: Place | LatLon) -> float:
    """Miles along the WGS84 ellipsoid between two places or (latitude, longitude) pairs."""
    return float(geodesic(_lat_lon(a), _lat_lon(b)).miles)


def planar_metres(
    easting_a: float, northing_a: float, easting_b: float, northing_b: float
) -> float:
    """Straight-line metres between two British National Grid points."""
    return math.hypot(easting_b - easting_a, northing_b - northing_a)


def _lat_lon(point: Place | LatLon) -> LatLon:
    return (point.latitude, point.longitude) if isinstance(point, Place) else point
