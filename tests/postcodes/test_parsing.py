import pytest

from directory.postcodes.parsing import (
    PostcodeError,
    PostcodeProblem,
    normalise_outward_or_sector,
    parse_postcode,
)


@pytest.mark.parametrize(
    "typed",
    [
        "DY1 1AE",
        "dy11ae",
        " dy1-1ae ",
        "Dy1  1aE",
        "DY1.1AE",
        "dy1\t1ae",
        "(DY1 1AE)",
        "d y 1 1 a e",
    ],
)
def test_full_postcodes_are_read_loosely(typed: str) -> None:
    postcode = parse_postcode(typed)

    assert str(postcode) == "DY1 1AE"
    assert (postcode.outward, postcode.inward, postcode.sector) == ("DY1", "1AE", "DY1 1")
    assert postcode.is_full


@pytest.mark.parametrize(
    ("typed", "canonical", "area"),
    [
        ("b11ay", "B1 1AY", "B"),
        ("dy101aa", "DY10 1AA", "DY"),
        ("EC1A1BB", "EC1A 1BB", "EC"),
        ("w1a 0ax", "W1A 0AX", "W"),
        ("M1 1AE", "M1 1AE", "M"),
    ],
)
def test_every_shape_of_outward_code_is_split_correctly(
    typed: str, canonical: str, area: str
) -> None:
    postcode = parse_postcode(typed)

    assert str(postcode) == canonical
    assert postcode.area == area


@pytest.mark.parametrize(
    ("typed", "outward"), [("dy1", "DY1"), (" DY10 ", "DY10"), ("ec1a", "EC1A")]
)
def test_an_outward_code_alone_is_accepted(typed: str, outward: str) -> None:
    postcode = parse_postcode(typed)

    assert str(postcode) == outward
    assert not postcode.is_full
    assert postcode.inward is None
    assert postcode.sector is None


@pytest.mark.parametrize("typed", ["", "   ", None, "\t\n"])
def test_nothing_typed_is_empty(typed: str | None) -> None:
    with pytest.raises(PostcodeError) as raised:
        parse_postcode(typed)

    assert raised.value.problem is PostcodeProblem.EMPTY


@pytest.mark.parametrize(
    "typed",
    [
        "hello",
        "DY",
        "1AE",
        "DY1 1A",
        "DY1 1AEE",
        "123 456",
        "DY1 1ÀE",
        "DY1 1",
        "GIR 0AA",
        "DY1 1AE please help",
        "D" * 10_000,
    ],
)
def test_text_that_is_not_a_postcode_is_invalid(typed: str) -> None:
    with pytest.raises(PostcodeError) as raised:
        parse_postcode(typed)

    assert raised.value.problem is PostcodeProblem.INVALID
    assert len(raised.value.text) <= 16


@pytest.mark.parametrize("typed", ["BT1 1AA", "bt71nn", "BT7"])
def test_northern_ireland_postcodes_are_told_apart(typed: str) -> None:
    with pytest.raises(PostcodeError) as raised:
        parse_postcode(typed)

    assert raised.value.problem is PostcodeProblem.NORTHERN_IRELAND
    assert raised.value.text == typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [("dy9", "DY9"), ("DY9 7", "DY9 7"), ("dy9  7", "DY9 7"), ("DY9 7AA", None), ("x", None)],
)
def test_council_locality_rules_are_normalised(text: str, expected: str | None) -> None:
    assert normalise_outward_or_sector(text) == expected
