"""Practitioners' shorthand (``directory.finding.shorthand``): each abbreviation reads as
what it means at the practitioners' door; no family sentence reads differently unless it
holds one of them as a whole word; level wordings read from the council's levels."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from directory.council import Council, load_council
from directory.finding import practitioner_words
from directory.finding.practitioner_words import vocabulary
from directory.finding.shorthand import ANY, CAPITALS, LEVEL_WORDINGS, SHORTHAND, spelt_out
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader

ROOT = Path(__file__).resolve().parents[2]
COUNCILS = ROOT / "councils"
FAMILIES = ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
TODAY = date(2026, 11, 23)


@cache
def council(name: str) -> Council:
    path = COUNCILS / f"{name}.toml"
    return load_council(path if path.exists() else COUNCILS / "examples" / f"{name}.toml")


@cache
def reader(name: str = "dudley") -> QueryReader:
    found = council(name)
    return load_reader(found, load_safety_lines(found))


def needs_read(text: str) -> set[str]:
    """The needs the family phrasebook reads (as a need, or a danger's needs)."""
    reading = reader().read(text, {}, TODAY)
    found = {c.key.partition(":")[2] for c in reading.concepts if c.key.startswith("need:")}
    for concept in reading.concepts:
        found.update(concept.needs)
    return found


def levels_read(name: str, text: str) -> set[str]:
    read, _ = vocabulary(council(name)).read(text, True, reader=reader(name), today=TODAY)
    return {r.code for r in read if r.param == "level"}


@pytest.mark.parametrize("entry", [e for e in SHORTHAND if e.need], ids=lambda e: e.said)
def test_each_abbreviation_reads_as_its_need_at_the_practitioners_door(entry) -> None:  # type: ignore[no-untyped-def]
    for said in (entry.said, entry.said.lower()):
        text = spelt_out(f"{said} support", practitioners=True)
        assert entry.need in needs_read(text), (said, text)


@pytest.mark.parametrize("entry", [e for e in SHORTHAND if e.levels], ids=lambda e: e.said)
@pytest.mark.parametrize("name", ["dudley", "warwickshire"])
def test_each_level_abbreviation_reads_as_a_level_the_council_names(entry, name) -> None:  # type: ignore[no-untyped-def]
    assert levels_read(name, f"{entry.said} parenting"), (entry.said, name)
    assert levels_read(name, f"parenting {entry.said.lower()}"), (entry.said, name)


def test_ambiguous_words_are_read_only_at_the_practitioners_door() -> None:
    for text in ("pa", "mera pa", "CP", "cin", "salt and pepper", "mash potato", "PA"):
        assert spelt_out(text, practitioners=False) == text
    assert spelt_out("bache da school", practitioners=False) == "bache da school"
    assert spelt_out("MERA DA SCHOOL", practitioners=False) == "MERA DA SCHOOL"
    assert spelt_out("DA support", practitioners=False) == "domestic abuse support"
    assert spelt_out("PA yr 9", practitioners=True) == "persistent absence yr 9"


def test_only_whole_words_are_spelt_out() -> None:
    for text in ("cinema", "papa", "dad", "mashed", "da-da", "pa's", "cpr", "0-190", "10-19"):
        assert spelt_out(text, practitioners=True) == text
    assert spelt_out("0-19 team", practitioners=True) == "health visitor school nurse team"


def _family_queries() -> list[str]:
    raw = tomllib.loads(FAMILIES.read_text(encoding="utf-8"))
    return [case["query"] for case in raw["case"] if case.get("door", "families") == "families"]


def _holds(query: str, words: set[str]) -> bool:
    return any(w.casefold() in words for w in re.findall(r"[\w-]+", query.casefold()))


def _names_a_level(query: str) -> bool:
    """Whether a query holds a level wording whole ("child in need")."""
    words = f" {' '.join(re.findall(r'[a-z0-9]+', query.casefold()))} "
    return any(f" {wording} " in words for wording, _ in LEVEL_WORDINGS)


def test_family_sentences_read_the_same_unless_they_hold_shorthand(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Over the development set's family queries: the words searched at the family door,
    and the levels read at the practitioners' door, change only for a query holding a
    shorthand word or level wording whole."""
    family_door = {e.said.casefold() for e in SHORTHAND if e.door in (ANY, CAPITALS)}
    every = {e.said.casefold() for e in SHORTHAND}
    dudley = council("dudley")
    with_shorthand = vocabulary(dudley)
    monkeypatch.setattr(practitioner_words, "level_wordings", lambda: [])
    plain = practitioner_words._vocabulary.__wrapped__(dudley.terms("level"), dudley.localities)
    queries = _family_queries()
    assert len(queries) > 500
    for query in queries:
        if not _holds(query, family_door):
            assert spelt_out(query, practitioners=False) == query
        if not _holds(query, every):
            assert spelt_out(query, practitioners=True) == query
        new = with_shorthand.read(query, True, reader=reader(), today=TODAY)
        old = plain.read(query, True, reader=reader(), today=TODAY)
        if new != old:
            assert _holds(query, every) or _names_a_level(query), (query, new, old)


def test_level_wordings_read_from_the_councils_own_levels() -> None:
    assert levels_read("dudley", "step two parenting") == {"early-help"}
    assert levels_read("dudley", "statutory parenting") == {"specialist"}
    assert levels_read("warwickshire", "specialist parenting") == {"orange"}
    assert levels_read("warwickshire", "child in need parenting") == {"orange"}
    assert levels_read("doncaster", "targeted parenting") == set()  # Doncaster has none
    assert levels_read("doncaster", "team around the family parenting") == {"early-help"}
