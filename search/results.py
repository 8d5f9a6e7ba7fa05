"""What a search returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from search.understanding import Reading

FacetCounts = Mapping[str, Mapping[str, int]]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: ``score`` is the blended ranking score, ``distance_m`` None if no venue."""

    id: str
    score: float
    distance_m: float | None
    ahead: int = 0
    """Why it ranks before others whatever its score: 2 it meets the danger the words
    signal (and is for who is asking, or anyone), 1 it meets it but is for someone else, 0
    neither (ranked by its score)."""
    fit: int = 0
    """Meeting the danger, how it fits it (0 to FIT_GRADES - 1, higher first): 32 when it
    meets every danger the words signal, 16 when its own words speak of the danger itself,
    8 when its own words are not about another danger's help that the leading one only
    borrows (domestic abuse for a child at risk, when the words say none), 4 when it meets
    every other need the words ask for, 2 when it is for whose danger it is, 1 when its
    words are most about one of the danger's needs (:func:`search.engine._danger_fit`)."""


FIT_GRADES = 64
"""How many grades of fit order the listings meeting a danger within each of whom they
are for (:attr:`SearchHit.fit`)."""


def ranked_ahead(ahead: int) -> tuple[int, int]:
    """(whom: 2, 1 or 0 as :attr:`SearchHit.ahead`; fit) from the one number ranking sorts
    by: 0 for a listing not meeting the danger, else 1 + whom's grade (0 for someone else,
    1 for the asker or anyone) * FIT_GRADES + fit."""
    if ahead <= 0:
        return 0, 0
    whom, fit = divmod(ahead - 1, FIT_GRADES)
    return whom + 1, fit


@dataclass(frozen=True, slots=True)
class Widening:
    """How the engine loosened a query that found nothing as asked.

    ``any_terms``: results match some of the words rather than all of them.
    ``radius_m``: the larger radius the results come from.
    ``guessed``: the need (its code) the words seem to be about, whose listings are shown
    as nothing matched the words or their reading at all (a sentence of three words or
    more: :func:`search.engine.guessed_attempt`).
    """

    any_terms: bool = False
    radius_m: float | None = None
    guessed: str = ""


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of hits over ``total`` matches.

    ``facets`` maps a facet name to code -> count over the whole filtered result set, each
    facet counted as if its own filter were not applied (so a ticked box still shows what
    its siblings would add). Codes with no matches are absent. When ``suggestion`` is set
    the hits are for the suggested spelling, not the words typed.
    """

    hits: tuple[SearchHit, ...]
    total: int
    facets: FacetCounts = field(default_factory=lambda: MappingProxyType({}))
    suggestion: str | None = None
    widened: Widening | None = None
    reading: Reading | None = None
    """How the words were read, when the query had a reader."""
    danger_only: str | None = None
    """The danger (its code) the words signal, when nothing found as asked met it: the
    hits are then the listings that meet the danger, whatever the words and filters."""
    beside: str | None = None
    """The id of the listing for the family's support placed after a danger's leading
    listings (:func:`search.engine._beside`), if any."""
