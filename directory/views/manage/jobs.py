"""Long work's pages: a job's progress (refreshing itself, or polled by JavaScript), its
outcome, trying a failed job again, and starting an index rebuild."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.extensions import db
from directory.forms.accounts import ConfirmForm
from directory.jobs.records import job_status, recent_jobs, submit
from directory.models import Job, Role
from directory.presenters.jobs import STATE_CLASSES, STATES, job_view

blueprint = Blueprint("manage_jobs", __name__, url_prefix="/manage/jobs")
REFRESH_SECONDS = 3


def _job(job_id: str) -> Job:
    job = db.session.get(Job, job_id)
    if job is None:
        abort(404)
    return job


@blueprint.get("/")
@requires(Role.EDITOR)
def jobs() -> str:
    views = [job_view(job_status(job)) for job in recent_jobs()]
    return render_template(
        "manage/jobs/list.html",
        jobs=views,
        job_states=STATES,
        job_state_classes=STATE_CLASSES,
        confirm=ConfirmForm(),
    )


@blueprint.get("/<job_id>")
@requires(Role.EDITOR)
def job(job_id: str) -> str:
    view = job_view(job_status(_job(job_id)))
    return render_template(
        "manage/jobs/job.html", job=view, refresh=REFRESH_SECONDS, confirm=ConfirmForm()
    )


@blueprint.get("/<job_id>/status")
@requires(Role.EDITOR)
def status(job_id: str) -> Response:
    response = jsonify(job_view(job_status(_job(job_id))).as_json())
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.post("/<job_id>/retry")
@requires(Role.EDITOR)
def retry(job_id: str) -> Response:
    if not ConfirmForm().validate_on_submit():
        abort(400)
    failed = _job(job_id)
    if failed.state != "failed":
        return redirect(url_for(".job", job_id=failed.id))
    again = submit(failed.kind, current_user.email, dict(failed.params))
    return redirect(url_for(".job", job_id=again.id))


@blueprint.post("/rebuild")
@requires(Role.ADMIN)
def rebuild() -> Response:
    if not ConfirmForm().validate_on_submit():
        abort(400)
    started = submit("rebuild", current_user.email, {})
    return redirect(url_for(".job", job_id=started.id))
