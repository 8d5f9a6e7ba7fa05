"""The engine-independent query: validated values and pure functions that plan the text match.

Planning happens before any engine sees the text: the raw input is capped (Whoosh gets slow
on long queries), split into words, stemmed, and grouped by synonym phrase. A plan is an AND
of :class:`TermGroup`, each an OR of index tokens, which both backends execute the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Literal

from search.analysis import stem_word, words
from search.documents import MAX_AGE, MIN_AGE, SLOT_PATTERN
from search.errors import InvalidQuery, PageOutOfRange
from search.phrases import phrase_token
from search.synonyms import SYNONYMS, SynonymTable

if TYPE_CHECKING:
    from search.understanding import Concept, QueryReader

MAX_TEXT_CHARS = 256
MAX_TERMS = 12
MAX_PAGE = 500
MAX_PAGE_SIZE = 100
MAX_RADIUS_M = 100_000.0
MAX_CODES = 50
SYNONYM_BOOST = 0.7  # a synonym counts a little less than the words the searcher typed
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Words that say where or how someone searches, not what they need ("food bank near me").
FILLER_WORDS = frozenset(
    {
        "near",
        "nearby",
        "nearest",
        "close",
        "closest",
        "local",
        "around",
        "area",
        "me",
        "my",
        "im",
        "find",
        "looking",
        "please",
        "want",
    }
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_RAW_LIMIT = MAX_TEXT_CHARS * 4  # bounds the work done before the word cap applies

Sort = Literal["relevance", "nearest"]


@dataclass(frozen=True, slots=True)
class Filters:
    """OR within a facet, AND across facets. ``days`` and ``session_dates`` match any.

    Listings for practitioners only are left out unless ``practitioner_only_too``: the
    family door never sets it. Listings out of season are always left out.
    """

    needs: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    delivery: tuple[str, ...] = ()
    age: int | None = None
    free_only: bool = False
    funded_hours_only: bool = False
    days: tuple[str, ...] = ()
    open_slot: str | None = None
    session_dates: tuple[str, ...] = ()
    practitioner_only_too: bool = False
    borough_wide_too: bool = True
    """A locality filter also finds borough-wide listings; off to count only those with a
    venue or an area in the locality (the practitioners' gaps and locality reports)."""

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, list | set | frozenset):
                value = tuple(sorted(value)) if isinstance(value, set | frozenset) else tuple(value)
                object.__setattr__(self, item.name, value)
            if isinstance(value, tuple):
                _check_codes(item.name, value)
        if self.age is not None and not MIN_AGE <= self.age <= MAX_AGE:
            raise InvalidQuery(f"age must lie in {MIN_AGE}..{MAX_AGE}")
        if set(self.days) - set(DAYS):
            raise InvalidQuery(f"days must be among {DAYS}")
        if self.open_slot is not None and not SLOT_PATTERN.fullmatch(self.open_slot):
            raise InvalidQuery("open_slot looks like 'TU14'")
        for iso in self.session_dates:
            try:
                date.fromisoformat(iso)
            except ValueError as error:
                raise InvalidQuery(f"session date {iso!r} is not an ISO date") from error


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What the searcher asked for. Construction validates; the engine trusts it after that.

    ``origin`` and ``radius_m`` are British National Grid easting/northing and metres.
    ``origin_localities`` are the localities the searcher's postcode falls in: services with
    no venue that cover one of them still appear in a radius search.
    """

    text: str = ""
    origin: tuple[float, float] | None = None
    radius_m: float | None = None
    origin_localities: tuple[str, ...] = ()
    filters: Filters = field(default_factory=Filters)
    sort: Sort = "relevance"
    page: int = 1
    page_size: int = 20
    today: date = field(default_factory=date.today)
    loosen: bool = True
    """When nothing matches, try a corrected spelling, a wider radius, then any word.

    Off for counting exactly what a changed search would find (recovery offers)."""
    reader: QueryReader | None = None
    """Reads the words for what they mean (:mod:`search.understanding`); None: keywords only."""
    set_aside: tuple[str, ...] = ()
    """Keys of concepts the searcher removed ("need:food"): the words are searched as text."""
    prefer: tuple[Concept, ...] = ()
    """What fits the searcher's moment (a life event's "food support, open this week"):
    listings meeting more of these rank higher; they never choose or drop a listing."""
    correct_spelling: bool = True
    """Off when the searcher asked for their words as typed ("Search instead for ...")."""

    def __post_init__(self) -> None:
        if not 1 <= self.page <= MAX_PAGE:
            raise PageOutOfRange(f"page must lie in 1..{MAX_PAGE}")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise PageOutOfRange(f"page_size must lie in 1..{MAX_PAGE_SIZE}")
        if self.sort not in ("relevance", "nearest"):
            raise InvalidQuery("sort is 'relevance' or 'nearest'")
        if self.origin is not None and not all(math.isfinite(v) for v in self.origin):
            raise InvalidQuery("origin must be a finite easting and northing")
        if self.radius_m is not None:
            if self.origin is None:
                raise InvalidQuery("a radius needs an origin")
            if not 0 < self.radius_m <= MAX_RADIUS_M:
                raise InvalidQuery(f"radius must lie in (0, {MAX_RADIUS_M:.0f}] metres")
        if self.sort == "nearest" and self.origin is None:
            raise InvalidQuery("sorting by nearest needs an origin")
        object.__setattr__(self, "origin_localities", tuple(self.origin_localities))
        _check_codes("origin_localities", self.origin_localities)
        object.__setattr__(self, "set_aside", tuple(self.set_aside))
        if len(self.set_aside) > MAX_CODES:
            raise InvalidQuery(f"set_aside: at most {MAX_CODES} values")
        object.__setattr__(self, "prefer", tuple(self.prefer))
        if len(self.prefer) > MAX_CODES:
            raise InvalidQuery(f"prefer: at most {MAX_CODES} concepts")


@dataclass(frozen=True, slots=True)
class Alternative:
    """One index token (a stem or a synonym phrase token) that satisfies a group."""

    token: str
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class TermGroup:
    """Query words that must be matched together by any one of ``alternatives``."""

    words: tuple[str, ...]
    alternatives: tuple[Alternative, ...]
    synonym: bool = False
    weight: float = 1.0
    """How much of the search's meaning the words are when no reading stands for them:
    less for an everyday word ("safe", "together", "after"; :func:`expand_synonyms`)."""


@dataclass(frozen=True, slots=True)
class TextPlan:
    """The normalised text and its groups; no groups means "match everything"."""

    text: str
    groups: tuple[TermGroup, ...]


def normalise_text(raw: str) -> str:
    """Cap and clean search input: control characters out, at most 12 words and 256 chars.

    Words are lower-cased tokens of the analyser's word pattern, so punctuation separates
    words ("stay-and-play" is three words) and the cap counts what the engine will see.
    """
    text = _CONTROL.sub(" ", raw[:_RAW_LIMIT])
    kept = " ".join(words(text)[:MAX_TERMS])
    if len(kept) <= MAX_TEXT_CHARS:
        return kept
    cut = kept[:MAX_TEXT_CHARS]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def expand_synonyms(
    terms: Sequence[str],
    table: SynonymTable = SYNONYMS,
    quiet: frozenset[str] = frozenset(),
    everyday: Mapping[str, float] | None = None,
) -> tuple[TermGroup, ...]:
    """Group query words, widening each synonym phrase to its whole group.

    The longest synonym phrase wins ("holiday activity and food" before "holiday activity").
    Stop words, filler words ("near me") and ``quiet`` words (words that mean nothing in a
    family's search: "help", "kids") outside a phrase make no group. A word in
    ``everyday`` (the language's commonest words, with their weight) weighs that much
    of a unit of meaning (:attr:`TermGroup.weight`): "calpol" says more than "safe".
    """
    weights = everyday or {}
    kept = [(word, stem) for word in terms if (stem := stem_word(word)) is not None]
    tokens = [stem for _, stem in kept]
    groups: list[TermGroup] = []
    position = 0
    while position < len(kept):
        found = table.match(tokens, position)
        if found is not None:
            length, index = found
            typed = tuple(tokens[position : position + length])
            alternatives = tuple(
                Alternative(
                    phrase_token(phrase),
                    1.0 if table.variants(phrase, typed) else SYNONYM_BOOST,
                )
                for phrase in table.groups[index]
            )
            matched = tuple(word for word, _ in kept[position : position + length])
            weight = max(weights.get(word, 1.0) for word in matched)
            groups.append(TermGroup(matched, alternatives, synonym=True, weight=weight))
            position += length
            continue
        word, stem = kept[position]
        if word not in FILLER_WORDS and word not in quiet:
            groups.append(TermGroup((word,), (Alternative(stem),), weight=weights.get(word, 1.0)))
        position += 1
    return tuple(groups)


def plan_text(
    raw: str, quiet: frozenset[str] = frozenset(), everyday: Mapping[str, float] | None = None
) -> TextPlan:
    """Normalise then group: the whole text side of a query, independent of any engine."""
    text = normalise_text(raw)
    return TextPlan(text, expand_synonyms(text.split(), quiet=quiet, everyday=everyday))


def _check_codes(name: str, codes: tuple[str, ...]) -> None:
    if len(codes) > MAX_CODES:
        raise InvalidQuery(f"{name}: at most {MAX_CODES} values")
    if any(not isinstance(code, str) or not code or " " in code for code in codes):
        raise InvalidQuery(f"{name}: values must be non-empty codes without spaces")
