"""Keeping the index in step: after every commit, re-index the services it touched.

Edits can touch a service through any of its parts (a phone, a schedule, a venue), so
after each flush we note the service ids of every changed row, and after the commit we
re-index those services from a fresh session. A rollback forgets them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy.orm import Session

from directory.models import Location, Organization, Service, ServiceAtLocation

log = logging.getLogger(__name__)
_PENDING = "signpost_changed_services"
_DEFERRED = "signpost_reindex_deferred"


@sa.event.listens_for(Session, "after_flush")
def _note_changes(session: Session, _context) -> None:  # type: ignore[no-untyped-def]
    changed = session.info.setdefault(_PENDING, set())
    changed.update(touched_service_ids(session, [*session.new, *session.dirty, *session.deleted]))


def pending_service_ids(session: Session) -> set[str]:
    """The services this session's transaction has touched so far (flushed changes)."""
    return session.info.get(_PENDING, set())


def reindex_after_commit(session: Session, service_ids: set[str]) -> None:
    """Re-index services written without the ORM (bulk inserts) after the next commit."""
    session.info.setdefault(_PENDING, set()).update(service_ids)


@contextmanager
def reindex_deferred(session: Session) -> Iterator[set[str]]:
    """Collect the services commits touch instead of re-indexing them, for long work (an
    import, a rollback) that re-indexes them itself afterwards and reports its progress."""
    collected: set[str] = set()
    session.info[_DEFERRED] = collected
    try:
        yield collected
    finally:
        session.info.pop(_DEFERRED, None)


@sa.event.listens_for(Session, "after_commit")
def _reindex(session: Session) -> None:
    changed = session.info.pop(_PENDING, set())
    if _DEFERRED in session.info:
        session.info[_DEFERRED].update(changed)
        return
    if not changed or not has_app_context() or "search" not in current_app.extensions:
        return
    try:
        current_app.extensions["search"].update(changed)
    except Exception:  # the database change stands; the health check shows the drift
        log.exception("Re-indexing %d services failed", len(changed))


@sa.event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


def touched_service_ids(
    session: Session, rows: Iterable[object], *, through_venues: bool = True
) -> set[str]:
    """The services ``rows`` belong to: themselves, their parts (a phone, the times at one
    of their venues), every service of an organisation among them (its name is on each
    card and in each document) and, ``through_venues``, every service at a venue among
    them."""
    ids: set[str] = set()
    location_ids: set[str] = set()
    pair_ids: set[str] = set()
    organization_ids: set[str] = set()
    for row in rows:
        if isinstance(row, Service):
            ids.add(row.id)
        elif isinstance(row, Location):
            location_ids.add(row.id)
        elif isinstance(row, ServiceAtLocation):
            ids.add(row.service_id)
        elif isinstance(row, Organization):
            organization_ids.add(row.id)
        elif getattr(row, "service_id", None):
            ids.add(row.service_id)  # type: ignore[attr-defined]
        elif getattr(row, "service_at_location_id", None):
            pair_ids.add(row.service_at_location_id)  # type: ignore[attr-defined]
    if organization_ids:
        owned = sa.select(Service.id).where(Service.organization_id.in_(organization_ids))
        ids.update(session.scalars(owned))
    pairs = sa.select(ServiceAtLocation.service_id)
    if pair_ids:
        ids.update(session.scalars(pairs.where(ServiceAtLocation.id.in_(pair_ids))))
    if location_ids and through_venues:
        ids.update(session.scalars(pairs.where(ServiceAtLocation.location_id.in_(location_ids))))
    return ids
