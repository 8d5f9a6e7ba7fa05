"""The organisation's inbox of requests for support (/manage/requests), and the setting
that lets a listing take them: an editor's (/manage/listings/ID/requests-for-support), and
a trusted organisation's provider's for their own listings (``settings_page``, shown from
the provider's pages).

Opening a request is audited before the page is drawn. An organisation's providers see the
requests sent to its listings; council admins see every organisation's; nobody else on the
staff side sees any (editors keep listings, not families' details).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts import rate_limited
from directory.accounts.access import requires
from directory.forms.requests import (
    CONSENT_WAYS,
    DETAIL_NAMES,
    URGENCIES,
    DecisionForm,
    MessageForm,
    RequestSettingsForm,
)
from directory.models import Role, Service
from directory.models.requests import SupportRequest
from directory.queries.manage import staff_service
from directory.support_requests import (
    ask,
    audit_trail,
    decide,
    find,
    inbox,
    may_decide,
    opened,
    save_settings,
    settings_for,
)
from directory.support_requests.notices import tell_practitioner
from directory.views.request_names import action_names, status_names

blueprint = Blueprint("manage_requests", __name__, url_prefix="/manage")

INBOX_ROLES = (Role.ADMIN, Role.PROVIDER)
"""Who may open the inbox at all: council admins and an organisation's providers; each
request is then checked with ``may_decide``."""


@blueprint.get("/requests/")
@requires(*INBOX_ROLES)
def inbox_page() -> str:
    closed = request.args.get("show") == "closed"
    return render_template(
        "manage/requests/inbox.html",
        requests=inbox(current_user, closed=closed),
        closed=closed,
        status_names=status_names(),
    )


@blueprint.get("/requests/<request_id>")
@requires(*INBOX_ROLES)
def request_page(request_id: str) -> str:
    found = _decidable(request_id)
    return _request_page(found, DecisionForm(formdata=None), MessageForm(formdata=None))


@blueprint.post("/requests/<request_id>/decision")
@rate_limited("support-request")
@requires(*INBOX_ROLES)
def decision(request_id: str) -> str | Response:
    found = _decidable(request_id)
    if found.status.closed:
        return _already_closed(found)
    form = DecisionForm()
    if not form.validate_on_submit():
        return _request_page(found, form, MessageForm(formdata=None))
    accepted = form.decision.data == "accept"
    decide(found, current_user, accepted, form.reason.data or "")
    tell_practitioner(found)
    flash(
        gettext("Request %(reference)s accepted", reference=found.reference)
        if accepted
        else gettext("Request %(reference)s declined", reference=found.reference),
        "success",
    )
    return redirect(url_for(".inbox_page"), code=303)


@blueprint.post("/requests/<request_id>/question")
@rate_limited("support-request")
@requires(*INBOX_ROLES)
def question(request_id: str) -> str | Response:
    found = _decidable(request_id)
    if found.status.closed:
        return _already_closed(found)
    form = MessageForm()
    if not form.validate_on_submit():
        return _request_page(found, DecisionForm(formdata=None), form)
    ask(found, current_user, form.text.data)
    tell_practitioner(found)
    flash(gettext("Question sent on request %(reference)s", reference=found.reference), "success")
    return redirect(url_for(".request_page", request_id=found.id), code=303)


@blueprint.route("/listings/<service_id>/requests-for-support", methods=["GET", "POST"])
@requires(Role.EDITOR)
def listing_settings(service_id: str) -> str | Response:
    service = staff_service(service_id)
    if service is None:
        abort(404)
    listing_page = url_for("manage_listings.listing", service_id=service_id)
    return settings_page(service, actor=current_user.email, back=listing_page, editable=True)


def settings_page(service: Service, *, actor: str, back: str, editable: bool) -> str | Response:
    """The request settings of one listing: the form for an editor or a trusted provider
    (``actor`` is who the change is recorded as), read-only for any other provider. The
    caller refuses a POST from someone who may not change them."""
    current = settings_for(service.id)
    form = RequestSettingsForm(
        data={
            "accepts": bool(current and current.accepts),
            "details": list(current.details) if current else [],
        }
    )
    if editable and form.validate_on_submit():
        if form.accepts.data and not form.details.data:
            form.details.errors = [gettext("Choose at least one thing the service needs to know")]
        else:
            changed = save_settings(service.id, bool(form.accepts.data), form.details.data, actor)
            flash(
                gettext("Requests for support saved for %(name)s", name=service.name)
                if changed
                else gettext("Nothing changed"),
                "success",
            )
            return redirect(back, 303)
    return render_template(
        "manage/requests/settings.html",
        form=form,
        service=service,
        back=back,
        editable=editable,
        current=current,
        needs=[str(DETAIL_NAMES[name]) for name in (current.details if current else [])],
    )


def _already_closed(found: SupportRequest) -> Response:
    """A second decision (another tab, another colleague) changes nothing, and says so."""
    flash(gettext("This request was already accepted or declined: nothing was changed"))
    return redirect(url_for(".request_page", request_id=found.id), code=303)


def _decidable(request_id: str) -> SupportRequest:
    found = find(request_id)
    if found is None or not may_decide(current_user, found):
        abort(404)
    return found


def _request_page(
    found: SupportRequest, decision_form: DecisionForm, message_form: MessageForm
) -> str:
    """The request, shown again after a form with a problem too: every showing is a view."""
    opened(found, current_user)
    return render_template(
        "manage/requests/request.html",
        found=found,
        decision_form=decision_form,
        message_form=message_form,
        form=decision_form if decision_form.errors else message_form,
        status_names=status_names(),
        consent_ways=CONSENT_WAYS,
        urgencies=URGENCIES,
        detail_names=DETAIL_NAMES,
        # Who opened it is for the council to check; an organisation sees its own requests.
        trail=audit_trail(found) if current_user.role is Role.ADMIN else [],
        action_names=action_names(),
    )
