"""The demo council's readers with the learnt reader left out: the rules' own reading,
shared by the tests of the cue and harm lexicons (each loaded once per test process)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader


@cache
def rules_reader(language: str = "en") -> QueryReader:
    """The language's reader as the demo council loads it, without the learnt reader."""
    council = load_council(DEFAULT_COUNCIL_FILE)
    return replace(load_reader(council, load_safety_lines(council), language=language), learnt=None)
