"""Places as practitioners write them: postcode districts and sectors, misspellings, joined
words, "nr"; levels by Roman numeral; and level words inside a longer phrase left as text
(``directory.finding.practitioner_words``), for every council file."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from directory.finding.practitioner_words import (
    MIN_RESPELT,
    ROMAN,
    phrase_key,
    vocabulary,
)
from search.spelling import edit_distance
from tests.finding.test_practitioner_words import FILES, _reader, council

TODAY = date(2026, 11, 23)


@cache
def _read(name: str, text: str) -> tuple[frozenset[str], str]:
    found = council(name)
    read, rest = vocabulary(found).read(text, reader=_reader(found.code), today=TODAY)
    return frozenset(r.key for r in read), rest


@pytest.mark.parametrize("name", FILES)
def test_every_postcode_district_and_sector_reads_as_its_locality(name: str) -> None:
    found = council(name)
    for locality in found.localities:
        for postcode in (*locality.postcode_districts, *locality.postcode_sectors):
            for text in (f"parenting {postcode}", f"parenting in {postcode.lower()} area"):
                keys, rest = _read(name, text)
                assert f"locality:{locality.code}" in keys, text
                assert rest == "parenting", text
        for district in locality.postcode_districts[:1]:
            keys, rest = _read(name, f"parenting {district} 3AB")
            assert keys == {f"locality:{locality.code}"} and rest == "parenting"


def test_a_district_split_between_localities_names_each() -> None:
    keys, rest = _read("dudley", "food parcels DY9")
    assert keys == {"locality:halesowen", "locality:stourbridge"} and rest == "food parcels"
    keys, _ = _read("dudley", "food parcels DY9 7AB")
    assert keys == {"locality:halesowen"}


def _one_word_places(name: str) -> list[tuple[str, str]]:
    found = council(name)
    return [
        (locality.code, word)
        for locality in found.localities
        for place in (locality.name, *locality.places)
        for word in phrase_key(place)
        if word.isascii() and word.isalpha() and len(word) >= MIN_RESPELT + 1
    ]


@pytest.mark.parametrize("name", FILES)
def test_a_place_word_misspelt_by_one_letter_reads_as_its_place(name: str) -> None:
    """A letter dropped from the middle of a place word: read as the place wherever the
    misspelling is no real word and close to that place word alone."""
    words = vocabulary(council(name)).place_words
    reader = _reader(council(name).code)
    checked = 0
    for code, word in _one_word_places(name):
        misspelt = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
        limit = 1 if len(misspelt) < 8 else 2
        close = {
            w for w in words if w[0] == misspelt[0] and edit_distance(misspelt, w, limit) <= limit
        }
        if misspelt in words or reader.is_word(misspelt) or close != {word}:
            continue
        place = next(
            p
            for loc in council(name).localities
            if loc.code == code
            for p in (loc.name, *loc.places)
            if word in phrase_key(p)
        )
        text = f"parenting in {' '.join(misspelt if w == word else w for w in phrase_key(place))}"
        keys, rest = _read(name, text)
        assert f"locality:{code}" in keys, text
        assert rest == "parenting", text
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize(
    ("text", "keys", "rest"),
    [
        ("parenting stourbrige", {"locality:stourbridge"}, "parenting"),
        ("debt advice hailsowen", {"locality:halesowen"}, "debt advice"),
        (
            "level 2 parenting brierly hill",
            {"level:early-help", "locality:brierley-hill"},
            "parenting",
        ),
        ("toddler group quarrybank", {"locality:brierley-hill"}, "toddler group"),
        ("parenting nr sedgley", {"locality:dudley-north"}, "parenting"),
        ("parenting for my sister", set(), "parenting for my sister"),
        ("nursery places", set(), "nursery places"),
    ],
)
def test_places_as_practitioners_write_them(text: str, keys: set[str], rest: str) -> None:
    assert _read("dudley", text) == (frozenset(keys), rest)


@pytest.mark.parametrize("name", FILES)
def test_levels_by_roman_numeral(name: str) -> None:
    for number, level in enumerate(council(name).terms("level"), start=1):
        if number > 1:
            assert _read(name, f"parenting level {ROMAN[number - 1]}")[0] == {f"level:{level.code}"}
            assert _read(name, f"tier {ROMAN[number - 1].upper()} parenting")[0] == {
                f"level:{level.code}"
            }
    assert _read(name, "level i parenting")[0] == {f"level:{council(name).terms('level')[0].code}"}


def test_a_level_word_inside_a_money_phrase_stays_text_though_another_word_reads_money() -> None:
    keys, rest = _read("dudley", "level 2 budgeting help universal credit stourbridge")
    assert keys == {"level:early-help", "locality:stourbridge"}
    assert rest == "budgeting help universal credit"
    # the phrasebook reads the same concept from every other word: the level stays
    keys, rest = _read("dudley", "early help family support worker dad mental health sedgley")
    assert "level:early-help" in keys and rest.startswith("family support worker")
