"""Long work done by the job worker (imports, rollbacks, index rebuilds) and how far it got."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model
from directory.models.mixins import UuidPrimaryKey, utc_now


class Job(UuidPrimaryKey, Model):
    """One piece of long work, from queued to done or failed.

    The table holds the state and the progress at each phase's start and end. While an
    import's own transaction is open, SQLite lets no other connection write, so the counts
    in between travel through the job queue's store (see ``directory.jobs.progress``).
    """

    __tablename__ = "job"

    kind: Mapped[str] = mapped_column(sa.String(32))
    """"import", "rollback" or "rebuild"."""
    state: Mapped[str] = mapped_column(sa.String(16), default="queued", index=True)
    """"queued", "running", "done" or "failed"."""
    phase: Mapped[str] = mapped_column(sa.String(32), default="")
    done: Mapped[int] = mapped_column(sa.Integer, default=0)
    total: Mapped[int] = mapped_column(sa.Integer, default=0)
    actor: Mapped[str] = mapped_column(sa.String(255))
    params: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    """What to do: the upload or file, the batch to roll back, options."""
    result: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    """What came of it: the batch written, counts."""
    error: Mapped[str] = mapped_column(sa.Text, default="")
    worker: Mapped[str] = mapped_column(sa.String(255), default="")
    """host:pid of the process running it, to tell a job whose worker died."""
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    started_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
