"""Reading problem reports for the editors' queue."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import ProblemReport, ReportStatus, Service


def problem_reports(statuses: Sequence[ReportStatus], limit: int = 200) -> list[ProblemReport]:
    """Reports with these statuses, oldest first (the longest waiting at the top)."""
    return list(
        db.session.scalars(
            sa.select(ProblemReport)
            .where(ProblemReport.status.in_(statuses))
            .options(selectinload(ProblemReport.service).selectinload(Service.organization))
            .order_by(ProblemReport.created_at, ProblemReport.id)
            .limit(limit)
        )
    )


def problem_report(report_id: str) -> ProblemReport | None:
    return db.session.get(ProblemReport, report_id)


def report_counts() -> dict[str, int]:
    rows = db.session.execute(
        sa.select(ProblemReport.status, sa.func.count()).group_by(ProblemReport.status)
    )
    return {status.value: count for status, count in rows}


def reports_for(service_id: str) -> list[ProblemReport]:
    return list(
        db.session.scalars(
            sa.select(ProblemReport)
            .where(ProblemReport.service_id == service_id)
            .order_by(ProblemReport.created_at.desc())
        )
    )
