"""The quick contact form in real Chromium: how far the phone field is by keyboard, "add
another" in the page (focus moved, announced, removable) and without JavaScript, and
Enter in a field saving rather than pressing a row's button."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from directory.extensions import db
from directory.models import Role, Service
from tests.browser.test_staff import staff_app, staff_url
from tests.support.browser import block_other_hosts, serious_axe_violations, sign_in
from tests.support.staff import make_staff

__all__ = ["staff_app", "staff_url"]

MOST_TAB_STOPS = 20
"""The phone field is this many Tab presses from the top of the page at most (the staff
header's links come first; on the one-page form it was 78)."""


def _listing(app: Flask) -> tuple[str, list[str]]:
    with app.app_context():
        service = db.session.scalars(
            sa.select(Service).where(Service.external_id == "dudley-fc-halesowen")
        ).one()
        found = service.id, sorted(phone.number for phone in service.phones)
        db.session.rollback()
    return found


def _tab_stops_to(page: Page, element_id: str) -> int:
    for presses in range(1, 200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return presses
    raise AssertionError(f"{element_id} is not reached by Tab")


def _focused(page: Page) -> str:
    return page.evaluate("document.activeElement.id")


def test_add_another_in_the_page_moves_focus_announces_and_saves(
    browser: Browser, staff_app: Flask, staff_url: str
) -> None:
    service_id, phones = _listing(staff_app)
    form = f"{staff_url}/manage/listings/{service_id}/change/contact-details"
    page = browser.new_page()
    outside: list[str] = []
    block_other_hosts(page, staff_url, outside)
    sign_in(page, staff_app, form, make_staff(staff_app, Role.EDITOR, name="Kay Board"))
    expect(page.locator("h1")).to_have_text("Change contact details")
    assert serious_axe_violations(page) == []

    page.reload()
    stops = _tab_stops_to(page, "phone-0-number")
    print(f"Tab stops to the phone field on the contact form: {stops}")
    assert stops <= MOST_TAB_STOPS

    rows = max(1, len(phones))
    first = page.locator("#phone-0-number").input_value()
    page.get_by_role("button", name="Add another phone number").focus()
    page.keyboard.press("Enter")
    assert _focused(page) == f"phone-{rows}-number"
    expect(page.get_by_role("group", name=f"Phone number {rows + 1}")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(f"Phone number {rows + 1} added")
    page.keyboard.type("0300 123 4567")
    assert serious_axe_violations(page) == []

    page.get_by_role("button", name="Remove Phone number 1", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Phone number 1 removed")
    assert _focused(page) == "phone-1-number", "focus on the row that took its place"
    expect(page.locator(".app-add-another__item")).to_have_count(rows)
    expect(page.get_by_role("group", name=f"Phone number {rows}")).to_be_visible()

    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_contain_text("Contact details updated")
    _, saved = _listing(staff_app)
    assert saved == sorted([*(p for p in phones if p != first), "0300 123 4567"])

    # Enter in a field saves the form; it never presses a row's Remove button.
    page.goto(form)
    page.get_by_label("Email address (optional)").press("Enter")
    expect(page.get_by_text("Nothing was changed.")).to_be_visible()
    assert _listing(staff_app)[1] == saved
    assert outside == []
    page.close()


def test_add_another_without_javascript_sends_the_form_and_saves_nothing(
    browser: Browser, staff_app: Flask, staff_url: str
) -> None:
    service_id, phones = _listing(staff_app)
    form = f"{staff_url}/manage/listings/{service_id}/change/contact-details"
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, staff_app, form, make_staff(staff_app, Role.EDITOR, name="No Script"))
    rows = page.locator(".app-add-another__item")
    expect(rows).to_have_count(max(1, len(phones)))
    page.get_by_role("button", name="Add another phone number").click()
    expect(rows).to_have_count(max(1, len(phones)) + 1)
    expect(page.locator("h1")).to_have_text("Change contact details")
    assert _listing(staff_app)[1] == phones
    context.close()
