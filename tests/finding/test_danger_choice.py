"""Which danger leads, contractions, and laughter, with the shipped books (issue 17).

- Two dangers read: the one whose evidence holds a sign of it alone leads, the narrower
  danger first when both do (:func:`search.understanding._leading_danger_first`), and the
  other still shows (the panel's second line). Sentences are crossed from templates.
- Contractions that spell another word ("i'll", "we'd") read as no need or time, typed
  with any apostrophe or, where nothing else is meant, without one; the words they spell
  still read ("im ill", "on wed"), and dangers said with contractions still read.
- Laughter sets aside hyperbole only ("gonna kill my daughter she drew on the walls
  lol"); a real threat, an act or wanting to die said with nervous laughter still shows
  the panel or the strip.

The sentences are written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from itertools import product

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader, Reading

TODAY = date(2026, 11, 23)


@cache
def reader(language: str = "en") -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council), language=language)


def read(text: str, language: str = "en") -> Reading:
    one = reader(language)
    return one.read(one.gloss(text), {}, TODAY)


def shown(reading: Reading) -> list[str]:
    """The dangers the page shows, the leading one first (the panel's or strip's order)."""
    read_ = {*reading.dangers, *reading.cues}
    return [c.code for c in reading.concepts if c.priority and c.code in read_]


# ----------------------------------------------------------------- the leading danger

RUNNING = ["running for them", "selling for them", "dealing for them", "running county lines"]
FAMILY_THREAT = ["theyll hurt my mum", "they said they would hurt his sister"]
HONOUR = ["i brought shame on the family", "i dishonoured the family"]
BEATING = ["my brother beats me", "dad hit me", "my uncle slapped me"]
SELF_HARM = ["i have started cutting myself", "i self harm", "i keep thinking of suicide"]
ABUSE = ["my husband hits me", "my partner beats me"]

SPECIFIC = [
    *(
        (f"my son is 15 and wants to stop {run} but {threat}", "exploitation")
        for run, threat in product(RUNNING, FAMILY_THREAT)
    ),
    *(
        (f"{beat} and said {honour}", "forced-marriage")
        for beat, honour in product(BEATING, HONOUR)
    ),
    *(
        (f"{abuse} and {harm}", "suicide-and-self-harm")
        for abuse, harm in product(ABUSE, SELF_HARM)
    ),
]


@pytest.mark.parametrize(("text", "specific"), SPECIFIC)
def test_the_specific_danger_leads(text: str, specific: str) -> None:
    found = shown(read(text))
    assert found[:1] == [specific], (text, found)


def test_the_broad_danger_read_beside_it_follows() -> None:
    """The templates do read two dangers (else the test above proves nothing)."""
    both = [text for text, _ in SPECIFIC if len(shown(read(text))) >= 2]
    assert len(both) >= len(SPECIFIC) // 2, both


@pytest.mark.parametrize(
    ("text", "leading"),
    [
        # no sign of one danger alone: the most words of evidence lead, as before
        ("dad hits me when he is drunk", "child-at-risk"),
        ("my partner hits my son", "child-at-risk"),
    ],
)
def test_broad_dangers_keep_the_order_of_their_evidence(text: str, leading: str) -> None:
    assert shown(read(text))[:1] == [leading], text


# ----------------------------------------------------------------- contractions

APOSTROPHES = ["'", "’", "`"]
CONTRACTION_SENTENCES = [
    ("i{a}ll call the school tomorrow about my sons place", "need:health"),
    ("i{a}ll be late for the parents evening", "need:health"),
    ("we{a}d like a playgroup near halesowen", "time:wednesday"),
]


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        (sentence.format(a=mark), key)
        for (sentence, key), mark in product(CONTRACTION_SENTENCES, APOSTROPHES)
    ]
    + [
        ("ill call the school tomorrow", "need:health"),
        ("if the nursery rings, ill be there", "need:health"),
        ("i ill be at the playgroup", "need:health"),
        ("wed like some help with the rent", "time:wednesday"),
    ],
)
def test_a_contraction_is_not_the_word_it_spells(text: str, not_read: str) -> None:
    assert not_read not in {c.key for c in read(text).concepts}, text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("im ill", "need:health"),
        ("my son is ill", "need:health"),
        ("my son is ill need a gp", "need:health"),
        ("ill health and cant work", "need:health"),
        ("she's been ill for weeks", "need:health"),
        ("ill, need a doctor", "need:health"),
        ("playgroup on wed", "time:wednesday"),
        ("wed 3pm playgroup", "time:wednesday"),
    ],
)
def test_the_spelt_word_still_reads(text: str, key: str) -> None:
    assert key in {c.key for c in read(text).concepts}, text


@pytest.mark.parametrize(
    "text",
    [
        "he'll kill me if i leave",
        "he’ll kill me if i leave",
        "hell kill me if i leave",
        "he said he'd kill me",
        "i'll kill myself",
        "she'll hurt the kids if i tell anyone",
    ],
)
def test_dangers_said_with_contractions_still_read(text: str) -> None:
    assert shown(read(text)), text


# ----------------------------------------------------------------- laughter

HYPERBOLE = [
    "im gonna kill my daughter she drew on the walls",
    "i could strangle my husband he ate the last of the chocolate",
    "swear im going to murder the kids if they bring mud in again",
    "my kids are killing me this half term",
    "im dying",
]
LAUGHTER = ["lol", "haha", "hahaha", "lmao", "jk", "xD", "hehe", "😂"]


@pytest.mark.parametrize(
    "text", [f"{words} {laugh}" for words, laugh in product(HYPERBOLE, LAUGHTER)]
)
def test_hyperbole_with_laughter_raises_nothing(text: str) -> None:
    assert shown(read(text)) == [], text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("zabije go jak jeszcze raz zje ostatni kawalek ciasta haha", "pl"),
        ("dzieci mnie dzis wykoncza z tym halasem xD", "pl"),
        ("main mar jaungi lol maths exam itna mushkil hai", "ur"),
        ("main mar jaungi haha prom dress nahi mili", "pa"),
    ],
)
def test_hyperbole_with_laughter_raises_nothing_in_other_languages(
    text: str, language: str
) -> None:
    assert shown(read(text, language)) == [], text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("he said he'd kill me if i leave lol", "en"),
        ("i want to die lol no one cares", "en"),
        ("my bf says hell smash my face in if i go out lol", "en"),
        ("stepdad keeps touching me lol idk", "en"),
        ("my uncle touches me jk", "en"),
        ("he strangled me last night haha", "en"),
        ("hes threatening to kill me 😂", "en"),
        ("maz mnie zabije jak odejde haha", "pl"),
    ],
)
def test_a_real_danger_with_nervous_laughter_still_shows(text: str, language: str) -> None:
    assert shown(read(text, language)), text
