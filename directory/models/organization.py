from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import Model
from directory.models.mixins import Timestamps, UuidPrimaryKey

if TYPE_CHECKING:
    from directory.models.service import Service


class Organization(UuidPrimaryKey, Timestamps, Model):
    """Who runs services: the council, a charity, a school, a community group."""

    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(sa.String(255))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    website: Mapped[str | None] = mapped_column(sa.String(500))
    email: Mapped[str | None] = mapped_column(sa.String(255))
    source: Mapped[str] = mapped_column(sa.String(64), default="manual")
    external_id: Mapped[str | None] = mapped_column(sa.String(128))

    services: Mapped[list[Service]] = relationship(back_populates="organization")

    __table_args__ = (sa.UniqueConstraint("source", "external_id", name="uq_organization_source"),)
