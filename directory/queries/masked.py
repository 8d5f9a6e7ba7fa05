"""Which listings have a masked venue (a refuge), as the database says now.

A masked venue is indexed with no place. The index can lag the commit that masks one (see
:mod:`directory.queries.generation_kept`), and until it catches up it still holds the
venue's place: a search from a postcode could then list the refuge by its distance. The
pages ask the database instead, kept for the page's key (the index generation and the
newest listing change), so the set is read again whenever any listing changes.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Location, ServiceAtLocation

_lock = threading.Lock()
_kept: tuple[Hashable, frozenset[str]] | None = None


def masked_listing_ids(key: Hashable | None) -> frozenset[str]:
    """Ids of the listings with a masked venue; kept for ``key`` (None: read afresh)."""
    global _kept
    with _lock:
        if key is not None and _kept is not None and _kept[0] == key:
            return _kept[1]
    ids = frozenset(
        db.session.scalars(
            sa.select(ServiceAtLocation.service_id)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(Location.masked_address.is_(True))
            .distinct()
        )
    )
    if key is not None:
        with _lock:
            _kept = (key, ids)
    return ids
