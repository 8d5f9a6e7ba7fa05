"""In real Chromium, axe-clean: a provider updates their own listing and an editor approves
it (the journey the council should be able to do in under a minute)."""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, expect

from directory.extensions import db
from directory.models import Role, Service
from tests.browser.test_staff import staff_app, staff_url
from tests.support.browser import block_other_hosts, serious_axe_violations, sign_in
from tests.support.staff import make_provider, make_staff

__all__ = ["staff_app", "staff_url"]

NEW_SUMMARY = "Stay and play, baby massage and advice for families in Halesowen."


def _listing(app: Flask) -> tuple[str, str]:
    with app.app_context():
        service = db.session.scalars(
            sa.select(Service).where(Service.external_id == "dudley-fc-halesowen")
        ).one()
        found = service.id, service.organization_id
        db.session.rollback()
    return found


def _axe_clean(page, where: str) -> None:  # type: ignore[no-untyped-def]
    violations = serious_axe_violations(page)
    assert violations == [], f"{where}: {violations}"


def test_a_provider_updates_their_listing_and_an_editor_approves_it(
    browser: Browser, staff_app: Flask, staff_url: str
) -> None:
    service_id, organisation = _listing(staff_app)
    provider = make_provider(staff_app, organisation)
    editor = make_staff(staff_app, Role.EDITOR, name="Eve Editor")
    outside: list[str] = []
    started = time.monotonic()

    page = browser.new_page()
    block_other_hosts(page, staff_url, outside)
    sign_in(page, staff_app, f"{staff_url}/manage/organisation/", provider)
    expect(page.locator("h1")).to_have_text("Your organisation’s listings")
    _axe_clean(page, "provider home")
    page.get_by_role("link", name="Halesowen Family Centre").click()
    _axe_clean(page, "provider listing")
    page.get_by_role("link", name="View requests for support").click()
    expect(page.get_by_text("An editor at the council sets whether")).to_be_visible()
    _axe_clean(page, "request settings, read-only")
    page.get_by_role("link", name="Back to the listing").click()
    page.get_by_role("button", name="Propose changes").click()
    expect(page.locator("h1")).to_contain_text("Propose changes to")
    _axe_clean(page, "provider form")
    page.get_by_label("Summary (optional)").fill(NEW_SUMMARY)
    page.get_by_role("button", name="Send changes for approval").click()
    expect(page.get_by_text("Your changes are sent to the council’s editors.")).to_be_visible()
    expect(page.get_by_text("Waiting for an editor")).to_be_visible()
    _axe_clean(page, "provider listing with a change waiting")

    other = browser.new_page()
    block_other_hosts(other, staff_url, outside)
    sign_in(other, staff_app, f"{staff_url}/manage/proposals/", editor)
    expect(other.locator("h1")).to_have_text("Changes proposed by organisations")
    _axe_clean(other, "proposals queue")
    other.get_by_role("link", name="Halesowen Family Centre").click()
    expect(other.get_by_role("cell", name=NEW_SUMMARY)).to_be_visible()
    _axe_clean(other, "proposal")
    other.get_by_role("button", name="Approve").click()
    expect(other.get_by_text("Approved: families see the change now.")).to_be_visible()
    elapsed = time.monotonic() - started

    page.reload()
    expect(page.get_by_text("Approved", exact=True)).to_be_visible()
    with staff_app.app_context():
        assert db.session.get(Service, service_id).summary == NEW_SUMMARY
        db.session.rollback()
    assert outside == []
    print(f"A provider's change proposed and approved in {elapsed:.1f} s of browser time")
    assert elapsed < 60
