"""The facts a result card and a service page lead with: when next open, where, which phone."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.models import (
    DatedSession,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAreaScope,
    ServiceAtLocation,
)
from directory.presenters.facts import next_opening, opening_changes_at, phone_links, where
from directory.presenters.lasting import lasting_between

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
# Thursday 26 November 2026, 2:30pm.
NOW = datetime(2026, 11, 26, 14, 30)


pytestmark = pytest.mark.usefixtures("babel_request")


def _weekly(*rows: tuple[str, time, time], **validity: date) -> Service:
    return Service(
        name="Drop-in",
        schedules=[Schedule(byday=d, opens_at=o, closes_at=c, **validity) for d, o, c in rows],
        sessions=[],
        locations=[],
    )


def test_open_now_says_until_when() -> None:
    service = _weekly(("TH", time(9), time(17)))
    assert next_opening(service, NOW) == "Open now until 5pm"


def test_opening_that_runs_on_into_another_window_says_the_last_closing() -> None:
    service = _weekly(("TH", time(13), time(15)), ("TH", time(15), time(18)))
    assert next_opening(service, NOW) == "Open now until 6pm"


def test_later_today() -> None:
    service = _weekly(("TH", time(16), time(18)))
    assert next_opening(service, NOW) == "Open later today, 4pm to 6pm"


def test_closed_for_today_gives_the_next_day_by_name() -> None:
    assert next_opening(_weekly(("TH", time(9), time(12))), NOW).startswith(
        "Next open Thursday 3 December, 9am to midday"
    )
    assert next_opening(_weekly(("FR", time(9), time(12))), NOW) == (
        "Next open tomorrow, 9am to midday"
    )
    assert next_opening(_weekly(("MO", time(10), time(11)), ("MO", time(13), time(14))), NOW) == (
        "Next open Monday, 10am to 11am, 1pm to 2pm"
    )


def test_a_later_day_this_year_is_said_without_the_year() -> None:
    service = _weekly(("WE", time(15, 45), time(17, 30)), valid_from=date(2026, 12, 9))
    assert next_opening(service, NOW) == "Next open Wednesday 9 December, 3:45pm to 5:30pm"


def test_a_schedule_that_starts_later_gives_its_first_day() -> None:
    service = _weekly(("WE", time(15, 45), time(17, 30)), valid_from=date(2027, 1, 6))
    assert next_opening(service, NOW) == "Next open Wednesday 6 January 2027, 3:45pm to 5:30pm"


def test_a_schedule_that_has_ended_says_nothing() -> None:
    service = _weekly(("MO", time(10), time(11)), valid_to=date(2026, 11, 1))
    assert next_opening(service, NOW) == ""


def test_dated_sessions_come_before_weekly_opening() -> None:
    service = _weekly(("TH", time(9), time(17)))
    service.sessions = [
        DatedSession(starts_at=datetime(2026, 12, 22, 10), ends_at=datetime(2026, 12, 22, 14)),
        DatedSession(starts_at=datetime(2026, 11, 20, 10), ends_at=datetime(2026, 11, 20, 14)),
    ]
    assert next_opening(service, NOW) == "Next session: Tuesday 22 December, 10am to 2pm"
    service.sessions = [
        DatedSession(starts_at=datetime(2026, 11, 26, 14), ends_at=datetime(2026, 11, 26, 16))
    ]
    assert next_opening(service, NOW) == "On now, until 4pm"
    service.sessions = [
        DatedSession(starts_at=datetime(2026, 11, 20, 10), ends_at=datetime(2026, 11, 20, 14))
    ]
    assert next_opening(service, NOW) == "No sessions coming up"


def _at(*venues: Location, areas: list[ServiceArea] | None = None) -> Service:
    return Service(
        name="Group",
        locations=[ServiceAtLocation(location=venue) for venue in venues],
        service_areas=areas or [],
    )


def test_where_names_the_towns_of_the_venues() -> None:
    assert where(_at(Location(name="Hall", city="Brierley Hill")), COUNCIL) == "Brierley Hill"
    assert where(_at(Location(name="Hall", city="", locality="halesowen")), COUNCIL) == (
        "Halesowen"
    )
    many = _at(*(Location(name=str(n), city=town) for n, town in enumerate("ABCDA")))
    assert where(many, COUNCIL) == "A, B and 2 more places"


def test_where_never_names_a_refuges_town() -> None:
    refuge = _at(Location(name="Refuge", city="Stourbridge", masked_address=True))
    assert where(refuge, COUNCIL) == "Address given when you contact them"


def test_where_without_a_venue_gives_the_area_covered() -> None:
    service = _at(
        areas=[
            ServiceArea(scope=ServiceAreaScope.LOCALITY, locality="halesowen"),
            ServiceArea(scope=ServiceAreaScope.BOROUGH),
        ]
    )
    assert where(service, COUNCIL) == "In Halesowen; Anywhere in Dudley"


def test_phone_links_dial_the_digits() -> None:
    service = Service(phones=[Phone(number="01384 813322", description="")])
    assert [link.href for link in phone_links(service)] == ["tel:01384813322"]


def _moments(start: datetime, hours: int) -> list[datetime]:
    """Every quarter hour and every minute either side of it over ``hours``, and the
    quarters themselves a second late: the clock on and around every boundary."""
    found = []
    for quarter in range(hours * 4):
        at = start + timedelta(minutes=15 * quarter)
        found += [
            at - timedelta(minutes=1),
            at,
            at + timedelta(seconds=1),
            at + timedelta(minutes=1),
        ]
    return found


def _kept_opening(service: Service, now: datetime, council: object) -> str:
    return lasting_between(
        service,
        council,
        ("when", "en"),
        now,
        lambda: next_opening(service, now),
        lambda: opening_changes_at(service, now),
    )


@pytest.mark.parametrize("order", ["forward", "shuffled"])
def test_a_kept_opening_time_is_always_the_one_worked_out_afresh(order: str) -> None:
    """Kept from one moment until ``opening_changes_at``, a card's "open now until 5pm" is,
    at every moment over three days (in order, and in any order), what ``next_opening``
    says then: windows that meet, start and end today, another day, and dated sessions."""
    weekly = _weekly(
        ("TH", time(9), time(12)),
        ("TH", time(12), time(13, 30)),
        ("TH", time(16), time(18)),
        ("FR", time(10), time(11)),
        ("SA", time(0), time(23, 45)),
    )
    venue = Service(
        name="At a venue",
        schedules=[],
        sessions=[],
        locations=[
            ServiceAtLocation(
                schedules=[Schedule(byday="FR", opens_at=time(8), closes_at=time(9, 15))]
            )
        ],
    )
    dated = _weekly()
    dated.sessions = [
        DatedSession(starts_at=datetime(2026, 11, 26, 14), ends_at=datetime(2026, 11, 26, 16)),
        DatedSession(starts_at=datetime(2026, 11, 27, 23), ends_at=datetime(2026, 11, 28, 1)),
        DatedSession(starts_at=datetime(2026, 11, 28, 10), ends_at=datetime(2026, 11, 28, 10, 30)),
    ]
    moments = _moments(datetime(2026, 11, 26), 72)
    if order == "shuffled":
        random.Random(7).shuffle(moments)
    council = object()
    for service in (weekly, venue, dated):
        for now in moments:
            assert _kept_opening(service, now, council) == next_opening(service, now), (
                service.name,
                now,
            )


def test_an_opening_time_is_kept_until_it_may_change() -> None:
    service = _weekly(("TH", time(9), time(17)))
    assert opening_changes_at(service, NOW) == datetime(2026, 11, 26, 17)
    assert opening_changes_at(service, datetime(2026, 11, 26, 17)) == datetime(2026, 11, 26, 17)
    assert opening_changes_at(service, datetime(2026, 11, 26, 18)) == datetime(2026, 11, 27)
    made = []
    for minute in range(0, 150, 10):
        lasting_between(
            service,
            COUNCIL,
            ("when", "en"),
            NOW + timedelta(minutes=minute),
            lambda: made.append(1) or "words",
            lambda: opening_changes_at(service, NOW),
        )
    assert len(made) == 1
