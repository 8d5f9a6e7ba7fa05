"""Landmarks and text spacing on a 320 px phone in real Chromium: every piece of content is
inside a landmark (axe's best-practice ``region`` rule), and under WCAG text spacing
(1.4.12) no page scrolls sideways (the accessibility statement's email address used to)."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page

from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus
from tests.browser.test_lists import _save_first_results
from tests.support.browser import AXE_SCRIPT

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
"""The WCAG 1.4.12 bookmarklet's spacing."""


def _outside_landmarks(page: Page) -> list[str]:
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'rule', values: ['region']}})"
    )
    return [str(node["target"]) for v in result["violations"] for node in v["nodes"]]


def _family_pages(page: Page, base_url: str, app: Flask) -> list[str]:
    """Addresses of the family pages a phone goes through (after saving to a list)."""
    with app.app_context():
        gone = db.session.scalars(
            sa.select(Service.id).where(
                Service.status == ServiceStatus.INACTIVE, Service.audience == Audience.PUBLIC
            )
        ).first()
    _save_first_results(page, base_url, "family+centre", 1)
    return [
        "/",
        "/find-support?q=stay+and+play&postcode=DY5&age=2&free=yes",
        "/find-support?q=my+partner+hits+me",
        f"/services/{gone}",
        "/my-list",
        "/my-list/clear",
        "/accessibility-statement",
        "/privacy",
        "/browse-safely",
        "/manage/sign-in",
    ]


def test_every_piece_of_content_is_inside_a_landmark(
    browser: Browser, base_url: str, browser_app: Flask
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    for address in _family_pages(page, base_url, browser_app):
        page.goto(base_url + address)
        problems += [f"{address}: {target}" for target in _outside_landmarks(page)]
    # A service page reached from results, with its back link.
    page.goto(base_url + "/find-support?q=family+centre")
    page.locator(".app-service-list__item h3 a").first.click()
    page.wait_for_url(re.compile("/services/"))
    assert page.get_by_role("link", name="Back to search results").is_visible()
    problems += [f"service: {target}" for target in _outside_landmarks(page)]
    assert problems == []
    context.close()


def test_text_spacing_never_makes_a_page_scroll_sideways(
    browser: Browser, base_url: str, browser_app: Flask
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    overflowing = []
    addresses = _family_pages(page, base_url, browser_app)
    page.goto(base_url + "/find-support?q=family+centre")
    addresses.append(page.locator(".app-service-list__item h3 a").first.get_attribute("href"))
    for address in addresses:
        page.goto(base_url + address)
        page.add_style_tag(content=TEXT_SPACING)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > PHONE["width"]:
            overflowing.append(f"{address}: {wide} px wide")
    assert overflowing == []
    context.close()
