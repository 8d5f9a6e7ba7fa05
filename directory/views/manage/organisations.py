"""Editors' pages for organisations: who runs what, and the people each has invited to
keep its own listings (providers)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext

from directory.accounts import users
from directory.accounts.access import requires
from directory.forms.accounts import ProviderInviteForm
from directory.models import Organization, Role
from directory.queries import organisations as queries
from directory.views.manage.users import link_made

blueprint = Blueprint("manage_organisations", __name__, url_prefix="/manage/organisations")


def _organisation(organization_id: str) -> Organization:
    found = queries.organisation(organization_id)
    if found is None:
        abort(404)
    return found


@blueprint.get("/")
@requires(Role.EDITOR)
def organisations() -> str:
    words = request.args.get("q", "").strip()[:100]
    return render_template(
        "manage/organisations/list.html",
        rows=queries.organisations_with_counts(words),
        words=words,
    )


@blueprint.get("/<organization_id>")
@requires(Role.EDITOR)
def organisation(organization_id: str) -> str:
    found = _organisation(organization_id)
    return render_template(
        "manage/organisations/organisation.html",
        organisation=found,
        listings=queries.organisation_listings(found.id),
        people=users.providers_of(found.id),
    )


@blueprint.route("/<organization_id>/invite", methods=["GET", "POST"])
@requires(Role.EDITOR)
def invite(organization_id: str) -> str:
    """The staff invitation, for someone of this organisation: the same single-use link,
    password rules and sign-in as council staff."""
    found = _organisation(organization_id)
    form = ProviderInviteForm()
    if form.validate_on_submit():
        if users.user_by_email(form.email.data) is not None:
            form.email.errors.append(gettext("There is already an account for this email address"))
        else:
            person = users.create_user(
                form.email.data, form.name.data, Role.PROVIDER, organization_id=found.id
            )
            back = url_for(".organisation", organization_id=found.id)
            return link_made(person, "invitation", back=back)
    return render_template("manage/organisations/invite.html", form=form, organisation=found)
