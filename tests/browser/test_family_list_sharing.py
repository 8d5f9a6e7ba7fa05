"""Sharing a list from a 320 x 640 phone in real Chromium: the link and QR code near the
top, "Copy link", the phone's own share sheet where the browser has one, the link and QR
code on the printout, and "Clear the list" asking first, with JavaScript on and off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.test_lists import _axe_clean, _decoded_qr, _pdf_text, _save_first_results

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
RECORD_SHARE = """
window.__shared = [];
Object.defineProperty(navigator, "share", {
  configurable: true,
  value: async (data) => { window.__shared.push(data); },
});
"""
"""The phone's share sheet, which headless Chromium on Linux does not have: the page's
script is what is under test, so the sheet only records what it was given."""


def _phone(browser: Browser, javascript: bool = True) -> BrowserContext:
    return browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )


def _top(page: Page, selector: str) -> float:
    return page.evaluate(
        "s => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector
    )


def test_a_list_is_shared_in_two_taps_from_near_the_top(browser: Browser, base_url: str) -> None:
    context = _phone(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    context.add_init_script(RECORD_SHARE)
    page = context.new_page()
    _save_first_results(page, base_url, "family+centre", 2)
    page.goto(f"{base_url}/my-list")

    link = page.locator(".app-share__link a").inner_text()
    assert re.fullmatch(rf"{re.escape(base_url)}/my-list\?s=[A-Za-z0-9_.-]+&lang=en", link)
    assert _top(page, ".app-share__link") < PHONE["height"]
    assert _top(page, ".app-share__qr") < _top(page, ".app-list-entry")
    assert _decoded_qr(page) == link
    _axe_clean(page, "my list at 320 px")

    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status").filter(has_text="Link copied")).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()") == link

    page.get_by_role("button", name="Share", exact=True).click()
    page.wait_for_function("window.__shared.length === 1")
    shared = page.evaluate("window.__shared[0]")
    assert shared["url"] == link and shared["title"]

    text, _ = _pdf_text(page)
    assert link in re.sub(r"\s+", "", text), "the printout carries the link"
    assert "Copy link" not in text and "Clear the list" not in text
    context.close()


def test_without_a_share_sheet_or_javascript_the_link_and_code_are_there(
    browser: Browser, base_url: str
) -> None:
    context = _phone(browser)
    page = context.new_page()
    _save_first_results(page, base_url, "parenting", 1)
    page.goto(f"{base_url}/my-list")
    if page.evaluate("typeof navigator.share") != "function":
        expect(page.get_by_role("button", name="Share", exact=True)).to_be_hidden()
    context.close()

    context = _phone(browser, javascript=False)
    page = context.new_page()
    _save_first_results(page, base_url, "parenting", 1)
    page.goto(f"{base_url}/my-list")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(page.get_by_role("button", name="Share", exact=True)).to_be_hidden()
    expect(page.locator(".app-share__link a")).to_be_visible()
    expect(page.locator(".app-share__qr")).to_be_visible()
    context.close()


def test_clear_the_list_asks_first_with_javascript_off(browser: Browser, base_url: str) -> None:
    context = _phone(browser, javascript=False)
    page = context.new_page()
    names = _save_first_results(page, base_url, "parenting", 1)
    page.goto(f"{base_url}/my-list")

    page.get_by_role("button", name="Clear the list").click()
    expect(page.locator("h1")).to_have_text("Clear your list?")
    expect(page.get_by_text("This takes the 1 service off your list")).to_be_visible()
    page.get_by_role("link", name="No, keep my list").click()
    expect(page.get_by_role("heading", name=names[0], exact=True)).to_be_visible()

    page.get_by_role("button", name="Clear the list").click()
    page.get_by_role("button", name="Yes, clear the list").click()
    expect(page.get_by_text("Your list has been cleared.")).to_be_visible()
    expect(page.get_by_text("Your list is empty.")).to_be_visible()

    page.goto(f"{base_url}/my-list/clear")
    expect(page.locator("h1")).to_have_text("My list")  # nothing to clear: back to the list
    context.close()
