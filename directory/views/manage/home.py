"""The staff home page: what each role can do from here, and for editors today's work."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template
from flask_login import current_user

from directory.accounts.access import requires
from directory.jobs.records import job_status, recent_jobs
from directory.listings.proposals import waiting_proposals
from directory.listings.uploads import import_batches
from directory.models import ReportStatus, Role
from directory.presenters.jobs import STATE_CLASSES, STATES, job_view
from directory.queries.history import recent_changes
from directory.queries.likely_duplicates import likely_duplicates
from directory.queries.manage import count_without_needs
from directory.queries.reports import report_counts
from directory.queries.review import review_counts

blueprint = Blueprint("manage_home", __name__, url_prefix="/manage")

RECENT = 5
"""How many imports and jobs the home page lists."""


@blueprint.get("/")
@requires(Role.PRACTITIONER)
def home() -> str:
    work = _todays_work() if current_user.role.at_least(Role.EDITOR) else None
    return render_template("manage/home.html", work=work)


def _todays_work() -> dict[str, Any]:
    """New reports, listings overdue and due for a check by area, the latest imports and jobs."""
    council = current_app.extensions["council"]
    today = date.today()
    months = council.staff.review_interval_months
    overdue, overdue_by_area = review_counts(today, months, "overdue")
    due, due_by_area = review_counts(today, months, "due")
    return {
        "new_reports": report_counts().get(ReportStatus.NEW.value, 0),
        "proposals": len(waiting_proposals()),
        "overdue": overdue,
        "due": due,
        "areas": [
            (area, overdue_by_area.get(area.code, 0), due_by_area.get(area.code, 0))
            for area in council.localities
            if overdue_by_area.get(area.code) or due_by_area.get(area.code)
        ],
        "likely_duplicates": len(likely_duplicates()),
        "your_changes": recent_changes(current_user.email, RECENT),
        "needs_inferred": count_without_needs(),
        "batches": import_batches(limit=RECENT),
        "jobs": [job_view(job_status(job)) for job in recent_jobs(limit=RECENT)],
        "job_states": STATES,
        "job_state_classes": STATE_CLASSES,
    }
