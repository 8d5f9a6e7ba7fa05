from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model, db
from directory.models.mixins import UuidPrimaryKey

service_taxonomy = sa.Table(
    "service_taxonomy",
    db.metadata,
    sa.Column("service_id", sa.ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "taxonomy_term_id",
        sa.ForeignKey("taxonomy_term.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class TaxonomyTerm(UuidPrimaryKey, Model):
    """A term in one of the council file's schemes: category, need, circumstance or level."""

    __tablename__ = "taxonomy_term"

    scheme: Mapped[str] = mapped_column(sa.String(32))
    code: Mapped[str] = mapped_column(sa.String(64))
    name: Mapped[str] = mapped_column(sa.String(255))
    description: Mapped[str] = mapped_column(sa.Text, default="")

    __table_args__ = (sa.UniqueConstraint("scheme", "code", name="uq_taxonomy_term_scheme_code"),)
