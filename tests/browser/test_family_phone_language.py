"""The compact language control of results pages, on a 320 x 640 phone in real Chromium,
with JavaScript on and off (a <details>: nothing of it needs a script)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from bench.phone import reach
from tests.browser.test_phone import FILTERED, PHONE, Phone


@pytest.fixture(params=[True, False], ids=["javascript-on", "javascript-off"])
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Phone]:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=request.param
    )
    yield Phone(context.new_page(), request.param)
    context.close()


def test_results_pages_offer_every_language_in_one_tab_stop(phone: Phone, base_url: str) -> None:
    page = phone.page
    page.goto(base_url + FILTERED)
    heading = page.locator("h1").inner_text()
    toggle = page.locator("header .app-language-menu summary")

    assert toggle.count() == 1
    assert phone.bottom("header .app-language-menu summary") <= PHONE["height"]
    box = phone.box("header .app-language-menu summary")
    assert box["width"] >= 44 and box["height"] >= 44  # a target a thumb can hit
    assert reach(page, ".app-service-list__item").tabs <= 10
    menu = page.locator("header .app-language-menu")
    assert not menu.get_by_role("link", name="Polski").is_visible()

    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the council's name
    while not page.evaluate("document.activeElement.tagName === 'SUMMARY'"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    polish = menu.get_by_role("link", name="Polski")
    assert polish.is_visible()
    assert page.locator("header .app-language-menu [aria-current=true]").inner_text() == "English"
    for name in ("Polski", "اردو", "ਪੰਜਾਬੀ"):
        link = menu.get_by_role("link", name=name)
        link_box = link.bounding_box()
        assert link_box is not None and link_box["x"] >= 0
        assert link_box["x"] + link_box["width"] <= PHONE["width"]
    phone.check_accessibility()

    polish.click()
    page.wait_for_url(re.compile(r"/find-support\?"))
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("h1").inner_text() != heading
    assert "stay and play" in page.locator("h1").inner_text()
    assert page.locator(".app-service-list__item").count() > 0
    assert reach(page, ".app-service-list__item").tabs <= 10
    phone.check_accessibility()


def test_other_family_pages_keep_the_language_link(phone: Phone, base_url: str) -> None:
    phone.page.goto(base_url + "/")
    assert phone.page.locator("header a.app-header-language").count() == 1
    assert phone.page.locator("header .app-language-menu").count() == 0
