"""The editors' queue of problems the public reported, each linked to its listing."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.extensions import db
from directory.forms.reports import STATUS_CONFIRMATIONS, STATUS_NAMES, ReportStatusForm
from directory.models import ReportStatus, Role
from directory.queries.reports import problem_report, problem_reports, report_counts

blueprint = Blueprint("manage_reports", __name__, url_prefix="/manage/reports")

OPEN = (ReportStatus.NEW, ReportStatus.IN_PROGRESS)


@blueprint.get("/")
@requires(Role.EDITOR)
def queue() -> str:
    chosen = request.args.get("status", "open")
    statuses: tuple[ReportStatus, ...]
    if chosen == "open":
        statuses = OPEN
    elif chosen in {status.value for status in ReportStatus}:
        statuses = (ReportStatus(chosen),)
    else:
        abort(404)
    return render_template(
        "manage/reports/queue.html",
        reports=problem_reports(statuses),
        chosen=chosen,
        counts=report_counts(),
        report_status_names=STATUS_NAMES,
    )


@blueprint.route("/<report_id>", methods=["GET", "POST"])
@requires(Role.EDITOR)
def report(report_id: str) -> str | Response:
    found = problem_report(report_id)
    if found is None:
        abort(404)
    form = ReportStatusForm(status=found.status.value)
    if form.validate_on_submit():
        found.status = ReportStatus(form.status.data)
        found.handled_by = current_user.email
        if found.status.closed:
            # The privacy note promises this: contact details go when a report is dealt with.
            found.name = ""
            found.contact = ""
        db.session.commit()
        flash(str(STATUS_CONFIRMATIONS[found.status]), "success")
        return redirect(url_for(".queue"))
    return render_template(
        "manage/reports/report.html", report=found, form=form, report_status_names=STATUS_NAMES
    )
