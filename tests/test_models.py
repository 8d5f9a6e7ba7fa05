"""Model rules: what families may see, what counts as free, and what the database refuses."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import (
    Audience,
    CostOption,
    Organization,
    Schedule,
    Service,
    ServiceArea,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
)

TODAY = date(2026, 11, 23)


def _service(**fields: object) -> Service:
    settings: dict[str, object] = {
        "name": "Stay and Play",
        "kind": ServiceKind.ACTIVITY,
        "status": ServiceStatus.ACTIVE,
        "audience": Audience.PUBLIC,
    }
    settings.update(fields)
    return Service(organization=Organization(name="Test organisation"), **settings)


@pytest.mark.parametrize(
    ("fields", "visible"),
    [
        ({}, True),
        ({"status": ServiceStatus.DEFUNCT}, False),
        ({"status": ServiceStatus.TEMPORARILY_CLOSED}, False),
        ({"audience": Audience.PRACTITIONERS}, False),
        ({"visible_from": date(2026, 12, 1)}, False),
        ({"visible_to": date(2026, 11, 22)}, False),
        ({"visible_from": TODAY, "visible_to": TODAY}, True),
    ],
)
def test_only_active_public_in_season_services_are_shown(
    fields: dict[str, object], visible: bool
) -> None:
    assert _service(**fields).is_visible_to_public(TODAY) is visible


def test_free_means_some_families_pay_nothing() -> None:
    paid = _service(cost_options=[CostOption(option="Each session", amount=Decimal("3.50"))])
    some_free = _service(
        cost_options=[
            CostOption(option="Free school meals", amount=Decimal(0)),
            CostOption(option="Others", amount=Decimal(5)),
        ]
    )
    unknown = _service()
    assert not paid.is_free
    assert some_free.is_free
    assert not unknown.is_free


def test_schedule_knows_which_days_it_applies_to() -> None:
    schedule = Schedule(
        byday="MO", opens_at=time(9), closes_at=time(17), valid_to=date(2026, 12, 31)
    )
    assert schedule.applies_on(date(2026, 11, 23))
    assert not schedule.applies_on(date(2026, 11, 24))
    assert not schedule.applies_on(date(2027, 1, 4))


@pytest.mark.parametrize(
    "broken",
    [
        {"minimum_age": -2},
        {"maximum_age": 26},
        {"minimum_age": 10, "maximum_age": 5},
        {"visible_from": date(2027, 1, 1), "visible_to": date(2026, 1, 1)},
    ],
    ids=["before-pregnancy", "over-25", "ages-reversed", "season-reversed"],
)
def test_database_refuses_impossible_services(empty_app: Flask, broken: dict[str, object]) -> None:
    with empty_app.app_context():
        db.session.add(_service(**broken))
        with pytest.raises(sa.exc.IntegrityError):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(sa.select(sa.func.count(Service.id))) == 0


def test_database_refuses_bad_schedules_and_areas(empty_app: Flask) -> None:
    with empty_app.app_context():
        service = _service()
        db.session.add(service)
        db.session.commit()
        bad_rows = [
            Schedule(service_id=service.id, byday="XX", opens_at=time(9), closes_at=time(10)),
            Schedule(service_id=service.id, byday="MO", opens_at=time(17), closes_at=time(9)),
            Schedule(byday="MO", opens_at=time(9), closes_at=time(17)),
            ServiceArea(service_id=service.id, scope=ServiceAreaScope.LOCALITY),
            CostOption(service_id=service.id, amount=Decimal(-1)),
        ]
        for row in bad_rows:
            db.session.add(row)
            with pytest.raises(sa.exc.IntegrityError):
                db.session.commit()
            db.session.rollback()


def test_deleting_a_service_removes_its_parts(empty_app: Flask) -> None:
    with empty_app.app_context():
        service = _service(
            schedules=[Schedule(byday="MO", opens_at=time(9), closes_at=time(17))],
            cost_options=[CostOption(amount=Decimal(0))],
        )
        db.session.add(service)
        db.session.commit()
        db.session.delete(service)
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count(Schedule.id))) == 0
        assert db.session.scalar(sa.select(sa.func.count(CostOption.id))) == 0


@pytest.mark.parametrize(
    ("option", "description", "funded"),
    [
        ("Funded early education hours", "Free for eligible children", True),
        ("30 hours childcare", "", True),
        ("Early years entitlement", "", True),
        ("", "Government funded places for 2 year olds", True),
        ("Free school meals", "Free", False),
        ("Each session", "£3.50 a session", False),
        ("Extra hours", "£5.50 an hour", False),
    ],
)
def test_the_option_words_say_whether_it_is_funded_hours(
    option: str, description: str, funded: bool
) -> None:
    cost = CostOption(option=option, amount=Decimal(0), amount_description=description)
    assert cost.is_funded_hours is funded


def test_funded_childcare_hours_are_not_free() -> None:
    nursery = _service(
        cost_options=[
            CostOption(
                option="Funded early education hours",
                amount=Decimal(0),
                amount_description="Free for eligible children",
            ),
            CostOption(option="Extra hours", amount=Decimal("5.50")),
        ]
    )
    assert not nursery.is_free
    assert nursery.offers_funded_hours
    play_group = _service(cost_options=[CostOption(option="Free", amount=Decimal(0))])
    assert play_group.is_free and not play_group.offers_funded_hours
