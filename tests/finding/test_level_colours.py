"""Levels of need by colour (Warwickshire's steps, a practitioner's RAG rating), read from a
practitioner's search wherever they stand as a label, and never from a colour that is
ordinary text ("yellow class", "red book", the personal child health record, "green
space"). The sentences are generated for the tests, not taken from an evaluation set."""

from __future__ import annotations

from datetime import date
from functools import cache
from itertools import product
from pathlib import Path

import pytest

from directory.council import Council, load_council
from directory.finding.practitioner_words import vocabulary
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader

COUNCILS = Path(__file__).resolve().parents[2] / "councils"
TODAY = date(2026, 11, 23)
DUDLEY_COLOURS = {
    "blue": "universal",
    "green": "early-help",
    "yellow": "targeted",
    "orange": "specialist",
}
WARWICKSHIRE_COLOURS = {colour: colour for colour in ("blue", "green", "yellow", "orange")}
NEEDS = ["school refusal", "parenting support", "anxiety", "housing advice"]
# A colour as a label: first, last, or inside, with punctuation after it or alone.
LABELLED = [
    "{colour} - {need}",
    "{Colour}: {need}",
    "{colour}/{need}",
    "{COLOUR} - {need}",
    "{need} - {colour}",
    "{need} ({colour})",
    "{need}, {colour}, halesowen",
    "{Colour} -{need}",
    "[{colour}] {need}",
]
ORDINARY = [
    "yellow class",
    "my son is in yellow class - behaviour",
    "red book",
    "lost the red book, health visitor",
    "green space for kids",
    "green spaces near me",
    "orange juice at breakfast club",
    "blue badge",
    "my daughter's teacher in blue class says she's anxious",
]


def council(name: str) -> Council:
    path = COUNCILS / ("dudley.toml" if name == "dudley" else "examples/warwickshire.toml")
    return load_council(path)


@cache
def reader(name: str) -> QueryReader:
    found = council(name)
    return load_reader(found, load_safety_lines(found))


def _read(name: str, text: str) -> tuple[set[str], str]:
    read, rest = vocabulary(council(name)).read(text, reader=reader(name), today=TODAY)
    return {r.key for r in read if r.param == "level"}, rest


@pytest.mark.parametrize(
    ("name", "colours"), [("dudley", DUDLEY_COLOURS), ("warwickshire", WARWICKSHIRE_COLOURS)]
)
def test_a_colour_standing_as_a_label_reads_as_its_level_in_any_position(
    name: str, colours: dict[str, str]
) -> None:
    misses = []
    for (colour, level), frame, need in product(colours.items(), LABELLED, NEEDS):
        text = frame.format(colour=colour, Colour=colour.title(), COLOUR=colour.upper(), need=need)
        levels, rest = _read(name, text)
        if levels != {f"level:{level}"} or colour in rest.casefold():
            misses.append((text, levels, rest))
    assert misses == []


@pytest.mark.parametrize("name", ["dudley", "warwickshire"])
@pytest.mark.parametrize("text", ORDINARY)
def test_a_colour_that_is_ordinary_text_is_no_level(name: str, text: str) -> None:
    assert _read(name, text) == (set(), text)


@pytest.mark.parametrize("need", NEEDS)
def test_a_colour_before_a_need_first_in_the_search_is_a_level(need: str) -> None:
    """ "Yellow school refusal": a colour first, then a need, is the level; the need stays."""
    for colour, level in DUDLEY_COLOURS.items():
        assert _read("dudley", f"{colour} {need}") == ({f"level:{level}"}, need)


@pytest.mark.parametrize(
    ("text", "level", "rest"),
    [
        ("amber/level 3 school refusal", "targeted", "school refusal"),
        ("level 2 - amber, parenting", "early-help", "parenting"),
        ("red/level 4 neglect", "specialist", "neglect"),
        ("yellow/level 3 anxiety", "targeted", "anxiety"),
        ("level yellow parenting", "targeted", "parenting"),
        ("green level 2", "early-help", ""),
    ],
)
def test_a_practitioners_own_colour_beside_a_level_goes_with_it(
    text: str, level: str, rest: str
) -> None:
    assert _read("dudley", text) == ({f"level:{level}"}, rest)


def test_the_colour_is_read_at_the_family_door_never() -> None:
    read, rest = vocabulary(council("dudley")).read(
        "Yellow: school refusal", levels=False, reader=reader("dudley"), today=TODAY
    )
    assert read == () and rest == "Yellow: school refusal"
