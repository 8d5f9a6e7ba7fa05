"""What a family asked for, read from the search page's address. Pure functions.

The page is a GET form, so its address is the whole state: bookmarkable, shareable and
working with JavaScript off. Unknown parameters and unknown codes are ignored (an old
bookmark should still work); only an impossible page number is an error (a 404).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from directory.council import Council, SchoolHoliday
from directory.models import ServiceKind
from directory.models.service import OLDEST_AGE_SERVED, PRE_BIRTH_AGE
from directory.postcodes.distance import METRES_PER_MILE
from search import MAX_PAGE, MAX_TEXT_CHARS, Filters, PageOutOfRange, SearchQuery
from search.query import DAYS
from search.understanding import QueryReader

RADIUS_MILES = (1, 3, 5, 10, 20)
DEFAULT_RADIUS_MILES = 3
PAGE_SIZE = 20
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_CONCEPT_KEY = re.compile(r"^[a-z]+:[a-z0-9_-]{1,40}$")
MAX_SET_ASIDE = 10
MULTI_FIELDS = ("need", "category", "kind", "locality", "language", "day")


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    postcode: str = ""
    radius_miles: int = DEFAULT_RADIUS_MILES
    needs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    age: int | None = None
    free: bool = False
    open_now: bool = False
    holiday: bool = False
    sort: str = "relevance"
    page: int = 1
    set_aside: tuple[str, ...] = ()
    """How the words were read that the family removed ("need:food"): see search.understanding."""
    raw_text_cut: bool = field(default=False, compare=False)

    @property
    def has_filters(self) -> bool:
        return bool(
            self.needs
            or self.categories
            or self.kinds
            or self.localities
            or self.languages
            or self.days
            or self.age is not None
            or self.free
            or self.open_now
            or self.holiday
        )

    def without(self, name: str, value: str | None = None) -> SearchRequest:
        """The same request with one filter (or one value of it) taken off, from page 1."""
        current = getattr(self, name)
        if isinstance(current, tuple):
            kept = tuple(v for v in current if value is not None and v != value)
            return replace(self, **{name: kept}, page=1)
        cleared = None if name == "age" else False
        return replace(self, **{name: cleared}, page=1)

    def to_params(self, **changes: object) -> dict[str, object]:
        """URL parameters for this request (with ``changes``), leaving out defaults."""
        request = replace(self, **changes) if changes else self
        params: dict[str, object] = {}
        if request.text:
            params["q"] = request.text
        if request.postcode:
            params["postcode"] = request.postcode
            if request.radius_miles != DEFAULT_RADIUS_MILES:
                params["radius"] = request.radius_miles
        for name, attribute in (
            ("need", "needs"),
            ("category", "categories"),
            ("kind", "kinds"),
            ("locality", "localities"),
            ("language", "languages"),
            ("day", "days"),
        ):
            if getattr(request, attribute):
                params[name] = list(getattr(request, attribute))
        if request.age is not None:
            params["age"] = request.age
        for flag in ("free", "open_now", "holiday"):
            if getattr(request, flag):
                params[flag] = "yes"
        if request.sort != "relevance":
            params["sort"] = request.sort
        if request.set_aside and request.text:
            params["not"] = list(request.set_aside)
        if request.page != 1:
            params["page"] = request.page
        return params


def parse_search_args(args: Mapping[str, object], council: Council) -> SearchRequest:
    """Read the query string (a Werkzeug MultiDict or a plain mapping of lists)."""
    text = _first(args, "q")
    postcode = _first(args, "postcode")[:16]
    return SearchRequest(
        text=text[:MAX_TEXT_CHARS],
        raw_text_cut=len(text) > MAX_TEXT_CHARS,
        postcode=postcode,
        radius_miles=_choice_int(_first(args, "radius"), RADIUS_MILES, DEFAULT_RADIUS_MILES),
        needs=_known(args, "need", {t.code for t in council.terms("need")}),
        categories=_known(args, "category", {t.code for t in council.terms("category")}),
        kinds=_known(args, "kind", {kind.value for kind in ServiceKind}),
        localities=_known(args, "locality", {loc.code for loc in council.localities}),
        languages=tuple(
            dict.fromkeys(v for v in _all(args, "language") if _LANGUAGE_CODE.match(v))
        ),
        days=tuple(day for day in DAYS if day in _all(args, "day")),
        age=_age(_first(args, "age")),
        free=_flag(args, "free"),
        open_now=_flag(args, "open_now"),
        holiday=_flag(args, "holiday"),
        sort="nearest" if _first(args, "sort") == "nearest" else "relevance",
        page=_page(_first(args, "page")),
        set_aside=tuple(dict.fromkeys(v for v in _all(args, "not") if _CONCEPT_KEY.match(v)))[
            :MAX_SET_ASIDE
        ],
    )


def next_school_holiday(council: Council, today: date) -> SchoolHoliday | None:
    """The holiday under way today, or else the next one to start."""
    upcoming = [h for h in council.school_holidays if h.end >= today]
    return min(upcoming, key=lambda h: h.start, default=None)


def build_query(
    request: SearchRequest,
    council: Council,
    now: datetime,
    origin: tuple[float, float] | None = None,
    origin_localities: Sequence[str] = (),
    reader: QueryReader | None = None,
) -> SearchQuery:
    """The engine query for a request; ``origin`` is the searcher's easting/northing.

    With a ``reader`` the words are read for what they mean as well as matched.
    """
    today = now.date()
    holiday = next_school_holiday(council, today) if request.holiday else None
    return SearchQuery(
        text=request.text,
        origin=origin,
        radius_m=request.radius_miles * METRES_PER_MILE if origin else None,
        origin_localities=tuple(origin_localities),
        filters=Filters(
            needs=request.needs,
            categories=request.categories,
            kinds=request.kinds,
            localities=request.localities,
            languages=request.languages,
            age=request.age,
            free_only=request.free,
            days=request.days,
            open_slot=f"{DAYS[now.weekday()]}{now.hour:02d}" if request.open_now else None,
            session_dates=_dates(holiday) if holiday else (),
        ),
        sort="nearest" if request.sort == "nearest" and origin else "relevance",
        page=request.page,
        page_size=PAGE_SIZE,
        today=today,
        reader=reader,
        set_aside=request.set_aside,
    )


def _dates(holiday: SchoolHoliday) -> tuple[str, ...]:
    days = (holiday.end - holiday.start).days + 1
    return tuple(date.fromordinal(holiday.start.toordinal() + n).isoformat() for n in range(days))


def _all(args: Mapping[str, object], name: str) -> list[str]:
    getlist = getattr(args, "getlist", None)
    values = getlist(name) if getlist else args.get(name, [])
    if isinstance(values, str):
        values = [values]
    return [str(v).strip() for v in values][:50]


def _first(args: Mapping[str, object], name: str) -> str:
    values = _all(args, name)
    return values[0] if values else ""


def _known(args: Mapping[str, object], name: str, allowed: set[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in _all(args, name) if v in allowed))


def _flag(args: Mapping[str, object], name: str) -> bool:
    return _first(args, name).lower() in {"yes", "y", "on", "true", "1"}


def _choice_int(raw: str, choices: tuple[int, ...], default: int) -> int:
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) in choices else default


def _age(raw: str) -> int | None:
    if raw == "pre-birth":
        return PRE_BIRTH_AGE
    try:
        age = int(raw)
    except ValueError:
        return None
    return age if PRE_BIRTH_AGE <= age <= OLDEST_AGE_SERVED else None


def _page(raw: str) -> int:
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise PageOutOfRange(f"page {raw!r} is not a page of results")
    return int(raw)
