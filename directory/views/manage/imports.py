"""Imports from the browser: upload, choose the source, map columns, dry run, confirm; the
history of batches with their reports, and a rollback button."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.forms.accounts import ConfirmForm
from directory.forms.imports import UploadForm
from directory.jobs.records import submit
from directory.listings.editing import MANUAL_SOURCE
from directory.listings.revert import SHOWN, plan_revert
from directory.listings.rollback import plan_rollback
from directory.listings.uploads import (
    all_matched,
    header_choices,
    import_batches,
    run_upload,
    set_columns,
    stage_upload,
    staged,
)
from directory.models import ImportUpload, Role
from directory.request_limits import FORM_BODY_BYTES, accepts_body
from directory.views.manage.history import batch_page
from importers.limits import FileRefused, Limits
from importers.template import COLUMN_NAMES

blueprint = Blueprint("manage_imports", __name__, url_prefix="/manage/imports")
UPLOAD_BODY_BYTES = Limits().bytes + FORM_BODY_BYTES
"""The largest file accepted, and room for the form's other fields around it."""


def _upload(upload_id: str) -> ImportUpload:
    upload = staged(upload_id, current_user.email)
    if upload is None:
        abort(404)
    return upload


@blueprint.get("/")
@requires(Role.EDITOR)
def imports() -> str:
    return render_template(
        "manage/imports/list.html", batches=import_batches(), confirm=ConfirmForm()
    )


@blueprint.route("/new", methods=["GET", "POST"])
@accepts_body(UPLOAD_BODY_BYTES)
@requires(Role.EDITOR)
def new() -> str | Response:
    form = UploadForm()
    if form.validate_on_submit():
        if form.source.data == MANUAL_SOURCE:
            form.source.errors.append(
                gettext("The source manual is for listings made on these pages: choose another")
            )
        else:
            try:
                upload_id = stage_upload(
                    form.file.data.stream,
                    form.file.data.filename or "upload",
                    form.source.data,
                    form.full_feed.data,
                    current_user.email,
                )
            except FileRefused as error:
                form.file.errors.append(str(error))
            else:
                return redirect(_after_upload(upload_id))
    return render_template("manage/imports/new.html", form=form)


def _after_upload(upload_id: str) -> str:
    """Straight to the dry run when every column is known (it then shows how they were
    matched, with a link to change it); else to matching the columns."""
    try:
        matched = all_matched(header_choices(_upload(upload_id)))
    except FileRefused:
        matched = False
    return url_for(".dry_run" if matched else ".columns", upload_id=upload_id)


@blueprint.route("/<upload_id>/columns", methods=["GET", "POST"])
@requires(Role.EDITOR)
def columns(upload_id: str) -> str | Response:
    upload = _upload(upload_id)
    try:
        choices = header_choices(upload)
    except FileRefused as error:
        flash(str(error), "warning")
        return redirect(url_for(".new"))
    if choices is None:  # ORUK JSON names its own fields
        return redirect(url_for(".dry_run", upload_id=upload.id))
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit():
            abort(400)
        chosen = {
            choice.header: request.form.get(f"column-{number}", "")
            for number, choice in enumerate(choices)
        }
        set_columns(upload, chosen)
        return redirect(url_for(".dry_run", upload_id=upload.id))
    return render_template(
        "manage/imports/columns.html", upload=upload, choices=choices, columns=COLUMN_NAMES
    )


@blueprint.get("/<upload_id>/check")
@requires(Role.EDITOR)
def dry_run(upload_id: str) -> str:
    upload = _upload(upload_id)
    run = run_upload(
        upload, current_app.extensions["council"], apply=False, actor=current_user.email
    )
    try:
        choices = header_choices(upload)
    except FileRefused:
        choices = None
    return render_template(
        "manage/imports/dry_run.html",
        upload=upload,
        run=run,
        choices=choices,
        confirm=ConfirmForm(),
    )


@blueprint.post("/<upload_id>/apply")
@requires(Role.EDITOR)
def apply(upload_id: str) -> Response:
    """Put the import on the job queue and show its progress: a large file takes longer
    than any request may."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    upload = _upload(upload_id)
    params = {
        "upload": upload.id,
        "allow_mass_withdrawal": request.form.get("allow_mass_withdrawal") == "yes",
    }
    job = submit("import", current_user.email, params)
    return redirect(url_for("manage_jobs.job", job_id=job.id))


@blueprint.get("/batches/<batch_id>")
@requires(Role.EDITOR)
def batch(batch_id: str) -> str:
    """The batch's audit trail, with its warnings and the rollback button."""
    return render_template(
        "manage/imports/batch.html", **batch_page(batch_id), confirm=ConfirmForm()
    )


@blueprint.route("/batches/<batch_id>/rollback", methods=["GET", "POST"])
@requires(Role.EDITOR)
def rollback(batch_id: str) -> str | Response:
    """What rolling the batch back will change, and the go-ahead: the button, and for a
    rollback that removes many listings, a box saying so ticked as well."""
    plan = plan_rollback(batch_id)
    if plan is None:
        abort(404)
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit():
            abort(400)
        if plan.refusal is None:
            if request.form.get("confirmed") != "yes":
                errors["confirmed"] = gettext("Press Roll back to confirm the rollback")
            elif plan.large and request.form.get("understood") != "yes":
                errors["understood"] = ngettext(
                    "Tick the box to confirm you understand this removes %(num)s listing",
                    "Tick the box to confirm you understand this removes %(num)s listings",
                    plan.removed,
                )
            else:
                job = submit("rollback", current_user.email, {"batch": batch_id})
                return redirect(url_for("manage_jobs.job", job_id=job.id))
    return render_template(
        "manage/imports/rollback.html",
        plan=plan,
        details=plan_revert(batch_id, limit=SHOWN),
        errors=errors,
        error_list=[{"text": text, "href": f"#{field}"} for field, text in errors.items()],
        confirm=ConfirmForm(),
    )
