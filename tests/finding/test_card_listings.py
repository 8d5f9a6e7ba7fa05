"""The listings a results page loads for its cards (``directory.queries.cards``, one
statement with the organisation and venues joined, the rest selected in) show exactly what
the same listing read through the ORM's plain lazy loads shows: every listing of the demo
directory, on each database the tests run."""

from __future__ import annotations

from datetime import datetime

from flask import Flask, current_app

from directory.extensions import db
from directory.models import Service
from directory.presenters.professional import practitioner_result_item, professional_facts
from directory.presenters.search import result_item
from directory.queries.cards import _load
from search import SearchHit

MOMENTS = (datetime(2026, 12, 7, 9, 30), datetime(2026, 12, 12, 18, 0))
"""A weekday morning and a Saturday evening: the next-opening words differ."""


def test_every_listing_shows_what_the_orm_loads_show(search_app: Flask) -> None:
    with search_app.test_request_context("/find-support"):
        ids = sorted(db.session.scalars(db.select(Service.id)))
        loaded = _load(ids)
        assert len(loaded) > 20
        council = current_app.extensions["council"]
        for service_id, card_listing in loaded.items():
            plain = db.session.get_one(Service, service_id)  # lazy loads, one by one
            hit = SearchHit(service_id, 1.0, 1234.0)
            for now in MOMENTS:
                assert result_item(card_listing, hit, now) == result_item(plain, hit, now)
                assert practitioner_result_item(card_listing, hit, now) == (
                    practitioner_result_item(plain, hit, now)
                )
            assert professional_facts(card_listing, council) == professional_facts(plain, council)
            assert {(t.scheme, t.code) for t in card_listing.taxonomy_terms} == {
                (t.scheme, t.code) for t in plain.taxonomy_terms
            }
            assert card_listing.organization.name == plain.organization.name
            assert [link.location.id for link in card_listing.locations] == [
                link.location.id for link in plain.locations
            ]
        db.session.rollback()
