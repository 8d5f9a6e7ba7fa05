"""Which days holiday sessions can fall on, from the council file's school holidays."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from directory.council import SchoolHoliday
from directory.models.schedule import WEEKDAYS

_CLOSED = frozenset({(12, 25), (12, 26), (1, 1)})
"""Christmas Day, Boxing Day and New Year's Day: no holiday club runs on them."""


def coming_holidays(holidays: Iterable[SchoolHoliday], today: date) -> list[SchoolHoliday]:
    """School holidays that have not finished yet, soonest first."""
    return sorted((h for h in holidays if h.end >= today), key=lambda h: h.start)


def is_long(holiday: SchoolHoliday) -> bool:
    """Longer than a week: Christmas, Easter and summer, not a half term."""
    return (holiday.end - holiday.start).days >= 7


def session_days(holiday: SchoolHoliday, today: date, weekdays: Iterable[str]) -> list[date]:
    """Days from today onwards in ``holiday`` that fall on ``weekdays`` (codes like "TU")."""
    wanted = {WEEKDAYS.index(code) for code in weekdays}
    day = max(holiday.start, today)
    days: list[date] = []
    while day <= holiday.end:
        if day.weekday() in wanted and (day.month, day.day) not in _CLOSED:
            days.append(day)
        day += timedelta(days=1)
    return days


def weeks(days: Iterable[date]) -> list[list[date]]:
    """``days`` (in order) grouped by the calendar week (Monday to Sunday) they fall in."""
    grouped: dict[tuple[int, int], list[date]] = {}
    for day in days:
        grouped.setdefault(day.isocalendar()[:2], []).append(day)
    return list(grouped.values())
