"""The search change log: which listings changed, in commit order, for every node's index."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model
from directory.models.mixins import utc_now


class SearchChange(Model):
    """One listing changed by a committed transaction (written in that transaction).

    Each app node's search index follows these rows (``directory.indexing.follower``), so
    an edit saved on one node is searchable on all. The id orders them: on PostgreSQL
    writers take a lock just before writing their rows and hold it to their commit, so ids
    become visible in order and a reader never skips one. No foreign key: a change row
    outlives the listing it names (a removal is a change too).
    """

    __tablename__ = "search_change"
    __table_args__ = ({"sqlite_autoincrement": True},)  # an id is never used twice

    id: Mapped[int] = mapped_column(
        sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    service_id: Mapped[str] = mapped_column(sa.String(36))
    changed_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utc_now, index=True
    )
