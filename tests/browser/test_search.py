"""Searching as a family would, in real headless Chromium, with JavaScript on and off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from tests.support.browser import block_other_hosts, serious_axe_violations


def _search_from_home(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("What are you looking for?").fill("stay and play")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url(re.compile(r"/find-support\?"))


def _count(page: Page) -> int:
    text = page.locator("#results-count").inner_text()
    return int(text.split()[0])


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_search_and_filter_from_the_home_page(
    browser: Browser, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    outside: list[str] = []
    block_other_hosts(page, base_url, outside)
    _search_from_home(page, base_url)
    assert re.fullmatch(r"\d+ results for ‘stay and play’", page.locator("h1").inner_text())
    before = _count(page)
    assert before > 0
    assert page.locator(".app-service-list__item").count() == min(before, 20)

    page.get_by_role("checkbox", name=re.compile(r"^Free \(\d+\)$")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"free=yes.*#results$"))
    after = _count(page)
    assert page.locator("h1").inner_text().endswith("for ‘stay and play’, free")
    assert 0 < after <= before
    assert page.get_by_role("checkbox", name=re.compile(r"^Free")).is_checked()
    assert outside == []
    context.close()


def test_results_page_passes_axe(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "/find-support?q=stay+and+play&need=parenting")
    assert serious_axe_violations(page) == []
    page.goto(base_url + "/find-support?kind=pantry&language=ku")
    assert "You could try" in page.content()
    assert serious_axe_violations(page) == []
    page.close()


def test_exit_this_page_leaves_on_three_shift_presses(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    block_other_hosts(page, base_url, requested)
    page.goto(base_url + "/find-support?need=domestic-abuse")
    assert page.locator(".govuk-exit-this-page").count() == 1
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(1500)
    assert requested and "bbc.co.uk" in requested[0]
    page.close()
