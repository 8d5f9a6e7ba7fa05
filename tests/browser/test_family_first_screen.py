"""The answer on the first screen: on a 320 x 640 phone, in real Chromium with JavaScript on
and off, a filtered results page shows the first card's name, where, when it is next open
and its phone number without scrolling, and hides nothing to do it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.test_phone import FILTERED, PHONE, Phone

FILTERED_PAGES = (
    FILTERED,  # a reading and two filters: "Early years and childcare ✕", "Free ✕", "2 years old ✕"
    "/find-support?need=food&postcode=DY1+1AE&free=yes&age=3",  # a first card with a phone
    "/find-support?q=parenting&postcode=DY8+1XF&age=5&free=yes",
)
KEY_FACTS = ("Where", "When", "Phone")


@pytest.fixture(params=[True, False], ids=["javascript-on", "javascript-off"])
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Phone]:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=request.param
    )
    yield Phone(context.new_page(), request.param)
    context.close()


@pytest.mark.parametrize("address", FILTERED_PAGES)
def test_the_first_cards_answer_is_on_the_first_screen(
    phone: Phone, base_url: str, address: str
) -> None:
    page = phone.page
    page.goto(base_url + address)
    assert page.evaluate("window.scrollY") == 0
    card = page.locator(".app-service-list__item").first
    bottoms = {"name": _bottom(card.locator("h3"))}
    for row in card.locator(".app-facts__row").all():
        label = row.locator("dt").inner_text()
        if label in KEY_FACTS:
            bottoms[label] = _bottom(row)
    assert {"name", "Where"} <= set(bottoms), bottoms
    assert all(bottom <= PHONE["height"] for bottom in bottoms.values()), bottoms

    # Nothing is hidden to get there: the heading, the panel, every tag, the sort and the
    # card's summary are all shown, and the tags keep a target a finger can hit.
    for selector in ("h1", ".app-filter-panel__toggle", ".app-sort"):
        assert page.locator(selector).is_visible(), selector
    for tag in page.locator(".app-applied__tag, .app-understood__tag").all():
        box = tag.bounding_box()
        assert tag.is_visible() and box is not None and box["height"] >= 24
    summary = card.locator("p[lang=en]").last
    assert summary.count() == 0 or summary.is_visible()
    phone.check_accessibility()


def _bottom(locator) -> float:  # type: ignore[no-untyped-def]
    box = locator.bounding_box()
    assert box is not None
    return box["y"] + box["height"]
