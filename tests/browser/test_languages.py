"""A family reading Signpost in Polish, Urdu or Punjabi, in real headless Chromium.

An Urdu page at 320 px is right to left, never scrolls sideways, and keeps phone numbers
left to right; every language passes axe with JavaScript on and off. axe is itself
JavaScript, so "off" is the page as it is drawn without its scripts: the page's own
scripts are taken out of the HTML before the browser sees it (the same DOM a browser with
JavaScript off builds), and axe runs in the tab from the test.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.support.browser import block_other_hosts, serious_axe_violations

PHONE = {"width": 320, "height": 640}
LANGUAGES = ("pl", "ur", "pa")
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)


def _without_scripts(context: BrowserContext) -> None:
    """Serve every page with its scripts removed: the page as JavaScript-off browsers draw it."""

    def strip(route: Route) -> None:
        if route.request.resource_type != "document":
            route.continue_()
            return
        response = route.fetch()
        route.fulfill(response=response, body=_SCRIPT.sub("", response.text()))

    context.route("**/*", strip)


def _phone(browser: Browser, javascript: bool) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    if not javascript:
        _without_scripts(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways: {width}px"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_an_urdu_page_on_a_small_phone_is_right_to_left_and_fits(
    browser: Browser, base_url: str, javascript: bool
) -> None:
    context, page = _phone(browser, javascript)
    outside: list[str] = []
    block_other_hosts(page, base_url, outside)
    page.goto(f"{base_url}/find-support?q={quote('گھریلو تشدد')}&postcode=DY5&lang=ur")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ur"
    _no_sideways_scroll(page)
    phone = page.locator(".app-safety-panel a[href^='tel:']").first
    assert phone.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("body").evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The panel and the results are drawn from the right: the heading starts at the right.
    heading = page.locator("#results-count").bounding_box()
    assert heading["x"] + heading["width"] > PHONE["width"] - 40
    service = page.locator(".app-service-list__item a").first
    service.click()
    page.wait_for_url(re.compile(r"/services/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    _no_sideways_scroll(page)
    for link in page.locator("a[href^='tel:']").all():
        assert link.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.goto(f"{base_url}/?lang=ur")
    _no_sideways_scroll(page)
    assert outside == []
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_a_family_sees_passes_axe_in_each_language(
    browser: Browser, base_url: str, language: str, javascript: bool
) -> None:
    context, page = _phone(browser, javascript)
    words = {"pl": "przemoc domowa", "ur": "khana chahiye", "pa": "ਘਰੇਲੂ ਹਿੰਸਾ"}[language]
    paths = [
        f"/?lang={language}",
        f"/find-support?q={quote(words)}&postcode=DY1&lang={language}",
        f"/find-support?need=food&lang={language}",
        f"/privacy?lang={language}",
    ]
    for path in paths:
        page.goto(base_url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert serious_axe_violations(page) == [], path
        _no_sideways_scroll(page)
    page.goto(f"{base_url}/find-support?q=food&lang={language}")
    page.locator(".app-service-list__item a").first.click()
    page.wait_for_url(re.compile(r"/services/"))
    assert serious_axe_violations(page) == [], page.url
    context.close()


def test_a_family_switches_language_once_and_it_stays(browser: Browser, base_url: str) -> None:
    """JavaScript off, on a phone: choose Punjabi from the switcher, search in Punjabi,
    page through results and open a service: every page stays in Punjabi."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base_url + "/find-support?q=food")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("link", name="ਪੰਜਾਬੀ").click()
    assert page.locator("html").get_attribute("lang") == "pa"
    assert "/find-support?q=food" in page.url
    current = page.locator(".app-language-switcher [aria-current='true']")
    assert current.get_attribute("lang") == "pa"
    page.locator(".app-filter-panel__toggle").click()
    page.locator("#q").fill("ਖਾਣਾ")
    page.locator(".app-filter-panel__content button").first.click()
    page.wait_for_url(re.compile(r"/find-support\?"))
    assert page.locator("html").get_attribute("lang") == "pa"
    assert "ਖਾਣਾ" in page.locator(".app-understood").inner_text()
    next_page = page.locator(".govuk-pagination__next a")
    if next_page.count():
        next_page.click()
        assert page.locator("html").get_attribute("lang") == "pa"
    page.locator(".app-service-list__item a").first.click()
    assert page.locator("html").get_attribute("lang") == "pa"
    assert page.locator("h1").get_attribute("lang") == "en"
    context.close()
