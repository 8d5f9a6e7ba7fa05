"""The practitioners' need codes kept per index generation answer as the query does, and a
listing's change (which re-indexes it, a new generation) shows at once."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.indexing import site_search
from directory.indexing.hooks import reindex_deferred
from directory.models import Service, ServiceStatus
from directory.queries.generation_kept import kept_generation
from directory.queries.need_codes import NeedCodeCache
from directory.queries.services import need_codes_by_service


def test_kept_need_codes_are_the_query_s_own(search_app: Flask) -> None:
    today = date.today()
    with search_app.app_context():
        ids = list(db.session.scalars(sa.select(Service.id).limit(60)))
        ids += ["no-such-listing", ids[0]]
        cache = NeedCodeCache()
        generation = site_search().generation()
        assert generation is not None, "the test app searches an index on disk"
        for day in (today, today + timedelta(days=400), today - timedelta(days=400)):
            expected = need_codes_by_service(ids, day)
            assert cache.codes(ids, day, generation) == expected
            assert cache.codes(ids, day, generation) == expected, "kept"
        assert cache.codes(ids, today, None) == need_codes_by_service(ids, today)
        small = NeedCodeCache(most=5)
        assert small.codes(ids, today, generation) == need_codes_by_service(ids, today)
        assert len(small._kept) == 5


def test_a_withdrawn_or_seasonal_listing_is_read_afresh(search_app: Flask) -> None:
    today = date.today()
    with search_app.app_context():
        cache = NeedCodeCache()
        held = need_codes_by_service(list(db.session.scalars(sa.select(Service.id))), today)
        service_id = next(iter(held))
        before = site_search().generation()
        assert cache.codes([service_id], today, before) == {service_id: held[service_id]}
        service = db.session.get_one(Service, service_id)
        service.visible_from = today + timedelta(days=3)
        db.session.commit()
        after = site_search().generation()
        assert after != before, "a commit re-indexes the listing"
        assert cache.codes([service_id], today, after) == {}
        assert cache.codes([service_id], today + timedelta(days=3), after) == {
            service_id: held[service_id]
        }
        service = db.session.get_one(Service, service_id)
        service.visible_from = None
        service.status = ServiceStatus.INACTIVE
        db.session.commit()
        assert cache.codes([service_id], today, site_search().generation()) == {}
        db.session.get_one(Service, service_id).status = ServiceStatus.ACTIVE
        db.session.commit()
        assert cache.codes([service_id], today, site_search().generation()) == {
            service_id: held[service_id]
        }


def test_a_change_the_index_has_not_taken_is_read_afresh(search_app: Flask) -> None:
    """The index can lag the database (an import re-indexes after its last commit, a refused
    re-index is retried by the follower, another node follows the change log): a listing
    withdrawn in a commit the index has not yet taken is read as withdrawn, under the same
    index generation."""
    today = date.today()
    with search_app.app_context():
        cache = NeedCodeCache()
        held = need_codes_by_service(list(db.session.scalars(sa.select(Service.id))), today)
        service_id = next(iter(held))
        generation = site_search().generation()
        assert generation is not None
        assert cache.codes([service_id], today, kept_generation(generation)) == {
            service_id: held[service_id]
        }
        with reindex_deferred(db.session):
            db.session.get_one(Service, service_id).status = ServiceStatus.INACTIVE
            db.session.commit()
        try:
            assert site_search().generation() == generation, "the index has not taken it"
            assert cache.codes([service_id], today, kept_generation(generation)) == {}
        finally:
            db.session.get_one(Service, service_id).status = ServiceStatus.ACTIVE
            db.session.commit()
