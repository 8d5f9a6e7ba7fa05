"""What a family asked for, and the engine query for it. Pure functions.

The page is a GET form, so its address is the whole state: bookmarkable, shareable and
working with JavaScript off. The search form (``directory/forms/search.py``) reads the
address into a :class:`SearchRequest`; its filters are the rows of
``directory.finding.filters.FILTERS``. Unknown parameters and unknown codes are ignored (an
old bookmark should still work); only an impossible page number is an error (a 404).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from directory.council import Council
from directory.finding.filters import (
    BY_PARAM,
    FILTERS,
    When,
    next_school_holiday,
)
from directory.finding.practitioner_words import LOCALITY, WordsRead, without_said
from directory.finding.shorthand import spelt_out
from directory.postcodes.distance import METRES_PER_MILE
from search import MAX_PAGE, Filters, PageOutOfRange, SearchQuery
from search.understanding import Concept, QueryReader

__all__ = [
    "DEFAULT_RADIUS_MILES",
    "METRES_PER_MILE",
    "PAGE_SIZE",
    "RADIUS_MILES",
    "SearchRequest",
    "build_query",
    "next_school_holiday",
]

RADIUS_MILES = (1, 3, 5, 10, 20)
DEFAULT_RADIUS_MILES = 3
PAGE_SIZE = 20
_CONCEPT_KEY = re.compile(r"^[a-z]+:[a-z0-9_-]{1,40}$")
MAX_SET_ASIDE = 10

Chosen = tuple[tuple[str, tuple[str, ...]], ...]
"""The filters chosen, as (parameter, values) in the order of ``FILTERS``; none empty."""


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    postcode: str = ""
    radius_miles: int = DEFAULT_RADIUS_MILES
    chosen: Chosen = ()
    sort: str = "relevance"
    page: int = 1
    set_aside: tuple[str, ...] = ()
    """How the words were read that the family removed ("need:food"): see search.understanding."""
    as_typed: bool = False
    """Search the words as typed, never respelt ("Search instead for ...")."""
    raw_text_cut: bool = field(default=False, compare=False)
    read: tuple[WordsRead, ...] = ()
    """Levels and places read from the words (``directory.finding.practitioner_words``):
    filters at the practitioners' door, a place ranked first at the family door. They live
    in the words, so the address never carries them; ``not=locality:CODE`` sets one aside."""
    read_text: str | None = None
    """The words left to search once those were taken out; None when none were read."""

    @property
    def searched_text(self) -> str:
        """The words searched as text: what was typed, less what was read as a level or place."""
        if not self.text or self.read_text is None:
            return self.text
        return self.read_text

    def without_read(self, dropped: WordsRead) -> SearchRequest:
        """The same request without one level or place read from the words, nor its words."""
        text, read = without_said(self.read, self.text, dropped)
        return replace(self, text=" ".join(text.split()), read=read, page=1)

    def without_words(self) -> SearchRequest:
        """The same request without the words searched as text, keeping those read as a
        level or place ("Without your search words")."""
        if not self.read:
            return replace(self, text="", page=1)
        spans = list(dict.fromkeys((r.start, r.end) for r in self.read))
        text, placed, at = [], {}, 0
        for start, end in spans:
            text.append(self.text[start:end])
            placed[(start, end)] = (at, at + end - start)
            at += end - start + 1
        read = tuple(
            replace(r, start=placed[(r.start, r.end)][0], end=placed[(r.start, r.end)][1])
            for r in self.read
        )
        return replace(self, text=" ".join(text), read=read, read_text="", page=1)

    def applied(self, for_practitioners: bool) -> SearchRequest:
        """The request as the engine runs it, for headings: the words left, and (at the
        practitioners' door) the levels and places read added to the filters chosen."""
        if not self.read:
            return self
        request = replace(self, text=self.searched_text)
        if not for_practitioners:
            return request
        for param in dict.fromkeys(r.param for r in self.read):
            codes = (*request.values(param), *(r.code for r in self.read if r.param == param))
            request = request.choosing(param, tuple(dict.fromkeys(codes)))
        return replace(request, page=self.page)

    def values(self, param: str) -> tuple[str, ...]:
        """The values chosen for one filter ("need" -> ("food",))."""
        return dict(self.chosen).get(param, ())

    @property
    def needs(self) -> tuple[str, ...]:
        """The needs ticked (a topic page is one): the safety panel reads them."""
        return self.values("need")

    @property
    def has_filters(self) -> bool:
        """Whether any filter narrows the results (a life event only ranks them)."""
        return any(BY_PARAM[param].narrows for param, _ in self.chosen)

    def choosing(self, param: str, values: Sequence[str]) -> SearchRequest:
        """The same request with one filter's values replaced, from page 1."""
        chosen = dict(self.chosen)
        chosen[param] = tuple(values)
        ordered = tuple((f.param, chosen[f.param]) for f in FILTERS if chosen.get(f.param))
        return replace(self, chosen=ordered, page=1)

    def without(self, param: str, value: str | None = None) -> SearchRequest:
        """The same request with one filter (or one value of it) taken off, from page 1."""
        kept = [v for v in self.values(param) if value is not None and v != value]
        return self.choosing(param, kept)

    def to_params(self, **changes: Any) -> dict[str, Any]:
        """URL parameters for this request (with ``changes``), leaving out defaults; for
        ``url_for``, so its values are strings, numbers or lists of strings."""
        request = replace(self, **changes) if changes else self
        params: dict[str, Any] = {}
        if request.text:
            params["q"] = request.text
        if request.postcode:
            params["postcode"] = request.postcode
            if request.radius_miles != DEFAULT_RADIUS_MILES:
                params["radius"] = request.radius_miles
        for param, values in request.chosen:
            params[param] = list(values) if BY_PARAM[param].multiple else values[0]
        if request.sort != "relevance":
            params["sort"] = request.sort
        if request.set_aside and request.text:
            params["not"] = list(request.set_aside)
        if request.as_typed and request.text:
            params["as_typed"] = "yes"
        if request.page != 1:
            params["page"] = request.page
        return params


def read_page(raw: str) -> int:
    """A page number from the address; anything but 1 to MAX_PAGE in ASCII digits is none."""
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise PageOutOfRange(f"page {raw!r} is not a page of results")
    return int(raw)


def read_set_aside(raw: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in raw if _CONCEPT_KEY.match(v)))[:MAX_SET_ASIDE]


def read_radius(raw: str) -> int:
    if raw.isascii() and raw.isdigit() and int(raw) in RADIUS_MILES:
        return int(raw)
    return DEFAULT_RADIUS_MILES


def build_query(
    request: SearchRequest,
    council: Council,
    now: datetime,
    origin: tuple[float, float] | None = None,
    origin_localities: Sequence[str] = (),
    reader: QueryReader | None = None,
    for_practitioners: bool = False,
) -> SearchQuery:
    """The engine query for a request; ``origin`` is the searcher's easting/northing.

    With a ``reader`` the words are read for what they mean as well as matched. Only the
    practitioners' door (``for_practitioners``) finds listings for practitioners only, and
    there levels and places read from the words filter; at the family door a place read
    ranks that locality's listings first. Practitioners' shorthand is searched as what it
    means ("DA" as "domestic abuse", ``directory.finding.shorthand``).
    """
    when = When(council, now)
    terms: dict[str, Any] = {"practitioner_only_too": for_practitioners}
    prefer: list[Concept] = []
    chosen_request = request.applied(for_practitioners)
    for param, values in chosen_request.chosen:
        chosen = BY_PARAM[param]
        terms.update(chosen.engine(values, when))
        prefer.extend(chosen.prefer(values, when))
    if not for_practitioners:
        prefer.extend(
            Concept(read.key, (), localities=(read.code,))
            for read in request.read
            if read.param == LOCALITY
        )
    return SearchQuery(
        text=spelt_out(request.searched_text, for_practitioners),
        origin=origin,
        radius_m=request.radius_miles * METRES_PER_MILE if origin else None,
        origin_localities=tuple(origin_localities),
        filters=Filters(**terms),
        sort="nearest" if request.sort == "nearest" and origin else "relevance",
        page=request.page,
        page_size=PAGE_SIZE,
        today=now.date(),
        reader=reader,
        set_aside=request.set_aside,
        prefer=tuple(prefer),
        correct_spelling=not request.as_typed,
    )


def arg_values(args: Mapping[str, Any], name: str) -> list[str]:
    """Every value of ``name`` in a MultiDict or a plain mapping of lists, stripped."""
    getlist = getattr(args, "getlist", None)
    values = getlist(name) if getlist else args.get(name, [])
    if isinstance(values, str):
        values = [values]
    return [str(v).strip() for v in values][:50]
