"""The public tell editors what is wrong with a listing: no account, a few words, rate-limited."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from directory.accounts import rate_limited
from directory.council_language import page_council
from directory.extensions import db
from directory.forms.reports import ReportForm
from directory.models import ProblemReport
from directory.presenters.service import service_page
from directory.public_forms import protected
from directory.queries.services import public_service

blueprint = Blueprint("reports", __name__)


@blueprint.route("/services/<service_id>/report-a-problem", methods=["GET", "POST"])
@rate_limited("report")
@protected("report-problem")
def report_problem(service_id: str) -> str | Response:
    now = datetime.now()
    service = public_service(service_id, now.date())
    if service is None:
        abort(404)
    page = service_page(service, page_council(), now)
    form = ReportForm(meta={"csrf": False})  # checked by ``protected``: no session
    if form.validate_on_submit():
        db.session.add(
            ProblemReport(
                service_id=service.id,
                what_is_wrong=form.what_is_wrong.data,
                name=form.name.data or "",
                contact=form.contact.data or "",
            )
        )
        db.session.commit()
        return redirect(url_for(".report_sent", service_id=service.id))
    return render_template(
        "public/report_problem.html", form=form, page=page, exit_this_page=page.sensitive
    )


@blueprint.get("/services/<service_id>/report-a-problem/sent")
def report_sent(service_id: str) -> str:
    now = datetime.now()
    service = public_service(service_id, now.date())
    if service is None:
        abort(404)
    page = service_page(service, page_council(), now)
    return render_template("public/report_sent.html", page=page, exit_this_page=page.sensitive)
