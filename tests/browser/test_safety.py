"""A parent in danger, in real headless Chromium: the safety panel first, JavaScript on and off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from tests.support.browser import block_other_hosts, serious_axe_violations


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_a_safety_search_shows_how_to_get_safe_before_anything_else(
    browser: Browser, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    outside: list[str] = []
    block_other_hosts(page, base_url, outside)
    page.goto(base_url + "/find-support")
    page.get_by_label("What are you looking for?").fill("my partner hits me")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url(re.compile(r"/find-support\?"))

    panel = page.get_by_role("region", name=re.compile("Call 999"))
    assert panel.is_visible()
    assert panel.bounding_box()["y"] < 640, "the panel starts on the first phone screen"
    helpline = panel.get_by_role("link", name="0808 2000 247")
    assert helpline.get_attribute("href") == "tel:08082000247"
    first = page.locator(".app-service-list__item").first
    assert first.bounding_box()["y"] > panel.bounding_box()["y"]
    assert page.locator(".govuk-exit-this-page").count() == 1
    assert "Domestic abuse" in page.locator(".app-understood").inner_text()
    if javascript:  # axe runs as JavaScript in the page
        assert serious_axe_violations(page) == []
    assert outside == []
    context.close()


def test_taking_off_a_reading_searches_the_words_alone(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "/find-support?q=cannabis")
    tag = page.locator(".app-understood__tag").first
    assert "Drugs and alcohol" in tag.inner_text()
    tag.click()
    page.wait_for_url(re.compile(r"not=need"))
    assert page.locator(".app-understood").count() == 0
    assert serious_axe_violations(page) == []
    page.close()


def test_browse_safely_page_passes_axe(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "/browse-safely")
    assert page.locator("h1").inner_text() == "Browse safely"
    assert serious_axe_violations(page) == []
    page.close()
