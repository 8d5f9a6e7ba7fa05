"""The family pages on the demo data, on SQLite and PostgreSQL, with every page checked."""

from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus
from directory.queries.services import publicly_visible
from tests.support.html import visible_text


def _service(app: Flask, *conditions: sa.ColumnElement[bool]) -> Service:
    with app.app_context():
        found = db.session.scalars(sa.select(Service).where(*conditions).limit(1)).first()
        assert found is not None, "the demo data should hold such a service"
        db.session.expunge(found)
        return found


def test_home_lists_every_need_with_a_link(demo_app: Flask) -> None:
    response = demo_app.test_client().get("/")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    for need in demo_app.extensions["council"].terms("need"):
        assert need.label in text
    assert "01384 812440" in text


def test_every_topic_lists_only_public_services(demo_app: Flask) -> None:
    client = demo_app.test_client()
    linked: set[str] = set()
    for need in demo_app.extensions["council"].terms("need"):
        redirect = client.get(f"/needs/{need.code}")
        assert redirect.status_code == 301
        assert redirect.headers["Location"] == f"/find-support?need={need.code}"
        for page in (1, 2):
            response = client.get(f"/find-support?need={need.code}&page={page}")
            if response.status_code == 404:
                break
            markup = response.get_data(as_text=True)
            linked |= set(re.findall(r'href="/services/([0-9a-f-]{36})"', markup))
    with demo_app.app_context():
        public = set(
            db.session.scalars(sa.select(Service.id).where(publicly_visible(date.today())))
        )
        hidden = set(db.session.scalars(sa.select(Service.id))) - public
    assert hidden, "the demo data should hold withdrawn and practitioner-only services"
    assert len(linked) > 200
    assert linked <= public


def test_unknown_need_is_not_found(demo_app: Flask) -> None:
    assert demo_app.test_client().get("/needs/no-such-need").status_code == 404


def test_family_centre_page_shows_how_to_get_help(demo_app: Flask) -> None:
    centre = _service(demo_app, Service.external_id == "dudley-fc-brierley-hill")
    response = demo_app.test_client().get(f"/services/{centre.id}")
    assert response.status_code == 200
    markup = response.get_data(as_text=True)
    text = visible_text(markup)
    assert "18 Parkes Street" in text
    assert "DY5 3DY" in text
    assert 'href="tel:01384813322"' in markup
    assert "Monday 9am to 5pm" in text
    assert "Friday 9am to 5pm" in text
    assert "openstreetmap.org" in markup
    assert "Last checked" in text


def test_every_public_service_page_renders(demo_app: Flask) -> None:
    client = demo_app.test_client()
    with demo_app.app_context():
        ids = db.session.scalars(sa.select(Service.id).where(publicly_visible(date.today())))
        ids = list(ids)
    assert len(ids) >= 250
    for service_id in ids:
        response = client.get(f"/services/{service_id}")
        assert response.status_code == 200, service_id


def test_withdrawn_services_are_gone_and_practitioner_only_ones_not_found(
    demo_app: Flask,
) -> None:
    withdrawn = _service(
        demo_app, Service.status != ServiceStatus.ACTIVE, Service.audience == Audience.PUBLIC
    )
    private = _service(
        demo_app, Service.audience == Audience.PRACTITIONERS, Service.status == ServiceStatus.ACTIVE
    )
    client = demo_app.test_client()
    assert client.get(f"/services/{withdrawn.id}").status_code == 410
    assert client.get(f"/services/{private.id}").status_code == 404


def test_unknown_service_id_is_not_found(demo_app: Flask) -> None:
    response = demo_app.test_client().get("/services/not-a-real-id")
    assert response.status_code == 404
    assert "Page not found" in visible_text(response.get_data(as_text=True))


def test_domestic_abuse_pages_offer_exit_this_page(demo_app: Flask) -> None:
    response = demo_app.test_client().get("/find-support?need=domestic-abuse")
    assert "govuk-exit-this-page" in response.get_data(as_text=True)
    food = demo_app.test_client().get("/find-support?need=food")
    assert "govuk-exit-this-page" not in food.get_data(as_text=True)


def test_masked_refuge_address_is_never_shown(demo_app: Flask) -> None:
    from directory.models import Location, ServiceAtLocation

    with demo_app.app_context():
        row = db.session.execute(
            sa.select(Service.id, Location.address_1, Location.postal_code)
            .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(Location.masked_address.is_(True), publicly_visible(date.today()))
        ).first()
    assert row is not None, "the demo data should hold a refuge with a masked address"
    markup = demo_app.test_client().get(f"/services/{row.id}").get_data(as_text=True)
    assert row.postal_code not in markup
    if row.address_1:
        assert row.address_1 not in markup
    assert "openstreetmap" not in markup


def test_holiday_activity_page_lists_dated_sessions(demo_app: Flask) -> None:
    from directory.models import DatedSession, ServiceKind

    with demo_app.app_context():
        service_id = db.session.scalars(
            sa.select(Service.id)
            .join(DatedSession, DatedSession.service_id == Service.id)
            .where(Service.kind == ServiceKind.HOLIDAY_ACTIVITY, publicly_visible(date.today()))
            .limit(1)
        ).first()
    assert service_id is not None
    text = visible_text(
        demo_app.test_client().get(f"/services/{service_id}").get_data(as_text=True)
    )
    assert "Coming up" in text


def test_demo_data_is_announced(demo_app: Flask) -> None:
    text = visible_text(demo_app.test_client().get("/").get_data(as_text=True))
    assert "demonstration" in text.lower()
