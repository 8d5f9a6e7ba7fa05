"""The request for support journey in real Chromium: a practitioner sends a request with the
family's recorded consent, the organisation accepts it, the practitioner sees it accepted;
every page on the way passes axe and asks no other site for anything."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from directory.extensions import db
from directory.models import Role, Service, SupportRequest
from directory.support_requests import save_settings
from tests.support.browser import block_other_hosts, serious_axe_violations, sign_in
from tests.support.staff import make_provider, make_staff


def _axe_clean(page: Page, where: str) -> None:
    violations = serious_axe_violations(page)
    assert violations == [], f"{where}: {violations}"


def test_a_practitioner_sends_a_request_the_organisation_accepts_and_the_practitioner_sees_it(
    browser: Browser, browser_app: Flask, base_url: str
) -> None:
    with browser_app.app_context():
        service = db.session.scalars(
            sa.select(Service).where(Service.external_id == "dudley-fc-brierley-hill")
        ).one()
        service_id, name, organisation_id = service.id, service.name, service.organization_id
        save_settings(service_id, True, ["name", "contact", "urgency"], "tests")
    practitioner = make_staff(browser_app, Role.PRACTITIONER, name="Prue Practitioner")
    provider = make_provider(browser_app, organisation_id)
    outside: list[str] = []

    sender = browser.new_page()
    block_other_hosts(sender, base_url, outside)
    sign_in(sender, browser_app, f"{base_url}/practitioners/services/{service_id}", practitioner)
    expect(sender.locator("h1")).to_have_text(name)
    sender.get_by_role("link", name=f"Send a request for support to {name}").click()
    expect(sender.locator("h1")).to_have_text(f"Request support from {name}")
    _axe_clean(sender, "the request form")
    sender.get_by_role("button", name="Send the request").click()
    expect(sender.locator(".govuk-error-summary")).to_contain_text(
        "Confirm the family agreed to the request"
    )
    _axe_clean(sender, "the request form with errors")
    sender.get_by_label("The family agreed to this request being sent").check()
    sender.get_by_label("Who gave consent").fill("The children’s father")
    sender.get_by_label("Date consent was given").fill(date.today().strftime("%d/%m/%Y"))
    sender.get_by_label("Spoken, in person or by phone").check()
    sender.get_by_label("What the family needs help with").select_option(index=1)
    sender.get_by_label("Where the family lives").select_option("brierley-hill")
    sender.get_by_label("The family’s name").fill("Amari Okonkwo")
    sender.get_by_label("How to contact the family").fill("07700 900123")
    sender.get_by_label("Within a week").check()
    sender.get_by_role("button", name="Send the request").click()
    expect(sender.locator("h1")).to_have_text("Request sent")
    with browser_app.app_context():
        reference = db.session.scalars(sa.select(SupportRequest.reference)).one()
    expect(sender.locator(".govuk-panel")).to_contain_text(reference)
    _axe_clean(sender, "the request sent")

    organisation = browser.new_page()
    block_other_hosts(organisation, base_url, outside)
    sign_in(organisation, browser_app, f"{base_url}/manage/requests/", provider)
    expect(organisation.locator("h1")).to_have_text("Requests for support received")
    _axe_clean(organisation, "the inbox")
    organisation.get_by_role("link", name=reference).click()
    expect(organisation.locator("main")).to_contain_text("Amari Okonkwo")
    expect(organisation.locator("main")).to_contain_text("The children’s father")
    _axe_clean(organisation, "a request received")
    organisation.get_by_label("Accept: we will contact the family").check()
    organisation.get_by_label("Reason").fill("We will phone on Monday.")
    organisation.get_by_role("button", name="Save decision").click()
    expect(organisation.locator(".govuk-notification-banner")).to_contain_text(
        f"Request {reference} accepted"
    )

    sender.get_by_role("link", name="Requests sent").click()
    expect(sender.locator("h1")).to_have_text("Requests you sent")
    row = sender.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Accepted")
    _axe_clean(sender, "the requests sent")
    sender.get_by_role("link", name=reference).click()
    expect(sender.locator("main")).to_contain_text("We will phone on Monday.")
    assert outside == []
