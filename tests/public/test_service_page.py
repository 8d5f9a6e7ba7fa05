"""A service page leads with the facts a family came for, and leads back to their results."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import Location, Service, ServiceAtLocation
from tests.support.html import definitions, visible_text

KEY_FACTS = re.compile(r'<dl class="govuk-summary-list app-key-facts">(.*?)</dl>', re.S)
BACK_LINK = re.compile(r'<a href="([^"]*)" class="govuk-back-link">')


def _service_id(app: Flask, *conditions: sa.ColumnElement[bool]) -> str:
    with app.app_context():
        found = db.session.scalars(sa.select(Service.id).where(*conditions).limit(1)).first()
    assert found is not None
    return found


def _facts(markup: str) -> dict[str, str]:
    block = KEY_FACTS.search(markup)
    assert block, "the page should have its key facts"
    return definitions(block.group(1))


def test_family_centre_page_leads_with_phone_where_when_cost_and_how(demo_app: Flask) -> None:
    centre = _service_id(demo_app, Service.external_id == "dudley-fc-brierley-hill")
    markup = demo_app.test_client().get(f"/services/{centre}").get_data(as_text=True)
    facts = _facts(markup)

    assert list(facts) == ["Phone", "Where", "When", "Cost", "How to get help"]
    assert facts["Phone"].startswith("01384 813322")
    assert facts["Where"] == "18 Parkes Street, Brierley Hill, DY5 3DY"
    assert re.match(r"(Open now until|Open later today,|Next open) ", facts["When"])
    assert facts["Cost"] == "Free"
    assert facts["How to get help"].startswith("You can contact this service yourself")
    first_tel = markup.index('href="tel:01384813322"')
    assert first_tel < markup.index("What it is") < markup.index("Opening times")
    assert markup.count('href="tel:01384813322"') == 1


def test_refuge_page_key_facts_keep_the_address_private(demo_app: Flask) -> None:
    refuge = _service_id(
        demo_app,
        Service.id.in_(
            sa.select(ServiceAtLocation.service_id)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(Location.masked_address.is_(True))
        ),
    )
    markup = demo_app.test_client().get(f"/services/{refuge}").get_data(as_text=True)
    assert _facts(markup)["Where"] == "Address given when you contact them"


def test_back_link_returns_to_the_exact_results(demo_app: Flask) -> None:
    centre = _service_id(demo_app, Service.external_id == "dudley-fc-brierley-hill")
    results = "/find-support?q=family+centre&postcode=DY5&need=parenting&page=2"
    markup = (
        demo_app.test_client()
        .get(f"/services/{centre}", headers={"Referer": f"http://localhost{results}"})
        .get_data(as_text=True)
    )
    link = BACK_LINK.search(markup)
    assert link is not None
    assert link.group(1).replace("&amp;", "&") == f"{results}#result-{centre}"
    assert "Back to search results" in visible_text(markup)


@pytest.mark.parametrize(
    "referrer",
    [
        None,
        "https://evil.example/find-support?q=food",
        "http://localhost:8000/find-support?q=food",
        "http://localhost/privacy",
        "http://localhost//evil.example/find-support",
        "http://localhost/find-support/../privacy",
        "javascript:alert(1)//localhost/find-support",
        "http://user@localhost/find-support?q=food",
        "/find-support?q=food",
    ],
)
def test_no_back_link_unless_the_family_came_from_our_results(
    demo_app: Flask, referrer: str | None
) -> None:
    centre = _service_id(demo_app, Service.external_id == "dudley-fc-brierley-hill")
    headers = {"Referer": referrer} if referrer else {}
    markup = (
        demo_app.test_client().get(f"/services/{centre}", headers=headers).get_data(as_text=True)
    )
    assert "govuk-back-link" not in markup
