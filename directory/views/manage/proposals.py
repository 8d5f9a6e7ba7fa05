"""Editors decide on providers' proposed changes: the queue, each change field by field
against the listing as it is now, and approve, change and approve, or return with a reason.

Approving writes through ``save_edit`` at the version the provider saw; if the listing has
changed since, nothing is written and the editor is shown what changed, then chooses to
apply the provider's change over it (at the current version) or to return it."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.forms.listings import ListingForm, venue_keys
from directory.forms.proposals import ApproveForm, ReturnForm
from directory.listings.editing import listing_rows, listing_version, new_listing_key, save_edit
from directory.listings.proposals import (
    approve,
    approve_new,
    approved_actor,
    decide,
    differences,
    proposal_by_id,
    proposed_rows,
    waiting_proposals,
)
from directory.models import ListingProposal, ProposalStatus, Role, Service
from directory.queries.manage import staff_service
from directory.queries.organisations import organisation
from directory.request_limits import LISTING_FORM_BODY_BYTES, accepts_body
from directory.views.manage.listing_form import (
    new_listing_form,
    opened_form,
    render_form,
    render_new_form,
)
from directory.views.manage.listings import answer_save, show_problems

blueprint = Blueprint("manage_proposals", __name__, url_prefix="/manage/proposals")


def _found(proposal_id: str) -> tuple[ListingProposal, Service | None]:
    """The proposal and its listing (None for a new listing not yet approved)."""
    proposal = proposal_by_id(proposal_id)
    if proposal is None:
        abort(404)
    if proposal.service_id is None:
        return proposal, None
    service = staff_service(proposal.service_id)
    if service is None:
        abort(404)
    return proposal, service


def _waiting(proposal_id: str) -> tuple[ListingProposal, Service]:
    """A proposed change to a stored listing."""
    proposal, service = _found(proposal_id)
    if service is None:
        abort(404)
    return proposal, service


def _labels() -> tuple[dict[str, str], dict[str, str]]:
    """Each column's label on the listing form: the listing's own, and a venue's."""
    form = ListingForm(formdata=None, meta={"csrf": False})
    form.set_council(current_app.extensions["council"])
    form.fill([{}])
    own = {name: str(field.label.text) for name, field in form._fields.items()}
    venue: dict[str, str] = {}
    if "venues" in form._fields and form.venues.entries:
        venue = {n: str(f.label.text) for n, f in form.venues.entries[0].form._fields.items()}
    return own, venue


@blueprint.get("/")
@requires(Role.EDITOR)
def queue() -> str:
    proposals = waiting_proposals()
    services = {p.service_id: staff_service(p.service_id) for p in proposals if p.service_id}
    return render_template("manage/proposals/queue.html", proposals=proposals, services=services)


def _page(
    proposal: ListingProposal,
    service: Service | None,
    *,
    others: list[Any] | None = None,
    return_form: ReturnForm | None = None,
    status: int = 200,
) -> tuple[str, int]:
    own_labels, venue_labels = _labels()
    rows = listing_rows(service) if service is not None else proposal.returned
    venue_names = {row.get("venue_id"): row.get("venue_name", "") for row in rows}
    changes = differences(proposal, service)
    stale = service is not None and listing_version(service.id) != proposal.version
    return render_template(
        "manage/proposals/proposal.html",
        proposal=proposal,
        service=service,
        changes=changes,
        own_labels=own_labels,
        venue_labels=venue_labels,
        venue_names=venue_names,
        stale=stale,
        others=others,
        approve_form=ApproveForm(version=proposal.version),
        current_version=listing_version(service.id) if service is not None else "",
        organisation=organisation(proposal.organization_id),
        form=return_form or ReturnForm(),
    ), status


@blueprint.get("/<proposal_id>")
@requires(Role.EDITOR)
def proposal(proposal_id: str) -> tuple[str, int]:
    found, service = _found(proposal_id)
    return _page(found, service)


def _still_waiting(proposal: ListingProposal) -> Response | None:
    if proposal.status is ProposalStatus.WAITING:
        return None
    flash(gettext("This change was already decided on."), "info")
    return redirect(url_for(".proposal", proposal_id=proposal.id))


@blueprint.post("/<proposal_id>/approve")
@requires(Role.EDITOR)
def approve_proposal(proposal_id: str) -> Response | tuple[str, int]:
    found, service = _found(proposal_id)
    form = ApproveForm()
    if not form.validate_on_submit():
        abort(400)
    decided = _still_waiting(found)
    if decided is not None:
        return decided
    council = current_app.extensions["council"]
    if service is None:
        outcome = approve_new(found, editor=current_user.email, council=council)
        if outcome.saved:
            flash(gettext("Approved: the new listing is saved."), "success")
            return redirect(url_for(".queue"))
        for problem in outcome.errors:
            flash(f"{problem.where}: {problem.message}", "warning")
        return redirect(url_for(".proposal", proposal_id=found.id))
    outcome = approve(
        found,
        service,
        editor=current_user.email,
        council=council,
        version=form.version.data or "",
    )
    if outcome.saved:
        flash(gettext("Approved: families see the change now."), "success")
        return redirect(url_for(".queue"))
    if outcome.others_changes:
        found, service = _waiting(proposal_id)
        return _page(found, service, others=outcome.others_changes, status=409)
    for problem in outcome.errors:
        flash(f"{problem.where}: {problem.message}", "warning")
    if outcome.no_version or outcome.unknown_venue:
        flash(
            gettext("The listing no longer fits this change. Change and approve it, or return it."),
            "warning",
        )
    return redirect(url_for(".proposal", proposal_id=found.id))


@blueprint.post("/<proposal_id>/return")
@requires(Role.EDITOR)
def return_proposal(proposal_id: str) -> Response | tuple[str, int]:
    found, service = _found(proposal_id)
    decided = _still_waiting(found)
    if decided is not None:
        return decided
    form = ReturnForm()
    if not form.validate_on_submit():
        return _page(found, service, return_form=form, status=400)
    decide(found, ProposalStatus.RETURNED, current_user.email, form.reason.data.strip())
    flash(gettext("Returned: the provider sees your reason."), "success")
    return redirect(url_for(".queue"))


@blueprint.route("/<proposal_id>/change", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.EDITOR)
def change(proposal_id: str) -> str | Response:
    """The listing's form with the provider's changes (or proposed new listing) on it: the
    editor changes what they want and saves, which approves it (audited as the
    provider's, approved)."""
    found, service = _found(proposal_id)
    decided = _still_waiting(found)
    if decided is not None:
        return decided
    if service is None:
        return _change_new(found)
    council = current_app.extensions["council"]
    form = opened_form(service, proposed_rows(found, service))
    others = None
    if form.apply_row_action(request.form.get("action", "")):
        pass
    elif request.form.get("action") == "save" and form.validate_on_submit():
        rows = listing_rows(service)
        key, organisation_key = rows[0]["service_id"], rows[0]["organisation_id"]
        outcome = save_edit(
            service,
            ListingForm.shown_rows(rows, council, key, organisation_key),
            form.rows(key, organisation_key, venue_keys(rows)),
            actor=approved_actor(found.proposer, current_user.email),
            council=council,
            version=form.version.data,
        )
        answer = answer_save(
            form, outcome, form.name, gettext("Approved: families see the change now.")
        )
        if answer.saved:
            decide(found, ProposalStatus.APPROVED, current_user.email)
            return redirect(url_for(".queue"))
        others = answer.others
    return render_form(
        form,
        service,
        heading=gettext("Change and approve: %(name)s", name=service.name),
        back=url_for(".proposal", proposal_id=found.id),
        button=gettext("Save and approve"),
        others=others,
        notice=gettext("The form shows the provider’s changes. Saving approves them."),
    )


def _change_new(found: ListingProposal) -> str | Response:
    """A proposed new listing on the form a provider proposes one with (without the
    organisation's fields), as they sent it: saving writes it as changed, as the
    provider's new listing approved by the editor."""
    owner = organisation(found.organization_id)
    if owner is None:
        abort(404)
    form = new_listing_form(found.returned)
    if form.apply_row_action(request.form.get("action", "")):
        pass  # shown again with a row added or removed: nothing is saved
    elif request.form.get("action") == "save" and form.validate_on_submit():
        key = str(found.returned[0].get("service_id") or "") if found.returned else ""
        outcome = approve_new(
            found,
            editor=current_user.email,
            council=current_app.extensions["council"],
            rows=form.rows(key or new_listing_key(), owner.external_id or ""),
        )
        if outcome.saved:
            flash(gettext("Approved: the new listing is saved."), "success")
            return redirect(url_for(".queue"))
        show_problems(form, outcome.errors)
    return render_new_form(
        form,
        heading=gettext("Change and approve: %(name)s", name=found.name),
        back=url_for(".proposal", proposal_id=found.id),
        button=gettext("Save and approve"),
        notice=gettext("The form shows the provider’s new listing. Saving approves it."),
    )
