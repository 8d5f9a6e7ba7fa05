"""Problems the public reports with a listing, and what editors did about them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import Model
from directory.models.enums import enum_column_type
from directory.models.mixins import UuidPrimaryKey, utc_now
from directory.models.service import Service


class ReportStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    FIXED = "fixed"
    NOT_A_PROBLEM = "not_a_problem"

    @property
    def closed(self) -> bool:
        return self in {ReportStatus.FIXED, ReportStatus.NOT_A_PROBLEM}


class ProblemReport(UuidPrimaryKey, Model):
    """What someone said is wrong with a listing. Contact details go when it is closed."""

    __tablename__ = "problem_report"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    what_is_wrong: Mapped[str] = mapped_column(sa.Text)
    name: Mapped[str] = mapped_column(sa.String(255), default="")
    contact: Mapped[str] = mapped_column(sa.String(255), default="")
    status: Mapped[ReportStatus] = mapped_column(
        enum_column_type(ReportStatus, "report_status"), default=ReportStatus.NEW, index=True
    )
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
    handled_by: Mapped[str | None] = mapped_column(sa.String(255))

    service: Mapped[Service] = relationship()
