"""Which days holiday sessions can fall on, from the council file's school holidays."""

from __future__ import annotations

from datetime import date, timedelta

from directory.council import Council, SchoolHoliday

SESSION_WEEKDAYS = frozenset({1, 2, 3})
"""Tuesday to Thursday: never a bank holiday Monday, Good Friday or a weekend."""

_CLOSED = frozenset({(12, 25), (12, 26), (1, 1)})


def coming_holidays(council: Council, today: date) -> list[SchoolHoliday]:
    """School holidays that have not finished yet, soonest first."""
    return sorted(
        (holiday for holiday in council.school_holidays if holiday.end >= today),
        key=lambda holiday: holiday.start,
    )


def session_days(holiday: SchoolHoliday, today: date) -> list[date]:
    """Days from today onwards in ``holiday`` on which a holiday club could run."""
    day = max(holiday.start, today)
    days: list[date] = []
    while day <= holiday.end:
        if day.weekday() in SESSION_WEEKDAYS and (day.month, day.day) not in _CLOSED:
            days.append(day)
        day += timedelta(days=1)
    return days
