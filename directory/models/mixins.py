"""Columns shared by the directory's tables."""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


def new_id() -> str:
    """Open Referral UK ids are UUID strings."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


class UuidPrimaryKey:
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
