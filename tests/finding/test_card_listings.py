"""The listings a results page reads for its cards (``directory.queries.cards``: plain rows
into card values, no ORM object) say exactly what the same listing read through the ORM's
plain lazy loads says: every listing of the demo directory, on each database the tests
run."""

from __future__ import annotations

from datetime import datetime

from flask import Flask, current_app

from directory.extensions import db
from directory.models import Service
from directory.presenters.facts import (
    next_opening,
    opening_changes_at,
    out_of_date_notice,
    phone_links,
    where,
)
from directory.presenters.formatting import age_range, cost_lines
from directory.presenters.professional import practitioner_result_item, professional_facts
from directory.presenters.search import result_item
from directory.queries.cards import card_listings
from search import SearchHit

MOMENTS = (datetime(2026, 12, 7, 9, 30), datetime(2026, 12, 12, 18, 0))
"""A weekday morning and a Saturday evening: the next-opening words differ."""


def test_every_listing_says_what_the_orm_loads_say(search_app: Flask) -> None:
    with search_app.test_request_context("/find-support"):
        ids = sorted(db.session.scalars(db.select(Service.id)))
        loaded = card_listings(ids)
        assert len(loaded) > 20
        council = current_app.extensions["council"]
        for service_id, card in loaded.items():
            plain = db.session.get_one(Service, service_id)  # lazy loads, one by one
            hit = SearchHit(service_id, 1.0, 1234.0)
            for now in MOMENTS:
                assert next_opening(card, now) == next_opening(plain, now)
                assert opening_changes_at(card, now) == opening_changes_at(plain, now)
                item = result_item(card, hit, now)
                assert item.when == next_opening(plain, now)
                assert practitioner_result_item(card, hit, now).professional == (
                    professional_facts(plain, council)
                )
                assert out_of_date_notice(card, council, now.date()) == (
                    out_of_date_notice(plain, council, now.date())
                )
            assert (item.name, item.organisation, item.summary, item.is_sample) == (
                plain.name,
                plain.organization.name,
                plain.summary,
                plain.is_sample,
            )
            assert item.where == where(plain, council)
            assert item.ages == age_range(plain.minimum_age, plain.maximum_age)
            assert cost_lines(card.cost_options) == cost_lines(plain.cost_options)
            assert card.offers_funded_hours == plain.offers_funded_hours
            assert phone_links(card) == phone_links(plain)
            assert {(t.scheme, t.code, t.name) for t in card.taxonomy_terms} == {
                (t.scheme, t.code, t.name) for t in plain.taxonomy_terms
            }
            assert (card.status, card.audience, card.visible_from, card.visible_to) == (
                plain.status,
                plain.audience,
                plain.visible_from,
                plain.visible_to,
            )
            assert card.delivery_methods == tuple(plain.delivery_methods)
        db.session.rollback()


def test_a_listing_no_longer_indexed_is_not_read(search_app: Flask) -> None:
    with search_app.test_request_context("/find-support"):
        assert card_listings(["no-such-listing"]) == {}
