"""The second factor done right: each code works once, even when two sign-ins race, and
changing the app or the recovery codes needs the password and a current code."""

from __future__ import annotations

import threading

import pyotp
import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts import second_factor, users
from directory.extensions import db
from directory.models import RecoveryCode, Role, User, WebSession
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import (
    PASSWORD,
    Staff,
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
