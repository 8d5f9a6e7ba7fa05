"""The search change log: every commit that touches listings writes which, in the same
transaction, so other app nodes can bring their local index up to date (see
``directory.indexing.follower``).

Rows are written in ``before_commit``, after the last flush, so they name every service
the transaction touched (``hooks.pending_service_ids``). On PostgreSQL the writer first
takes a transaction-scoped advisory lock and holds it until its commit: ids are then
handed out in commit order, and a follower that has seen id N has seen every committed id
below N. Without it, a transaction that took id 5 but committed after one that took id 6
would be skipped for good. SQLite has one writer at a time, so its ids are in commit order
already. The lock is held only from these inserts to the commit (milliseconds), never
through an import's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.extensions import rows_changed
from directory.indexing.hooks import pending_service_ids
from directory.models import SearchChange
from directory.models.mixins import utc_now

ADVISORY_LOCK = 0x5167_6E70_6F73_74  # "Signpost" in spirit: any fixed 64-bit number
KEPT_FOR = timedelta(hours=24)
"""Change rows older than this are pruned; a node idle longer rebuilds its index."""
_RECORDED = "signpost_search_changes_recorded"


@dataclass(frozen=True)
class Change:
    id: int
    service_id: str


@sa.event.listens_for(Session, "before_commit")
def _record(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()
    recorded: set[str] = session.info.setdefault(_RECORDED, set())
    fresh = sorted(pending_service_ids(session) - recorded)
    if not fresh:
        return
    if session.connection().dialect.name == "postgresql":
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(ADVISORY_LOCK)))
    now = utc_now()
    session.execute(
        sa.insert(SearchChange), [{"service_id": sid, "changed_at": now} for sid in fresh]
    )
    recorded.update(fresh)


@sa.event.listens_for(Session, "after_commit")
@sa.event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_RECORDED, None)


def latest_change(session: Session) -> int:
    """The newest change's id (0 when there is none)."""
    return session.scalar(sa.select(sa.func.max(SearchChange.id))) or 0


def oldest_change(session: Session) -> int:
    """The oldest kept change's id (0 when there is none)."""
    return session.scalar(sa.select(sa.func.min(SearchChange.id))) or 0


def changes_after(session: Session, cursor: int, limit: int) -> Sequence[Change]:
    """Up to ``limit`` changes after id ``cursor``, oldest first."""
    rows = session.execute(
        sa.select(SearchChange.id, SearchChange.service_id)
        .where(SearchChange.id > cursor)
        .order_by(SearchChange.id)
        .limit(limit)
    )
    return [Change(row.id, row.service_id) for row in rows]


def prune_changes(session: Session, now: datetime | None = None) -> int:
    """Delete changes older than ``KEPT_FOR``, always keeping the newest (so ids never go
    back: a follower takes a newest id below its own for a restored database)."""
    cutoff = (now or utc_now()) - KEPT_FOR
    newest = latest_change(session)
    result = session.execute(
        sa.delete(SearchChange).where(SearchChange.changed_at < cutoff, SearchChange.id < newest)
    )
    session.commit()
    return rows_changed(result)
