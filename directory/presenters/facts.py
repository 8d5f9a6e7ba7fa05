"""The facts a family looks for first, for result cards and service pages alike.

Where a service is (town or area, never a refuge's), when it is next open or its next
session, the number to call, and whether the listing may be out of date. Each reads a
listing as the ORM loads it (a service page) or as a card's plain values
(``directory.models.card``, a results page), which name what they hold alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from directory.council import Council
from directory.models import (
    DatedSession,
    Location,
    Schedule,
    Service,
    ServiceArea,
    ServiceAreaScope,
)
from directory.models.card import CardArea, CardListing, CardSchedule, CardSession, CardVenue
from directory.page_text import gettext, ngettext
from directory.presenters.formatting import (
    clock_time,
    day_month_year,
    format_date,
    long_date,
    telephone_href,
    time_range,
)
from directory.review import listing_overdue

PLACES_NAMED = 2
"""Towns named on a result card before "and N more places"."""


Listing = Service | CardListing
"""A listing as a service page (the ORM) or a result card (plain values) reads it."""


@dataclass(frozen=True)
class PhoneLink:
    number: str
    href: str
    description: str


def phone_links(service: Listing) -> list[PhoneLink]:
    return [
        PhoneLink(phone.number, telephone_href(phone.number), phone.description)
        for phone in service.phones
    ]


def next_opening(service: Listing, now: datetime) -> str:
    """ "Open now until 5pm", "Next open tomorrow, 9am to 5pm", "Next session: Monday, 10am to
    2pm": dated sessions when the service has them, else its weekly opening."""
    if service.sessions:
        return _next_session(service.sessions, now)
    schedules = [
        *service.schedules,
        *(schedule for link in service.locations for schedule in link.schedules),
    ]
    return _next_open(schedules, now) if schedules else ""


def opening_changes_at(service: Listing, now: datetime) -> datetime:
    """The first moment from ``now`` at which ``next_opening`` may say something else: the
    first of the times it holds the clock against (a session's start or end; the opening
    and closing of today's windows) not yet passed, else midnight, when the day does.
    Until then it says what it says at ``now``: a card may keep it."""
    midnight = datetime.combine(now.date() + timedelta(days=1), time())
    if service.sessions:
        moments = [moment for s in service.sessions for moment in (s.starts_at, s.ends_at)]
    else:
        today = now.date()
        moments = [
            datetime.combine(today, clock)
            for schedule in service.schedules
            if schedule.applies_on(today)
            for clock in (schedule.opens_at, schedule.closes_at)
        ] + [
            datetime.combine(today, clock)
            for link in service.locations
            for schedule in link.schedules
            if schedule.applies_on(today)
            for clock in (schedule.opens_at, schedule.closes_at)
        ]
    return min((moment for moment in moments if now <= moment < midnight), default=midnight)


def _next_session(sessions: Iterable[DatedSession | CardSession], now: datetime) -> str:
    upcoming = sorted((s for s in sessions if s.ends_at > now), key=lambda s: s.starts_at)
    if not upcoming:
        return gettext("No sessions coming up")
    first = upcoming[0]
    if first.starts_at <= now:
        return gettext("On now, until %(time)s", time=clock_time(first.ends_at.time()))
    return gettext(
        "Next session: %(day)s, %(times)s",
        day=day_words(first.starts_at.date(), now.date()),
        times=time_range(first.starts_at.time(), first.ends_at.time()),
    )


def _next_open(schedules: list[Schedule | CardSchedule], now: datetime) -> str:
    today = now.date()
    todays = sorted({(s.opens_at, s.closes_at) for s in schedules if s.applies_on(today)})
    closes = _open_until(todays, now.time())
    if closes is not None:
        return gettext("Open now until %(time)s", time=clock_time(closes))
    later = [window for window in todays if window[0] > now.time()]
    if later:
        return gettext("Open later today, %(times)s", times=_windows(later))
    tomorrow = today + timedelta(days=1)
    day = min(filter(None, (_next_day(s, tomorrow) for s in schedules)), default=None)
    if day is None:
        return ""
    windows = sorted({(s.opens_at, s.closes_at) for s in schedules if s.applies_on(day)})
    return gettext(
        "Next open %(day)s, %(times)s", day=day_words(day, today), times=_windows(windows)
    )


def _next_day(schedule: Schedule | CardSchedule, start: date) -> date | None:
    """The first day from ``start`` on which ``schedule`` opens, if it ever does again."""
    if schedule.valid_from and schedule.valid_from > start:
        start = schedule.valid_from
    day = start + timedelta(days=(schedule.weekday_index - start.weekday()) % 7)
    return day if schedule.valid_to is None or day <= schedule.valid_to else None


def _windows(windows: list[tuple[time, time]]) -> str:
    return ", ".join(time_range(opens, closes) for opens, closes in windows)


def _open_until(windows: list[tuple[time, time]], clock: time) -> time | None:
    """When opening that covers ``clock`` ends, running on through windows that meet."""
    closes = max((c for o, c in windows if o <= clock < c), default=None)
    if closes is None:
        return None
    for opens, later in windows:
        if opens <= closes < later:
            closes = later
    return closes


def day_words(day: date, today: date) -> str:
    """ "today", "tomorrow", "Monday" within the week, "Monday 14 December" later this year,
    else "Monday 4 January 2027". The year is said only when it is not this one: on a
    phone, "Next open Monday 14 December 2026, 10am to midday" wrapped onto a third line
    and pushed the first card's facts below the first screen."""
    days = (day - today).days
    if days == 0:
        return gettext("today")
    if days == 1:
        return gettext("tomorrow")
    if 1 < days < 7:
        return format_date(day, "EEEE")
    if day.year == today.year:
        return format_date(day, "EEEE d MMMM")
    return long_date(day)


def where(service: Listing, council: Council) -> str:
    """The towns of its venues ("Brierley Hill"), else the areas it covers ("In Halesowen").

    A refuge's venue is never named, not even its town.
    """
    venues = [link.location for link in service.locations]
    if any(venue.masked_address for venue in venues):
        return gettext("Address given when you contact them")
    towns = list(dict.fromkeys(_town(venue, council) for venue in venues))
    towns = [town for town in towns if town]
    if towns:
        named = ", ".join(towns[:PLACES_NAMED])
        more = len(towns) - PLACES_NAMED
        if more > 0:
            return ngettext(
                "%(places)s and %(num)s more place",
                "%(places)s and %(num)s more places",
                more,
                places=named,
            )
        return named
    return "; ".join(area_words(area, council) for area in service.service_areas)


def _town(venue: Location | CardVenue, council: Council) -> str:
    if venue.city:
        return str(venue.city)
    locality = council.locality(venue.locality or "")
    return locality.name if locality else ""


def area_words(area: ServiceArea | CardArea, council: Council) -> str:
    if area.scope == ServiceAreaScope.BOROUGH:
        return gettext("Anywhere in %(place)s", place=council.area_name)
    if area.scope == ServiceAreaScope.REMOTE:
        return gettext("By phone or online, wherever you live")
    locality = council.locality(area.locality or "")
    return gettext("In %(place)s", place=locality.name if locality else area.locality)


def out_of_date_notice(service: Listing, council: Council, today: date) -> str | None:
    """What families are told about a listing overdue for a check (None when it is not)."""
    if not listing_overdue(service, today, council):
        return None
    if service.assured_date is None:
        return gettext("This information has not been checked yet and may be out of date.")
    return gettext(
        "This information was last checked on %(date)s and may be out of date.",
        date=day_month_year(service.assured_date),
    )
