"""Anonymous records of searches: what was looked for and found, never who looked."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model
from directory.models.mixins import UuidPrimaryKey


class SearchRecord(UuidPrimaryKey, Model):
    """One search: its words (cleaned of anything personal), the outward part of a postcode
    only, its filters, how many results, and the day. No time, address, user agent,
    full postcode or session id is ever kept."""

    __tablename__ = "search_record"

    day: Mapped[date] = mapped_column(sa.Date, index=True)
    words: Mapped[str] = mapped_column(sa.String(200), default="")
    outward: Mapped[str | None] = mapped_column(sa.String(4))
    locality: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    filters: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    results: Mapped[int] = mapped_column(sa.Integer)
