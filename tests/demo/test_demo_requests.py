"""The demo has listings that take requests for support, so the journey can be tried on a
demo site; a later load keeps a setting someone changed."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from directory.demo.loader import DEMO_SOURCE, DemoReport, load_demo
from directory.demo.requests import TAKING_REQUESTS
from directory.extensions import db
from directory.models import RequestSettings, Service, ServiceStatus
from directory.support_requests import accepting, save_settings
from tests.demo import LOAD_DAY


def _taking_requests() -> dict[str, list[str]]:
    """Each demo listing taking requests, by its key in the demo file: what it asks for."""
    rows = db.session.execute(
        sa.select(Service.external_id, RequestSettings.details)
        .join(RequestSettings, RequestSettings.service_id == Service.id)
        .where(Service.source == DEMO_SOURCE, RequestSettings.accepts.is_(True))
    ).all()
    return {str(key): list(details) for key, details in rows}


def test_the_demo_has_published_listings_that_take_requests(loaded: DemoReport) -> None:
    taking = _taking_requests()
    assert set(taking) == set(TAKING_REQUESTS)
    assert len(taking) >= 3
    organisations = set()
    for key, details in taking.items():
        assert details, key
        service = db.session.scalars(
            sa.select(Service).where(Service.source == DEMO_SOURCE, Service.external_id == key)
        ).one()
        assert service.status is ServiceStatus.ACTIVE, key
        assert accepting(service.id) is not None
        organisations.add(service.organization_id)
    assert 1 <= len(organisations) <= 2


def test_a_later_load_keeps_a_setting_someone_changed(empty_app: Flask) -> None:
    with empty_app.app_context():
        council = empty_app.extensions["council"]
        load_demo(council, today=LOAD_DAY)
        key = next(iter(TAKING_REQUESTS))
        service_id = db.session.scalar(
            sa.select(Service.id).where(Service.source == DEMO_SOURCE, Service.external_id == key)
        )
        save_settings(service_id, False, [], "editor@example.org")
        load_demo(council, today=LOAD_DAY)
        assert key not in _taking_requests()
        assert set(_taking_requests()) == set(TAKING_REQUESTS) - {key}
