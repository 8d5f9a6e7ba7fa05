"""Which demo listings take requests for support, so a practitioner's request (and the
organisation's answer) can be tried on a demo site.

The setting is kept beside a listing, not in the import template (see
``directory.models.requests.RequestSettings``), so it is not in ``listings.csv``: the demo
load sets it here, for these listings only where nobody has set it yet, so an editor's or
provider's choice on a demo site survives the next load."""

from __future__ import annotations

import sqlalchemy as sa

from directory.extensions import db
from directory.models import RequestSettings, Service
from directory.support_requests import save_settings

DEMO_ACTOR = "flask demo load"
TAKING_REQUESTS: dict[str, tuple[str, ...]] = {
    **{
        f"sample-intensive-family-support-{place}-1": (
            "name",
            "contact",
            "children_ages",
            "help_wanted",
            "urgency",
        )
        for place in ("brierley-hill", "dudley-central", "dudley-north", "halesowen", "stourbridge")
    },
    "sample-money-advice-dudley-central-1": ("name", "contact", "help_wanted"),
    "sample-money-advice-halesowen-1": ("name", "contact", "help_wanted"),
}
"""Demo listings (by their key in the demo file) and what each asks for: the sample
organisations Dudley Families First Partnership and Black Country Money Advice Trust."""


def open_demo_requests(source: str) -> int:
    """Let the demo's chosen listings take requests where no setting is kept yet; how many
    were set."""
    found = db.session.execute(
        sa.select(Service.id, Service.external_id)
        .outerjoin(RequestSettings, RequestSettings.service_id == Service.id)
        .where(
            Service.source == source,
            Service.external_id.in_(TAKING_REQUESTS),
            RequestSettings.service_id.is_(None),
        )
    ).all()
    for service_id, key in found:
        if key is not None:  # never, as selected: for the type checker
            save_settings(service_id, True, list(TAKING_REQUESTS[key]), DEMO_ACTOR)
    return len(found)
