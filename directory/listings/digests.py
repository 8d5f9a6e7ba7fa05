"""A digest per listing of the fields the write path last wrote it with.

Comparing a stored listing field by field means loading it with every part (times, phones,
costs, venues, terms), which was most of the time of an import that changes little. So the
write path keeps, beside each listing it writes, a digest of the fields it wrote; the next
import works out the digest of each incoming listing and loads only the listings whose
digest differs. Any other change to a listing or one of its parts through the ORM (a
rollback, a withdrawal, an editor, a script) clears its digest, so the next import compares
that listing in full. A listing a full comparison finds unchanged gets its digest back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from directory.indexing.hooks import touched_service_ids
from directory.listings.fields import Fields
from directory.models import Service

_WRITTEN = "signpost_digests_written"
_CHUNK = 500


def content_digest(fields: Fields) -> str:
    """The digest of a listing's fields (as :func:`~directory.listings.fields.service_fields`)."""
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_digests(session: Session, source: str, keys: list[str]) -> dict[str, str | None]:
    """Each stored listing's digest by its key, for those of ``keys`` that ``source`` has."""
    statement = sa.select(Service.external_id, Service.content_digest).where(
        Service.source == source, Service.external_id.in_(keys)
    )
    return {key: digest for key, digest in session.execute(statement) if key is not None}


def digest_written(session: Session, service: Service, digest: str | None) -> None:
    """Set the digest of a listing the write path is changing, and keep it through the flush."""
    service.content_digest = digest
    session.info.setdefault(_WRITTEN, set()).add(service.id)


def remember_digests(session: Session, digests: Mapping[str, str]) -> None:
    """Store digests (by service id) of listings found unchanged, without touching them
    through the ORM, so nothing is re-indexed for it."""
    table = Service.__table__
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("service_id"))
        .values(content_digest=sa.bindparam("digest"))
    )
    items = [{"service_id": key, "digest": value} for key, value in digests.items()]
    for start in range(0, len(items), _CHUNK):
        session.connection().execute(statement, items[start : start + _CHUNK])


@sa.event.listens_for(Session, "after_flush")
def _clear_other_changes(session: Session, _context) -> None:  # type: ignore[no-untyped-def]
    written = session.info.pop(_WRITTEN, set())
    rows = [*session.new, *session.dirty, *session.deleted]
    if not rows:
        return
    cleared = touched_service_ids(session, rows, through_venues=False) - written
    if not cleared:
        return
    table = Service.__table__
    ordered = sorted(cleared)
    for start in range(0, len(ordered), _CHUNK):
        session.connection().execute(
            sa.update(table)
            .where(table.c.id.in_(ordered[start : start + _CHUNK]))
            .values(content_digest=None)
        )
    for row in session.identity_map.values():
        if isinstance(row, Service) and row.id in cleared:
            set_committed_value(row, "content_digest", None)
