"""Practitioners' shorthand on the real practitioners' search: "DA" is searched as
domestic abuse, with the place read from the same words."""

from __future__ import annotations

import re
from urllib.parse import quote_plus

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Service, ServiceAreaScope
from tests.practitioners.helpers import practitioner_client, text_of
from tests.support.html import visible_text

_SERVICE_LINK = re.compile(
    r'<h3 class="govuk-heading-m[^"]*"[^>]*>\s*<a[^>]*href="[^"]*/services/([^"/?#]+)"'
)


def _needs_and_places(
    app: Flask, ids: list[str]
) -> dict[str, tuple[set[str], set[str | None], bool]]:
    """Each listing's needs, localities and whether it is borough-wide, from SQL."""
    with app.app_context():
        services = db.session.scalars(
            sa.select(Service)
            .where(Service.id.in_(ids))
            .options(selectinload(Service.taxonomy_terms))
        )
        found = {}
        for service in services:
            places = {link.location.locality for link in service.locations}
            places |= {area.locality for area in service.service_areas}
            wide = any(area.scope == ServiceAreaScope.BOROUGH for area in service.service_areas)
            found[service.id] = ({t.code for t in service.terms("need")}, places, wide)
        db.session.remove()
        return found


def test_da_support_brierley_hill_finds_domestic_abuse_services_there(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, f"/practitioners?q={quote_plus('DA support brierley hill')}")
    assert "Area: Brierley Hill" in visible_text(markup)
    ids = _SERVICE_LINK.findall(markup)
    assert ids, "DA support found nothing"
    found = _needs_and_places(search_app, ids[:3])
    for service_id, (needs, places, wide) in found.items():
        assert "domestic-abuse" in needs, (service_id, needs)
        assert "brierley-hill" in places or wide, (service_id, places)


def test_da_in_small_letters_is_not_spelt_out_at_the_family_door(search_app: Flask) -> None:
    """Punjabi "da" (of) is ordinary text for families; only "DA" in capitals is shorthand."""
    client = search_app.test_client()
    small = client.get(f"/find-support?q={quote_plus('da support')}").get_data(as_text=True)
    capitals = client.get(f"/find-support?q={quote_plus('DA support')}").get_data(as_text=True)
    assert _SERVICE_LINK.findall(capitals)
    assert _SERVICE_LINK.findall(small) != _SERVICE_LINK.findall(capitals)
