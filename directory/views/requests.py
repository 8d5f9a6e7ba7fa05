"""A practitioner's requests for support (/practitioners/requests): send one from a
service's page or the plan, see every request sent and its status, answer a question.

Each opening of a request is audited before the page is drawn. A request is shown only to
the practitioner who sent it, the receiving organisation's users and council admins;
anyone else gets the same 404 as for a request that does not exist.
"""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts import rate_limited
from directory.accounts.access import requires
from directory.council_language import page_council
from directory.forms.requests import (
    CONSENT_WAYS,
    DETAIL_NAMES,
    URGENCIES,
    MessageForm,
    SendRequestForm,
)
from directory.models import Role
from directory.models.requests import RequestStatus, SupportRequest
from directory.queries.services import practitioner_service
from directory.support_requests import (
    Consent,
    accepting,
    answer,
    find,
    may_see,
    opened,
    send,
    sent_by,
)
from directory.support_requests.notices import tell_organisation
from directory.views.request_names import status_names

blueprint = Blueprint("practitioner_requests", __name__, url_prefix="/practitioners/requests")


@blueprint.route("/new/<service_id>", methods=["GET", "POST"])
@rate_limited("support-request")
@requires(Role.PRACTITIONER)
def new_request(service_id: str) -> str | Response:
    now = datetime.now()
    service = practitioner_service(service_id, now.date())
    settings = accepting(service_id) if service is not None else None
    if service is None or settings is None:
        abort(404)
    council = page_council()
    names = {term.code: term.label for term in council.terms("need")}
    needs = [(t.code, names.get(t.code, t.code)) for t in service.terms("need")] or list(
        names.items()
    )
    form = SendRequestForm(
        council=council, needs=needs, asked=list(settings.details), today=now.date()
    )
    if form.validate_on_submit():
        found = send(
            service,
            current_user,
            form.need.data,
            form.locality.data,
            Consent(form.consent_by.data, form.consent_date, form.consent_how.data),
            form.detail(),
        )
        tell_organisation(found)
        return redirect(url_for(".sent_request", request_id=found.id, sent="yes"), code=303)
    return render_template(
        "practitioners/requests/new.html",
        form=form,
        service=service,
        asked=[DETAIL_NAMES[name] for name in settings.details],
    )


@blueprint.get("/")
@requires(Role.PRACTITIONER)
def sent_requests() -> str:
    return render_template(
        "practitioners/requests/sent.html",
        requests=sent_by(current_user),
        status_names=status_names(),
    )


@blueprint.route("/<request_id>", methods=["GET", "POST"])
@rate_limited("support-request")
@requires(Role.PRACTITIONER)
def sent_request(request_id: str) -> str | Response:
    found = _visible(request_id)
    form = MessageForm()
    if request.method == "POST":
        if found.status != RequestStatus.QUESTION or found.practitioner_id != current_user.id:
            # Answered already (another tab), or not theirs to answer: nothing changes.
            return redirect(url_for(".sent_request", request_id=found.id), code=303)
        if form.validate_on_submit():
            answer(found, current_user, form.text.data)
            tell_organisation(found)
            return redirect(url_for(".sent_request", request_id=found.id, answered="yes"), 303)
    opened(found, current_user)  # every showing is a view, a form with a problem included
    return render_template(
        "practitioners/requests/request.html",
        found=found,
        form=form,
        just_sent=request.args.get("sent") == "yes",
        answered=request.args.get("answered") == "yes",
        status_names=status_names(),
        consent_ways=CONSENT_WAYS,
        urgencies=URGENCIES,
        detail_names=DETAIL_NAMES,
        may_answer=found.status == RequestStatus.QUESTION
        and found.practitioner_id == current_user.id,
    )


def _visible(request_id: str) -> SupportRequest:
    found = find(request_id)
    if found is None or not may_see(current_user, found):
        abort(404)
    return found
