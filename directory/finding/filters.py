"""Every filter of the family search page, declared once in ``FILTERS``.

A filter's row gives its URL parameter, how its values are read from the address, what the
engine is asked, the facet that counts its options, the label of its field and of each
option, its removable tag ("Free ✕"), how the page heading names it ("free, for 2 year
olds") and how an empty search offers to drop it ("Without Food"). The search form makes a
WTForms field of each row (``directory/forms/search.py``); the request, the engine query,
the option counts, the tags, the heading and the recovery offers all read the same row, so
a new filter is one line here.

Values are kept as the strings the address carries ("food", "2", "yes"): unknown codes and
impossible values are dropped, never an error, so an old bookmark still works.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from directory.council import Council, LifeEvent, SchoolHoliday
from directory.models.enums import ServiceKind
from directory.models.service import OLDEST_AGE_SERVED, PRE_BIRTH_AGE
from directory.names import DAY_NAMES, KIND_NAMES
from directory.page_text import gettext, lazy_gettext, ngettext
from directory.templating import govuk_date
from search.query import DAYS
from search.understanding import Concept

MAX_VALUES = 50
YES_WORDS = frozenset({"yes", "y", "on", "true", "1"})
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Names:
    """What labels need besides a code: the council, language names, the next holiday."""

    council: Council
    languages: Mapping[str, str] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    @property
    def holiday(self) -> SchoolHoliday | None:
        return next_school_holiday(self.council, self.today)


@dataclass(frozen=True)
class When:
    """What the engine terms of a filter depend on: the council and the time of asking."""

    council: Council
    now: datetime

    @property
    def holiday(self) -> SchoolHoliday | None:
        return next_school_holiday(self.council, self.now.date())


@dataclass(frozen=True)
class Filter(ABC):
    """One filter: ``param`` in the address, ``legend`` over its field in the panel."""

    param: str
    legend: str
    facet: str | None = None
    """The engine facet counting its options, which is also its ``Filters`` attribute."""
    multiple: bool = False
    narrows: bool = True
    """False for what only ranks (a life event): an empty search never offers dropping it."""
    practitioners_only: bool = False
    """Offered at the practitioners' door only (the level of need)."""

    @abstractmethod
    def read(self, raw: Sequence[str], council: Council) -> tuple[str, ...]:
        """The values kept from the address: known, canonical, each once."""

    def engine(self, values: tuple[str, ...], when: When) -> dict[str, object]:
        """Keyword arguments for the engine's ``Filters``."""
        return {}

    def prefer(self, values: tuple[str, ...], when: When) -> tuple[Concept, ...]:
        """Concepts that rank the results (a life event's moment)."""
        return ()

    def options(self, names: Names) -> dict[str, str]:
        """Every value the field offers, with its label."""
        return {}

    def tag(self, value: str, names: Names) -> str:
        """The removable tag: "Food", "2 years old", "Free"."""
        return self.options(names).get(value, value)

    def phrase(self, values: tuple[str, ...], names: Names, lead: bool = False) -> str | None:
        """How the results heading names it: "free", "for 2 year olds", "in Food".

        ``lead``: the heading has no words, so a topic leads it ("24 results for Food").
        """
        return None

    def without(self, value: str, names: Names) -> str:
        """What an empty search offers to drop: "Without Food"."""
        return gettext("Without %(filter)s", filter=self.tag(value, names))


@dataclass(frozen=True)
class Codes(Filter):
    """Checkboxes of codes: any of them (OR), in ``known`` order when ``ordered``."""

    multiple: bool = True
    known: Callable[[Council], Iterable[str]] | None = None
    """The codes accepted; None accepts any that looks like a language code."""
    labels: Callable[[Names], Mapping[str, str]] = lambda names: {}
    topic: bool = False
    """It says what the help is about: "for Food" leads a heading with no words, else
    "in Food" follows them."""
    wording: str = ""
    """For others, the heading's words around the labels: "open on %(labels)s"."""
    ordered: bool = False

    def read(self, raw: Sequence[str], council: Council) -> tuple[str, ...]:
        if self.known is None:
            return tuple(dict.fromkeys(v for v in raw[:MAX_VALUES] if _LANGUAGE_CODE.match(v)))
        known = list(self.known(council))
        if self.ordered:
            return tuple(code for code in known if code in raw)
        allowed = set(known)
        return tuple(dict.fromkeys(v for v in raw[:MAX_VALUES] if v in allowed))

    def engine(self, values: tuple[str, ...], when: When) -> dict[str, object]:
        return {self.facet: values} if self.facet else {}

    def options(self, names: Names) -> dict[str, str]:
        return dict(self.labels(names))

    def phrase(self, values: tuple[str, ...], names: Names, lead: bool = False) -> str | None:
        labels = self.options(names)
        shown = [labels.get(value, value) for value in values]
        if len(shown) > 1:
            joined = gettext("%(first)s or %(last)s", first=", ".join(shown[:-1]), last=shown[-1])
        else:
            joined = shown[0]
        if self.topic:
            return (
                gettext("for %(labels)s", labels=joined)
                if lead
                else gettext("in %(labels)s", labels=joined)
            )
        return str(self.wording) % {"labels": joined}


@dataclass(frozen=True)
class Age(Filter):
    """The child's age: one of pregnancy, under 1, then 1 to 25 years."""

    def read(self, raw: Sequence[str], council: Council) -> tuple[str, ...]:
        first = raw[0] if raw else ""
        if first == "pre-birth":
            return (str(PRE_BIRTH_AGE),)
        if not re.fullmatch(r"-?[0-9]{1,2}", first):
            return ()
        age = int(first)
        return (str(age),) if PRE_BIRTH_AGE <= age <= OLDEST_AGE_SERVED else ()

    def engine(self, values: tuple[str, ...], when: When) -> dict[str, object]:
        return {"age": int(values[0])}

    def options(self, names: Names) -> dict[str, str]:
        return {
            str(PRE_BIRTH_AGE): gettext("Expecting a baby"),
            "0": gettext("Under 1"),
            **{
                str(years): ngettext("%(num)s year old", "%(num)s years old", years)
                for years in range(1, OLDEST_AGE_SERVED + 1)
            },
        }

    def phrase(self, values: tuple[str, ...], names: Names, lead: bool = False) -> str | None:
        age = int(values[0])
        if age == PRE_BIRTH_AGE:
            return gettext("for parents expecting a baby")
        if age == 0:
            return gettext("for babies under 1")
        return ngettext("for %(num)s year olds", "for %(num)s year olds", age)

    def without(self, value: str, names: Names) -> str:
        return gettext("Without %(filter)s", filter=gettext("the child’s age"))


@dataclass(frozen=True)
class Flag(Filter):
    """A checkbox that is on (``yes``) or off; ``terms`` are its engine terms when on."""

    terms: Callable[[When], dict[str, object]] = lambda when: {}
    label: Callable[[Names], str] | None = None
    """Its label when that depends on the day ("In the Christmas holidays"); else ``legend``."""
    hint: Callable[[Names], str] = lambda names: ""
    wording: Callable[[Names], str] = lambda names: ""
    dropped: str = ""
    """How an empty search names it when offering to drop it: "free only"."""
    offered: Callable[[Names], bool] = lambda names: True

    def read(self, raw: Sequence[str], council: Council) -> tuple[str, ...]:
        return ("yes",) if is_yes(raw) else ()

    def engine(self, values: tuple[str, ...], when: When) -> dict[str, object]:
        return self.terms(when)

    def options(self, names: Names) -> dict[str, str]:
        return {"yes": self.label(names) if self.label else str(self.legend)}

    def phrase(self, values: tuple[str, ...], names: Names, lead: bool = False) -> str | None:
        return self.wording(names)

    def without(self, value: str, names: Names) -> str:
        return gettext("Without %(filter)s", filter=str(self.dropped))


@dataclass(frozen=True)
class Moment(Filter):
    """A life event whose results rank what fits its moment first (``event=CODE``)."""

    narrows: bool = False

    def read(self, raw: Sequence[str], council: Council) -> tuple[str, ...]:
        return (raw[0],) if raw and council.life_event(raw[0]) else ()

    def prefer(self, values: tuple[str, ...], when: When) -> tuple[Concept, ...]:
        event = when.council.life_event(values[0])
        return moment_concepts(event, when.now.date()) if event else ()

    def options(self, names: Names) -> dict[str, str]:
        return {e.code: e.label for e in names.council.life_events if e.first}


def moment_concepts(event: LifeEvent, today: date) -> tuple[Concept, ...]:
    """What fits a life event's moment, as concepts that rank (see search.meaning)."""
    first = event.first
    if first is None:
        return ()
    concepts = []
    if first.needs or first.categories or first.kinds:
        concepts.append(
            Concept(
                f"event:{event.code}",
                (),
                needs=first.needs,
                categories=first.categories,
                kinds=first.kinds,
            )
        )
    if first.open_within_days:
        days = [today + timedelta(days=n) for n in range(first.open_within_days)]
        concepts.append(
            Concept(
                f"time:open-within-{first.open_within_days}-days",
                (),
                # Weekly opening hours on those days (the index's day terms also hold the
                # days of sessions months away), or a dated session within them.
                days=tuple(d for d in DAYS if d in {DAYS[day.weekday()] for day in days}),
                hours=(0, 24),
                session_dates=tuple(day.isoformat() for day in days),
            )
        )
    return tuple(concepts)


def is_yes(raw: Sequence[str]) -> bool:
    """Whether the first value says yes, however it is written ("yes", "on", "TRUE")."""
    return bool(raw) and raw[0].lower() in YES_WORDS


def next_school_holiday(council: Council, today: date) -> SchoolHoliday | None:
    """The holiday under way today, or else the next one to start."""
    upcoming = [h for h in council.school_holidays if h.end >= today]
    return min(upcoming, key=lambda h: h.start, default=None)


def holiday_dates(holiday: SchoolHoliday) -> tuple[str, ...]:
    days = (holiday.end - holiday.start).days + 1
    return tuple((holiday.start + timedelta(days=n)).isoformat() for n in range(days))


def taxonomy(
    scheme: str,
    legend: str,
    facet: str,
    topic: bool = False,
    wording: str = "",
    practitioners_only: bool = False,
) -> Codes:
    """A filter on one of the council file's taxonomy schemes, whose name is its parameter."""
    return Codes(
        scheme,
        legend,
        facet=facet,
        known=lambda council: [term.code for term in council.terms(scheme)],
        labels=lambda names: {term.code: term.label for term in names.council.terms(scheme)},
        topic=topic,
        wording=wording,
        practitioners_only=practitioners_only,
    )


def _holiday_terms(when: When) -> dict[str, object]:
    holiday = when.holiday
    return {"session_dates": holiday_dates(holiday)} if holiday else {}


def _holiday_label(names: Names) -> str:
    holiday = names.holiday
    return gettext("In the %(holiday)s", holiday=holiday.name) if holiday else ""


def _holiday_wording(names: Names) -> str:
    holiday = names.holiday
    return gettext("in the %(holiday)s", holiday=holiday.name) if holiday else ""


def _holiday_hint(names: Names) -> str:
    holiday = names.holiday
    if holiday is None:
        return ""
    return gettext(
        "%(start)s to %(end)s", start=govuk_date(holiday.start), end=govuk_date(holiday.end)
    )


FILTERS: tuple[Filter, ...] = (
    Flag(
        "free",
        lazy_gettext("Free"),
        facet="free",
        terms=lambda when: {"free_only": True},
        wording=lambda names: gettext("free"),
        dropped=lazy_gettext("free only"),
    ),
    Flag(
        "funded_hours",
        lazy_gettext("Funded hours (2, 3 and 4 year olds)"),
        facet="funded_hours",
        terms=lambda when: {"funded_hours_only": True},
        wording=lambda names: gettext("with funded hours"),
        dropped=lazy_gettext("funded hours"),
    ),
    Flag(
        "open_now",
        lazy_gettext("Open now"),
        terms=lambda when: {"open_slot": f"{DAYS[when.now.weekday()]}{when.now.hour:02d}"},
        wording=lambda names: gettext("open now"),
        dropped=lazy_gettext("open now"),
    ),
    Flag(
        "holiday",
        lazy_gettext("In the school holiday"),
        terms=_holiday_terms,
        label=_holiday_label,
        hint=_holiday_hint,
        wording=_holiday_wording,
        dropped=lazy_gettext("the school holiday dates"),
        offered=lambda names: names.holiday is not None,
    ),
    Age("age", lazy_gettext("Age of your child")),
    taxonomy("need", lazy_gettext("What you need help with"), facet="needs", topic=True),
    taxonomy(
        "level",
        lazy_gettext("Level of need"),
        facet="levels",
        wording=lazy_gettext("at level of need %(labels)s"),
        practitioners_only=True,
    ),
    taxonomy("category", lazy_gettext("Type of help"), facet="categories", topic=True),
    Codes(
        "kind",
        lazy_gettext("Kind of service"),
        facet="kinds",
        known=lambda council: [kind.value for kind in ServiceKind],
        labels=lambda names: {kind.value: str(label) for kind, label in KIND_NAMES.items()},
        topic=True,
    ),
    Codes(
        "locality",
        lazy_gettext("Area"),
        facet="localities",
        known=lambda council: [loc.code for loc in council.localities],
        labels=lambda names: {loc.code: loc.name for loc in names.council.localities},
        wording=lazy_gettext("in %(labels)s"),
    ),
    Codes(
        "language",
        lazy_gettext("Language spoken"),
        facet="languages",
        known=None,
        labels=lambda names: dict(names.languages),
        wording=lazy_gettext("with %(labels)s spoken"),
    ),
    Codes(
        "day",
        lazy_gettext("Day of the week"),
        facet="days",
        known=lambda council: DAYS,
        labels=lambda names: {day: str(name) for day, name in DAY_NAMES.items()},
        wording=lazy_gettext("open on %(labels)s"),
        ordered=True,
    ),
    Moment("event", lazy_gettext("What is happening for your family")),
)

BY_PARAM: dict[str, Filter] = {f.param: f for f in FILTERS}
FAMILY_FILTERS: tuple[Filter, ...] = tuple(f for f in FILTERS if not f.practitioners_only)
"""The rows the family door offers; the practitioners' door offers every row."""
