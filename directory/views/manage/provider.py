"""The pages of someone who works for an organisation (a provider): their organisation's
listings and nothing else of the staff side. Every query here is limited to the signed-in
provider's own organisation (``provider_organization_id``)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, render_template

from directory.accounts.access import provider_organization_id, requires
from directory.models import Role
from directory.queries import organisations as queries
from directory.review import listing_due, listing_overdue

blueprint = Blueprint("manage_provider", __name__, url_prefix="/manage/organisation")


@blueprint.get("/")
@requires(Role.PROVIDER)
def home() -> str:
    organization_id = provider_organization_id()
    found = queries.organisation(organization_id)
    if found is None:
        abort(403)
    council = current_app.extensions["council"]
    today = date.today()
    listings = [
        (listing, listing_due(listing, council), listing_overdue(listing, today, council))
        for listing in queries.organisation_listings(organization_id)
    ]
    return render_template("manage/provider/home.html", organisation=found, listings=listings)
