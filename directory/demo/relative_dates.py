"""Dates in the demo file written relative to the day it is loaded, so they never go stale.

The demo file is in the import template, except that its date columns (``assured_date``,
``visible_from``, ``visible_to``, ``opening_times`` and ``sessions``) may hold expressions in
braces, which :func:`resolve_rows` turns into dates before the importer reads the rows:

``{today}``, ``{today-45}``, ``{today+14}``, ``{today+3w}``
    The day of the load, or so many days (``w``: weeks) before or after it.
``{today+3w Tue}``, ``{today+3w Tue +5w}``
    Steps are taken left to right; a day name moves on to the next such day (or stays, if
    it is one already). So a six-week course on Tuesdays starting in about three weeks runs
    ``from {today+3w Tue} | until {today+3w Tue +5w}``.
``{24 Dec}``, ``{1 Nov before 24 Dec}``
    The next 24 December (the day of the load if it is one), and the last 1 November on or
    before that: a seasonal listing shown from 1 November to 24 December shows this year's
    season until it is over, then next year's.
``{first session -6w}``, ``{last session}``
    The service's first and last dated session, once its sessions are resolved (blank if it
    has none): a holiday club is listed from six weeks before its sessions to the last.

A session item may start with a choice of school-holiday days (the council file's
``school_holidays``) instead of a date, and becomes one session on each day chosen;
``{holiday}`` in the rest of the item is that holiday's name:

``{holiday 2 week 1 on Tue-Thu} 10:00-15:00 | places 24 | {holiday}``
    Those days in the first week that has any left of the second school holiday not yet
    over (its last such week if it has fewer; no sessions if fewer holidays are to come).
``{every long holiday on Tue, Thu} 10:00-14:00 | places 30 | {holiday}: lunch included``
    Those days in every school holiday longer than a week that is not over yet.

Holiday sessions fall from the day of the load onwards, never on 25 or 26 December or
1 January.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from directory.council import SchoolHoliday
from directory.demo.holidays import coming_holidays, is_long, session_days, weeks
from directory.models.schedule import WEEKDAYS
from importers import cells
from importers.cells import CellError
from importers.template import template_column

WHOLE_DATE_COLUMNS = ("assured_date", "visible_from", "visible_to")
DATED_COLUMNS = (*WHOLE_DATE_COLUMNS, "opening_times", "sessions")

Row = tuple[int, list[str]]

_EXPRESSION = re.compile(r"\{([^{}]*)\}")
_DAY_MONTH = r"\d{1,2} [a-z]+"
_ANCHOR = re.compile(
    rf"^(?:(?P<today>today)|(?P<session>first|last) session|"
    rf"(?P<day_month>{_DAY_MONTH})(?: before (?P<before>{_DAY_MONTH}))?)"
)
_STEP = re.compile(r"\s*(?:(?P<sign>[+-])\s*(?P<count>\d+)\s*(?P<weeks>w\b)?|(?P<weekday>[a-z]+))")
_HOLIDAY_SESSIONS = re.compile(
    r"^\{(?:holiday (?P<number>\d+) week (?P<week>\d+)|(?P<every>every long holiday))"
    r" on (?P<days>[^{}]+)\}(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_HOLIDAY_NAME = "{holiday}"


class RelativeDateError(ValueError):
    """An expression in the demo file that cannot be read; the message says where."""


@dataclass(frozen=True)
class LoadDay:
    """What relative dates are resolved against: the day of the load and the holidays."""

    today: date
    holidays: tuple[SchoolHoliday, ...]

    @classmethod
    def of(cls, today: date, school_holidays: Sequence[SchoolHoliday]) -> LoadDay:
        return cls(today, tuple(coming_holidays(school_holidays, today)))


def resolve_rows(rows: Sequence[Row], day: LoadDay) -> list[Row]:
    """The rows (the first holds the column names) with every expression made a date.

    Sessions are resolved first, for every row of a service, since its visible dates may
    be given from its first and last session.
    """
    if not rows:
        return []
    (header_number, header), *body = rows
    columns = {
        index: name
        for index, title in enumerate(header)
        if (name := template_column(title, {})) in DATED_COLUMNS
    }
    key_index = next(
        (i for i, title in enumerate(header) if template_column(title, {}) == "service_id"), None
    )
    session_dates: dict[str, list[date]] = {}
    with_sessions: list[Row] = []
    for number, row in body:
        row = list(row)
        for index, name in columns.items():
            if name == "sessions" and index < len(row):
                row[index], dates = _sessions(row[index], day, _place(number, name))
                key = row[key_index] if key_index is not None and key_index < len(row) else ""
                session_dates.setdefault(key.strip(), []).extend(dates)
        with_sessions.append((number, row))
    resolved: list[Row] = [(header_number, list(header))]
    for number, row in with_sessions:
        key = row[key_index].strip() if key_index is not None and key_index < len(row) else ""
        sessions = sorted(session_dates.get(key, ()))
        for index, name in columns.items():
            if name != "sessions" and index < len(row):
                row[index] = _dates(row[index], day, sessions, _place(number, name))
        resolved.append((number, row))
    return resolved


def _place(number: int, column: str) -> str:
    return f"Line {number}, column {column}"


def _dates(cell: str, day: LoadDay, sessions: list[date], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        resolved = resolve_date(match.group(1), day.today, sessions, where)
        return "" if resolved is None else resolved.isoformat()

    return _EXPRESSION.sub(replace, cell)


def resolve_date(
    expression: str, today: date, sessions: Sequence[date] = (), where: str = ""
) -> date | None:
    """One expression's date; None for a session anchor when there are no sessions."""
    text = " ".join(expression.lower().split())
    anchor = _ANCHOR.match(text)
    if anchor is None:
        raise RelativeDateError(f"{where}: {{{expression}}} is not a date the demo can resolve")
    if anchor.group("today"):
        result = today
    elif anchor.group("session"):
        if not sessions:
            return None
        result = sessions[0] if anchor.group("session") == "first" else sessions[-1]
    else:
        result = _next_day_month(anchor.group("before") or anchor.group("day_month"), today, where)
        if anchor.group("before"):
            result = _last_day_month(anchor.group("day_month"), result, where)
    position = anchor.end()
    while position < len(text):
        step = _STEP.match(text, position)
        if step is None or step.end() == position:
            raise RelativeDateError(f"{where}: {{{expression}}} has a step it cannot take")
        result = _step(result, step, expression, where)
        position = step.end()
    return result


def _step(result: date, step: re.Match[str], expression: str, where: str) -> date:
    if step.group("sign"):
        count = int(step.group("count")) * (7 if step.group("weeks") else 1)
        return result + timedelta(days=count if step.group("sign") == "+" else -count)
    try:
        [code] = cells.weekdays(step.group("weekday"))
    except (CellError, ValueError):
        raise RelativeDateError(
            f"{where}: {{{expression}}} has {step.group('weekday')!r}, which is not one day"
        ) from None
    return result + timedelta(days=(WEEKDAYS.index(code) - result.weekday()) % 7)


def _day_month(text: str, year: int, where: str) -> date:
    try:
        return datetime.strptime(f"{text} {year}", "%d %b %Y").date()
    except ValueError:
        try:
            return datetime.strptime(f"{text} {year}", "%d %B %Y").date()
        except ValueError:
            raise RelativeDateError(f"{where}: {text!r} is not a day like 24 Dec") from None


def _next_day_month(text: str, today: date, where: str) -> date:
    this_year = _day_month(text, today.year, where)
    return this_year if this_year >= today else _day_month(text, today.year + 1, where)


def _last_day_month(text: str, latest: date, where: str) -> date:
    this_year = _day_month(text, latest.year, where)
    return this_year if this_year <= latest else _day_month(text, latest.year - 1, where)


def _sessions(cell: str, day: LoadDay, where: str) -> tuple[str, list[date]]:
    """The cell with each holiday choice made dated sessions, and every session's date."""
    items: list[str] = []
    dates: list[date] = []
    for item in cells.items(cell):
        match = _HOLIDAY_SESSIONS.match(item)
        if match is None:
            item = _dates(item, day, [], where)
            items.append(item)
            dates.extend(_session_date(item))
            continue
        try:
            weekdays = cells.weekdays(match.group("days"))
        except CellError as error:
            raise RelativeDateError(f"{where}: {error}") from None
        for holiday, days in _holiday_days(match, day, weekdays, where):
            rest = _dates(match.group("rest").replace(_HOLIDAY_NAME, holiday.name), day, [], where)
            items.extend(f"{on.isoformat()}{rest}" for on in days)
            dates.extend(days)
    return "; ".join(items), dates


def _holiday_days(
    match: re.Match[str], day: LoadDay, weekdays: tuple[str, ...], where: str
) -> list[tuple[SchoolHoliday, list[date]]]:
    if match.group("every"):
        return [
            (holiday, session_days(holiday, day.today, weekdays))
            for holiday in day.holidays
            if is_long(holiday)
        ]
    number, week = int(match.group("number")), int(match.group("week"))
    if number < 1 or week < 1:
        raise RelativeDateError(f"{where}: holidays and weeks are counted from 1")
    if number > len(day.holidays):
        return []
    holiday = day.holidays[number - 1]
    found = weeks(session_days(holiday, day.today, weekdays))
    if not found:
        return []
    return [(holiday, found[min(week, len(found)) - 1])]


def _session_date(item: str) -> list[date]:
    """The date a written-out session starts on, if it has one the template can read."""
    first = cells.parts(item)[0].split(" ", 1)[0]
    try:
        found = cells.day(first)
    except CellError:
        return []
    return [found] if found else []
