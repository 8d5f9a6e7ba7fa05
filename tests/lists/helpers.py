"""Helpers for list tests: services by name, and the forms a browser would send."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus
from directory.queries.services import publicly_visible
from tests.support.client import page_text
from tests.support.staff import token_in

SAVE_BUTTON = re.compile(r'name="add" value="([0-9a-f-]{36})"')


def public_ids(app: Flask, count: int) -> list[tuple[str, str]]:
    """(id, name) of ``count`` public services with a phone number, by name."""
    from datetime import date

    with app.app_context():
        services = db.session.scalars(
            sa.select(Service).where(publicly_visible(date.today())).order_by(Service.name)
        ).all()
        found = [(s.id, s.name) for s in services if s.phones]
    assert len(found) >= count
    return found[:count]


def practitioner_only_id(app: Flask) -> tuple[str, str]:
    with app.app_context():
        service = db.session.scalars(
            sa.select(Service).where(
                Service.audience == Audience.PRACTITIONERS,
                Service.status == ServiceStatus.ACTIVE,
            )
        ).first()
        assert service is not None, "the demo data has a practitioner-only service"
        return service.id, service.name


def save(client: FlaskClient, service_id: str, page: str) -> TestResponse:
    """Press "Save to my list" on ``page`` for one service, as a browser with JavaScript off."""
    shown = client.get(page)
    token = token_in(page_text(shown))
    return client.post(
        "/my-list/update", data={"csrf_token": token, "add": service_id, "next": page}
    )
