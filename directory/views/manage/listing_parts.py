"""A listing edited in parts: "check your answers" with a page per section, the quick
edits from the listing's page (contact details, opening times) and "Still running?".

Each part's form shows only its own fields (``directory.forms.sections``) and is saved
through ``directory.listings.editing.save_edit``, so only what the editor changed on it is
written, audited and re-indexed, and a form opened before someone else's save is refused.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.forms.listings import ListingForm, StillRunningForm, venue_keys
from directory.forms.sections import QUICK_EDIT_BY_SLUG, SECTION_BY_SLUG, SECTIONS, Part
from directory.listings.editing import (
    listing_rows,
    listing_version,
    listings_sharing,
    mark_checked,
    save_edit,
)
from directory.models import Role, ServiceStatus
from directory.presenters.answers import listing_answers
from directory.request_limits import LISTING_FORM_BODY_BYTES, accepts_body
from directory.review import listing_overdue
from directory.views.manage.listings import (
    answer_save,
    listing_or_404,
    look_up_postcodes,
    site_council,
)
from directory.views.manage.refusals import refused

blueprint = Blueprint("manage_listing_parts", __name__, url_prefix="/manage/listings")


@blueprint.get("/<service_id>/check-answers")
@requires(Role.EDITOR)
def answers(service_id: str) -> str:
    """Every field of the listing by section, each with a link to change it."""
    service = listing_or_404(service_id)
    form = ListingForm(formdata=None, meta={"csrf": False})
    form.set_council(site_council())
    form.fill(listing_rows(service))
    return render_template(
        "manage/listings/answers.html",
        service=service,
        sections=listing_answers(form, SECTIONS),
    )


@blueprint.route("/<service_id>/edit/<slug>", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.EDITOR)
def section(service_id: str, slug: str) -> str | Response:
    part = SECTION_BY_SLUG.get(slug) or abort(404)
    back = url_for(".answers", service_id=service_id)
    return _edit_part(service_id, part, back)


@blueprint.route("/<service_id>/change/<slug>", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.EDITOR)
def quick_edit(service_id: str, slug: str) -> str | Response:
    part = QUICK_EDIT_BY_SLUG.get(slug) or abort(404)
    back = url_for("manage_listings.listing", service_id=service_id)
    return _edit_part(service_id, part, back)


def _edit_part(service_id: str, part: Part, back: str) -> str | Response:
    service = listing_or_404(service_id)
    council = site_council()
    form = ListingForm()
    form.set_council(council)
    form.keep_only(*part.only)
    rows = listing_rows(service)
    others: list[Any] | None = None
    if request.method == "GET":
        form.fill(rows)
        form.version.data = listing_version(service.id)
    else:
        form.note_unsent(request.form.keys())
    lookups = look_up_postcodes(form)
    action = request.form.get("action", "")
    if form.apply_row_action(action):
        pass  # shown again with a row added or removed: nothing is saved
    elif action == "save" and form.validate_on_submit():
        key, organisation_key = rows[0]["service_id"], rows[0]["organisation_id"]
        outcome = save_edit(
            service,
            ListingForm.shown_rows(rows, council, key, organisation_key, part.only),
            form.rows(key, organisation_key, venue_keys(rows)),
            actor=current_user.email,
            council=council,
            version=form.version.data,
        )
        saved = part.saved or gettext("%(section)s: changes saved", section=part.title)
        answer = answer_save(form, outcome, form.first_field(), str(saved))
        if answer.saved:
            return redirect(back)
        others = answer.others
    form.say_who_shares(*listings_sharing(service))
    return render_template(
        "manage/listings/part.html",
        form=form,
        part=part,
        service=service,
        back=back,
        lookups=lookups,
        others=others,
        venue_names={row["venue_id"]: row["venue_name"] for row in rows if row.get("venue_id")},
    )


_CONFIRMED = {
    "yes": lambda name: gettext("Confirmed: %(name)s is still running", name=name),
    ServiceStatus.TEMPORARILY_CLOSED.value: lambda name: gettext(
        "Recorded: %(name)s is closed for now", name=name
    ),
    ServiceStatus.DEFUNCT.value: lambda name: gettext(
        "Recorded: %(name)s has closed for good", name=name
    ),
}


@blueprint.route("/<service_id>/still-running", methods=["GET", "POST"])
@requires(Role.EDITOR)
def still_running(service_id: str) -> str | Response:
    """The review in one question: still running (checked today), or closed."""
    service = listing_or_404(service_id)
    form = StillRunningForm()
    if request.method == "GET":
        form.version.data = listing_version(service.id)
    elif form.validate_on_submit():
        answer = form.answer.data
        outcome = mark_checked(
            service,
            version=form.version.data,
            actor=current_user.email,
            council=site_council(),
            status=None if answer == "yes" else answer,
        )
        if outcome.saved:
            if outcome.report and outcome.report.changed:
                flash(_CONFIRMED[answer](service.name), "success")
            else:
                flash(gettext("Nothing was changed."), "info")
        elif not refused(outcome):
            for problem in outcome.errors:
                flash(f"{problem.where}: {problem.message}", "warning")
        return redirect(url_for("manage_listings.listing", service_id=service.id))
    return render_template(
        "manage/listings/still_running.html",
        form=form,
        service=service,
        overdue=listing_overdue(service, datetime.now().date(), site_council()),
    )
