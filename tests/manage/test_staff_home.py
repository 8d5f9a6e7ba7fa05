"""The staff home shows an editor today's work, each block linking to its queue; every
status change on a problem report confirms itself in a success banner."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree.ElementTree import Element

import sqlalchemy as sa
from flask import Flask, current_app
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from directory.extensions import db
from directory.jobs.records import create_job
from directory.models import ImportBatch, ProblemReport, ReportStatus, Role, Service
from directory.queries.review import review_counts, review_queue
from tests.listings.helpers import dataset, listing, write
from tests.manage.test_listings import _editor, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.forms import form_posting_to
from tests.support.html import _NS, _text, parse_page, visible_text
from tests.support.staff import csrf_token, make_staff, sign_in, submit


def _links(page: str) -> dict[str, str]:
    """Each link's address and its text."""
    return {anchor.get("href", ""): _text(anchor) for anchor in parse_page(page).iter(f"{_NS}a")}


def _card(page: str, title: str) -> Element:
    for card in parse_page(page).iter(f"{_NS}div"):
        if card.get("class") == "govuk-summary-card":
            heading = card.find(f".//{_NS}h3")
            if heading is not None and _text(heading) == title:
                return card
    raise AssertionError(f"no summary card called {title!r}")


def _report(app: Flask, service_id: str) -> str:
    family = app.test_client()
    submit(
        family,
        f"/services/{service_id}/report-a-problem",
        {"what_is_wrong": "The number rings out.", "name": "", "contact": ""},
    )
    with app.app_context():
        return db.session.scalars(sa.select(ProblemReport.id)).one()


def test_the_home_shows_each_kind_of_work_and_links_to_its_queue(
    listing_app: Flask,  # noqa: F811
) -> None:
    with listing_app.app_context():
        # An import with one warning (a website without https://), of a listing never checked.
        report = write(dataset(listing(url="www.example.org/toys")))
        assert report.counts()["warnings"] == 1
        batch_id = db.session.scalars(sa.select(ImportBatch.id)).one()
        service = db.session.scalars(sa.select(Service)).one()
        service_id, service_name = service.id, service.name
        job_id = create_job("rebuild", "tests", {}).id
        council = current_app.extensions["council"]
        areas = {area.code: area.name for area in council.localities}
    _report(listing_app, service_id)
    editor = _editor(listing_app)

    page = page_text(editor.get("/manage/"))
    links = _links(page)
    assert links["/manage/reports/?status=new"] == "1 new report"
    assert links["/manage/review?state=overdue"] == "1"
    assert links["/manage/review?state=due"] == "0"
    area_links = [href for href in links if href.startswith("/manage/review?state=overdue&")]
    assert area_links, "the overdue listing is counted in its venue's area"
    for href in area_links:
        code = href.rsplit("locality=", 1)[1]
        assert code in areas and areas[code] in visible_text(page)
        assert service_name in visible_text(page_text(editor.get(href)))
    assert f"/manage/imports/batches/{batch_id}" in links
    imports = _text(_card(page, "Recent imports"))
    assert "Created Changed Withdrawn Warnings" in imports
    assert "fis-spreadsheet 1 0 0 1" in imports, imports
    assert links[f"/manage/jobs/{job_id}"] == "Rebuilding the search index"
    assert "Waiting" in _text(_card(page, "Recent jobs"))

    assert service_name in visible_text(page_text(editor.get("/manage/reports/?status=new")))
    assert service_name in visible_text(page_text(editor.get("/manage/review?state=overdue")))
    assert editor.get(f"/manage/imports/batches/{batch_id}").status_code == 200
    assert editor.get(f"/manage/jobs/{job_id}").status_code == 200


def test_the_home_says_when_there_is_nothing_to_do(listing_app: Flask) -> None:  # noqa: F811
    page = visible_text(page_text(_editor(listing_app).get("/manage/")))
    for empty in (
        "No new reports",
        "No listings are overdue or due for a check",
        "No imports yet",
        "No jobs yet.",
    ):
        assert empty in page


def test_a_practitioner_home_shows_no_editors_work(listing_app: Flask) -> None:  # noqa: F811
    browser = listing_app.test_client()
    sign_in(listing_app, browser, make_staff(listing_app, Role.PRACTITIONER))
    page = visible_text(page_text(browser.get("/manage/")))
    assert "Staff pages" in page and "Today’s work" not in page and "No new reports" not in page


def test_every_report_status_change_confirms_itself_in_a_success_banner(
    listing_app: Flask,  # noqa: F811
) -> None:
    with listing_app.app_context():
        write(dataset(listing()))
        service_id = db.session.scalars(sa.select(Service.id)).one()
    report_id = _report(listing_app, service_id)
    editor = _editor(listing_app)
    confirmations = {
        ReportStatus.IN_PROGRESS: "Report marked as in progress",
        ReportStatus.NEW: "Report marked as new",
        ReportStatus.NOT_A_PROBLEM: "Report marked as not a problem",
        ReportStatus.FIXED: "Report marked as fixed",
    }
    for status, message in confirmations.items():
        response = _change_status(editor, report_id, status)
        assert response.status_code == 200
        banners = _banners(page_text(response))
        assert banners == [("alert", f"Success {message}")], banners
        again = _banners(page_text(editor.get("/manage/reports/")))
        assert again == [], "the banner is shown once"


def test_a_bad_status_is_refused_without_a_banner(listing_app: Flask) -> None:  # noqa: F811
    with listing_app.app_context():
        write(dataset(listing()))
        service_id = db.session.scalars(sa.select(Service.id)).one()
    report_id = _report(listing_app, service_id)
    editor = _editor(listing_app)
    response = editor.post(
        f"/manage/reports/{report_id}",
        data=MultiDict(
            {"csrf_token": csrf_token(editor, f"/manage/reports/{report_id}"), "status": "gone"}
        ),
    )
    assert response.status_code == 200
    assert _banners(page_text(editor.get("/manage/reports/"))) == []


def _change_status(editor: FlaskClient, report_id: str, status: ReportStatus):  # type: ignore[no-untyped-def]
    token = csrf_token(editor, f"/manage/reports/{report_id}")
    return editor.post(
        f"/manage/reports/{report_id}",
        data=MultiDict({"csrf_token": token, "status": status.value}),
        follow_redirects=True,
    )


def _banners(page: str) -> list[tuple[str, str]]:
    """Each success banner's role and text."""
    return [
        (banner.get("role", ""), _text(banner))
        for banner in parse_page(page).iter(f"{_NS}div")
        if "govuk-notification-banner--success" in (banner.get("class") or "").split()
    ]


def test_marking_a_listing_checked_confirms_itself_and_leaves_the_home_count(
    listing_app: Flask,  # noqa: F811
) -> None:
    with listing_app.app_context():
        write(dataset(listing()))
        service_id, name = db.session.execute(sa.select(Service.id, Service.name)).one()
    editor = _editor(listing_app)
    assert _links(page_text(editor.get("/manage/")))["/manage/review?state=overdue"] == "1"
    checked = f"/manage/listings/{service_id}/checked"
    response = editor.post(
        checked,
        data=form_posting_to(page_text(editor.get("/manage/review")), checked),
        follow_redirects=True,
    )
    assert _banners(page_text(response)) == [("alert", f"Success Marked {name} as checked today.")]
    home = visible_text(page_text(editor.get("/manage/")))
    assert "No listings are overdue or due for a check" in home


def test_every_change_an_admin_makes_to_an_account_confirms_itself(empty_app: Flask) -> None:
    admin = make_staff(empty_app, Role.ADMIN, name="Ada Admin")
    person = make_staff(empty_app, Role.EDITOR, name="Robin Editor")
    browser = empty_app.test_client()
    sign_in(empty_app, browser, admin)
    page = f"/manage/users/{person.id}"
    for action, fields, message in (
        ("/role", {"role": "practitioner"}, "Robin Editor’s role is changed."),
        ("/unlock", {}, "Robin Editor’s account is unlocked."),
        (
            "/second-factor",
            {},
            "Robin Editor’s authenticator app is removed: they set up a new one at sign-in.",
        ),
        ("/access", {}, "Robin Editor can no longer sign in."),
        ("/access", {}, "Robin Editor can sign in again."),
    ):
        token = csrf_token(browser, page)
        response = browser.post(
            page + action, data={"csrf_token": token, **fields}, follow_redirects=True
        )
        assert response.status_code == 200
        assert _banners(page_text(response)) == [("alert", f"Success {message}")], action


def test_the_home_counts_agree_with_the_review_queue_on_every_day(demo_app: Flask) -> None:
    """Over the demo listings and days three years apart, the home's counts (in all and
    for each area) are the review queue's totals for the same state and area."""
    with demo_app.app_context():
        council = current_app.extensions["council"]
        months = council.staff.review_interval_months
        seen = set()
        for step in range(0, 3 * 365, 61):
            today = date(2024, 1, 1) + timedelta(days=step)
            for state in ("overdue", "due"):
                total, by_area = review_counts(today, months, state)
                assert set(by_area) <= {area.code for area in council.localities}
                queue = review_queue(today, months, state=state, locality=None, kind=None)
                assert total == queue[1]
                for area in council.localities:
                    in_area = review_queue(
                        today, months, state=state, locality=area.code, kind=None
                    )
                    assert by_area.get(area.code, 0) == in_area[1], (today, state, area.code)
                seen.add((state, total > 0))
        assert ("overdue", True) in seen and ("due", True) in seen, "the days tried some work"
