"""Practitioners' words in real Chromium: a level and a place typed in the search box tick
their filters, the page says what it read, and unticking one sets it aside; with
JavaScript on and off (with it on, every page passing axe)."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def words_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    from directory.demo.loader import load_demo

    directory: Path = tmp_path_factory.mktemp("practitioner-words-browser")
    app = migrated_app(config_for_tests(f"sqlite:///{directory / 'signpost.db'}", directory))
    with app.app_context():
        load_demo(app.extensions["council"])
        app.extensions["search"].rebuild()
    return app


@pytest.fixture(scope="module")
def words_url(words_app: Flask) -> Iterator[str]:
    with live_server(words_app) as url:
        yield url


def _search(page: Page, words: str) -> None:
    page.get_by_label("What are you looking for?").fill(words)
    page.get_by_role("button", name="Search", exact=True).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_typed_level_and_place_tick_their_filters_and_unticking_sets_one_aside(
    browser: Browser, words_app: Flask, words_url: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    outside: list[str] = []
    block_other_hosts(page, words_url, outside)
    person = make_staff(words_app, Role.PRACTITIONER, name="Pat Practitioner")
    sign_in(page, words_app, words_url + "/practitioners", person)

    _search(page, "level 2 parenting Brierley Hill")
    heading = page.locator("h1")
    expect(heading).to_contain_text("for ‘parenting’")
    expect(heading).to_contain_text("in Brierley Hill")
    read = page.locator(".app-words-read")
    expect(read).to_contain_text("Level of need: Early Help (from ‘level 2’)")
    expect(read).to_contain_text("Area: Brierley Hill")
    area = page.get_by_role("group", name="Area").get_by_label("Brierley Hill")
    expect(area).to_be_checked()
    level = page.get_by_role("group", name="Level of need").get_by_label("Early Help: extra help")
    expect(level).to_be_checked()
    assert not javascript or serious_axe_violations(page) == []  # axe runs as a script

    area.uncheck()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".app-words-read")).not_to_contain_text("Area: Brierley Hill")
    expect(page.locator(".app-words-read")).to_contain_text("Level of need: Early Help")
    expect(page.locator("h1")).to_contain_text("‘parenting Brierley Hill’")
    expect(page.get_by_role("group", name="Area").get_by_label("Brierley Hill")).not_to_be_checked()

    page.locator(".app-words-read").get_by_role("link", name="Level of need: Early Help").click()
    expect(page.locator(".app-words-read")).to_have_count(0)
    expect(page.locator("h1")).to_contain_text("‘level 2 parenting Brierley Hill’")
    assert not javascript or serious_axe_violations(page) == []  # axe runs as a script
    assert outside == []
    context.close()
