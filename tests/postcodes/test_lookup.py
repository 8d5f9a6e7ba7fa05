"""Finding places in real SQLite and PostgreSQL databases loaded from the fixture zip."""

import pytest
from flask import Flask

from directory.postcodes.grid import to_wgs84
from directory.postcodes.lookup import Place, PostcodeNotFound
from directory.postcodes.messages import message_for
from directory.postcodes.parsing import PostcodeError, PostcodeProblem
from tests.postcodes.helpers import lookup


def test_a_full_postcode_finds_its_place(loaded_app: Flask) -> None:
    (latitude,), (longitude,) = to_wgs84([394049], [290414])

    assert lookup(loaded_app, "DY1 1AE") == Place(
        postcode="DY1 1AE",
        outward="DY1",
        sector="DY1 1",
        easting=394049,
        northing=290414,
        latitude=pytest.approx(latitude),
        longitude=pytest.approx(longitude),
        is_outward_only=False,
    )


@pytest.mark.parametrize(
    ("typed", "postcode", "easting"),
    [
        ("dy11ae", "DY1 1AE", 394049),
        (" Dy1-1aE ", "DY1 1AE", 394049),
        ("b11ay", "B1 1AY", 406523),
        ("dy10 1aa", "DY10 1AA", 383050),
    ],
)
def test_loosely_typed_postcodes_are_found(
    loaded_app: Flask, typed: str, postcode: str, easting: int
) -> None:
    place = lookup(loaded_app, typed)

    assert (place.postcode, place.easting) == (postcode, easting)


def test_an_outward_code_alone_finds_its_district_centroid(loaded_app: Flask) -> None:
    place = lookup(loaded_app, "b1")

    assert place.postcode == place.outward == "B1"
    assert place.sector is None
    assert place.is_outward_only
    # The centroid of the fixture's twelve B1 postcodes, all in central Birmingham.
    assert 406_000 < place.easting < 407_500
    assert 286_000 < place.northing < 287_500
    assert place.latitude == pytest.approx(52.48, abs=0.01)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("dy99 9zz", "DY99 9ZZ"), ("DY5 1AA", "DY5 1AA"), ("dy99", "DY99"), ("wv98 2aa", "WV98 2AA")],
)
def test_an_unknown_postcode_is_not_found(loaded_app: Flask, typed: str, canonical: str) -> None:
    with pytest.raises(PostcodeNotFound) as raised:
        lookup(loaded_app, typed)

    assert raised.value.postcode == canonical
    with loaded_app.test_request_context():
        assert message_for(raised.value) == f"We could not find {canonical}"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", PostcodeProblem.EMPTY),
        ("DY1 1", PostcodeProblem.INVALID),
        ("BT1 1AA", PostcodeProblem.NORTHERN_IRELAND),
    ],
)
def test_text_that_is_not_a_usable_postcode_is_refused(
    loaded_app: Flask, typed: str, problem: PostcodeProblem
) -> None:
    with pytest.raises(PostcodeError) as raised:
        lookup(loaded_app, typed)

    assert raised.value.problem is problem
