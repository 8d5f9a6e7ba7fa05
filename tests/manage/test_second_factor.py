"""The second factor done right: each code works once, even when two sign-ins race, and
changing the app or the recovery codes needs the password and a current code."""

from __future__ import annotations

import multiprocessing
import re
import threading

import pyotp
import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory import create_app
from directory.accounts import second_factor, users
from directory.config import Config
from directory.extensions import db
from directory.models import RecoveryCode, Role, User, WebSession
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import (
    PASSWORD,
    Staff,
    csrf_token,
    current_code,
    make_staff,
    session_cookie,
    sign_in,
    submit,
)

RACERS = 8


def _race(app: Flask, staff: Staff, code: str) -> list[bool]:
    """``RACERS`` threads, each with its own connection, give ``code`` at the same moment."""
    start = threading.Barrier(RACERS)
    results: list[bool] = []
    lock = threading.Lock()

    def attempt() -> None:
        with app.app_context():
            user = db.session.get(User, staff.id)
            start.wait()
            accepted = users.check_code(user, code)
            db.session.remove()
        with lock:
            results.append(accepted)

    threads = [threading.Thread(target=attempt) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("trial", range(3))
def test_one_time_code_given_at_once_by_many_sign_ins_is_accepted_exactly_once(
    empty_app: Flask, trial: int
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    results = _race(empty_app, editor, current_code(empty_app, editor))
    assert sorted(results) == [False] * (RACERS - 1) + [True]


@pytest.mark.parametrize("trial", range(3))
def test_a_recovery_code_given_at_once_by_many_sign_ins_is_accepted_exactly_once(
    empty_app: Flask, trial: int
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    with empty_app.app_context():
        codes = users.replace_recovery_codes(db.session.get(User, editor.id))
        db.session.commit()
    assert sorted(_race(empty_app, editor, codes[0])) == [False] * (RACERS - 1) + [True]
    with empty_app.app_context():
        used = db.session.scalar(
            sa.select(sa.func.count()).where(RecoveryCode.used_at.is_not(None))
        )
    assert used == 1


def test_a_code_is_refused_after_it_was_used_even_by_a_stale_copy_of_the_account(
    empty_app: Flask,
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    code = current_code(empty_app, editor)
    with empty_app.app_context():
        stale = db.session.get(User, editor.id)
        stale_last_step = stale.totp_last_step
        with empty_app.app_context():
            assert users.check_code(db.session.get(User, editor.id), code)
        assert stale.totp_last_step == stale_last_step, "this copy has not seen the use"
        assert not users.check_code(stale, code)


def test_an_older_code_is_refused_once_a_newer_one_was_used(empty_app: Flask) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    assert editor.secret is not None
    totp = pyotp.TOTP(editor.secret)
    with empty_app.app_context():
        user = db.session.get(User, editor.id)
        import time

        now_step = int(time.time() // second_factor.STEP_SECONDS)
        newer = totp.at((now_step + 1) * second_factor.STEP_SECONDS)
        older = totp.at(now_step * second_factor.STEP_SECONDS)
        assert users.check_code(user, newer)
        assert not users.check_code(user, older)


def _signed_in_twice(
    app: Flask, role: Role = Role.EDITOR
) -> tuple[Staff, list[str], FlaskClient, FlaskClient]:
    """An account signed in from two browsers (with its app, then with a recovery code)."""
    staff = make_staff(app, role)
    with app.app_context():
        codes = users.replace_recovery_codes(db.session.get(User, staff.id))
        db.session.commit()
    this, other = app.test_client(), app.test_client()
    sign_in(app, this, staff)
    submit(other, "/manage/sign-in", {"email": staff.email, "password": PASSWORD})
    assert submit(other, "/manage/sign-in/code", {"code": codes[0]}).status_code == 302
    return staff, codes, this, other


def _secret_on(page: str) -> str:
    found = re.search(r'id="secret-key">([A-Z2-7 ]+)<', page)
    assert found, "the page shows no key"
    return found.group(1).replace(" ", "")


def _stored_secret(app: Flask, staff: Staff) -> str | None:
    with app.app_context():
        return db.session.get(User, staff.id).totp_secret


def _refusals(app: Flask, staff: Staff, used_code: str) -> list[dict[str, str]]:
    """Every way of asking for a change without both the password and an unused code."""
    return [
        {"password": "", "current_code": current_code(app, staff)},
        {"password": "not my password at all", "current_code": current_code(app, staff)},
        {"password": PASSWORD, "current_code": ""},
        {"password": PASSWORD, "current_code": "000000"},
        {"password": PASSWORD, "current_code": used_code},
        {"password": PASSWORD, "current_code": "aaaa-bbbb-cccc"},
    ]


def test_moving_to_a_new_app_needs_the_password_and_a_current_code(empty_app: Flask) -> None:
    editor, codes, browser, _other = _signed_in_twice(empty_app)
    new_secret = _secret_on(page_text(browser.get("/manage/account/new-app")))
    for asked in _refusals(empty_app, editor, codes[0]):
        new_code = pyotp.TOTP(new_secret).now()
        response = submit(browser, "/manage/account/new-app", {**asked, "code": new_code})
        assert response.status_code == 200, asked
        assert "Error:" in page_text(response)
        assert _stored_secret(empty_app, editor) == editor.secret, asked


def test_moving_to_a_new_app_ends_every_other_session(empty_app: Flask) -> None:
    editor, _codes, browser, other = _signed_in_twice(empty_app)
    new_secret = _secret_on(page_text(browser.get("/manage/account/new-app")))
    before = session_cookie(browser)
    response = submit(
        browser,
        "/manage/account/new-app",
        {
            "password": PASSWORD,
            "current_code": current_code(empty_app, editor),
            "code": pyotp.TOTP(new_secret).now(),
        },
    )
    assert response.headers["Location"] == "/manage/recovery-codes"
    assert _stored_secret(empty_app, editor) == new_secret
    assert "Save your recovery codes" in visible_text(
        page_text(browser.get(response.headers["Location"]))
    )
    assert session_cookie(browser) != before, "this session goes on under a new id"
    assert browser.get("/manage/").status_code == 200
    assert other.get("/manage/").headers["Location"].startswith("/manage/sign-in")
    with empty_app.app_context():
        sessions = db.session.scalars(sa.select(WebSession.user_id)).all()
    assert sessions == [editor.id]


def test_the_set_up_page_cannot_replace_an_app_with_only_the_new_code(empty_app: Flask) -> None:
    editor, _codes, browser, _other = _signed_in_twice(empty_app)
    response = browser.get("/manage/set-up-two-factor")
    assert response.headers["Location"] == "/manage/account/new-app"
    secret = second_factor.new_secret()
    token = csrf_token(browser, "/manage/account")
    browser.post(
        "/manage/set-up-two-factor",
        data={"csrf_token": token, "code": second_factor.code_for(secret)},
    )
    assert _stored_secret(empty_app, editor) == editor.secret


def test_new_recovery_codes_need_the_password_and_a_current_code(empty_app: Flask) -> None:
    editor, codes, browser, other = _signed_in_twice(empty_app)
    for asked in _refusals(empty_app, editor, codes[0]):
        response = submit(browser, "/manage/account/recovery-codes", asked)
        assert response.status_code == 200, asked
        assert "Error:" in page_text(response)
    with empty_app.app_context():
        unused = db.session.scalars(
            sa.select(RecoveryCode.code_hash).where(RecoveryCode.used_at.is_(None))
        ).all()
    assert sorted(unused) == sorted(second_factor.recovery_code_hash(c) for c in codes[1:])

    response = submit(
        browser,
        "/manage/account/recovery-codes",
        {"password": PASSWORD, "current_code": codes[1]},
    )
    assert response.headers["Location"] == "/manage/recovery-codes"
    shown = visible_text(page_text(browser.get("/manage/recovery-codes")))
    with empty_app.app_context():
        stored = db.session.scalars(sa.select(RecoveryCode.code_hash)).all()
    assert len(stored) == second_factor.RECOVERY_CODES
    assert second_factor.recovery_code_hash(codes[2]) not in stored
    assert all(re.sub(r"[^a-z0-9]", "", code) not in shown.replace("-", "") for code in codes), (
        "the old codes are gone"
    )
    assert browser.get("/manage/").status_code == 200
    assert other.get("/manage/").headers["Location"].startswith("/manage/sign-in")


def test_a_bare_button_press_no_longer_replaces_the_recovery_codes(empty_app: Flask) -> None:
    _editor, codes, browser, _other = _signed_in_twice(empty_app)
    response = submit(browser, "/manage/account/recovery-codes", {})
    assert response.status_code == 200
    with empty_app.app_context():
        stored = set(db.session.scalars(sa.select(RecoveryCode.code_hash)))
    assert second_factor.recovery_code_hash(codes[1]) in stored


def test_wrong_tries_at_a_change_lock_the_account_and_sign_out(empty_app: Flask) -> None:
    _editor, _codes, browser, _other = _signed_in_twice(empty_app)
    for _ in range(users.LOCKOUT_ATTEMPTS - 1):
        response = submit(
            browser,
            "/manage/account/recovery-codes",
            {"password": "wrong guess here", "current_code": "1"},
        )
        assert response.status_code == 200
    response = submit(
        browser,
        "/manage/account/recovery-codes",
        {"password": "wrong guess here", "current_code": "1"},
    )
    assert response.headers["Location"] == "/manage/sign-in"
    assert browser.get("/manage/").headers["Location"].startswith("/manage/sign-in")


def _attempt_in_own_process(config: Config, user_id: str, ready, codes, go, results) -> None:  # type: ignore[no-untyped-def]
    """One worker process: its own app and connections, like one gunicorn worker."""
    app = create_app(config)
    with app.app_context():
        user = db.session.get(User, user_id)
        ready.wait()
        code = codes.get(timeout=60)
        go.wait()
        results.put(users.check_code(user, code))


def test_one_time_code_given_at_once_from_several_processes_is_accepted_exactly_once(
    empty_app: Flask,
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    context = multiprocessing.get_context("spawn")
    workers = 4
    ready, go = context.Barrier(workers + 1), context.Barrier(workers)
    codes, results = context.Queue(), context.Queue()
    config = empty_app.extensions["signpost_config"]
    processes = [
        context.Process(
            target=_attempt_in_own_process,
            args=(config, editor.id, ready, codes, go, results),
        )
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    ready.wait(timeout=120)  # every process has started: the code is fresh when they use it
    code = current_code(empty_app, editor)
    for _ in processes:
        codes.put(code)
    outcomes = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    assert sorted(outcomes) == [False] * (workers - 1) + [True]
