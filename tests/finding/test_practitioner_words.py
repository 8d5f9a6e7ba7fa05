"""Levels of need and places read from a search's words, from each council file."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from directory.council import Council, CouncilFileError, load_council
from directory.finding.practitioner_words import (
    NUMBER_WORDS,
    ORDINARY_ZIPF,
    Vocabulary,
    phrase_key,
    vocabulary,
)
from directory.finding.request import SearchRequest
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader

COUNCILS = Path(__file__).resolve().parents[2] / "councils"
FILES = {
    "dudley": COUNCILS / "dudley.toml",
    "doncaster": COUNCILS / "doncaster.toml",
    "warwickshire": COUNCILS / "examples" / "warwickshire.toml",
}
TODAY = date(2026, 11, 23)
NEED_WORDS = ("parenting", "food bank", "school attendance", "housing advice")


def council(name: str) -> Council:
    return load_council(FILES[name])


@cache
def _reader(code: str) -> QueryReader:
    """The family phrasebook, as the practitioners' search reads with it."""
    found = council(code)
    return load_reader(found, load_safety_lines(found))


def _read(
    council: Council, text: str, levels: bool = True, with_reader: bool = False
) -> tuple[set[str], str]:
    """What is read from ``text``; ``with_reader``: with the family phrasebook, as the
    practitioners' search reads (a colour before a need is a level only so)."""
    reader = _reader(council.code) if with_reader else None
    read, rest = vocabulary(council).read(text, levels, reader=reader, today=TODAY)
    return {r.key for r in read}, rest


def _places(council: Council) -> list[tuple[str, str]]:
    return [
        (locality.code, place)
        for locality in council.localities
        for place in (locality.name, *locality.places)
    ]


def _ordinary(place: str) -> bool:
    key = phrase_key(place)
    return len(key) == 1 and zipf_frequency(key[0], "en") >= ORDINARY_ZIPF


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("need", NEED_WORDS)
def test_every_place_in_the_council_file_reads_as_its_locality_and_leaves_the_need(
    name: str, need: str
) -> None:
    found = council(name)
    for code, place in _places(found):
        for text in (f"{need} {place}", f"{place.upper()} {need}", f"{need} in {place.lower()}"):
            if _ordinary(place) and text.startswith(place.upper()):
                continue  # an everyday word first in the search is not a place
            keys, rest = _read(found, text)
            assert keys == {f"locality:{code}"}, (text, keys)
            assert rest == need, (text, rest)


@pytest.mark.parametrize("name", FILES)
def test_every_level_reads_by_its_place_in_the_list_label_and_words(name: str) -> None:
    found = council(name)
    levels = found.terms("level")
    for number, level in enumerate(levels, start=1):
        said = [
            f"level {number}",
            f"Level {NUMBER_WORDS[number - 1]}",
            f"lvl{number}",
            f"L{number}",
            f"tier {number}",
            level.label.partition(":")[0],
            level.code.replace("-", " "),
        ]
        for words in said:
            keys, rest = _read(found, f"{words} parenting", with_reader=True)
            assert f"level:{level.code}" in keys, (words, keys)
            assert rest == "parenting"
        for words in level.words:
            keys, _ = _read(found, f"parenting {words}")
            assert f"level:{level.code}" in keys, (words, keys)
    beyond = len(levels) + 1
    assert _read(found, f"level {beyond} parenting") == (set(), f"level {beyond} parenting")


def test_the_warwickshire_colours_and_dudley_shorthand() -> None:
    assert _read(council("warwickshire"), "green parenting nuneaton", with_reader=True) == (
        {"level:green", "locality:nuneaton-and-bedworth"},
        "parenting",
    )
    assert _read(council("warwickshire"), "orange - Leamington Spa") == (
        {"level:orange", "locality:warwick"},
        "",
    )
    dudley = council("dudley")
    assert _read(dudley, "lvl 2 parenting support stourbridge") == (
        {"level:early-help", "locality:stourbridge"},
        "parenting support",
    )
    assert _read(dudley, "EHA needed - school refusal - halesowen") == (
        {"level:early-help", "level:targeted", "locality:halesowen"},
        "needed - school refusal",
    )
    assert _read(dudley, "TAF Brierley Hill cluster") == (
        {"level:targeted", "locality:brierley-hill"},
        "",
    )


def test_everyday_words_that_are_place_names_need_a_locating_word() -> None:
    doncaster = council("doncaster")
    for ordinary in ("central heating broken", "north face coat", "east european food"):
        assert _read(doncaster, ordinary) == (set(), ordinary)
    assert _read(doncaster, "parenting in the north")[0] == {"locality:north"}
    assert _read(doncaster, "parenting North")[0] == {"locality:north"}
    assert _read(doncaster, "central locality parenting")[0] == {"locality:central"}
    warwickshire = council("warwickshire")
    assert _read(warwickshire, "rugby club for my son") == (set(), "rugby club for my son")
    assert _read(warwickshire, "swimming near rugby")[0] == {"locality:rugby"}


def test_the_family_door_reads_places_only() -> None:
    assert _read(council("dudley"), "level 2 food bank in Lye", levels=False) == (
        {"locality:halesowen"},
        "level 2 food bank",
    )


def test_a_reading_set_aside_leaves_its_words_as_text() -> None:
    read, rest = vocabulary(council("dudley")).read(
        "level 2 parenting Brierley Hill", set_aside=["locality:brierley-hill"]
    )
    assert [r.key for r in read] == ["level:early-help"]
    assert rest == "parenting Brierley Hill"


def test_a_council_file_without_words_or_places_reads_its_labels_and_names() -> None:
    bare = council("dudley")
    bare = replace(
        bare,
        localities=tuple(replace(loc, places=()) for loc in bare.localities),
        taxonomy=tuple(replace(term, words=()) for term in bare.taxonomy),
    )
    assert _read(bare, "level 3 parenting halesowen")[0] == {
        "level:targeted",
        "locality:halesowen",
    }
    assert _read(bare, "MAAM parenting Lye") == (set(), "MAAM parenting Lye")
    # Shorthand every practitioner uses reads from the labels and codes alone
    # (directory/finding/shorthand.py): "EHA" names the level coded "early-help".
    assert _read(bare, "EHA parenting")[0] == {"level:early-help"}


def test_what_is_read_is_told_apart_from_the_words_searched() -> None:
    read, rest = vocabulary(council("dudley")).read("level 2 parenting Brierley Hill")
    request = SearchRequest(text="level 2 parenting Brierley Hill", read=read, read_text=rest)
    assert request.searched_text == "parenting"
    assert request.applied(True).chosen == (
        ("level", ("early-help",)),
        ("locality", ("brierley-hill",)),
    )
    assert request.applied(False).chosen == ()
    place = next(r for r in read if r.param == "locality")
    without = request.without_read(place)
    assert (without.text, [r.said for r in without.read]) == ("level 2 parenting", ["level 2"])
    only_read = request.without_words()
    assert only_read.text == "level 2 Brierley Hill"
    assert [only_read.text[r.start : r.end] for r in only_read.read] == [
        "level 2",
        "Brierley Hill",
    ]
    assert only_read.searched_text == ""


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2",
        "level",
        "\x00level\x002",
        "level 2 " * 500,
        "😀 Brierley 😀 Hill",
        "Brierley-Hill",
        "ŁÓDŹ level 2",
        "lévél 2",
    ],
)
def test_odd_input_is_read_safely(text: str) -> None:
    read, rest = vocabulary(council("dudley")).read(text)
    assert all(text[r.start : r.end] == r.said for r in read)
    assert len(rest) <= len(text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('places = "Lye"', "places must be a list of words"),
        ("places = [3]", "places must be a list of words"),
        ('places = ["--"]', "places must be a list of words"),
    ],
)
def test_a_wrong_places_list_stops_the_site(tmp_path: Path, change: str, message: str) -> None:
    text = FILES["dudley"].read_text(encoding="utf-8")
    marked = 'family_centre = "dudley-fc-halesowen"\nplaces = ['
    start = text.index(marked) + len('family_centre = "dudley-fc-halesowen"\n')
    end = text.index("]\n", start) + 2
    path = tmp_path / "council.toml"
    path.write_text(text[:start] + change + "\n" + text[end:], encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    with pytest.raises(CouncilFileError, match=message):
        load_council(path)


def test_words_on_a_need_stop_the_site(tmp_path: Path) -> None:
    text = (
        FILES["dudley"]
        .read_text(encoding="utf-8")
        .replace('code = "food"\n', 'code = "food"\nwords = ["grub"]\n', 1)
    )
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CouncilFileError, match="only a level of need reads"):
        load_council(path)


def test_a_phrase_may_stand_for_two_levels() -> None:
    found: Vocabulary = vocabulary(council("dudley"))
    assert set(found.phrases[phrase_key("EHA")]) == {
        ("level", "early-help"),
        ("level", "targeted"),
    }
