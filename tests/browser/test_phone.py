"""A family on a small phone (320 x 640), in real headless Chromium, with JavaScript on and off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page

from bench.phone import reach
from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus
from tests.support.browser import serious_axe_violations

PHONE = {"width": 320, "height": 640}


@dataclass(frozen=True)
class Phone:
    page: Page
    javascript: bool

    def box(self, selector: str) -> dict[str, float]:
        box = self.page.locator(selector).first.bounding_box()
        assert box is not None, selector
        return box

    def bottom(self, selector: str) -> float:
        box = self.box(selector)
        return box["y"] + box["height"]

    def check_accessibility(self) -> None:
        """axe runs in the page, so only with JavaScript on."""
        if self.javascript:
            assert serious_axe_violations(self.page) == []


@pytest.fixture(params=[True, False], ids=["javascript-on", "javascript-off"])
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Phone]:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=request.param
    )
    yield Phone(context.new_page(), request.param)
    context.close()


def test_home_page_search_box_and_button_are_on_the_first_screen(
    phone: Phone, base_url: str
) -> None:
    phone.page.goto(base_url + "/")

    assert phone.bottom("input[name=q]") <= PHONE["height"]
    assert phone.bottom("form[role=search] button") <= PHONE["height"]
    phone.check_accessibility()


def test_demonstration_banner_is_one_short_line(phone: Phone, base_url: str) -> None:
    phone.page.goto(base_url + "/")

    text = phone.box(".govuk-phase-banner__text")
    tag = phone.box(".govuk-phase-banner .govuk-tag")
    assert text["height"] <= tag["height"] * 1.2, "the banner text wraps onto a second line"
    assert abs(text["y"] - tag["y"]) < tag["height"], "the text should sit beside the tag"


def test_result_cards_say_where_when_and_give_a_phone_link(phone: Phone, base_url: str) -> None:
    phone.page.goto(base_url + "/find-support?kind=family_centre")

    card = phone.page.locator(".app-service-list__item").first
    facts = card.locator(".app-facts")
    assert facts.locator("dt", has_text="Where").count() == 1
    assert facts.locator("dt", has_text="When").count() == 1
    call = facts.locator("a[href^='tel:']")
    assert call.count() == 1
    assert call.is_visible()
    box = call.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    phone.check_accessibility()


def test_service_page_leads_with_the_phone_and_goes_back_to_the_exact_results(
    phone: Phone, base_url: str
) -> None:
    results = base_url + "/find-support?q=family+centre&kind=family_centre"
    page = phone.page
    page.goto(results)
    page.locator(".app-service-list__item h3 a").first.click()
    page.wait_for_url("**/services/**")

    assert phone.bottom(".app-key-facts a[href^='tel:']") <= PHONE["height"]
    phone.check_accessibility()
    opened = page.url.rsplit("/", 1)[1]
    back = page.get_by_role("link", name="Back to search results")
    back.click()
    page.wait_for_url(f"{results}#result-{opened}")


def test_a_gone_listing_is_a_readable_page_that_leads_on(
    phone: Phone, base_url: str, browser_app: Flask
) -> None:
    with browser_app.app_context():
        gone = db.session.scalars(
            sa.select(Service.id).where(
                Service.status == ServiceStatus.INACTIVE, Service.audience == Audience.PUBLIC
            )
        ).first()
    assert gone is not None

    response = phone.page.goto(f"{base_url}/services/{gone}")

    assert response is not None and response.status == 410
    assert "is no longer listed" in phone.page.locator("h1").inner_text()
    calls = phone.page.locator("main a[href^='tel:']").count()
    similar_calls = phone.page.locator(".app-service-list a[href^='tel:']").count()
    assert calls - similar_calls == 1  # the council's help line, never the gone listing's
    phone.check_accessibility()
    phone.page.locator(".app-service-list__item h3 a").first.click()
    phone.page.wait_for_url("**/services/**")
    assert phone.page.locator(".app-key-facts").count() == 1


def test_accessibility_statement_reads_on_a_phone(phone: Phone, base_url: str) -> None:
    phone.page.goto(base_url + "/accessibility-statement")

    email = phone.page.locator("main a[href^='mailto:']").first
    assert email.is_visible()
    box = email.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    phone.check_accessibility()


FILTERED = "/find-support?q=stay+and+play&postcode=DY5&age=2&free=yes"
DESKTOP = {"width": 1024, "height": 768}


def test_results_come_first_with_filters_applied(phone: Phone, base_url: str) -> None:
    page = phone.page
    page.goto(base_url + FILTERED)

    heading = page.locator("h1").inner_text()
    assert re.fullmatch(
        r"\d+ results for ‘stay and play’ within 3 miles of DY5, free, for 2 year olds", heading
    )
    assert phone.box(".app-service-list__item")["y"] < PHONE["height"] - 40
    tags = page.locator(".app-applied__tag")
    assert [" ".join(tags.nth(i).inner_text().split()[:3]) for i in range(tags.count())] == [
        "Free ✕ (remove",
        "2 years old",
    ]
    assert page.get_by_role("link", name="Clear filters").is_visible()
    assert page.get_by_role("link", name="Nearest first").is_visible()
    panel = page.locator("details.app-filter-panel")
    assert panel.get_attribute("open") is None, "the panel is folded on a phone"
    assert "2 filters applied" in page.locator(".app-filter-panel__toggle").inner_text()
    assert not page.get_by_label("What are you looking for?").is_visible()
    phone.check_accessibility()


def test_taking_off_a_filter_tag_keeps_the_rest(phone: Phone, base_url: str) -> None:
    page = phone.page
    page.goto(base_url + FILTERED)
    page.get_by_role("link", name=re.compile(r"^2 years old")).click()
    page.wait_for_url(re.compile(r"free=yes"))
    assert "age=" not in page.url
    assert page.locator("h1").inner_text().endswith("within 3 miles of DY5, free")
    assert page.locator(".app-applied__tag").count() == 1
    phone.check_accessibility()


def test_applying_filters_from_the_folded_panel_lands_on_the_results(
    phone: Phone, base_url: str
) -> None:
    page = phone.page
    page.goto(base_url + FILTERED)
    page.locator(".app-filter-panel__toggle").click()
    monday = page.get_by_role("checkbox", name=re.compile(r"^Monday \(\d+\)$"))
    assert monday.is_visible()
    phone.check_accessibility()  # the open panel, too
    monday.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"day=MO.*#results$"))

    assert page.evaluate("window.scrollY") > 0, "the page should land on the results"
    assert abs(phone.box("h1")["y"]) < 30, "the heading should be at the top of the screen"
    top = phone.box(".app-service-list__item")["y"]
    assert top < PHONE["height"], "the first result should be on the screen landed on"
    assert page.locator("details.app-filter-panel").get_attribute("open") is None
    assert "3 filters applied" in page.locator(".app-filter-panel__toggle").inner_text()


def test_a_keyboard_reaches_the_first_result_in_a_handful_of_presses(
    phone: Phone, base_url: str
) -> None:
    phone.page.goto(base_url + FILTERED)
    assert reach(phone.page, ".app-service-list__item").tabs <= 10


def test_back_from_a_service_returns_to_the_card_opened_on_the_same_page(
    phone: Phone, base_url: str
) -> None:
    page = phone.page
    results = base_url + "/find-support?q=stay+and+play&postcode=DY5&age=2&page=2"
    page.goto(results)
    heading = page.locator("h1").inner_text()
    cards = page.locator(".app-service-list__item")
    assert cards.count() >= 4
    opened = cards.nth(3).locator("h3 a")
    card_id = opened.get_attribute("id")
    opened.click()
    page.wait_for_url("**/services/**")
    page.get_by_role("link", name="Back to search results").click()
    page.wait_for_url(re.compile(r"/find-support\?"))
    assert page.url == f"{results}#{card_id}"
    assert page.locator("h1").inner_text() == heading
    # The card opened is on the screen, its name at the top, not the top of the page.
    box = phone.box(f"#{card_id}")
    assert page.evaluate("window.scrollY") > 0
    assert -1 <= box["y"] < PHONE["height"] / 2
    # And the next Tab press stays in that card, not back at the top of the page.
    page.keyboard.press("Tab")
    card = f"document.getElementById({card_id!r}).closest('li')"
    assert page.evaluate(f"{card}.contains(document.activeElement)")


def test_zero_results_and_did_you_mean_read_on_a_phone(phone: Phone, base_url: str) -> None:
    page = phone.page
    page.goto(base_url + "/find-support?kind=pantry&language=ku&postcode=DY8+1XF")
    assert page.locator("h1").inner_text().startswith("No results for Community pantry")
    assert page.get_by_role("link", name="Without Kurdish").is_visible()
    phone.check_accessibility()
    page.goto(base_url + "/find-support?q=parnting")
    assert page.locator("h1").inner_text().endswith("results for ‘parenting’")
    assert page.title().startswith(page.locator("h1").inner_text())
    instead = page.get_by_role("link", name="Search instead for ‘parnting’")
    assert instead.is_visible()
    phone.check_accessibility()
    instead.click()
    page.wait_for_url(re.compile(r"as_typed=yes"))
    assert page.locator("h1").inner_text() == "No results for ‘parnting’"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_on_a_desktop_the_panel_is_open_beside_the_results_and_can_be_skipped(
    browser: Browser, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base_url + FILTERED)

    words = page.get_by_label("What are you looking for?")
    assert words.is_visible()
    assert not page.locator(".app-filter-panel__toggle").is_visible()
    first = page.locator(".app-service-list__item").first.bounding_box()
    assert first is not None and first["x"] > words.bounding_box()["x"] + 200
    if javascript:
        assert page.locator("details.app-filter-panel").get_attribute("open") is not None
        assert serious_axe_violations(page) == []
    skip = page.get_by_role("link", name="Skip to results")
    for _ in range(20):
        page.keyboard.press("Tab")
        if skip.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Skip to results is not in the keyboard's path")
    assert skip.is_visible(), "the skip link shows when it has focus"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.querySelector('.app-service-list__item').contains(document.activeElement)"
    )
    context.close()
