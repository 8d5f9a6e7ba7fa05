"""Sign-in limits per address, and the lockout, hold across worker processes sharing Redis."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import Role, User
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.processes import Browser, gunicorn_worker
from tests.support.redis import forget, fresh_prefix, redis_url
from tests.support.staff import PASSWORD, current_code, make_staff, submit, token_in


def test_one_address_may_try_to_sign_in_only_so_often(make_app: Callable[..., Flask]) -> None:
    app = make_app(sign_in_limit="3 per minute")
    client = app.test_client()
    for _ in range(3):
        response = submit(client, "/manage/sign-in", {"email": "a@example.org", "password": "x"})
        assert response.status_code == 200
    response = submit(client, "/manage/sign-in", {"email": "a@example.org", "password": "x"})
    assert response.status_code == 429
    assert "Too many tries" in page_text(response)
    assert client.get("/manage/sign-in").status_code == 200, "only sign-in attempts count"

    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    response = submit(other, "/manage/sign-in", {"email": "a@example.org", "password": "x"})
    assert response.status_code == 200, "another address has its own allowance"


@pytest.fixture
def shared_redis() -> Iterator[tuple[str, str]]:
    url, prefix = redis_url(), fresh_prefix()
    yield url, prefix
    forget(prefix)


@pytest.fixture
def two_workers(
    tmp_path: Path, shared_redis: tuple[str, str]
) -> Callable[..., tuple[Flask, str, str]]:
    """Two gunicorn processes on one database, sharing Redis for sessions and limits."""
    started = []

    def start(sign_in_limit: str) -> tuple[Flask, str, str]:
        url, prefix = shared_redis
        database = f"sqlite:///{tmp_path / 'shared.db'}"
        app = migrated_app(config_for_tests(database, tmp_path))
        environment = {
            "DATABASE_URL": database,
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "SEARCH_BACKEND": "memory",
            "SECRET_KEY": "shared-secret-for-both-workers",
            "REDIS_URL": url,
            "SESSION_STORE": "redis",
            "RATE_LIMIT_STORE": "redis",
            "RATE_LIMIT_PREFIX": prefix,
            "SIGN_IN_RATE_LIMIT": sign_in_limit,
        }
        first = gunicorn_worker(environment)
        second = gunicorn_worker(environment)
        started.extend([first, second])
        return app, first.__enter__(), second.__enter__()

    yield start  # type: ignore[misc]
    for worker in reversed(started):
        worker.__exit__(None, None, None)


def test_the_sign_in_limit_is_shared_by_two_workers(two_workers) -> None:  # type: ignore[no-untyped-def]
    _app, first, second = two_workers("5 per minute")
    browser = Browser()
    statuses = []
    for attempt in range(7):
        worker = first if attempt % 2 == 0 else second
        answer = browser.submit(
            f"{worker}/manage/sign-in", {"email": "a@example.org", "password": "wrong"}
        )
        statuses.append(answer.status)
    assert statuses == [200, 200, 200, 200, 200, 429, 429]


def test_lockout_and_sessions_hold_across_two_workers(two_workers) -> None:  # type: ignore[no-untyped-def]
    app, first, second = two_workers("100 per minute")
    editor = make_staff(app, Role.EDITOR)
    attacker = Browser()
    for attempt in range(10):
        worker = first if attempt % 2 == 0 else second
        attacker.submit(f"{worker}/manage/sign-in", {"email": editor.email, "password": "nope"})
    with app.app_context():
        assert db.session.get(User, editor.id).locked_until is not None
        db.session.execute(sa.update(User).values(locked_until=None))
        db.session.commit()

    # A session begun on one worker is the same session on the other, and ends on both.
    browser = Browser()
    answer = browser.submit(
        f"{first}/manage/sign-in", {"email": editor.email, "password": PASSWORD}
    )
    assert answer.location == "/manage/sign-in/code"
    answer = browser.submit(f"{second}/manage/sign-in/code", {"code": current_code(app, editor)})
    assert answer.location == "/manage/"
    assert browser.request(f"{first}/manage/").status == 200
    token = token_in(browser.request(f"{second}/manage/").text)
    answer = browser.request(f"{second}/manage/sign-out", {"csrf_token": token})
    assert answer.location == "/manage/sign-in?signed_out=1"
    assert browser.request(f"{first}/manage/").status == 302
