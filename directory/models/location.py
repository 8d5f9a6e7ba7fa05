from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import Model
from directory.models.mixins import UuidPrimaryKey

if TYPE_CHECKING:
    from directory.models.schedule import Schedule
    from directory.models.service import Service


class Location(UuidPrimaryKey, Model):
    """A venue. A masked location (a refuge) never shows its address to the public."""

    __tablename__ = "location"

    name: Mapped[str] = mapped_column(sa.String(255))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    address_1: Mapped[str] = mapped_column(sa.String(255), default="")
    address_2: Mapped[str] = mapped_column(sa.String(255), default="")
    city: Mapped[str] = mapped_column(sa.String(128), default="")
    postal_code: Mapped[str | None] = mapped_column(sa.String(8))
    latitude: Mapped[float | None] = mapped_column(sa.Float)
    longitude: Mapped[float | None] = mapped_column(sa.Float)
    easting: Mapped[int | None] = mapped_column(sa.Integer)
    northing: Mapped[int | None] = mapped_column(sa.Integer)
    locality: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    masked_address: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    source: Mapped[str] = mapped_column(sa.String(64), default="manual")
    external_id: Mapped[str | None] = mapped_column(sa.String(128))

    accessibility: Mapped[list[Accessibility]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (sa.UniqueConstraint("source", "external_id", name="uq_location_source"),)

    @property
    def address_lines(self) -> list[str]:
        return [
            line for line in (self.address_1, self.address_2, self.city, self.postal_code) if line
        ]


class Accessibility(UuidPrimaryKey, Model):
    __tablename__ = "accessibility"

    location_id: Mapped[str] = mapped_column(
        sa.ForeignKey("location.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(sa.String(255))


class ServiceAtLocation(UuidPrimaryKey, Model):
    """A service offered at a venue; opening times can belong to this pairing."""

    __tablename__ = "service_at_location"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[str] = mapped_column(
        sa.ForeignKey("location.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(sa.Text, default="")

    service: Mapped[Service] = relationship(back_populates="locations")
    location: Mapped[Location] = relationship()
    schedules: Mapped[list[Schedule]] = relationship(
        back_populates="service_at_location", cascade="all, delete-orphan"
    )

    __table_args__ = (
        sa.UniqueConstraint("service_id", "location_id", name="uq_service_at_location_pair"),
    )
