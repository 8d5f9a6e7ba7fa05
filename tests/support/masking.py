"""A listing's venues masked (a refuge's) in a commit the search index has not taken yet."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask

from directory.extensions import db
from directory.indexing.hooks import reindex_deferred
from directory.models import Service


@contextmanager
def masked_before_reindex(app: Flask, service_id: str) -> Iterator[str]:
    """Mask every venue of the listing without re-indexing it (the index still holds their
    places, as while it lags a commit), yield its name, and unmask them afterwards."""
    with app.app_context():
        service = db.session.get_one(Service, service_id)
        name = service.name
        venues = [link.location for link in service.locations]
        assert venues and not any(venue.masked_address for venue in venues)
        with reindex_deferred(db.session):
            for venue in venues:
                venue.masked_address = True
            db.session.commit()
    try:
        yield name
    finally:
        with app.app_context():
            for link in db.session.get_one(Service, service_id).locations:
                link.location.masked_address = False
            db.session.commit()
