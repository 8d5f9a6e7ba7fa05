"""Requests for support in tests: a listing that takes them and a request sent through the
real pages."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.models import SupportRequest
from directory.support_requests import save_settings
from tests.support.factories import create_service
from tests.support.staff import submit

FAMILY_NAME = "Zebedee Quixtrove"
FAMILY_CONTACT = "07700 900461 zq-family@example.net"
HELP_WANTED = "Wants help with a toddler who bites: xylophone-unique-words"
CONSENT_BY = "Mother, Yolanda Quixtrove"
PERSONAL = (FAMILY_NAME, FAMILY_CONTACT, HELP_WANTED, CONSENT_BY, "Quixtrove", "07700 900461")


def listing_taking_requests(
    app: Flask,
    details: tuple[str, ...] = ("name", "contact", "help_wanted", "urgency"),
    name: str = "Test Family Support",
) -> str:
    with app.app_context():
        service = create_service(name, organisation="Test Family Charity", needs=("parenting",))
        save_settings(service.id, True, list(details), "tests")
        return service.id


def request_form(**changes: str) -> dict[str, str]:
    form = {
        "consent": "y",
        "consent_by": CONSENT_BY,
        "consent_on": date.today().strftime("%d/%m/%Y"),
        "consent_how": "verbal",
        "need": "parenting",
        "locality": "halesowen",
        "name": FAMILY_NAME,
        "contact": FAMILY_CONTACT,
        "children_ages": "2 and 5",
        "help_wanted": HELP_WANTED,
        "urgency": "soon",
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def send_request(client: FlaskClient, service_id: str, **changes: str):  # type: ignore[no-untyped-def]
    return submit(client, f"/practitioners/requests/new/{service_id}", request_form(**changes))


def only_request(app: Flask) -> SupportRequest:
    with app.app_context():
        found = db.session.scalars(sa.select(SupportRequest)).one()
        db.session.expunge(found)
        return found
