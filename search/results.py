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
