"""Signing in: a password, then a one-time code; fresh session ids; nothing given away."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts import second_factor
from directory.accounts.passwords import hasher
from directory.accounts.sessions import now_utc
from directory.accounts.users import LOCKOUT_ATTEMPTS
from directory.extensions import db
from directory.models import RecoveryCode, Role, User, WebSession
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import (
    PASSWORD,
    current_code,
    make_staff,
    session_cookie,
    sign_in,
    submit,
)

REFUSAL = "Enter the email address and password of your account."


def test_an_editor_signs_in_with_a_password_then_a_code(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)

    response = submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    assert response.headers["Location"] == "/manage/sign-in/code"
    assert client.get("/manage/").headers["Location"] == "/manage/sign-in/code"

    response = submit(client, "/manage/sign-in/code", {"code": current_code(empty_app, editor)})
    assert response.headers["Location"] == "/manage/"
    page = client.get("/manage/")
    assert page.status_code == 200
    assert "Staff pages" in visible_text(page_text(page))


def test_sign_in_gives_a_fresh_session_id_at_each_step(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    client.get("/manage/sign-in")
    before = session_cookie(client)
    assert before is not None

    submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    after_password = session_cookie(client)
    submit(client, "/manage/sign-in/code", {"code": current_code(empty_app, editor)})
    after_code = session_cookie(client)

    assert len({before, after_password, after_code}) == 3
    with empty_app.app_context():
        stored = db.session.scalar(sa.select(sa.func.count()).select_from(WebSession))
    assert stored == 1, "the earlier sessions were deleted on the server, not just forgotten"


def test_a_session_id_planted_before_sign_in_is_worthless_after_it(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    client.get("/manage/sign-in")
    planted = session_cookie(client)
    sign_in(empty_app, client, editor)

    attacker = empty_app.test_client()
    attacker.set_cookie("signpost_session", planted)
    assert attacker.get("/manage/").status_code == 302


def test_every_refusal_reads_the_same_so_nothing_says_whether_an_account_exists(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    disabled = make_staff(empty_app, Role.EDITOR)
    with empty_app.app_context():
        db.session.get(User, disabled.id).disabled = True
        db.session.commit()

    pages = []
    for email, password in [
        (editor.email, "not the password at all"),
        ("nobody@example.org", PASSWORD),
        (disabled.email, PASSWORD),
    ]:
        response = submit(client, "/manage/sign-in", {"email": email, "password": password})
        assert response.status_code == 200
        text = visible_text(page_text(response))
        assert REFUSAL in text
        pages.append(text.replace(email, "EMAIL"))
    assert pages[0] == pages[1] == pages[2]


def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    for _ in range(LOCKOUT_ATTEMPTS):
        submit(client, "/manage/sign-in", {"email": editor.email, "password": "wrong wrong wrong"})

    response = submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    assert response.status_code == 200
    assert REFUSAL in visible_text(page_text(response))

    with empty_app.app_context():
        db.session.get(User, editor.id).locked_until = now_utc() - timedelta(seconds=1)
        db.session.commit()
    response = submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    assert response.headers["Location"] == "/manage/sign-in/code"


def test_wrong_codes_count_towards_the_lockout(empty_app: Flask, client: FlaskClient) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    for _ in range(LOCKOUT_ATTEMPTS - 1):
        response = submit(client, "/manage/sign-in/code", {"code": "000000"})
        assert response.status_code == 200
    response = submit(client, "/manage/sign-in/code", {"code": "000000"})
    assert response.headers["Location"] == "/manage/sign-in"
    assert client.get("/manage/").status_code == 302
    with empty_app.app_context():
        assert db.session.get(User, editor.id).locked_until is not None


def test_a_one_time_code_works_only_once(empty_app: Flask) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    code = current_code(empty_app, editor)
    first, second = empty_app.test_client(), empty_app.test_client()
    for browser in (first, second):
        submit(browser, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    assert submit(first, "/manage/sign-in/code", {"code": code}).status_code == 302
    assert submit(second, "/manage/sign-in/code", {"code": code}).status_code == 200


def test_a_recovery_code_stands_in_for_the_app_once(empty_app: Flask) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    with empty_app.app_context():
        from directory.accounts.users import replace_recovery_codes

        codes = replace_recovery_codes(db.session.get(User, editor.id))
        db.session.commit()
    for expected in (302, 200):
        browser = empty_app.test_client()
        submit(browser, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
        response = submit(browser, "/manage/sign-in/code", {"code": codes[0].upper()})
        assert response.status_code == expected
    with empty_app.app_context():
        used = db.session.scalar(
            sa.select(sa.func.count()).where(RecoveryCode.used_at.is_not(None))
        )
    assert used == 1


def test_passwords_are_argon2id_with_at_least_19_mib_and_two_passes(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    with empty_app.app_context():
        stored = db.session.get(User, editor.id).password_hash
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored


def test_an_old_hash_is_replaced_at_sign_in(empty_app: Flask, client: FlaskClient) -> None:
    from argon2 import PasswordHasher, Type

    editor = make_staff(empty_app, Role.EDITOR)
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1, type=Type.ID)
    with empty_app.app_context():
        db.session.get(User, editor.id).password_hash = weak.hash(PASSWORD)
        db.session.commit()
    sign_in(empty_app, client, editor)
    with empty_app.app_context():
        renewed = db.session.get(User, editor.id).password_hash
    assert not hasher.check_needs_rehash(renewed)
    assert hasher.verify(renewed, PASSWORD)


@pytest.mark.parametrize(
    "target", ["//evil.example", "https://evil.example/", "javascript:alert(1)", "/\\evil.example"]
)
def test_sign_in_never_sends_anyone_to_another_site(empty_app: Flask, target: str) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    browser = empty_app.test_client()
    browser.get("/manage/sign-in", query_string={"next": target})
    response = sign_in(empty_app, browser, editor)
    assert response.headers["Location"] == "/manage/"


def test_sign_in_returns_to_the_staff_page_asked_for(empty_app: Flask) -> None:
    editor = make_staff(empty_app, Role.ADMIN)
    browser = empty_app.test_client()
    response = browser.get("/manage/users/")
    assert response.headers["Location"] == "/manage/sign-in?next=/manage/users/"
    browser.get(response.headers["Location"])
    assert sign_in(empty_app, browser, editor).headers["Location"] == "/manage/users/"


def test_a_practitioner_needs_no_code_unless_the_council_says_so(
    empty_app: Flask, client: FlaskClient
) -> None:
    practitioner = make_staff(empty_app, Role.PRACTITIONER, second_factor_set_up=False)
    response = sign_in(empty_app, client, practitioner)
    assert response.headers["Location"] == "/manage/"
    assert client.get("/manage/").status_code == 200


def test_the_qr_code_enrols_an_app_and_recovery_codes_are_shown_once(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR, second_factor_set_up=False)
    response = submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    assert response.headers["Location"] == "/manage/set-up-two-factor"
    assert client.get("/manage/").headers["Location"] == "/manage/set-up-two-factor"

    page = page_text(client.get("/manage/set-up-two-factor"))
    assert 'src="data:image/svg+xml' in page
    secret = visible_text(page).split("type this key into the app instead: ")[1].split(" Enter")[0]
    secret = secret.replace(" ", "")
    wrong = submit(client, "/manage/set-up-two-factor", {"code": "123456"})
    assert "Error:" in page_text(wrong)

    code = second_factor.code_for(secret)
    response = submit(client, "/manage/set-up-two-factor", {"code": code})
    assert response.headers["Location"] == "/manage/recovery-codes"
    codes_page = visible_text(page_text(client.get("/manage/recovery-codes")))
    assert "Save your recovery codes" in codes_page
    assert client.get("/manage/recovery-codes").headers["Location"] == "/manage/account"
    assert client.get("/manage/").status_code == 200
    with empty_app.app_context():
        user = db.session.get(User, editor.id)
        assert user.totp_secret == secret and user.has_second_factor
        assert db.session.scalar(sa.select(sa.func.count()).select_from(RecoveryCode)) == 10


def test_someone_half_signed_in_cannot_replace_the_app(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    response = client.get("/manage/set-up-two-factor")
    assert response.headers["Location"] == "/manage/sign-in/code"
