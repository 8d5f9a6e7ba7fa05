"""Invitations and password resets: single-use, expiring links, by email or shown to an admin."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from datetime import timedelta

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts import second_factor
from directory.accounts.sessions import now_utc
from directory.extensions import db
from directory.models import AccountLink, Role, User, WebSession
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import PASSWORD, make_staff, sign_in, submit

_LINK = re.compile(r"http://localhost(/manage/(?:invitation|reset-password)/[A-Za-z0-9_-]+)")
NEW_PASSWORD = "seven plums on a windowsill"


def _invite(app: Flask, admin_browser: FlaskClient, email: str, role: str = "editor") -> str:
    response = submit(
        admin_browser,
        "/manage/users/invite",
        {"name": "Robin Editor", "email": email, "role": role},
    )
    assert response.status_code == 200
    found = _LINK.search(page_text(response))
    assert found, visible_text(page_text(response))
    return found.group(1)


def test_an_admin_invites_an_editor_who_sets_a_password_and_an_app(
    empty_app: Flask, client: FlaskClient
) -> None:
    admin = make_staff(empty_app, Role.ADMIN)
    sign_in(empty_app, client, admin)
    link = _invite(empty_app, client, "Robin@Example.org")

    newcomer = empty_app.test_client()
    response = newcomer.get(link)
    assert response.headers["Location"] == "/manage/invitation"
    page = visible_text(page_text(newcomer.get("/manage/invitation")))
    assert "Create your password" in page and "robin@example.org" in page

    refused = submit(newcomer, "/manage/invitation", {"password": "password123"})
    assert "one of the most common" in visible_text(page_text(refused))
    response = submit(newcomer, "/manage/invitation", {"password": NEW_PASSWORD})
    assert response.headers["Location"] == "/manage/set-up-two-factor"

    setup = visible_text(page_text(newcomer.get("/manage/set-up-two-factor")))
    secret = setup.split("instead: ")[1].split(" Enter")[0].replace(" ", "")
    response = submit(
        newcomer, "/manage/set-up-two-factor", {"code": second_factor.code_for(secret)}
    )
    assert response.headers["Location"] == "/manage/recovery-codes"
    assert newcomer.get("/manage/").status_code == 200

    # The link worked once.
    assert empty_app.test_client().get(link).status_code == 410
    with empty_app.app_context():
        robin = db.session.scalars(sa.select(User).where(User.email == "robin@example.org")).one()
        assert robin.role == Role.EDITOR and robin.has_second_factor


def test_an_expired_invitation_does_not_work(empty_app: Flask, client: FlaskClient) -> None:
    admin = make_staff(empty_app, Role.ADMIN)
    sign_in(empty_app, client, admin)
    link = _invite(empty_app, client, "late@example.org")
    with empty_app.app_context():
        db.session.execute(
            sa.update(AccountLink).values(expires_at=now_utc() - timedelta(minutes=1))
        )
        db.session.commit()
    response = empty_app.test_client().get(link)
    assert response.status_code == 410
    assert "This link has expired or has been used" in visible_text(page_text(response))


def test_a_new_link_stops_the_old_one(empty_app: Flask, client: FlaskClient) -> None:
    admin = make_staff(empty_app, Role.ADMIN)
    sign_in(empty_app, client, admin)
    first = _invite(empty_app, client, "twice@example.org")
    with empty_app.app_context():
        person = db.session.scalars(sa.select(User).where(User.email == "twice@example.org")).one()
    response = submit(client, f"/manage/users/{person.id}", {}, follow_redirects=False)
    assert response.status_code == 405  # the page itself takes no POST
    page = page_text(client.get(f"/manage/users/{person.id}"))
    from tests.support.staff import token_in

    response = client.post(
        f"/manage/users/{person.id}/reset-link", data={"csrf_token": token_in(page)}
    )
    second = _LINK.search(page_text(response)).group(1)
    assert first != second
    assert empty_app.test_client().get(first).status_code == 410
    assert empty_app.test_client().get(second).status_code == 302


def test_an_admin_reset_link_ends_every_session_of_that_account(
    empty_app: Flask, client: FlaskClient
) -> None:
    admin = make_staff(empty_app, Role.ADMIN, email="admin@example.org")
    editor = make_staff(empty_app, Role.EDITOR)
    sign_in(empty_app, client, admin)
    editor_browser = empty_app.test_client()
    sign_in(empty_app, editor_browser, editor)

    from tests.support.staff import csrf_token

    token = csrf_token(client, f"/manage/users/{editor.id}")
    response = client.post(f"/manage/users/{editor.id}/reset-link", data={"csrf_token": token})
    link = _LINK.search(page_text(response)).group(1)

    stranger = empty_app.test_client()
    stranger.get(link)
    response = submit(stranger, "/manage/new-password", {"password": NEW_PASSWORD})
    assert response.headers["Location"] == "/manage/sign-in?password_changed=1"
    assert editor_browser.get("/manage/").status_code == 302
    with empty_app.app_context():
        left = db.session.scalars(sa.select(WebSession.user_id)).all()
    assert editor.id not in left

    editor.password = NEW_PASSWORD
    sign_in(empty_app, empty_app.test_client(), editor)


def test_with_smtp_a_reset_link_is_emailed_and_nothing_says_who_has_an_account(
    make_app: Callable[..., Flask], smtp_server
) -> None:
    settings, mailbox = smtp_server
    app = make_app(smtp=settings)
    editor = make_staff(app, Role.EDITOR, email="editor@example.org")
    browser = app.test_client()

    known = submit(browser, "/manage/reset-password", {"email": "Editor@example.org"})
    unknown = submit(browser, "/manage/reset-password", {"email": "nobody@example.org"})
    assert visible_text(page_text(known)) == visible_text(page_text(unknown))
    assert "Check your email" in visible_text(page_text(known))

    assert len(mailbox.messages) == 1
    message = email.message_from_string(mailbox.messages[0], policy=email.policy.default)
    assert message["To"] == "editor@example.org"
    assert message["From"] == "dir@example.org"
    link = _LINK.search(message.get_content()).group(1)
    browser.get(link)
    response = submit(browser, "/manage/new-password", {"password": NEW_PASSWORD})
    assert response.headers["Location"] == "/manage/sign-in?password_changed=1"
    editor.password = NEW_PASSWORD
    sign_in(app, app.test_client(), editor)


def test_with_smtp_an_invitation_is_emailed_not_shown(
    make_app: Callable[..., Flask], smtp_server
) -> None:
    settings, mailbox = smtp_server
    app = make_app(smtp=settings)
    admin = make_staff(app, Role.ADMIN)
    browser = app.test_client()
    sign_in(app, browser, admin)
    response = submit(
        browser,
        "/manage/users/invite",
        {"name": "Kit", "email": "kit@example.org", "role": "editor"},
    )
    assert _LINK.search(page_text(response)) is None
    assert "We have emailed a link to kit@example.org." in visible_text(page_text(response))
    message = email.message_from_string(mailbox.messages[0], policy=email.policy.default)
    assert _LINK.search(message.get_content())


def test_without_smtp_staff_are_told_to_ask_an_admin(empty_app: Flask, client: FlaskClient) -> None:
    page = visible_text(page_text(client.get("/manage/reset-password")))
    assert "Ask an administrator to make you a link to reset your password." in page
    assert client.get("/manage/sign-in").status_code == 200


def test_create_admin_makes_the_first_admin(empty_app: Flask) -> None:
    runner = empty_app.test_cli_runner()
    result = runner.invoke(
        args=["users", "create-admin", "--email", "First@Example.org", "--name", "Ada"],
        input="dudley2024\ndudley2024\n",
    )
    assert result.exit_code != 0
    assert "must not be the name of the council" in result.output

    result = runner.invoke(
        args=["users", "create-admin", "--email", "First@Example.org", "--name", "Ada"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Made the admin first@example.org" in result.output
    with empty_app.app_context():
        admin = db.session.scalars(sa.select(User)).one()
        assert admin.role == Role.ADMIN and not admin.has_second_factor

    again = runner.invoke(
        args=["users", "create-admin", "--email", "first@example.org", "--name", "Ada"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert again.exit_code != 0 and "already an account" in again.output
