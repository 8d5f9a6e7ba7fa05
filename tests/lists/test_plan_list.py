"""A practitioner's plan list: the same saved list, with practitioner-only services, a note
for the family beside each, a printout and a CSV; the notes are never stored."""

from __future__ import annotations

import csv
import email
import io
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from directory.extensions import db
from directory.lists import ids
from directory.models import Role, WebSession
from tests.lists.helpers import practitioner_only_id, public_ids
from tests.manage.conftest import smtp_server  # noqa: F401  (a real SMTP server)
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import make_staff, sign_in, token_in

MARKER = "Ask-for-Priya-7Q3Z"
"""A note no table could hold by chance."""


@pytest.fixture
def practitioner(search_app: Flask) -> FlaskClient:
    client = search_app.test_client()
    sign_in(search_app, client, make_staff(search_app, Role.PRACTITIONER, name="Pat Worker"))
    return client


def _save(client: FlaskClient, *service_ids: str) -> None:
    token = token_in(page_text(client.get("/practitioners/plan/")))
    for service_id in service_ids:
        response = client.post(
            "/practitioners/plan/update", data={"csrf_token": token, "add": service_id}
        )
        assert response.status_code == 303


def _plan_form(client: FlaskClient, notes: dict[str, str]) -> dict[str, str]:
    """The plan page's form as a browser would send it, with ``notes`` typed in."""
    page = page_text(client.get("/practitioners/plan/"))
    data = {"csrf_token": token_in(page)}
    start = page.index('name="s" value="') + len('name="s" value="')
    data["s"] = page[start : page.index('"', start)]
    for number, service_id in enumerate(ids.read(data["s"]).ids):
        assert f'name="notes-{number}-service" type="hidden" value="{service_id}"' in page
        data[f"notes-{number}-service"] = service_id
        data[f"notes-{number}-note"] = notes.get(service_id, "")
    return data


def test_a_practitioner_builds_a_plan_with_notes_and_prints_it(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, one_name), (two, two_name) = public_ids(search_app, 2)
    hidden, hidden_name = practitioner_only_id(search_app)
    _save(practitioner, one, hidden, two)

    plan = practitioner.get("/practitioners/plan/")
    text = visible_text(page_text(plan))
    assert plan.status_code == 200
    assert "No personal data about the family is stored." in text
    assert hidden_name in text and "Practitioners only" in text
    assert plan.headers["Cache-Control"] == "no-store"

    data = _plan_form(practitioner, {one: f"Call on Monday. {MARKER}", hidden: "I will refer you"})
    printed = practitioner.post("/practitioners/plan/print", data=data)
    assert printed.status_code == 200
    text = visible_text(page_text(printed))
    assert f"Call on Monday. {MARKER}" in text
    assert one_name in text and two_name in text and hidden_name in text
    assert "Your practitioner will refer you to this service." in text
    assert "No personal data" not in text  # the printout is the family's, not a staff page
    _sign_out(practitioner)
    _assert_not_stored(search_app, MARKER)


def _sign_out(client: FlaskClient) -> None:
    token = token_in(page_text(client.get("/manage/account")))
    response = client.post("/manage/sign-out", data={"csrf_token": token})
    assert response.status_code == 302


def test_notes_survive_moving_between_pages_and_go_at_sign_out(
    search_app: Flask, practitioner: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    (one, _), (two, _) = public_ids(search_app, 2)
    _save(practitioner, one, two)
    saved = practitioner.post(
        "/practitioners/plan/save", data=_plan_form(practitioner, {one: f"Ask {MARKER}"})
    )
    assert saved.status_code == 303
    assert "Your notes are saved" in visible_text(page_text(practitioner.get(saved.location)))
    for address in ("/practitioners", "/practitioners/needs-first", "/manage/account", "/"):
        practitioner.get(address)
    plan = page_text(practitioner.get("/practitioners/plan/"))
    assert f"Ask {MARKER}</textarea>" in plan
    # Printing and downloading keep what was typed too.
    data = _plan_form(practitioner, {one: f"Ask {MARKER}", two: f"Call {MARKER}"})
    assert practitioner.post("/practitioners/plan/download", data=data).status_code == 200
    assert f"Call {MARKER}</textarea>" in page_text(practitioner.get("/practitioners/plan/"))

    _sign_out(practitioner)
    _assert_not_stored(search_app, MARKER)
    assert MARKER not in caplog.text
    practitioner_again = search_app.test_client()
    assert practitioner_again.get("/practitioners/plan/").status_code == 302


def test_a_plan_goes_when_the_session_runs_out(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, _), *_ = public_ids(search_app, 1)
    _save(practitioner, one)
    practitioner.post(
        "/practitioners/plan/save", data=_plan_form(practitioner, {one: f"Idle {MARKER}"})
    )
    with search_app.app_context():
        table = WebSession.__table__
        long_ago = datetime.now(UTC) - timedelta(days=2)
        db.session.execute(table.update().values(last_seen_at=long_ago))
        db.session.commit()
    assert practitioner.get("/practitioners/plan/").status_code == 302
    _assert_not_stored(search_app, MARKER)


def test_a_remove_button_takes_one_service_off_and_keeps_the_other_notes(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, one_name), (two, two_name) = public_ids(search_app, 2)
    _save(practitioner, one, two)
    data = _plan_form(practitioner, {one: "Gone soon", two: "Stays"})
    response = practitioner.post("/practitioners/plan/save", data={**data, "remove": one})
    assert response.status_code == 303
    plan = page_text(practitioner.get("/practitioners/plan/"))
    text = visible_text(plan)
    assert two_name in text and one_name not in text
    assert "Stays</textarea>" in plan


def test_a_practitioner_can_email_the_plan_to_themselves_only(
    search_app: Flask,
    practitioner: FlaskClient,
    smtp_server,  # noqa: F811
) -> None:
    settings, mailbox = smtp_server
    config = search_app.extensions["signpost_config"]
    search_app.extensions["signpost_config"] = replace(config, smtp=settings)
    try:
        (one, one_name), *_ = public_ids(search_app, 1)
        hidden, hidden_name = practitioner_only_id(search_app)
        _save(practitioner, one, hidden)
        data = _plan_form(practitioner, {one: "Ring on Monday after ten"})
        response = practitioner.post("/practitioners/plan/email", data=data)
        assert response.status_code == 303
        assert "on its way to" in visible_text(page_text(practitioner.get(response.location)))
    finally:
        search_app.extensions["signpost_config"] = config
    assert len(mailbox.messages) == 1
    message = email.message_from_string(mailbox.messages[0])
    assert message["To"] == "pat-worker@example.org" or message["To"].endswith("@example.org")
    assert message["Subject"].startswith("Your plan list from")
    body = message.get_payload(decode=True).decode()
    assert one_name in body and hidden_name in body
    assert "Ring on Monday after ten" in body
    assert "Practitioners only" in body


def test_the_plan_downloads_as_a_pdf_with_every_service_and_note(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, one_name), *_ = public_ids(search_app, 1)
    hidden, hidden_name = practitioner_only_id(search_app)
    _save(practitioner, one, hidden)
    data = _plan_form(practitioner, {one: "Zadzwoń w poniedziałek", hidden: "I will refer you"})
    response = practitioner.post("/practitioners/plan/download.pdf", data=data)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="plan-')
    reader = PdfReader(io.BytesIO(response.get_data()))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for expected in (one_name, hidden_name, "Zadzwoń w poniedziałek", "I will refer you"):
        assert " ".join(expected.split()) in text, expected
    assert "Practitioners only" in text


URDU_NOTE = "پیر کو دس بجے کے بعد فون کریں"
PUNJABI_NOTE = "ਸੋਮਵਾਰ ਨੂੰ ਦਸ ਵਜੇ ਤੋਂ ਬਾਅਦ ਫ਼ੋਨ ਕਰੋ"


def test_urdu_and_punjabi_notes_are_set_in_fonts_that_have_their_letters(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, _), *_ = public_ids(search_app, 1)
    hidden, _ = practitioner_only_id(search_app)
    _save(practitioner, one, hidden)
    data = _plan_form(practitioner, {one: URDU_NOTE, hidden: PUNJABI_NOTE})
    response = practitioner.post("/practitioners/plan/download.pdf", data=data)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.get_data()))
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"NotoNaskhArabic", "NotoSansGurmukhi"} <= fonts, fonts
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "??" not in text, "no run of letters became question marks"
    gurmukhi = {letter for letter in text if "\u0a00" <= letter <= "\u0a7f"}
    arabic = {letter for letter in text if "\u0600" <= letter <= "\u06ff"}
    assert set("ਸਮਵਰਨਦਜਤਬਅਫਕ") <= gurmukhi, "the Punjabi note's letters are in the PDF"
    assert set("پیرکودسبجےعفنں") <= arabic, "the Urdu note's letters are in the PDF"


@pytest.mark.parametrize(("language", "direction"), [("pl", "ltr"), ("ur", "rtl"), ("pa", "ltr")])
def test_the_family_printout_is_in_the_language_chosen_with_the_link_and_its_qr_code(
    search_app: Flask, practitioner: FlaskClient, language: str, direction: str
) -> None:
    (one, one_name), *_ = public_ids(search_app, 1)
    hidden, _ = practitioner_only_id(search_app)
    _save(practitioner, one, hidden)
    plan = page_text(practitioner.get("/practitioners/plan/"))
    assert f'<option value="{language}" lang="{language}">' in plan
    english = visible_text(
        page_text(practitioner.post("/practitioners/plan/print", data=_plan_form(practitioner, {})))
    )
    data = {**_plan_form(practitioner, {one: "Note"}), "printout_lang": language}
    printed = page_text(practitioner.post("/practitioners/plan/print", data=data))
    assert f'<html lang="{language}" dir="{direction}"' in printed
    text = visible_text(printed)
    assert "Services that can help you" in english
    assert "Services that can help you" not in text, "the heading is translated"
    assert one_name in text and "Note" in text
    link = f"/my-list?s={ids.short_id(one)}&lang={language}"
    assert link in text, "the share link, written out, with the language"
    assert ids.short_id(hidden) not in printed, "practitioner-only services stay off the link"
    assert 'class="app-share__qr" src="data:image/svg+xml' in printed


def test_an_unknown_printout_language_gives_the_english_printout(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, _), *_ = public_ids(search_app, 1)
    _save(practitioner, one)
    data = {**_plan_form(practitioner, {}), "printout_lang": "xx"}
    printed = practitioner.post("/practitioners/plan/print", data=data)
    assert printed.status_code == 200
    assert '<html lang="en"' in page_text(printed)


def test_without_smtp_the_plan_page_says_email_cannot_be_sent(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, _), *_ = public_ids(search_app, 1)
    _save(practitioner, one)
    response = practitioner.post("/practitioners/plan/email", data=_plan_form(practitioner, {}))
    text = visible_text(page_text(practitioner.get(response.location)))
    assert "This site cannot send email" in text


def _assert_not_stored(app: Flask, marker: str) -> None:
    """No row of any table holds ``marker`` (sessions, audit, insights, everything)."""
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(sa.select(table)):
                assert marker not in repr(tuple(row)), table.name


def test_the_csv_has_every_service_and_makes_formula_cells_safe(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, one_name), (two, _), (three, _) = public_ids(search_app, 3)
    _save(practitioner, one, two, three)
    data = _plan_form(
        practitioner,
        {one: '=HYPERLINK("http://evil.example","x")', two: "+1 then -2 @home", three: "\tTabbed"},
    )
    response = practitioner.post("/practitioners/plan/download", data=data)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="plan-')
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][0] == "Service" and rows[0][-1] == "Note for the family"
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name[one_name][-1] == '\'=HYPERLINK("http://evil.example","x")'
    notes = [row[-1] for row in rows[1:]]
    assert "'+1 then -2 @home" in notes
    # A note is trimmed of spaces and tabs at its ends, so "\tTabbed" arrives as "Tabbed".
    assert "Tabbed" in notes
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_a_note_that_is_too_long_is_refused_by_name(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, one_name), *_ = public_ids(search_app, 1)
    _save(practitioner, one)
    data = _plan_form(practitioner, {one: "x" * 501})
    response = practitioner.post("/practitioners/plan/print", data=data)
    text = visible_text(page_text(response))
    assert f"The note about {one_name} must be 500 characters or fewer" in text
    assert page_text(response).count("<title>Error:") == 1


def test_a_list_in_the_address_opens_on_the_plan_page(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    (one, one_name), *_ = public_ids(search_app, 1)
    hidden, hidden_name = practitioner_only_id(search_app)
    text = visible_text(
        page_text(practitioner.get("/practitioners/plan/?s=" + ids.write([one, hidden])))
    )
    assert one_name in text and hidden_name in text


def test_the_family_list_page_points_staff_to_the_plan(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    """A practitioner who saved on the family site opens that list on the plan page."""
    (one, one_name), *_ = public_ids(search_app, 1)
    token = token_in(page_text(practitioner.get("/my-list")))
    practitioner.post("/my-list/update", data={"csrf_token": token, "add": one})
    page = page_text(practitioner.get("/my-list"))
    link = f'href="/practitioners/plan/?s={one}"'
    assert link in page
    assert one_name in visible_text(page_text(practitioner.get(f"/practitioners/plan/?s={one}")))
    assert "/practitioners/plan/" not in page_text(search_app.test_client().get("/my-list"))


def test_the_plan_shows_practitioners_how_to_refer_and_the_family_list_does_not(
    search_app: Flask, practitioner: FlaskClient
) -> None:
    from directory.models import Service

    hidden, _ = practitioner_only_id(search_app)
    with search_app.app_context():
        service = db.session.get(Service, hidden)
        criteria, contact = service.referral_criteria, service.professional_contact
    assert criteria and contact, "the demo's practitioner-only service says how to refer"
    (one, _), *_ = public_ids(search_app, 1)
    _save(practitioner, one, hidden)

    text = visible_text(page_text(practitioner.get("/practitioners/plan/")))
    assert "Referral" in text and criteria in text and contact in text

    response = practitioner.post("/practitioners/plan/download", data=_plan_form(practitioner, {}))
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    hidden_row = next(row for row in rows if row["Practitioners only"] == "yes")
    assert hidden_row["Criteria"] == criteria
    assert hidden_row["Contact for professionals"] == contact
    assert hidden_row["Referral route"]

    printed = practitioner.post("/practitioners/plan/print", data=_plan_form(practitioner, {}))
    printed_text = visible_text(page_text(printed))
    public_row = next(row for row in rows if row["Practitioners only"] == "no")
    assert f"Referral {public_row['Referral route']}" in printed_text
    assert contact not in printed_text and criteria not in printed_text

    family = search_app.test_client()
    shared = visible_text(page_text(family.get("/my-list?s=" + ids.write([one, hidden]))))
    assert criteria not in shared and contact not in shared
