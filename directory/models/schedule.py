from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import Model
from directory.models.mixins import UuidPrimaryKey

if TYPE_CHECKING:
    from directory.models.location import Location, ServiceAtLocation

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def weekly_applies_on(
    byday: str, valid_from: date | None, valid_to: date | None, day: date
) -> bool:
    """Whether weekly opening on ``byday``, valid between the dates given, opens on ``day``."""
    return (
        WEEKDAYS[day.weekday()] == byday
        and (valid_from is None or valid_from <= day)
        and (valid_to is None or day <= valid_to)
    )


class Schedule(UuidPrimaryKey, Model):
    """Regular weekly opening (HSDS ``schedule`` with freq WEEKLY and one ``byday``)."""

    __tablename__ = "schedule"

    service_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    service_at_location_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("service_at_location.id", ondelete="CASCADE"), index=True
    )
    byday: Mapped[str] = mapped_column(sa.String(2))
    opens_at: Mapped[time] = mapped_column(sa.Time)
    closes_at: Mapped[time] = mapped_column(sa.Time)
    valid_from: Mapped[date | None] = mapped_column(sa.Date)
    valid_to: Mapped[date | None] = mapped_column(sa.Date)
    description: Mapped[str] = mapped_column(sa.String(255), default="")

    service_at_location: Mapped[ServiceAtLocation | None] = relationship(back_populates="schedules")

    __table_args__ = (
        sa.CheckConstraint(
            "byday IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')", name="byday_weekday"
        ),
        sa.CheckConstraint("opens_at < closes_at", name="opens_before_closing"),
        sa.CheckConstraint(
            "(service_id IS NULL) <> (service_at_location_id IS NULL)", name="one_owner"
        ),
    )

    @property
    def weekday_index(self) -> int:
        return WEEKDAYS.index(self.byday)

    def applies_on(self, day: date) -> bool:
        return weekly_applies_on(self.byday, self.valid_from, self.valid_to, day)


class DatedSession(UuidPrimaryKey, Model):
    """One dated session (a holiday activity day): when, where, places, how to book."""

    __tablename__ = "dated_session"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("location.id", ondelete="SET NULL")
    )
    starts_at: Mapped[datetime] = mapped_column(sa.DateTime)
    ends_at: Mapped[datetime] = mapped_column(sa.DateTime)
    places: Mapped[int | None] = mapped_column(sa.Integer)
    booking_url: Mapped[str | None] = mapped_column(sa.String(500))
    description: Mapped[str] = mapped_column(sa.String(255), default="")

    location: Mapped[Location | None] = relationship()

    __table_args__ = (
        sa.CheckConstraint("starts_at < ends_at", name="starts_before_end"),
        sa.CheckConstraint("places IS NULL OR places >= 0", name="places_range"),
    )
