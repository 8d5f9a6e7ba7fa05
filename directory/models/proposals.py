"""What providers send the council: proposed changes to their listings, and the review
reminders they are emailed."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model
from directory.models.enums import enum_column_type
from directory.models.mixins import UuidPrimaryKey, utc_now


class ProposalStatus(StrEnum):
    WAITING = "waiting"
    APPROVED = "approved"
    RETURNED = "returned"


class ListingProposal(UuidPrimaryKey, Model):
    """A provider's change to one of their listings, kept until an editor decides on it.

    It holds the listing's form as it was shown to the provider and as it came back (the
    rows an editor's save compares: ``directory.listings.form_changes``), and the version
    of the listing it was made against, so approving it writes only what the provider
    changed, and never over a change made since without the editor deciding so.
    """

    __tablename__ = "listing_proposal"

    service_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    """The listing changed; None for a new listing until it is approved."""
    organization_id: Mapped[str] = mapped_column(
        sa.ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    proposer_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("staff_user.id", ondelete="SET NULL"), index=True
    )
    proposer: Mapped[str] = mapped_column(sa.String(255))
    """The provider's email address as it was then."""
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    shown: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
    returned: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
    version: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ProposalStatus] = mapped_column(
        enum_column_type(ProposalStatus, "proposal_status"),
        default=ProposalStatus.WAITING,
        index=True,
    )
    decided_by: Mapped[str | None] = mapped_column(sa.String(255))
    decided_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    """Why an editor returned it, for the provider to read."""

    @property
    def name(self) -> str:
        """The listing's name as proposed."""
        return str(self.returned[0].get("name", "")) if self.returned else ""

    @property
    def is_new_listing(self) -> bool:
        return not self.shown


NEVER_CHECKED = date(1900, 1, 1)


class ReviewReminder(UuidPrimaryKey, Model):
    """That the providers of a listing were reminded of its review date: once per date."""

    __tablename__ = "review_reminder"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    due: Mapped[date] = mapped_column(sa.Date)
    """The review date reminded of (``NEVER_CHECKED`` for a listing never checked, so it
    too is reminded once: NULLs would never be equal in the unique constraint)."""
    sent_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    recipients: Mapped[int] = mapped_column(sa.Integer, default=0)

    __table_args__ = (sa.UniqueConstraint("service_id", "due", name="uq_review_reminder_due"),)
