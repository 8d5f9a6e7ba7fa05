"""The review loop: listings due and overdue for a check, and "mark as checked"."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.forms.listings import KIND_NAMES, ListingActionForm
from directory.listings.editing import mark_checked
from directory.listings.versions import versions_of
from directory.models import Role, ServiceKind
from directory.queries.manage import staff_service
from directory.queries.review import review_queue
from directory.review import listing_due
from directory.views.manage.refusals import refused

blueprint = Blueprint("manage_review", __name__, url_prefix="/manage")


@blueprint.get("/review")
@requires(Role.EDITOR)
def queue() -> str:
    council = current_app.extensions["council"]
    state = request.args.get("state", "overdue")
    if state not in {"overdue", "due"}:
        abort(404)
    locality = request.args.get("locality") or None
    if locality and council.locality(locality) is None:
        locality = None
    kind = request.args.get("kind") or None
    if kind not in {None, *(k.value for k in ServiceKind)}:
        kind = None
    services, total = review_queue(
        date.today(),
        council.staff.review_interval_months,
        state=state,
        locality=locality,
        kind=kind,
    )
    return render_template(
        "manage/review/queue.html",
        services=services,
        total=total,
        state=state,
        locality=locality,
        kind=kind,
        kinds={k.value: str(name) for k, name in KIND_NAMES.items()},
        due={s.id: listing_due(s, council) for s in services},
        versions=versions_of(s.id for s in services),
        interval=council.staff.review_interval_months,
    )


@blueprint.post("/listings/<service_id>/checked")
@requires(Role.EDITOR)
def checked(service_id: str) -> Response:
    """Record that the listing was checked today, by whom (a batch of its own, audited)."""
    form = ListingActionForm()
    if not form.validate_on_submit():
        abort(400)
    service = staff_service(service_id)
    if service is None:
        abort(404)
    outcome = mark_checked(
        service,
        version=form.version.data,
        actor=current_user.email,
        council=current_app.extensions["council"],
    )
    if outcome.saved:
        flash(gettext("Marked %(name)s as checked today.", name=service.name), "success")
    elif not refused(outcome):
        for problem in outcome.errors:
            flash(f"{problem.where}: {problem.message}", "warning")
    back = request.form.get("back")
    if back == "review":
        return redirect(url_for(".queue"))
    return redirect(url_for("manage_listings.listing", service_id=service_id))
