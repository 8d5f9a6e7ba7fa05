"""Listings families can no longer use still answer: 410 Gone, why, no contact, what next."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from werkzeug.test import TestResponse

from directory.extensions import db
from directory.models import (
    Audience,
    Location,
    Phone,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)
from directory.queries.services import publicly_visible
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.masking import masked_before_reindex

TODAY = date.today()
CARD_LINK = re.compile(
    r'<li class="app-service-list__item">.*?href="/services/([0-9a-f-]{36})"', re.S
)


@contextmanager
def changed(app: Flask, service_id: str, **values: object) -> Iterator[Service]:
    """The service with ``values`` set (and indexed as such), put back afterwards."""
    with app.app_context():
        service = db.session.get(Service, service_id)
        before = {name: getattr(service, name) for name in values}
        for name, value in values.items():
            setattr(service, name, value)
        db.session.commit()
    try:
        yield service
    finally:
        with app.app_context():
            service = db.session.get(Service, service_id)
            for name, value in before.items():
                setattr(service, name, value)
            db.session.commit()


def _listing(app: Flask, masked: bool = False) -> dict[str, object]:
    """A public sample listing with a phone, a need and a venue (a refuge's if ``masked``)."""
    with app.app_context():
        service = db.session.scalars(
            sa.select(Service)
            .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(
                publicly_visible(TODAY),
                Service.is_sample.is_(True),
                Service.id.in_(sa.select(Phone.service_id)),
                Location.masked_address.is_(masked),
                Location.easting.is_not(None) if not masked else sa.true(),
            )
            .order_by(Service.name)
        ).first()
        assert service is not None
        venue = service.locations[0].location
        return {
            "id": service.id,
            "name": service.name,
            "phones": [phone.number for phone in service.phones],
            "email": service.email,
            "url": service.url,
            "street": venue.address_1,
            "postcode": venue.postal_code,
            "town": venue.city,
            "needs": [term.code for term in service.terms("need")],
        }


def _get(app: Flask, service_id: str) -> tuple[TestResponse, str]:
    response = app.test_client().get(f"/services/{service_id}", headers={"Accept-Encoding": "br"})
    return response, page_text(response)


GONE = {
    "withdrawn": ({"status": ServiceStatus.INACTIVE}, r"is no longer listed", r"It has stopped"),
    "defunct": ({"status": ServiceStatus.DEFUNCT}, r"is no longer listed", r"It has stopped"),
    "temporarily closed": (
        {"status": ServiceStatus.TEMPORARILY_CLOSED},
        r"is closed for now",
        r"We do not know yet when it will open again",
    ),
    "out of season, not yet back": (
        {"visible_from": TODAY + timedelta(days=40)},
        r"is closed until \d{1,2} \w+ \d{4}",
        r"You can find it here again from",
    ),
    "out of season, its season over": (
        {"visible_from": TODAY - timedelta(days=90), "visible_to": TODAY - timedelta(days=2)},
        r"is no longer listed",
        r"Its listing ended on \d{1,2} \w+ \d{4}",
    ),
}


@pytest.mark.parametrize("why", list(GONE))
def test_a_gone_listing_answers_410_with_why_and_no_way_to_contact_it(
    search_app: Flask, why: str
) -> None:
    values, heading, explanation = GONE[why]
    listing = _listing(search_app)
    with changed(search_app, str(listing["id"]), **values):
        response, markup = _get(search_app, str(listing["id"]))

    assert response.status_code == 410
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Cache-Control"] == "private, no-cache"
    text = visible_text(markup)
    heading_text = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.S)
    assert heading_text is not None
    assert re.fullmatch(
        re.escape(str(listing["name"])) + " " + heading, " ".join(heading_text.group(1).split())
    )
    assert re.search(explanation, text)
    for phone in listing["phones"]:  # type: ignore[attr-defined]
        assert phone not in text
    for detail in (listing["email"], listing["url"], listing["street"], listing["postcode"]):
        if detail:
            assert str(detail) not in markup
    assert "openstreetmap" not in markup


def test_a_gone_listing_offers_similar_services_nearby_and_its_topics(search_app: Flask) -> None:
    listing = _listing(search_app)
    with changed(search_app, str(listing["id"]), status=ServiceStatus.INACTIVE):
        _, markup = _get(search_app, str(listing["id"]))
        with search_app.app_context():
            public = set(db.session.scalars(sa.select(Service.id).where(publicly_visible(TODAY))))

    assert "Similar services nearby" in markup
    similar = CARD_LINK.findall(markup)
    assert 1 <= len(similar) <= 5
    assert set(similar) <= public
    assert str(listing["id"]) not in similar
    distances = [float(d) for d in re.findall(r"(\d+\.\d) miles away", markup)]
    assert distances == sorted(distances)
    for need in listing["needs"]:  # type: ignore[attr-defined]
        assert f'href="/find-support?need={need}"' in markup


def test_a_gone_refuge_is_not_used_to_find_services_near_it(search_app: Flask) -> None:
    refuge = _listing(search_app, masked=True)
    with changed(search_app, str(refuge["id"]), status=ServiceStatus.DEFUNCT):
        response, markup = _get(search_app, str(refuge["id"]))

    assert response.status_code == 410
    assert "Similar services nearby" not in markup
    assert "miles away" not in markup
    assert str(refuge["postcode"]) not in markup
    assert "govuk-exit-this-page" in markup
    assert response.headers["Cache-Control"] == "no-store"


def test_practitioner_only_and_unknown_listings_are_still_not_found(search_app: Flask) -> None:
    listing = _listing(search_app)
    with changed(search_app, str(listing["id"]), audience=Audience.PRACTITIONERS):
        response, markup = _get(search_app, str(listing["id"]))
    assert response.status_code == 404
    assert str(listing["name"]) not in markup
    assert search_app.test_client().get("/services/no-such-listing").status_code == 404


def test_a_venue_masked_before_the_index_catches_up_is_not_offered_as_nearby(
    search_app: Flask,
) -> None:
    """The similar services are the nearest ones: a listing whose venue was masked (a
    refuge) in a commit the index has not taken yet would be ordered by the place the
    index still holds. It is left out until the index catches up."""
    listing = _listing(search_app)
    with changed(search_app, str(listing["id"]), status=ServiceStatus.INACTIVE):
        similar = CARD_LINK.findall(_get(search_app, str(listing["id"]))[1])
        assert similar, "the gone page offers similar services nearby"
        with masked_before_reindex(search_app, similar[0]):
            assert similar[0] not in CARD_LINK.findall(_get(search_app, str(listing["id"]))[1])
