"""Every shipped language's phrasebook reaches, through its ``[english]`` glosses, each kind
of service, age band, time and cost that ``en.toml`` reads, as broadly as English does.

A Polish, Urdu or Punjabi search is glossed into English words before it is read
(:meth:`search.understanding.QueryReader.gloss`): what a language's glosses do not reach,
its families cannot filter or rank by. Compared section by section with ``en.toml``; the
few entries left out are the council's own programme names and ages no family words for.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from search.phrasebook import Phrasebook, parse_glosses, parse_phrasebook
from search.word_forms import gloss_fold

BOOKS = Path(__file__).resolve().parent.parent.parent / "councils" / "phrasebooks"
LANGUAGES = ("pl", "ur", "pa")
SECTIONS = ("kinds", "categories", "ages", "times", "cost")
NOT_GLOSSED = {
    ("kinds", "cluster_connect"),  # a Dudley programme, searched by its English name
    ("ages", "tween"),  # no everyday Urdu or Punjabi word; "10 saal" and up read instead
}


def english_book() -> Phrasebook:
    return parse_phrasebook(tomllib.loads((BOOKS / "en.toml").read_text(encoding="utf-8")))


def reached(book: Phrasebook, english: str) -> set[tuple[str, str]]:
    """(section, code) of every en.toml entry a phrase of ``english``'s words is."""
    key = book.key(english)
    spans = (key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1))
    return {(entry.section, entry.code) for span in spans if (entry := book.keys.get(span))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_language_glosses_every_kind_age_time_and_cost_english_reads(language: str) -> None:
    english = english_book()
    raw = tomllib.loads((BOOKS / f"{language}.toml").read_text(encoding="utf-8"))
    glosses = parse_glosses(raw, f"{language}.toml", gloss_fold(language))
    wanted = {(e.section, e.code) for e in english.entries if e.section in SECTIONS}
    got = set().union(*(reached(english, phrase) for phrase in set(glosses.values())))
    assert sorted(wanted - got - NOT_GLOSSED) == []
