"""Earlier versions of a listing, restoring one, and undoing one change.

Each page is also its own confirmation: it says which listings and fields change, from what
to what, and carries the version of the rows it showed; a post whose rows have changed
since is shown again with what it would do now, never applied blind.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.extensions import db
from directory.forms.accounts import ConfirmForm
from directory.listings import versions
from directory.listings.cell_writes import Cell, CellsRefused, RowGone
from directory.listings.restore import plan_restore, restore
from directory.listings.revert import plan_revert, revert
from directory.models import Role
from directory.queries.manage import staff_service

blueprint = Blueprint("manage_undo", __name__, url_prefix="/manage")


def _version(cells: list[Cell]) -> str:
    """The version of every row the cells touch (empty when there are none)."""
    ids = {cell.row_id for cell in cells}
    return versions.encode(versions.version_of(ids)) if ids else ""


@blueprint.route("/listings/<service_id>/versions/<batch_id>", methods=["GET", "POST"])
@requires(Role.EDITOR)
def version(service_id: str, batch_id: str) -> str | Response:
    service = staff_service(service_id)
    if service is None:
        abort(404)
    plan = plan_restore(service, batch_id)
    if plan is None:
        abort(404)
    stale = gone = False
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit():
            abort(400)
        chosen = set(request.form.getlist("rows"))
        if request.form.get("version", "") != _version(plan.cells):
            stale = True
        elif not chosen & {cell.row_id for cell in plan.cells}:
            errors["rows"] = gettext("Choose what to restore")
        elif plan.cells:
            try:
                restore(
                    service, replace(plan, cells=_chosen(plan.cells, chosen)), current_user.email
                )
            except RowGone:
                gone = True
            except CellsRefused:
                stale = True
            else:
                flash(
                    gettext(
                        "Version restored: %(name)s is as it was on %(when)s",
                        name=service.name,
                        when=plan.version.created_at.strftime("%d/%m/%Y %H:%M"),
                    ),
                    "success",
                )
                return redirect(url_for("manage_listings.listing", service_id=service_id))
        if stale:
            service = staff_service(service_id) or abort(404)
            plan = plan_restore(service, batch_id) or abort(404)
    return render_template(
        "manage/history/version.html",
        service=service,
        plan=plan,
        version=_version(plan.cells),
        stale=stale,
        gone=gone,
        errors=errors,
        error_list=[{"text": text, "href": f"#{name}"} for name, text in errors.items()],
        confirm=ConfirmForm(),
    )


def _chosen(cells: list[Cell], rows: set[str]) -> list[Cell]:
    return [cell for cell in cells if cell.row_id in rows]


@blueprint.route("/batches/<batch_id>/undo", methods=["GET", "POST"])
@requires(Role.EDITOR)
def undo(batch_id: str) -> str | Response:
    plan = plan_revert(batch_id)
    if plan is None:
        abort(404)
    if plan.whole_rows:
        return redirect(url_for("manage_imports.rollback", batch_id=batch_id))
    listing = request.args.get("listing", "")
    stale = gone = False
    if request.method == "POST" and not plan.batch.rolled_back_by_id:
        if not ConfirmForm().validate_on_submit():
            abort(400)
        if request.form.get("version", "") != _version([*plan.cells, *plan.skipped]):
            stale = True
        else:
            try:
                revert(plan, current_user.email)
            except RowGone:
                gone = True
            except CellsRefused:
                stale = True
            else:
                _flash_undone(len(plan.skipped))
                if listing in plan.listing_ids:
                    return redirect(url_for("manage_listings.listing", service_id=listing))
                return redirect(url_for("manage_history.batch", batch_id=batch_id))
        db.session.rollback()
        plan = plan_revert(batch_id) or abort(404)
    return render_template(
        "manage/history/undo.html",
        plan=plan,
        listing=listing,
        version=_version([*plan.cells, *plan.skipped]),
        stale=stale,
        gone=gone,
        confirm=ConfirmForm(),
    )


def _flash_undone(skipped: int) -> None:
    message = gettext("Change undone")
    if skipped:
        message += ". " + ngettext(
            "%(num)s field changed again since was left as it is.",
            "%(num)s fields changed again since were left as they are.",
            skipped,
        )
    flash(message, "success")
