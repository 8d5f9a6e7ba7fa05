"""When each listing is due to be checked again: its last checked date plus the council's
review interval (12 months unless the council file says otherwise)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from directory.council import Council

DUE_SOON = timedelta(days=30)
"""A listing is "due" this long before it becomes overdue."""


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it has no such day)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_after(day: date, months: int) -> date:
    return months_before(day, -months)


def due_date(assured: date | None, council: Council) -> date | None:
    """When the listing should next be checked; None if it never was (it is due now)."""
    if assured is None:
        return None
    return months_after(assured, council.staff.review_interval_months)


def is_overdue(assured: date | None, today: date, council: Council) -> bool:
    due = due_date(assured, council)
    return due is None or due < today


def thresholds(today: date, council: Council) -> tuple[date, date]:
    """Checked before the first date: overdue; before the second: due within 30 days."""
    overdue_before = months_before(today, council.staff.review_interval_months)
    return overdue_before, overdue_before + DUE_SOON
