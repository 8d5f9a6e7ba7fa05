"""Requests for support: a practitioner sends one with the family's consent, the
organisation (here a council admin) accepts, declines or asks; every view is audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import (
    AuditEntry,
    RequestDetail,
    RequestMessage,
    RequestStatus,
    Role,
    SupportRequest,
)
from directory.support_requests import AUDIT_ENTITY
from tests.manage.support_requests import (
    CONSENT_BY,
    FAMILY_NAME,
    HELP_WANTED,
    listing_taking_requests,
    only_request,
    send_request,
)
from tests.support.client import HygieneCheckingClient, page_text
from tests.support.html import visible_text
from tests.support.staff import (
    make_organisation,
    make_provider,
    make_staff,
    sign_in,
    submit,
    token_in,
)


@pytest.fixture
def app(empty_app: Flask) -> Flask:
    """SQLite and PostgreSQL; every HTML page fetched is hygiene-checked."""
    empty_app.test_client_class = HygieneCheckingClient
    return empty_app


def _signed_in(app: Flask, role: Role):  # type: ignore[no-untyped-def]
    person = make_staff(app, role)
    client = app.test_client()
    sign_in(app, client, person)
    return person, client


def _views(app: Flask, request_id: str) -> list[tuple[str, str]]:
    with app.app_context():
        return [
            (entry.actor, entry.action)
            for entry in db.session.scalars(
                sa.select(AuditEntry)
                .where(AuditEntry.entity == AUDIT_ENTITY, AuditEntry.entity_id == request_id)
                .order_by(AuditEntry.sequence)
            )
        ]


def test_a_practitioner_sends_a_request_with_consent_and_sees_its_reference(app: Flask) -> None:
    service_id = listing_taking_requests(app, details=("name", "help_wanted"))
    practitioner, client = _signed_in(app, Role.PRACTITIONER)
    page = page_text(client.get(f"/practitioners/services/{service_id}"))
    assert f'href="/practitioners/requests/new/{service_id}"' in page
    form = visible_text(page_text(client.get(f"/practitioners/requests/new/{service_id}")))
    assert "The family’s name" in form and "What help is wanted" in form
    assert "How to contact the family" not in form and "Ages of the children" not in form

    response = send_request(client, service_id)
    assert response.status_code == 303
    found = only_request(app)
    assert response.headers["Location"] == f"/practitioners/requests/{found.id}?sent=yes"
    shown = visible_text(page_text(client.get(response.headers["Location"])))
    assert "Request sent" in shown and found.reference in shown
    with app.app_context():
        detail = db.session.get(RequestDetail, found.id)
        assert detail.consent_by == CONSENT_BY and detail.consent_how == "verbal"
        assert detail.consent_on == date.today()
        assert detail.name == FAMILY_NAME and detail.help_wanted == HELP_WANTED
        # Not asked for by the listing: never kept, though the form sent it.
        assert detail.contact == "" and detail.children_ages == "" and detail.urgency == ""
    assert found.status == RequestStatus.WAITING and found.locality == "halesowen"
    listed = visible_text(page_text(client.get("/practitioners/requests/")))
    assert found.reference in listed and "Waiting for a decision" in listed
    assert _views(app, found.id) == [(practitioner.email, "sent"), (practitioner.email, "viewed")]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Confirm the family agreed to the request"),
        ({"consent_by": " "}, "Enter who gave consent"),
        ({"consent_on": "yesterday"}, "Enter the date consent was given, like 27/3/2026"),
        ({"consent_on": "31/2/2026"}, "Enter the date consent was given, like 27/3/2026"),
        (
            {"consent_on": (date.today() + timedelta(days=1)).strftime("%d/%m/%Y")},
            "The date consent was given must be today or earlier",
        ),
        (
            {"consent_on": (date.today() - timedelta(days=400)).strftime("%d/%m/%Y")},
            "Consent must have been given in the last year",
        ),
        ({"consent_how": "telepathy"}, "Not a valid choice"),
        ({"consent_how": None}, "Choose how consent was given"),
        ({"need": ""}, "Choose what the family needs help with"),
        ({"locality": ""}, "Choose where the family lives"),
        ({"name": ""}, "Enter the family’s name"),
        ({"help_wanted": "x" * 2001}, "What help is wanted must be 2000 characters or fewer"),
    ],
)
def test_a_request_without_consent_or_detail_is_refused_with_a_clear_message(
    app: Flask, changes: dict[str, str | None], message: str
) -> None:
    service_id = listing_taking_requests(app)
    _, client = _signed_in(app, Role.PRACTITIONER)
    response = send_request(client, service_id, **changes)
    assert response.status_code == 200
    text = visible_text(page_text(response))
    assert "There is a problem" in text and message in text
    # Nothing typed is lost.
    if changes.get("name") is None and "help_wanted" not in changes:
        assert FAMILY_NAME in page_text(response)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SupportRequest)) == 0


def test_a_listing_that_takes_no_requests_has_no_request_page(app: Flask) -> None:
    service_id = listing_taking_requests(app)
    with app.app_context():
        from directory.support_requests import save_settings

        save_settings(service_id, False, [], "tests")
    _, client = _signed_in(app, Role.PRACTITIONER)
    assert client.get(f"/practitioners/requests/new/{service_id}").status_code == 404
    assert send_request(client, service_id).status_code == 404
    page = page_text(client.get(f"/practitioners/services/{service_id}"))
    assert "/practitioners/requests/new/" not in page


def test_the_organisation_accepts_and_the_practitioner_sees_it_accepted(
    make_app: Callable[..., Flask], smtp_server
) -> None:  # type: ignore[no-untyped-def]
    settings, mailbox = smtp_server
    app = make_app(smtp=settings)
    service_id = listing_taking_requests(app)
    practitioner, sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, service_id)
    found = only_request(app)
    admin, council = _signed_in(app, Role.ADMIN)

    inbox = visible_text(page_text(council.get("/manage/requests/")))
    assert found.reference in inbox
    page = page_text(council.get(f"/manage/requests/{found.id}"))
    token = token_in(page)
    opened = visible_text(page)
    assert FAMILY_NAME in opened and CONSENT_BY in opened
    assert (admin.email, "viewed") in _views(app, found.id)

    decision = f"/manage/requests/{found.id}/decision"
    refused = council.post(decision, data={"csrf_token": token, "decision": "decline"})
    assert "Enter why you are declining the request" in visible_text(page_text(refused))
    response = council.post(
        decision,
        data={"csrf_token": token, "decision": "accept", "reason": "We will call this week."},
    )
    assert response.status_code == 303
    assert only_request(app).status == RequestStatus.ACCEPTED
    assert only_request(app).closed_at is not None
    sent = visible_text(page_text(sender.get("/practitioners/requests/")))
    assert "Accepted" in sent
    seen = visible_text(page_text(sender.get(f"/practitioners/requests/{found.id}")))
    assert "We will call this week." in seen
    assert _views(app, found.id)[-3:] == [
        (admin.email, "viewed"),
        (admin.email, "accepted"),
        (practitioner.email, "viewed"),
    ]
    # The page shown again with the refused decline was a view too.
    assert _views(app, found.id).count((admin.email, "viewed")) == 2
    # The practitioner was told, with no personal detail: only a link to sign in.
    assert len(mailbox.messages) == 1
    email = mailbox.messages[0]
    assert f"/practitioners/requests/{found.id}" in email
    for personal in (FAMILY_NAME, CONSENT_BY, "We will call", "Test Family Support", "halesowen"):
        assert personal not in email


def test_the_organisation_asks_a_question_and_the_practitioner_answers(app: Flask) -> None:
    service_id = listing_taking_requests(app)
    practitioner, sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, service_id)
    found = only_request(app)
    _, council = _signed_in(app, Role.ADMIN)
    token = token_in(page_text(council.get(f"/manage/requests/{found.id}")))
    question = f"/manage/requests/{found.id}/question"
    empty = council.post(question, data={"csrf_token": token, "text": ""})
    assert "Enter your message" in visible_text(page_text(empty))
    council.post(question, data={"csrf_token": token, "text": "Is Tuesday good?"})
    assert only_request(app).status == RequestStatus.QUESTION
    page = visible_text(page_text(sender.get(f"/practitioners/requests/{found.id}")))
    assert "Is Tuesday good?" in page and "Question for the practitioner" in page
    response = submit(sender, f"/practitioners/requests/{found.id}", {"text": "Yes, after 10."})
    assert response.status_code == 303
    assert only_request(app).status == RequestStatus.WAITING
    with app.app_context():
        kinds = [m.kind for m in db.session.scalars(sa.select(RequestMessage))]
    assert sorted(kinds) == ["answer", "question"]
    # Nothing to answer now: a second answer is refused.
    again = submit(sender, f"/practitioners/requests/{found.id}", {"text": "Again"})
    assert again.status_code == 303
    assert [a for _, a in _views(app, found.id)].count("answered") == 1
    assert practitioner.email in {actor for actor, _ in _views(app, found.id)}


WHO_SEES = {
    "the sender": True,
    "another practitioner": False,
    "an editor": False,
    "a council admin": True,
    "a provider of the receiving organisation": True,
    "a provider of another organisation": False,
}
"""Property over the roles: who may see a request, and who may decide it."""


def _person(app: Flask, who: str, sender, organisation_id: str):  # type: ignore[no-untyped-def]
    if who == "the sender":
        return sender
    if who.startswith("a provider"):
        mine = who.endswith("receiving organisation")
        return make_provider(app, organisation_id if mine else make_organisation(app, "Other"))
    role = {"another practitioner": Role.PRACTITIONER, "an editor": Role.EDITOR}.get(
        who, Role.ADMIN
    )
    return make_staff(app, role)


@pytest.mark.parametrize("who", sorted(WHO_SEES))
def test_only_the_sender_the_organisation_and_admins_see_a_request(app: Flask, who: str) -> None:
    """Everyone else gets the same 404 as for no request at all (or 403 for the inbox),
    and their try is not a view, as nothing was shown; every view that is shown is audited."""
    service_id = listing_taking_requests(app)
    sender_person, sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, service_id)
    found = only_request(app)
    person = _person(app, who, sender_person, found.organization_id)
    client = app.test_client()
    sign_in(app, client, person)
    before = _views(app, found.id)
    pages = [f"/practitioners/requests/{found.id}", f"/manage/requests/{found.id}"]
    shown = []
    for page in pages:
        response = client.get(page)
        assert response.status_code in {200, 403, 404}, (page, response.status_code)
        if response.status_code == 200:
            assert FAMILY_NAME in page_text(response)
            shown.append(page)
    assert bool(shown) is WHO_SEES[who], shown
    assert _views(app, found.id) == before + [(person.email, "viewed")] * len(shown)
    lists = "".join(
        page_text(client.get(page))
        for page in ("/practitioners/requests/", "/manage/requests/")
        if client.get(page).status_code == 200
    )
    assert (found.reference in lists) is WHO_SEES[who]
    assert client.get("/practitioners/requests/no-such-request").status_code in {403, 404}


def test_a_provider_decides_on_their_organisations_request_and_is_emailed_without_detail(
    make_app: Callable[..., Flask], smtp_server
) -> None:  # type: ignore[no-untyped-def]
    settings, mailbox = smtp_server
    app = make_app(smtp=settings)
    service_id = listing_taking_requests(app)
    found_organisation = None
    with app.app_context():
        from directory.models import Service

        found_organisation = db.session.get(Service, service_id).organization_id
    provider = make_provider(app, found_organisation)
    _, sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, service_id)
    found = only_request(app)
    (email,) = mailbox.messages
    assert provider.email in email and f"/manage/requests/{found.id}" in email
    assert FAMILY_NAME not in email and "Test Family Support" not in email
    client = app.test_client()
    sign_in(app, client, provider)
    page = page_text(client.get(f"/manage/requests/{found.id}"))
    response = client.post(
        f"/manage/requests/{found.id}/decision",
        data={"csrf_token": token_in(page), "decision": "decline", "reason": "No places."},
    )
    assert response.status_code == 303
    assert only_request(app).status == RequestStatus.DECLINED
    assert [action for _, action in _views(app, found.id)][-2:] == ["viewed", "declined"]


def test_an_editor_sets_whether_a_listing_takes_requests(app: Flask) -> None:
    with app.app_context():
        from tests.support.factories import create_service

        service_id = create_service("Test Parenting Group").id
    _, editor = _signed_in(app, Role.EDITOR)
    address = f"/manage/listings/{service_id}/requests-for-support"
    listing = visible_text(page_text(editor.get(f"/manage/listings/{service_id}")))
    assert "Requests for support: not taken through the directory" in listing
    refused = submit(editor, address, {"accepts": "y"})
    assert "Choose at least one thing the service needs to know" in visible_text(page_text(refused))
    odd = submit(editor, address, {"accepts": "y", "details": ["name", "bogus"]})
    assert "There is a problem" in visible_text(page_text(odd))
    response = submit(editor, address, {"accepts": "y", "details": ["urgency", "name"]})
    assert response.status_code == 303
    with app.app_context():
        from directory.support_requests import settings_for

        settings = settings_for(service_id)
        assert settings.accepts and settings.details == ["name", "urgency"]
    listing = visible_text(page_text(editor.get(f"/manage/listings/{service_id}")))
    assert "Requests for support: taken through the directory" in listing
    _, practitioner = _signed_in(app, Role.PRACTITIONER)
    assert practitioner.get(address).status_code == 403


def test_requests_are_limited_per_address(make_app: Callable[..., Flask]) -> None:
    app = make_app(support_request_limit="2 per hour")
    service_id = listing_taking_requests(app)
    _, client = _signed_in(app, Role.PRACTITIONER)
    assert send_request(client, service_id).status_code == 303
    assert send_request(client, service_id).status_code == 303
    refused = send_request(client, service_id)
    assert refused.status_code == 429
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SupportRequest)) == 2


def test_only_a_council_admin_sees_who_opened_a_request(app: Flask) -> None:
    service_id = listing_taking_requests(app)
    sender_person, sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, service_id)
    found = only_request(app)
    _, admin = _signed_in(app, Role.ADMIN)
    shown = visible_text(page_text(admin.get(f"/manage/requests/{found.id}")))
    assert "Who has opened or changed this request" in shown
    assert f"{sender_person.email}, sent it" in shown
    provider = make_provider(app, found.organization_id)
    client = app.test_client()
    sign_in(app, client, provider)
    page = visible_text(page_text(client.get(f"/manage/requests/{found.id}")))
    assert FAMILY_NAME in page and "Who has opened" not in page


def test_the_plan_offers_a_request_beside_a_service_that_takes_them(app: Flask) -> None:
    from directory.lists.ids import write

    taking = listing_taking_requests(app)
    with app.app_context():
        from tests.support.factories import create_service

        other = create_service("Test Toddler Group").id
    _, client = _signed_in(app, Role.PRACTITIONER)
    page = page_text(client.get("/practitioners/plan/", query_string={"s": write([taking, other])}))
    assert f'href="/practitioners/requests/new/{taking}"' in page
    assert f'href="/practitioners/requests/new/{other}"' not in page
    assert "Send a request for support to Test Family Support" in visible_text(page)
