"""The home page in real headless Chromium: accessible, and nothing fetched from elsewhere."""

from __future__ import annotations

import re

from playwright.sync_api import Browser

from tests.support.browser import block_other_hosts, serious_axe_violations


def test_home_page_passes_axe_and_loads_nothing_from_other_sites(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page()
    outside_requests: list[str] = []
    console_errors: list[str] = []
    block_other_hosts(page, base_url, outside_requests)
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    response = page.goto(base_url + "/")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == "Find help and activities for your family"
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert serious_axe_violations(page) == []
    assert outside_requests == []
    assert console_errors == []
    page.close()


def test_browse_by_need_works_with_javascript_off(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    page.get_by_role("link", name="Food", exact=True).click()
    assert re.fullmatch(r"\d+ results for Food", page.locator("h1").inner_text())
    assert page.get_by_label("Food (", exact=False).is_checked()
    page.locator(".app-service-list__item a").first.click()
    assert page.locator("h2", has_text="How to get help").count() == 1
    context.close()


def test_need_and_service_pages_pass_axe(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "/find-support?need=domestic-abuse")
    assert serious_axe_violations(page) == []
    page.locator(".app-service-list__item a").first.click()
    assert page.locator("h2", has_text="How to get help").count() == 1
    assert serious_axe_violations(page) == []
    page.close()
