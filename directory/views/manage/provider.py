"""The pages of someone who works for an organisation (a provider): their organisation's
listings, a change proposed to one, confirming one is still right, and (for a trusted
organisation) whether one takes requests for support; nothing else of the staff side.
Every listing here is looked up within the signed-in provider's own organisation
(``provider_organization_id``), so another's is a 404, never a page."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import provider_organization_id, requires
from directory.forms.listings import ListingActionForm, ListingForm, venue_keys
from directory.listings.editing import listing_rows, listing_version, mark_checked, new_listing_key
from directory.listings.proposals import (
    can_add_listings,
    is_trusted,
    proposals_of,
    propose,
    propose_new,
    trusted_actor,
)
from directory.models import Role, Service
from directory.queries import organisations as queries
from directory.queries.manage import staff_service
from directory.request_limits import LISTING_FORM_BODY_BYTES, accepts_body
from directory.review import listing_due, listing_overdue
from directory.support_requests import settings_for
from directory.views.manage.listing_form import (
    new_listing_form,
    opened_form,
    render_form,
    render_new_form,
)
from directory.views.manage.listings import answer_save, show_problems
from directory.views.manage.refusals import refused
from directory.views.manage.requests import settings_page

blueprint = Blueprint("manage_provider", __name__, url_prefix="/manage/organisation")

NEW_LISTING_DEFAULTS = {
    "status": "inactive",
    "kind": "support_service",
    "audience": "public",
    "referral_route": "self",
    "delivery": "in_person",
}


def _council():  # type: ignore[no-untyped-def]
    return current_app.extensions["council"]


def _own_listing(service_id: str) -> Service:
    """One of the provider's organisation's listings, or a 404 (for any other listing)."""
    if queries.organisation_listing(provider_organization_id(), service_id) is None:
        abort(404)
    service = staff_service(service_id)
    if service is None:
        abort(404)
    return service


@blueprint.get("/")
@requires(Role.PROVIDER)
def home() -> str:
    organization_id = provider_organization_id()
    found = queries.organisation(organization_id)
    if found is None:
        abort(403)
    council = _council()
    today = date.today()
    listings = [
        (listing, listing_due(listing, council), listing_overdue(listing, today, council))
        for listing in queries.organisation_listings(organization_id)
    ]
    return render_template(
        "manage/provider/home.html",
        organisation=found,
        listings=listings,
        proposals=proposals_of(organization_id)[:20],
        trusted=is_trusted(found, council),
        can_add=can_add_listings(found),
        listing_names={listing.id: listing.name for listing, _due, _overdue in listings},
    )


@blueprint.get("/listings/<service_id>")
@requires(Role.PROVIDER)
def listing(service_id: str) -> str:
    service = _own_listing(service_id)
    council = _council()
    return render_template(
        "manage/provider/listing.html",
        service=service,
        due=listing_due(service, council),
        overdue=listing_overdue(service, date.today(), council),
        proposals=proposals_of(service.organization_id, service.id),
        confirm=ListingActionForm(),
        version=listing_version(service.id),
        trusted=is_trusted(service.organization, council),
        request_settings=settings_for(service.id),
    )


@blueprint.route("/listings/<service_id>/requests-for-support", methods=["GET", "POST"])
@requires(Role.PROVIDER)
def request_settings(service_id: str) -> str | Response:
    """Whether the listing takes requests for support: a trusted organisation's provider
    sets it (on the editors' form, recorded as theirs); any other provider sees it, and
    that an editor sets it."""
    service = _own_listing(service_id)
    trusted = is_trusted(service.organization, _council())
    if request.method == "POST" and not trusted:
        abort(403)
    return settings_page(
        service,
        actor=trusted_actor(current_user.email),
        back=url_for(".listing", service_id=service.id),
        editable=trusted,
    )


@blueprint.route("/listings/<service_id>/edit", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.PROVIDER)
def edit(service_id: str) -> str | Response:
    """The editors' form: what the provider sends is checked as an editor's save is, then
    kept for an editor to approve (or saved now, for a trusted organisation)."""
    service = _own_listing(service_id)
    council = _council()
    trusted = is_trusted(service.organization, council)
    form = opened_form(service)
    others = None
    if form.apply_row_action(request.form.get("action", "")):
        pass  # shown again with a row added or removed: nothing is sent
    elif request.form.get("action") == "save" and form.validate_on_submit():
        rows = listing_rows(service)
        key, organisation_key = rows[0]["service_id"], rows[0]["organisation_id"]
        outcome = propose(
            service,
            ListingForm.shown_rows(rows, council, key, organisation_key),
            form.rows(key, organisation_key, venue_keys(rows)),
            provider=current_user,
            version=form.version.data or "",
            council=council,
        )
        done = url_for(".listing", service_id=service.id)
        if outcome.proposal is not None:
            flash(
                gettext(
                    "Your changes are sent to the council’s editors. Families see them "
                    "once an editor approves them."
                ),
                "success",
            )
            return redirect(done)
        if outcome.unchanged:
            flash(gettext("Nothing was changed."), "info")
            return redirect(done)
        saved = gettext("Your changes are saved and families can see them now.")
        answer = answer_save(form, outcome.edit, form.name, saved)
        if answer.saved:
            return redirect(done)
        others = answer.others
    return render_form(
        form,
        service,
        heading=gettext("Propose changes to %(name)s", name=service.name),
        back=url_for(".listing", service_id=service.id),
        button=gettext("Save changes") if trusted else gettext("Send changes for approval"),
        others=others,
        notice=None
        if trusted
        else gettext("An editor at the council checks your changes before families see them."),
    )


@blueprint.route("/listings/new", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.PROVIDER)
def new() -> str | Response:
    """A new listing for the provider's organisation, on the editors' form (without the
    organisation's fields: it is theirs), kept for approval unless the council trusts them."""
    organisation = queries.organisation(provider_organization_id())
    if organisation is None or not can_add_listings(organisation):
        abort(403)
    council = _council()
    trusted = is_trusted(organisation, council)
    form = new_listing_form([NEW_LISTING_DEFAULTS])
    if form.apply_row_action(request.form.get("action", "")):
        pass  # shown again with a row added or removed: nothing is sent
    elif request.form.get("action") == "save" and form.validate_on_submit():
        outcome = propose_new(
            form.rows(new_listing_key(), organisation.external_id or ""),
            organisation=organisation,
            provider=current_user,
            council=council,
        )
        if outcome.proposal is not None:
            flash(
                gettext(
                    "Your new listing is sent to the council’s editors. Families see it "
                    "once an editor approves it."
                ),
                "success",
            )
            return redirect(url_for(".home"))
        if outcome.published and outcome.edit.service_id:
            flash(gettext("Your new listing is saved."), "success")
            return redirect(url_for(".listing", service_id=outcome.edit.service_id))
        show_problems(form, outcome.edit.errors)
    return render_new_form(
        form,
        heading=gettext("Propose a new listing for %(name)s", name=organisation.name),
        back=url_for(".home"),
        button=gettext("Save listing") if trusted else gettext("Send listing for approval"),
        notice=None
        if trusted
        else gettext("An editor at the council checks your listing before families see it."),
    )


@blueprint.post("/listings/<service_id>/confirm")
@requires(Role.PROVIDER)
def confirm(service_id: str) -> Response:
    """The provider says the listing is still right: that is its review, as an editor's
    "mark as checked" is (its last checked date, audited as theirs)."""
    form = ListingActionForm()
    if not form.validate_on_submit():
        abort(400)
    service = _own_listing(service_id)
    outcome = mark_checked(
        service, version=form.version.data, actor=current_user.email, council=_council()
    )
    if outcome.saved:
        flash(
            gettext("Thank you: %(name)s is marked as checked today.", name=service.name), "success"
        )
    elif not refused(outcome):
        for problem in outcome.errors:
            flash(f"{problem.where}: {problem.message}", "warning")
    return redirect(url_for(".listing", service_id=service.id))
