"""Turning a service's indexed facts into the flat document the search index holds."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from directory.models import ServiceAreaScope
from directory.models.service import OLDEST_AGE_SERVED, PRE_BIRTH_AGE
from directory.queries.indexing import IndexedListing, IndexedSchedule
from directory.review import due_date
from search import ServiceDocument
from search.inference import read_listing
from search.understanding import QueryReader


def service_document(
    listing: IndexedListing,
    today: date,
    default_review_months: int,
    reader: QueryReader | None = None,
) -> ServiceDocument:
    """The search document for one service, as it stands on ``today``.

    It carries when the listing is due a check (its own review interval after its last
    check, else ``default_review_months``, the council's), so search ranks it lower once
    that day has passed without another rebuild. With a ``reader`` (the family phrasebook)
    it carries the needs its own words are about: a listing with no needs set is found by
    them (see :mod:`search.inference`).
    """
    review_due = due_date(
        listing.assured_date, listing.review_interval_months or default_review_months
    )
    venues = listing.venues
    localities = {venue.locality for venue in venues if venue.locality}
    localities |= {area.locality for area in listing.areas if area.locality}
    categories = listing.terms_in("category")
    needs = listing.terms_in("need")
    about, phrases = (
        read_listing(reader, listing.name, listing.summary or "", listing.description or "")
        if reader is not None
        else ((), ())
    )
    return ServiceDocument(
        id=listing.id,
        name=listing.name,
        organisation=listing.organisation,
        description=" ".join(part for part in (listing.summary, listing.description) if part),
        kind=listing.kind,
        category_codes=tuple(term.code for term in categories),
        category_labels=tuple(term.name for term in categories),
        need_codes=tuple(term.code for term in needs),
        need_labels=tuple(term.name for term in needs),
        text_needs=about,
        text_phrases=phrases,
        level_codes=tuple(term.code for term in listing.terms_in("level")),
        localities=tuple(sorted(localities)),
        borough_wide=any(area.scope == ServiceAreaScope.BOROUGH for area in listing.areas),
        delivery=tuple(listing.delivery_methods),
        # A masked venue (a refuge) must not be findable by distance: distances from several
        # postcodes would give its position away.
        points=tuple(
            (float(venue.easting), float(venue.northing))
            for venue in venues
            if venue.easting is not None and venue.northing is not None and not venue.masked_address
        ),
        ages=ages_served(listing.minimum_age, listing.maximum_age),
        free=listing.free,
        funded_hours=listing.funded_hours,
        languages=tuple(sorted({code for code, _ in listing.languages})),
        open_slots=open_slots(listing.schedules, today),
        session_dates=tuple(
            sorted({s.date().isoformat() for s in listing.session_starts if s.date() >= today})
        ),
        assured_date=listing.assured_date.isoformat() if listing.assured_date else None,
        review_due=review_due.isoformat() if review_due else None,
        audience=listing.audience,
        visible_from=listing.visible_from.isoformat() if listing.visible_from else None,
        visible_to=listing.visible_to.isoformat() if listing.visible_to else None,
        keywords=tuple(term.name for term in listing.terms_in("circumstance"))
        + tuple(name for _, name in listing.languages),
    )


def ages_served(minimum: int | None, maximum: int | None) -> tuple[int, ...]:
    """Every year of age a service takes; no lower limit starts at birth, not pregnancy."""
    low = 0 if minimum is None else minimum
    high = OLDEST_AGE_SERVED if maximum is None else maximum
    return tuple(range(max(low, PRE_BIRTH_AGE), high + 1))


def open_slots(schedules: Iterable[IndexedSchedule], today: date) -> tuple[str, ...]:
    """Weekday-hour slots ("MO09") in which a current schedule is open."""
    slots: set[str] = set()
    for schedule in schedules:
        if schedule.valid_to is not None and schedule.valid_to < today:
            continue
        if schedule.valid_from is not None and schedule.valid_from > today:
            continue
        last_minute = _minus_one_minute(schedule.closes_at)
        for hour in range(schedule.opens_at.hour, last_minute.hour + 1):
            slots.add(f"{schedule.byday}{hour:02d}")
    return tuple(sorted(slots))


def _minus_one_minute(value: time) -> time:
    return (datetime.combine(date.min, value) - timedelta(minutes=1)).time()
