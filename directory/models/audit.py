"""Import batches and the append-only audit trail of every change to a listing.

The app inserts audit rows and never updates or deletes them: a rollback is itself a batch
with its own audit rows, and a batch row only gains the id of the batch that undid it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model
from directory.models.mixins import UuidPrimaryKey, utc_now


class ImportBatch(UuidPrimaryKey, Model):
    """One applied write: an import, a demo load, an editor's save or a rollback."""

    __tablename__ = "import_batch"

    source: Mapped[str] = mapped_column(sa.String(64), index=True)
    actor: Mapped[str] = mapped_column(sa.String(255))
    kind: Mapped[str] = mapped_column(sa.String(32))
    """"import", "rollback" or "edit"."""
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    full_feed: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    counts: Mapped[dict[str, int]] = mapped_column(sa.JSON, default=dict)
    report: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    rolls_back_id: Mapped[str | None] = mapped_column(sa.ForeignKey("import_batch.id"))
    rolled_back_by_id: Mapped[str | None] = mapped_column(sa.ForeignKey("import_batch.id"))


class AuditEntry(UuidPrimaryKey, Model):
    """One change to one organisation, venue or service: which fields, from what, to what."""

    __tablename__ = "audit_entry"

    batch_id: Mapped[str] = mapped_column(sa.ForeignKey("import_batch.id"), index=True)
    sequence: Mapped[int] = mapped_column(sa.Integer)
    """Order within the batch, so a rollback can undo changes last first."""
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    actor: Mapped[str] = mapped_column(sa.String(255))
    entity: Mapped[str] = mapped_column(sa.String(32))
    entity_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    source: Mapped[str] = mapped_column(sa.String(64))
    external_id: Mapped[str | None] = mapped_column(sa.String(128))
    action: Mapped[str] = mapped_column(sa.String(32))
    """"created", "changed", "withdrawn" or "deleted" (only a rollback deletes)."""
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    """Field name -> [old value, new value], as JSON values."""


class ColumnMapping(Model):
    """How one source's spreadsheet headers map to the import template's columns."""

    __tablename__ = "column_mapping"

    source: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    columns: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    """Their header -> our template column."""
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )


class ImportUpload(UuidPrimaryKey, Model):
    """A file an editor uploaded, kept between its dry run and their go-ahead (or a day)."""

    __tablename__ = "import_upload"

    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    actor: Mapped[str] = mapped_column(sa.String(255))
    filename: Mapped[str] = mapped_column(sa.String(255))
    source: Mapped[str] = mapped_column(sa.String(64))
    full_feed: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    columns: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    """Their header -> our template column, as the editor mapped them."""
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
