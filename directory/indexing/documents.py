"""Turning a service row into the flat document the search index holds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from directory.models import Schedule, Service, ServiceAreaScope
from directory.models.service import OLDEST_AGE_SERVED, PRE_BIRTH_AGE
from directory.review import due_date
from search import ServiceDocument


def service_document(service: Service, today: date, default_review_months: int) -> ServiceDocument:
    """The search document for one service, as it stands on ``today``.

    It carries when the listing is due a check (its own review interval after its last
    check, else ``default_review_months``, the council's), so search ranks it lower once
    that day has passed without another rebuild.
    """
    review_due = due_date(
        service.assured_date, service.review_interval_months or default_review_months
    )
    venues = [link.location for link in service.locations]
    schedules = [*service.schedules, *(s for link in service.locations for s in link.schedules)]
    localities = {venue.locality for venue in venues if venue.locality}
    localities |= {area.locality for area in service.service_areas if area.locality}
    categories = service.terms("category")
    needs = service.terms("need")
    return ServiceDocument(
        id=service.id,
        name=service.name,
        organisation=service.organization.name,
        description=" ".join(part for part in (service.summary, service.description) if part),
        kind=service.kind.value,
        category_codes=tuple(term.code for term in categories),
        category_labels=tuple(term.name for term in categories),
        need_codes=tuple(term.code for term in needs),
        need_labels=tuple(term.name for term in needs),
        level_codes=tuple(term.code for term in service.terms("level")),
        localities=tuple(sorted(localities)),
        borough_wide=any(area.scope == ServiceAreaScope.BOROUGH for area in service.service_areas),
        delivery=tuple(service.delivery_methods),
        # A masked venue (a refuge) must not be findable by distance: distances from several
        # postcodes would give its position away.
        points=tuple(
            (float(venue.easting), float(venue.northing))
            for venue in venues
            if venue.easting is not None and venue.northing is not None and not venue.masked_address
        ),
        ages=ages_served(service.minimum_age, service.maximum_age),
        free=service.is_free,
        languages=tuple(sorted({language.code for language in service.languages})),
        open_slots=open_slots(schedules, today),
        session_dates=tuple(
            sorted(
                {
                    s.starts_at.date().isoformat()
                    for s in service.sessions
                    if s.starts_at.date() >= today
                }
            )
        ),
        assured_date=service.assured_date.isoformat() if service.assured_date else None,
        review_due=review_due.isoformat() if review_due else None,
        audience=service.audience.value,
        visible_from=service.visible_from.isoformat() if service.visible_from else None,
        visible_to=service.visible_to.isoformat() if service.visible_to else None,
        keywords=tuple(
            term.name for term in service.taxonomy_terms if term.scheme == "circumstance"
        )
        + tuple(language.name for language in service.languages),
    )


def ages_served(minimum: int | None, maximum: int | None) -> tuple[int, ...]:
    """Every year of age a service takes; no lower limit starts at birth, not pregnancy."""
    low = 0 if minimum is None else minimum
    high = OLDEST_AGE_SERVED if maximum is None else maximum
    return tuple(range(max(low, PRE_BIRTH_AGE), high + 1))


def open_slots(schedules: list[Schedule], today: date) -> tuple[str, ...]:
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
