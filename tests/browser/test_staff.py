"""Staff pages in real Chromium: sign in with a one-time code, fix a listing a family
reported, see the fix in the public search, and every staff page passes axe."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from directory.extensions import db
from directory.listings.editing import listing_version, mark_checked
from directory.models import ImportBatch, ProblemReport, Role, Service
from tests.conftest import SEARCHABLE_DEMO
from tests.support.apps import config_for_tests, migrated_app
from tests.support.browser import block_other_hosts, serious_axe_violations, sign_in
from tests.support.databases import fresh_database
from tests.support.live_server import live_server
from tests.support.staff import Staff, current_code, make_staff


@pytest.fixture(scope="module")
def staff_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The demo directory with Black Country postcodes (editors' venues are placed from them)."""
    directory: Path = tmp_path_factory.mktemp("staff-browser")
    with fresh_database("sqlite", directory, like=SEARCHABLE_DEMO) as url:
        yield migrated_app(config_for_tests(url, directory))


@pytest.fixture(scope="module")
def staff_url(staff_app: Flask) -> Iterator[str]:
    with live_server(staff_app) as url:
        yield url


def _sign_in(page: Page, app: Flask, url: str, staff: Staff) -> None:
    sign_in(page, app, url + "/manage/", staff)
    expect(page.locator("h1")).to_have_text("Staff pages")


def _axe_clean(page: Page, where: str) -> None:
    assert page.evaluate("document.documentElement.lang") == "en", where
    violations = serious_axe_violations(page)
    assert violations == [], f"{where}: {violations}"


def test_an_editor_fixes_a_reported_listing_and_families_find_the_fix(
    browser: Browser, staff_app: Flask, staff_url: str
) -> None:
    with staff_app.app_context():
        service_id, name = db.session.execute(
            sa.select(Service.id, Service.name).where(
                Service.external_id == "dudley-fc-brierley-hill"
            )
        ).one()
    family = browser.new_page()
    family.goto(f"{staff_url}/services/{service_id}")
    family.get_by_role("link", name="Report a problem with this page").click()
    family.get_by_label("What is wrong with this page?").fill("The summary is out of date.")
    family.get_by_role("button", name="Send report").click()
    expect(family.locator("h1")).to_have_text("Thank you for your report")

    editor = make_staff(staff_app, Role.EDITOR, name="Edie Tor")
    page = browser.new_page()
    outside: list[str] = []
    block_other_hosts(page, staff_url, outside)
    _sign_in(page, staff_app, staff_url, editor)
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name=name).first.click()
    page.get_by_role("link", name=f"Edit {name}").click()
    page.get_by_label("Summary (optional)").fill("Stay and play, baby clinics and advice: quokka.")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Your changes are saved and families can see them now.").wait_for()
    assert outside == []

    family.goto(f"{staff_url}/find-support?q=quokka")
    assert family.locator(".app-service-list__item", has_text=name).count() == 1
    family.close()
    page.close()


def test_every_staff_page_passes_axe(browser: Browser, staff_app: Flask, staff_url: str) -> None:
    admin = make_staff(staff_app, Role.ADMIN, name="Ada Admin")
    with staff_app.app_context():
        service_id = db.session.scalars(
            sa.select(Service.id).where(Service.external_id == "dudley-fc-halesowen")
        ).one()
        batch_id = db.session.scalars(sa.select(ImportBatch.id)).first()
        report = ProblemReport(service_id=service_id, what_is_wrong="Wrong phone number")
        db.session.add(report)
        db.session.commit()
        report_id = report.id
        checked = mark_checked(
            db.session.get_one(Service, service_id),
            version=listing_version(service_id),
            actor=admin.email,
            council=staff_app.extensions["council"],
        )
        assert checked.saved
        review_id = db.session.scalars(
            sa.select(ImportBatch.id).where(ImportBatch.kind == "review")
        ).one()
    page = browser.new_page()
    page.goto(staff_url + "/manage/sign-in")
    _axe_clean(page, "sign-in")
    page.get_by_label("Email address").fill(admin.email)
    page.get_by_label("Password").fill(admin.password)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Enter your security code")
    _axe_clean(page, "code")
    page.get_by_label("Security code").fill(current_code(staff_app, admin))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Staff pages")
    for path in (
        "/manage/",
        "/manage/listings/",
        f"/manage/listings/{service_id}",
        f"/manage/listings/{service_id}/edit",
        f"/manage/listings/{service_id}/check-answers",
        f"/manage/listings/{service_id}/edit/where-and-when",
        f"/manage/listings/{service_id}/edit/needs",
        f"/manage/listings/{service_id}/change/contact-details",
        f"/manage/listings/{service_id}/change/opening-times",
        f"/manage/listings/{service_id}/still-running",
        f"/manage/listings/{service_id}/preview",
        f"/manage/listings/{service_id}/withdraw",
        f"/manage/listings/{service_id}/history",
        f"/manage/listings/{service_id}/versions/{batch_id}",
        f"/manage/batches/{review_id}/undo?listing={service_id}",
        "/manage/likely-duplicates",
        "/manage/listings/new",
        "/manage/reports/",
        f"/manage/reports/{report_id}",
        "/manage/review",
        "/manage/review?state=due",
        "/manage/imports/",
        "/manage/imports/new",
        f"/manage/imports/batches/{batch_id}",
        "/manage/batches/",
        f"/manage/batches/{batch_id}",
        "/manage/insights/",
        "/manage/users/",
        "/manage/users/invite",
        f"/manage/users/{admin.id}",
        "/manage/account",
        "/manage/account/new-app",
        "/manage/account/recovery-codes",
        "/manage/security-events/",
        f"/manage/security-events/?account={admin.id}&kind=signed-in",
        "/manage/reset-password",
    ):
        response = page.goto(staff_url + path)
        assert response is not None and response.status == 200, path
        _axe_clean(page, path)
    # A change confirmed in a success banner.
    page.goto(f"{staff_url}/manage/reports/{report_id}")
    page.get_by_label("Fixed").check()
    page.get_by_role("button", name="Save status").click()
    expect(page.get_by_role("alert")).to_contain_text("Report marked as fixed")
    _axe_clean(page, "reports with a banner")
    # A form with errors, and the enrolment page of someone new.
    page.goto(staff_url + "/manage/users/invite")
    page.get_by_role("button", name="Send invitation").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    _axe_clean(page, "invite with errors")
    page.close()

    newcomer = make_staff(staff_app, Role.EDITOR, second_factor_set_up=False)
    page = browser.new_page()
    page.goto(staff_url + "/manage/sign-in")
    page.get_by_label("Email address").fill(newcomer.email)
    page.get_by_label("Password").fill(newcomer.password)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Set up your authenticator app")
    _axe_clean(page, "set up two factor")
    page.close()


def test_a_job_page_follows_the_job_and_shows_its_outcome(
    browser: Browser, staff_app: Flask, staff_url: str
) -> None:
    """With JavaScript the job page asks for the counts and loads the outcome when the job
    ends; the progress, list and rollback confirmation pages pass axe."""
    from directory.jobs.records import submit
    from directory.listings.uploads import stage_upload
    from tests.manage.test_jobs import _rows
    from tests.support.jobs import job_worker

    editor = make_staff(staff_app, Role.EDITOR, name="Jo Jobs")
    with staff_app.app_context():
        upload = stage_upload(
            io.BytesIO(_rows(300)), "rows.csv", "fis-spreadsheet", False, editor.email
        )
        job_id = submit("import", editor.email, {"upload": upload}).id
        batch_id = db.session.scalars(sa.select(ImportBatch.id)).first()
    page = browser.new_page()
    _sign_in(page, staff_app, staff_url, editor)
    for path in ("/manage/jobs/", f"/manage/imports/batches/{batch_id}/rollback"):
        page.goto(staff_url + path)
        _axe_clean(page, path)
    page.goto(f"{staff_url}/manage/jobs/{job_id}")
    expect(page.locator("#app-job-doing")).to_have_text("Waiting for the job worker to start it.")
    expect(page.get_by_role("status")).to_be_attached()
    _axe_clean(page, "job waiting")
    with job_worker(staff_app):
        expect(page.get_by_text("Families see the changes now.")).to_be_visible(timeout=90_000)
    expect(page.get_by_role("link", name="See the batch and what it changed")).to_be_visible()
    _axe_clean(page, "job done")
    page.close()
