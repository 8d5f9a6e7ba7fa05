"""Result cards say where, when, how much, for what ages and the number to call."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import DeliveryMethod, Location, Service, ServiceAtLocation
from tests.support.html import definitions

CARD = re.compile(r'<li class="app-service-list__item">(.*?)</li>', re.S)
SERVICE_LINK = re.compile(r'href="/services/([0-9a-f-]{36})"')


def _cards(app: Flask, query: str) -> dict[str, str]:
    """Service id -> the card's markup, in page order."""
    markup = app.test_client().get(f"/find-support?{query}").get_data(as_text=True)
    cards = {}
    for card in CARD.findall(markup):
        found = SERVICE_LINK.search(card)
        assert found
        cards[found.group(1)] = card
    return cards


def _facts(card: str) -> dict[str, str]:
    return definitions(card)


def test_every_in_person_service_says_where_it_is(search_app: Flask) -> None:
    seen = 0
    for query in ("need=food", "kind=family_centre", "q=stay+and+play", "need=domestic-abuse"):
        cards = _cards(search_app, query)
        with search_app.app_context():
            services = db.session.scalars(sa.select(Service).where(Service.id.in_(cards)))
            in_person = [s.id for s in services if DeliveryMethod.IN_PERSON in s.delivery_methods]
        for service_id in in_person:
            assert _facts(cards[service_id]).get("Where"), cards[service_id]
            seen += 1
    assert seen > 20


def test_a_card_gives_the_town_and_the_distance_from_a_postcode(search_app: Flask) -> None:
    with search_app.app_context():
        centre_id = db.session.scalars(
            sa.select(Service.id).where(Service.external_id == "dudley-fc-brierley-hill")
        ).one()
    without = _facts(_cards(search_app, "kind=family_centre")[centre_id])
    nearby = _facts(_cards(search_app, "kind=family_centre&postcode=DY5+3DY")[centre_id])

    assert without["Where"] == "Brierley Hill"
    assert re.fullmatch(r"Brierley Hill, (less than 0\.1|\d+\.\d) miles? away", nearby["Where"])
    assert without["Phone"] == "01384 813322"
    assert 'href="tel:01384813322"' in _cards(search_app, "kind=family_centre")[centre_id]
    assert re.match(r"(Open now until|Open later today,|Next open) ", without["When"])
    assert without["Cost"] == "Free"
    assert without["Ages"] == "Pregnancy to 18 years"


def test_a_refuge_card_never_names_its_town(search_app: Flask) -> None:
    with search_app.app_context():
        refuge = db.session.execute(
            sa.select(Service.id, Location.city)
            .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(Location.masked_address.is_(True))
        ).first()
    assert refuge is not None
    card = _cards(search_app, "need=domestic-abuse&postcode=DY8+1XF&radius=20")[refuge.id]
    facts = _facts(card)
    assert facts["Where"] == "Address given when you contact them"
    assert refuge.city not in card


def test_a_holiday_activity_card_gives_its_next_session(search_app: Flask) -> None:
    cards = _cards(search_app, "kind=holiday_activity")
    whens = [_facts(card).get("When", "") for card in cards.values()]
    assert cards
    assert all(when.startswith(("Next session: ", "On now")) for when in whens), whens
