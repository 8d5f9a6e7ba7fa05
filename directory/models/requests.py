"""Requests for support: a practitioner asks a service to take a family on.

What is personal about the family (who consented, the detail the service asked for, the
questions and answers) lives in ``support_request_detail`` and ``support_request_message``
and is deleted a retention period after the request closes (``flask requests purge``). The
``support_request`` row itself holds nothing personal (the listing, the organisation, the
need and locality codes, the status and its dates), so the council's counts outlive it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import Model
from directory.models.enums import enum_column_type
from directory.models.mixins import UuidPrimaryKey, utc_now

REQUEST_BATCH_KIND = "request"
"""``ImportBatch.kind`` of a request's audit trail: never a listing's change, so never among
the listings' batches, history or the open data's last change."""

DETAIL_FIELDS = ("name", "contact", "children_ages", "help_wanted", "urgency")
"""What a listing may ask for, least first is for the listing to choose."""


class RequestStatus(StrEnum):
    WAITING = "waiting"
    QUESTION = "question"
    """The organisation asked the practitioner something; waiting for the answer."""
    ACCEPTED = "accepted"
    DECLINED = "declined"

    @property
    def closed(self) -> bool:
        return self in {RequestStatus.ACCEPTED, RequestStatus.DECLINED}


class RequestSettings(Model):
    """Whether a listing takes requests through Signpost, and the detail it needs.

    Kept beside the listing rather than among its imported fields, so an import of the
    organisation's own feed never switches it off."""

    __tablename__ = "support_request_settings"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    accepts: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    details: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    """Some of ``DETAIL_FIELDS``."""
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
    updated_by: Mapped[str] = mapped_column(sa.String(255), default="")


class SupportRequest(UuidPrimaryKey, Model):
    """One request for support: nothing personal here (see the module's note)."""

    __tablename__ = "support_request"

    reference: Mapped[str] = mapped_column(sa.String(16), unique=True)
    service_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    """Not a foreign key: the request (and its counts) outlive a listing removed later."""
    service_name: Mapped[str] = mapped_column(sa.String(255))
    organization_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    organization_name: Mapped[str] = mapped_column(sa.String(255))
    practitioner_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    need: Mapped[str] = mapped_column(sa.String(64))
    locality: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[RequestStatus] = mapped_column(
        enum_column_type(RequestStatus, "support_request_status"),
        default=RequestStatus.WAITING,
        index=True,
    )
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
    closed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True), index=True)
    purged_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    audit_batch_id: Mapped[str] = mapped_column(sa.ForeignKey("import_batch.id"))
    """The audit trail's batch that holds every view and action on this request."""

    detail: Mapped[RequestDetail | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    messages: Mapped[list[RequestMessage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RequestMessage.at"
    )


class RequestDetail(Model):
    """The family's consent and the detail the service asked for: personal, purged."""

    __tablename__ = "support_request_detail"

    request_id: Mapped[str] = mapped_column(
        sa.ForeignKey("support_request.id", ondelete="CASCADE"), primary_key=True
    )
    consent_by: Mapped[str] = mapped_column(sa.String(255))
    consent_on: Mapped[date] = mapped_column(sa.Date)
    consent_how: Mapped[str] = mapped_column(sa.String(16))
    name: Mapped[str] = mapped_column(sa.String(255), default="")
    contact: Mapped[str] = mapped_column(sa.String(255), default="")
    children_ages: Mapped[str] = mapped_column(sa.String(255), default="")
    help_wanted: Mapped[str] = mapped_column(sa.Text, default="")
    urgency: Mapped[str] = mapped_column(sa.String(16), default="")
    decision_reason: Mapped[str] = mapped_column(sa.Text, default="")


class RequestMessage(UuidPrimaryKey, Model):
    """A question from the organisation or the practitioner's answer: personal, purged."""

    __tablename__ = "support_request_message"

    request_id: Mapped[str] = mapped_column(
        sa.ForeignKey("support_request.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(16))
    """"question" or "answer"."""
    author: Mapped[str] = mapped_column(sa.String(255))
    """The name of the member of staff who wrote it."""
    text: Mapped[str] = mapped_column(sa.Text)
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
