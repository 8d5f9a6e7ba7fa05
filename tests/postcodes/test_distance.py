import pytest

from directory.postcodes.distance import METRES_PER_MILE, miles_between, planar_metres
from directory.postcodes.grid import to_wgs84
from directory.postcodes.lookup import Place


def _place(postcode: str, easting: int, northing: int) -> Place:
    (latitude,), (longitude,) = to_wgs84([easting], [northing])
    outward = postcode.split()[0]
    return Place(postcode, outward, None, easting, northing, latitude, longitude, False)


DUDLEY = _place("DY1 1AE", 394049, 290414)
BIRMINGHAM = _place("B1 1AY", 406523, 286448)


def test_planar_metres_is_straight_line_distance_on_the_grid() -> None:
    assert planar_metres(0, 0, 3000, 4000) == 5000
    assert planar_metres(394049, 290414, 394049, 290414) == 0


def test_geodesic_and_planar_distances_agree_across_a_borough() -> None:
    planar_miles = planar_metres(394049, 290414, 406523, 286448) / METRES_PER_MILE

    assert miles_between(DUDLEY, BIRMINGHAM) == pytest.approx(planar_miles, rel=0.002)
    assert miles_between(DUDLEY, BIRMINGHAM) == pytest.approx(8.13, abs=0.02)


def test_places_and_latitude_longitude_pairs_can_be_mixed() -> None:
    pair = (BIRMINGHAM.latitude, BIRMINGHAM.longitude)

    assert miles_between(DUDLEY, pair) == miles_between(DUDLEY, BIRMINGHAM)
    assert miles_between(pair, DUDLEY) == pytest.approx(miles_between(DUDLEY, pair))
    assert miles_between(DUDLEY, DUDLEY) == 0


def test_grid_references_convert_to_where_the_postcode_is() -> None:
    # DY1 1AE is by Dudley town centre, 52.5116 N 2.0891 W.
    assert (DUDLEY.latitude, DUDLEY.longitude) == pytest.approx((52.5116, -2.0891), abs=0.0001)
