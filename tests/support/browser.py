"""Real headless Chromium (Debian's package), driven by Playwright, and axe-core checks.

No browser is ever downloaded: Playwright drives ``/usr/bin/chromium``. When it is not
installed the tests fail and say how to install it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.support.staff import Staff, current_code

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SERIOUS_IMPACTS = {"serious", "critical"}


@contextmanager
def chromium() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Browser tests need Debian's Chromium: run `apt-get install chromium`.", pytrace=False
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def block_other_hosts(page: Page, base_url: str, attempts: list[str]) -> None:
    """Abort and record any request to a host other than the site under test."""
    own_host = urlsplit(base_url).netloc

    def handle(route, request):  # type: ignore[no-untyped-def]
        if urlsplit(request.url).netloc == own_host or request.url.startswith("data:"):
            route.continue_()
        else:
            attempts.append(request.url)
            route.abort()

    page.route("**/*", handle)


def serious_axe_violations(page: Page) -> list[str]:
    """Run axe-core (WCAG 2.2 A and AA rules) on the page; describe serious/critical failures."""
    if not AXE_SCRIPT.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make setup does).", pytrace=False)
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in SERIOUS_IMPACTS
    ]


def sign_in(page: Page, app: Flask, address: str, staff: Staff) -> None:
    """Open ``address`` (a staff page), and sign in there with password and security code."""
    page.goto(address)
    expect(page.locator("h1")).to_have_text("Sign in")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill(staff.password)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Enter your security code")
    page.get_by_label("Security code").fill(current_code(app, staff))
    page.get_by_role("button", name="Continue").click()
