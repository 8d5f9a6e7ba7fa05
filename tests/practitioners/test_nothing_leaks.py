"""The index holds listings for practitioners only, so prove none of them, nor any field
only practitioners may read, ever reaches the public: pages, search, counts, exports, or
any public route at all (listed from the app, so a new API or sitemap is checked too)."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest
import sqlalchemy as sa
from flask import Flask
from werkzeug.routing import Rule

from directory.extensions import db
from directory.models import Service, ServiceStatus
from directory.queries.services import publicly_visible
from tests.api.crawl import api_addresses, is_api
from tests.practitioners.helpers import practitioner_only
from tests.support.client import page_text

STAFF = ("/manage", "/practitioners", "/static")


def _secrets(app: Flask) -> tuple[dict[str, str], set[str]]:
    """Ids -> names of the practitioner-only listings, and every practitioner-only text."""
    hidden = {service.id: service.name for service in practitioner_only(app)}
    assert len(hidden) >= 5, "the demo data should hold several practitioner-only listings"
    with app.app_context():
        texts = set(hidden.values())
        for notes, criteria, contact in db.session.execute(
            sa.select(
                Service.professional_notes, Service.referral_criteria, Service.professional_contact
            )
        ):
            texts |= {value for value in (notes, criteria, contact) if value}
    return hidden, texts


def _leaks(body: str, texts: set[str]) -> list[str]:
    readable = html.unescape(body)
    return sorted(text for text in texts if text in readable)


def _public_get_rules(app: Flask) -> list[Rule]:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or set())
        and not rule.rule.startswith(STAFF)
        and not is_api(rule)  # crawled with every parameter below
    ]


def test_every_public_route_hides_practitioner_only_listings_and_fields(
    search_app: Flask,
) -> None:
    hidden, texts = _secrets(search_app)
    client = search_app.test_client()
    council = search_app.extensions["council"]
    checked = 0
    for rule in _public_get_rules(search_app):
        arguments = set(rule.arguments)
        if arguments == {"service_id"}:
            for service_id in hidden:
                response = client.get(rule.rule.replace("<service_id>", service_id))
                assert response.status_code == 404, (rule.rule, service_id)
            continue
        if arguments == {"code"}:
            values = [term.code for term in council.terms("need")] + ["en"]
        elif arguments:
            pytest.fail(f"{rule.rule}: say how to fill {arguments} in this test")
        else:
            values = [""]
        for value in values:
            address = re.sub(r"<[^>]+>", value, rule.rule)
            response = client.get(address, follow_redirects=True)
            body = page_text(response)
            assert _leaks(body, texts) == [], address
            checked += 1
    assert checked > 20


def test_no_api_address_or_parameter_gives_them_away(search_app: Flask) -> None:
    """The ORUK API: every route, every list with every parameter (a search for each hidden
    listing's words among them), and every id, the hidden listings' own included."""
    hidden, texts = _secrets(search_app)
    search_app.config["ORUK_API_RATE_LIMIT"] = "100000 per minute"
    words = sorted({w for name in hidden.values() for w in re.findall(r"\w{4,}", name)})
    client = search_app.test_client()
    addresses = api_addresses(search_app, words, ["DY1 1QJ", "DY5", "B63 3BL"])
    for address in addresses:
        response = client.get(address)
        assert response.status_code < 500, address
        body = page_text(response)
        assert _leaks(body, texts) == [], address
        assert not any(service_id in body for service_id in hidden), address
        for service_id in hidden:
            if address.endswith(f"/services/{service_id}"):
                assert response.status_code == 404, address
    assert len(addresses) > 500


def test_the_public_search_never_finds_them_by_name_or_need(search_app: Flask) -> None:
    hidden, texts = _secrets(search_app)
    client = search_app.test_client()
    for name in hidden.values():
        words = re.sub(r"\(sample\)|[^\w\s]", " ", name)
        body = page_text(client.get("/find-support", query_string={"q": words}))
        # The heading says back what was searched for, so look for the listing, not the words.
        assert not any(service_id in body for service_id in hidden), name
        assert _leaks(body, texts - {name}) == [], name
    today = date.today()
    home = html.unescape(page_text(client.get("/")))
    with search_app.app_context():
        public = list(db.session.scalars(sa.select(Service).where(publicly_visible(today))))
        for need in search_app.extensions["council"].terms("need"):
            expected = sum(need.code in {t.code for t in s.terms("need")} for s in public)
            body = page_text(client.get("/find-support", query_string={"need": need.code}))
            shown = re.search(r"(\d+) results?", body)
            assert (int(shown.group(1)) if shown else 0) == expected, need.code
            card = home.split(f">{need.label}</a>", 1)[1].split("</li>", 1)[0]
            words = "service" if expected == 1 else "services"
            assert f"{expected} {words}" in card, need.code


def test_the_family_results_facets_count_only_public_listings(search_app: Flask) -> None:
    """Each option's count on the family filter panel is the public count."""
    client = search_app.test_client()
    body = page_text(client.get("/find-support", query_string={"locality": "halesowen"}))
    today = date.today()
    counted = dict(re.findall(r'value="([a-z-]+)"[^>]*>\s*<label[^>]*>\s*[^<(]+\((\d+)\)', body))
    assert counted, "the filter panel shows counts"
    with search_app.app_context():
        public = list(db.session.scalars(sa.select(Service).where(publicly_visible(today))))
        expected = {
            need.code: _serving_halesowen(public, need.code)
            for need in search_app.extensions["council"].terms("need")
        }
    compared = [code for code in counted if code in expected]
    assert len(compared) >= 5, counted
    for code in compared:
        assert int(counted[code]) == expected[code], code


def _serving_halesowen(public: list[Service], need: str) -> int:
    return len(
        [
            s
            for s in public
            if need in {t.code for t in s.terms("need")}
            and (
                "halesowen"
                in {link.location.locality for link in s.locations}
                | {a.locality for a in s.service_areas}
                or any(a.scope.value == "borough" for a in s.service_areas)
            )
        ]
    )


def test_exports_hold_no_practitioner_only_listing_or_field(search_app: Flask) -> None:
    hidden, texts = _secrets(search_app)
    runner = search_app.test_cli_runner()
    for format_ in ("csv", "oruk"):
        result = runner.invoke(args=["listings", "export", "--format", format_])
        assert result.exit_code == 0, result.output
        assert _leaks(result.output, texts) == [], format_
        if format_ == "oruk":
            page = json.loads(result.output)
            assert not {item["id"] for item in page["contents"]} & set(hidden)


def test_health_and_rebuild_agree_with_an_index_of_every_active_listing(
    search_app: Flask,
) -> None:
    with search_app.app_context():
        active = db.session.scalar(
            sa.select(sa.func.count(Service.id)).where(Service.status == ServiceStatus.ACTIVE)
        )
    runner = search_app.test_cli_runner()
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert rebuilt.exit_code == 0 and f"Indexed {active} services" in rebuilt.output
    health = runner.invoke(args=["search", "health"])
    assert health.exit_code == 0, health.output
    assert f"Indexed {active} of {active} active services" in health.output
    assert "The index matches the database." in health.output
