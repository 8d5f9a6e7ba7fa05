"""Quick edits, sections with "check your answers", "add another" rows and "Still
running?": each writes only what its editor changed, through the write path."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask
from werkzeug.datastructures import MultiDict
from wtforms.fields.core import UnboundField

from directory.extensions import db
from directory.forms.listings import ListingForm
from directory.forms.sections import QUICK_EDITS, SECTIONS
from directory.models import AuditEntry, ImportBatch, Service, ServiceStatus
from tests.manage.test_listings import _editor, _make_listing, _open_form, _save, listing_app
from tests.support.client import page_text
from tests.support.factories import create_service
from tests.support.forms import form_values
from tests.support.html import visible_text

__all__ = ["listing_app"]


def _audit(app: Flask, service_id: str) -> list[tuple[str, list[str]]]:
    with app.app_context():
        entries = db.session.scalars(
            sa.select(AuditEntry)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == service_id, ImportBatch.kind.in_(["edit", "review"]))
        ).all()
        found = [(entry.entity, sorted(entry.changes)) for entry in entries]
        db.session.rollback()
    return found


def _phones(app: Flask, service_id: str) -> list[tuple[str, str]]:
    with app.app_context():
        service = db.session.get(Service, service_id)
        return sorted((phone.number, phone.description) for phone in service.phones)


def test_the_sections_hold_every_field_of_the_form_once() -> None:
    fields = [name for section in SECTIONS for name in section.fields]
    assert len(fields) == len(set(fields))
    form_fields = {
        name
        for name in dir(ListingForm)
        if isinstance(getattr(ListingForm, name), UnboundField) and name != "version"
    }
    assert set(fields) == form_fields
    for part in QUICK_EDITS:
        assert set(part.fields) <= set(fields)


def test_contact_details_shows_three_fields_and_saves_a_phone_only(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app, email="toys@example.org")
    browser = _editor(listing_app)
    url = f"/manage/listings/{service_id}/change/contact-details"
    page = page_text(browser.get(f"/manage/listings/{service_id}"))
    assert f'href="{url}"' in page
    values = _open_form(browser, url)
    assert sorted(values) == [
        "csrf_token",
        "email",
        "phone-0-description",
        "phone-0-number",
        "version",
        "website",
    ]
    values["phone-0-number"] = "01384 812440"
    response = _save(browser, url, values)
    assert response.headers["Location"] == f"/manage/listings/{service_id}"
    shown = visible_text(page_text(browser.get(response.headers["Location"])))
    assert "Success Contact details updated" in shown
    assert _phones(listing_app, service_id) == [("01384 812440", "Bookings")]
    assert _audit(listing_app, service_id) == [("service", ["phones"])]


def test_a_form_sent_unchanged_writes_nothing_and_says_so(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    for part in (*QUICK_EDITS, *SECTIONS):
        path = "change" if part in QUICK_EDITS else "edit"
        url = f"/manage/listings/{service_id}/{path}/{part.slug}"
        response = _save(browser, url, _open_form(browser, url))
        assert response.status_code == 302, part.slug
        assert "Nothing was changed." in visible_text(page_text(browser.get(response.location)))
    assert _audit(listing_app, service_id) == []


def test_an_invalid_phone_is_refused_with_a_summary_linking_to_its_row(
    listing_app: Flask,
) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    url = f"/manage/listings/{service_id}/change/contact-details"
    values = _open_form(browser, url)
    values["phone-1-number"] = "call us"
    values["phone-1-description"] = "Evenings"
    response = _save(browser, url, values)
    assert response.status_code == 200
    page = page_text(response)
    assert "<title>Error:" in page
    assert 'href="#phone-1-number"' in page
    assert "Enter a phone number, like 01384 813322" in visible_text(page)
    # A description without a number says what to do too.
    values["phone-1-number"] = ""
    page = page_text(_save(browser, url, values))
    assert 'href="#phone-1-number"' in page
    assert "Enter the phone number, or remove this one" in visible_text(page)
    assert _audit(listing_app, service_id) == []


def test_add_another_and_remove_work_without_javascript(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    url = f"/manage/listings/{service_id}/change/contact-details"
    values = _open_form(browser, url)
    values["action"] = "add:phone"
    page = page_text(browser.post(url, data=values))
    added = form_values(page)
    assert added["phone-1-number"] == "" and "Phone number 2" in visible_text(page)
    assert added["phone-0-number"] == "01384 813322", "what was typed stays"

    added["phone-1-number"] = "0300 123 4567"
    added["action"] = "remove:phone-0"
    page = page_text(browser.post(url, data=added))
    left = form_values(page)
    assert (left["phone-0-number"], "phone-1-number" in left) == ("0300 123 4567", False)
    assert _audit(listing_app, service_id) == [], "adding and removing rows saves nothing"

    response = _save(browser, url, left)
    assert response.status_code == 302
    assert _phones(listing_app, service_id) == [("0300 123 4567", "")]


def test_removing_every_row_removes_the_phones_but_a_request_without_them_does_not(
    listing_app: Flask,
) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    url = f"/manage/listings/{service_id}/change/contact-details"
    values = _open_form(browser, url)
    values["action"] = "remove:phone-0"
    emptied = form_values(page_text(browser.post(url, data=values)))
    assert (emptied["phone-0-number"], emptied["phone-0-description"]) == ("", "")

    cut_short = MultiDict([(k, v) for k, v in values.items(multi=True) if "phone" not in k])
    cut_short["email"] = "toys@example.org"
    assert _save(browser, url, cut_short).status_code == 302
    assert _phones(listing_app, service_id) == [("01384 813322", "Bookings")]
    assert _audit(listing_app, service_id) == [("service", ["email"])]

    emptied = _open_form(browser, url)
    emptied["phone-0-number"] = emptied["phone-0-description"] = ""
    assert _save(browser, url, emptied).status_code == 302
    assert _phones(listing_app, service_id) == []


def test_tampered_hidden_fields_save_nothing(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    with listing_app.app_context():
        other_id = create_service(
            "Dudley Toy Library", postcode="DY1 1QJ", venue_name="Dudley Hall"
        ).id
        others_venue = db.session.get(Service, other_id).locations[0].location
        others_venue_key = others_venue.external_id or others_venue.id
    browser = _editor(listing_app)
    url = f"/manage/listings/{service_id}/change/opening-times"
    values = _open_form(browser, url)
    values["venues-0-venue_id"] = others_venue_key
    values["venues-0-opening_times-0-time"] = "Mon 09:00-10:00"
    response = _save(browser, url, values)
    assert response.status_code == 200
    assert "names a venue that is not on this listing now" in visible_text(page_text(response))

    values = _open_form(browser, url)
    values["version"] = "not-a-version"
    values["opening_times-0-time"] = "Mon 09:00-10:00"
    response = _save(browser, url, values)
    assert "sent without the version of the listing" in visible_text(page_text(response))
    assert _audit(listing_app, service_id) == []
    assert _audit(listing_app, other_id) == []


def test_a_stale_quick_edit_is_refused_and_the_other_change_stands(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    first, second = _editor(listing_app, "Ann First"), _editor(listing_app, "Bob Second")
    url = f"/manage/listings/{service_id}/change/contact-details"
    first_values, second_values = _open_form(first, url), _open_form(second, url)
    first_values["phone-0-number"] = "01384 812440"
    assert _save(first, url, first_values).status_code == 302

    second_values["email"] = "toys@example.org"
    response = _save(second, url, second_values)
    assert response.status_code == 200
    page = visible_text(page_text(response))
    assert "Someone else changed this listing" in page and "01384 812440" in page
    assert form_values(page_text(response))["email"] == "toys@example.org"
    assert _phones(listing_app, service_id) == [("01384 812440", "Bookings")]
    assert _audit(listing_app, service_id) == [("service", ["phones"])]


def test_check_your_answers_links_each_row_to_its_section_and_back(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    answers = f"/manage/listings/{service_id}/check-answers"
    page = page_text(browser.get(answers))
    text = visible_text(page)
    assert "Check and change Netherton Toy Library" in text
    assert "01384 813322 | Bookings" in text
    for section in SECTIONS:
        assert f'href="/manage/listings/{service_id}/edit/{section.slug}' in page
    assert 'Change<span class="govuk-visually-hidden"> Phone numbers (optional)' in page

    url = f"/manage/listings/{service_id}/edit/who"
    values = _open_form(browser, url)
    values["eligibility"] = "Families in Netherton."
    # Fields of other sections sent along are never written.
    values["phone-0-number"] = "0300 000 0000"
    values["name"] = "Renamed"
    response = _save(browser, url, values)
    assert response.headers["Location"] == answers
    assert "Success Who it is for: changes saved" in visible_text(page_text(browser.get(answers)))
    assert _audit(listing_app, service_id) == [("service", ["eligibility_description"])]
    assert _phones(listing_app, service_id) == [("01384 813322", "Bookings")]


def test_still_running_records_the_check_or_the_closure(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    url = f"/manage/listings/{service_id}/still-running"
    values = form_values(page_text(browser.get(url)))
    response = browser.post(url, data=values)
    assert response.status_code == 200, "an answer is needed"
    assert 'href="#answer"' in page_text(response)

    values["answer"] = "yes"
    browser.post(url, data=values)
    shown = visible_text(page_text(browser.get(f"/manage/listings/{service_id}")))
    assert "Confirmed: Netherton Toy Library is still running" in shown

    values = form_values(page_text(browser.get(url)))
    values["answer"] = ServiceStatus.TEMPORARILY_CLOSED.value
    browser.post(url, data=values)
    with listing_app.app_context():
        assert db.session.get(Service, service_id).status == ServiceStatus.TEMPORARILY_CLOSED
    # The check, then the closure: one audit row each (in any order of their ids).
    assert sorted(_audit(listing_app, service_id)) == [
        ("service", ["assured_date"]),
        ("service", ["status"]),
    ]


def test_a_part_that_does_not_exist_is_not_found(listing_app: Flask) -> None:
    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    assert browser.get(f"/manage/listings/{service_id}/edit/nothing").status_code == 404
    assert browser.get(f"/manage/listings/{service_id}/change/name").status_code == 404
    assert browser.get("/manage/listings/missing/change/contact-details").status_code == 404
