"""When each listing is due to be checked again: its last checked date plus its review
interval, which is its own (``Service.review_interval_months``, set by editors) or else the
council's default (``[staff] review_interval_months``, 12 months unless the file says
otherwise)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from directory.council import Council
from directory.models import Service
from directory.models.card import CardListing

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


def interval_months(own: int | None, council: Council) -> int:
    """A listing's review interval: its own if an editor set one, else the council's."""
    return own or council.staff.review_interval_months


def due_date(assured: date | None, months: int) -> date | None:
    """When a listing checked on ``assured`` should next be checked; None if it never was
    (it is due now)."""
    if assured is None:
        return None
    return months_after(assured, months)


def is_overdue(due: date | None, today: date) -> bool:
    """Past its due date, or never checked."""
    return due is None or due < today


def listing_due(service: Service | CardListing, council: Council) -> date | None:
    return due_date(service.assured_date, interval_months(service.review_interval_months, council))


def listing_overdue(service: Service | CardListing, today: date, council: Council) -> bool:
    return is_overdue(listing_due(service, council), today)


def thresholds(today: date, months: int) -> tuple[date, date]:
    """For an interval of ``months``: checked before the first date is overdue; before the
    second, due within 30 days."""
    overdue_before = months_before(today, months)
    return overdue_before, overdue_before + DUE_SOON
