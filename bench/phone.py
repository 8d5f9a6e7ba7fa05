"""Phone benchmark: what a family on a small phone downloads and how far they must go.

Drives headless Chromium (Debian's, never a downloaded one) at 320 x 640 over the home
page, a filtered results page, the Food and Domestic abuse topics and a service page, and
prints for each:

- bytes transferred and requests on a first view (empty cache) and a repeat view (the same
  address again, cache warm), and the JavaScript among them;
- the vertical position of the first result (the search box on the home page, the first
  phone number on a service page), in CSS pixels from the top of the page;
- how many Tab presses it takes from the top of the page to reach that element.

    .venv/bin/python bench/phone.py [--url http://127.0.0.1:5000]

Without ``--url`` it serves the app with the settings from the environment (the database
and index that ``make database`` builds) on a free local port. Targets (issue 7): first view
<= 60 KB, repeat view <= 12 KB, JavaScript <= 15 KB compressed, the first result <= 640 px
down on a filtered results page and <= 10 Tab presses away.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

VIEWPORT = {"width": 320, "height": 640}
FILTERED_RESULTS = "/find-support?q=stay+and+play&postcode=DY5&age=2&free=yes"
SERVICE_SEARCH = "/find-support?q=Brierley+Hill+Family+Centre"
FIRST_RESULT = ".app-service-list__item"
SEARCH_BOX = "input[name=q]"
PHONE_LINK = "a[href^='tel:']"
MAX_TABS = 300
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


@dataclass(frozen=True)
class View:
    bytes: int
    requests: int
    script_bytes: int
    status: int
    encoding: str


@dataclass(frozen=True)
class Reach:
    top: float | None
    tabs: int | None


class NetworkLog:
    """Counts what really crossed the network for one page view, from DevTools events."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self._types: dict[str, str] = {}
        self._cached: set[str] = set()
        self._sizes: dict[str, int] = {}
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": False})
        session.on("Network.responseReceived", self._response)
        session.on("Network.requestServedFromCache", self._from_cache)
        session.on("Network.loadingFinished", self._finished)

    def _response(self, event: dict[str, Any]) -> None:
        self._types[event["requestId"]] = event.get("type", "")
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            self._cached.add(event["requestId"])

    def _from_cache(self, event: dict[str, Any]) -> None:
        self._cached.add(event["requestId"])

    def _finished(self, event: dict[str, Any]) -> None:
        self._sizes[event["requestId"]] = int(event["encodedDataLength"])

    def clear(self) -> None:
        self._types.clear()
        self._cached.clear()
        self._sizes.clear()

    def totals(self) -> tuple[int, int, int]:
        fetched = {rid: size for rid, size in self._sizes.items() if rid not in self._cached}
        scripts = sum(size for rid, size in fetched.items() if self._types.get(rid) == "Script")
        return sum(fetched.values()), len(fetched), scripts


def view(page: Page, log: NetworkLog, url: str) -> View:
    log.clear()
    response = page.goto(url, wait_until="networkidle")
    assert response is not None, url
    total, requests, scripts = log.totals()
    encoding = response.headers.get("content-encoding", "none")
    return View(total, requests, scripts, response.status, encoding)


def reach(page: Page, selector: str) -> Reach:
    """Where ``selector`` first appears, and the Tab presses from the top to get into it."""
    target = page.locator(selector).first
    if target.count() == 0:
        return Reach(None, None)
    top = page.evaluate(
        "s => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector
    )
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement?.blur(); }")
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "s => { const el = document.querySelector(s);"
            " return !!el && el.contains(document.activeElement); }",
            selector,
        )
        if inside:
            return Reach(top, presses)
    return Reach(top, None)


def service_path(browser: Browser, base_url: str) -> str:
    page = browser.new_page()
    page.goto(base_url + SERVICE_SEARCH)
    href = page.locator("a[href^='/services/']").first.get_attribute("href")
    page.close()
    if not href:
        raise SystemExit("No service found: build the database first with `make database`.")
    return href.split("?")[0]


def measure(browser: Browser, base_url: str) -> list[tuple[str, View, View, Reach]]:
    pages = [
        ("home", "/", SEARCH_BOX),
        ("filtered results", FILTERED_RESULTS, FIRST_RESULT),
        ("Food topic", "/find-support?need=food", FIRST_RESULT),
        ("Domestic abuse topic", "/find-support?need=domestic-abuse", FIRST_RESULT),
        ("service page", service_path(browser, base_url), PHONE_LINK),
    ]
    rows = []
    for label, path, selector in pages:
        context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
        page = context.new_page()
        log = NetworkLog(context, page)
        first = view(page, log, base_url + path)
        position = reach(page, selector)
        repeat = view(page, log, base_url + path)
        rows.append((label, first, repeat, position))
        context.close()
    return rows


def report(rows: list[tuple[str, View, View, Reach]], base_url: str) -> str:
    lines = [
        f"Phone (320 x 640, headless Chromium) against {base_url}",
        "",
        f"{'page':22} {'status':>6} {'encoding':>8} {'first view':>20} {'repeat view':>20}"
        f" {'JS first':>9} {'target at':>10} {'tabs':>5}",
    ]
    for label, first, repeat, position in rows:
        top = f"{position.top:,.0f} px" if position.top is not None else "absent"
        tabs = str(position.tabs) if position.tabs is not None else "-"
        lines.append(
            f"{label:22} {first.status:>6} {first.encoding:>8}"
            f" {first.bytes / 1024:>8.1f} KB, {first.requests:>2} req"
            f" {repeat.bytes / 1024:>8.1f} KB, {repeat.requests:>2} req"
            f" {first.script_bytes / 1024:>6.1f} KB {top:>10} {tabs:>5}"
        )
    lines += [
        "",
        "target at: the first result; on the home page the search box; on a service page the"
        " first phone link.",
        "tabs: Tab presses from the top of the page until focus is inside that element.",
    ]
    return "\n".join(lines)


@contextmanager
def served_app() -> Iterator[str]:
    """The app from the environment's settings on a free local port, as the tests serve it."""
    from directory import create_app
    from tests.support.live_server import live_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with live_server(create_app()) as base_url:
        yield base_url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure a running site instead of serving one")
    args = parser.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        print("bench/phone.py needs Debian's Chromium: apt-get install chromium", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            if args.url:
                base_url = args.url.rstrip("/")
                print(report(measure(browser, base_url), base_url))
            else:
                with served_app() as base_url:
                    print(report(measure(browser, base_url), base_url))
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
