"""A family on a small phone (320 x 640), in real headless Chromium, with JavaScript on and off."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page

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
    back = page.get_by_role("link", name="Back to search results")
    back.click()
    page.wait_for_url(results)
    assert page.url == results


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
