"""Sessions live on the server: sign-out ends them there, and they time out when idle or old."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts.sessions import as_utc, now_utc
from directory.extensions import db
from directory.models import Role, User, WebSession
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import csrf_token, make_staff, session_cookie, sign_in, token_in


def _age_session(
    app: Flask, *, idle: timedelta = timedelta(), age: timedelta = timedelta()
) -> None:
    with app.app_context():
        db.session.execute(
            sa.update(WebSession).values(last_seen_at=now_utc() - idle, created_at=now_utc() - age)
        )
        db.session.commit()


def test_signing_out_ends_the_session_on_the_server(empty_app: Flask, client: FlaskClient) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    sign_in(empty_app, client, editor)
    kept = session_cookie(client)

    home = page_text(client.get("/manage/"))
    response = client.post("/manage/sign-out", data={"csrf_token": token_in(home)})
    assert response.headers["Location"] == "/manage/sign-in?signed_out=1"
    assert session_cookie(client) is None
    with empty_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(WebSession)) == 0

    replay = empty_app.test_client()
    replay.set_cookie("signpost_session", kept)
    assert replay.get("/manage/").headers["Location"].startswith("/manage/sign-in")


def test_thirty_minutes_idle_ends_a_staff_session(empty_app: Flask, client: FlaskClient) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    sign_in(empty_app, client, editor)
    _age_session(empty_app, idle=timedelta(minutes=29), age=timedelta(minutes=29))
    assert client.get("/manage/").status_code == 200

    _age_session(empty_app, idle=timedelta(minutes=31), age=timedelta(minutes=31))
    response = client.get("/manage/")
    assert response.headers["Location"] == "/manage/sign-in?next=/manage/&ended=idle"
    page = visible_text(page_text(client.get(response.headers["Location"])))
    assert "You were signed out because you did nothing for 30 minutes." in page
    with empty_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(WebSession)) <= 1


def test_twenty_hours_ends_a_staff_session_however_busy(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    sign_in(empty_app, client, editor)
    _age_session(empty_app, idle=timedelta(minutes=1), age=timedelta(hours=19, minutes=59))
    assert client.get("/manage/").status_code == 200

    _age_session(empty_app, idle=timedelta(minutes=1), age=timedelta(hours=20, minutes=1))
    response = client.get("/manage/")
    assert response.headers["Location"] == "/manage/sign-in?next=/manage/&ended=absolute"


def test_using_the_site_keeps_the_session_alive(empty_app: Flask, client: FlaskClient) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    sign_in(empty_app, client, editor)
    _age_session(empty_app, idle=timedelta(minutes=20), age=timedelta(minutes=20))
    assert client.get("/manage/").status_code == 200
    with empty_app.app_context():
        seen = db.session.scalar(sa.select(WebSession.last_seen_at))
    assert seen is not None
    assert now_utc() - as_utc(seen) < timedelta(minutes=1)


def test_disabling_an_account_ends_its_sessions_at_once(empty_app: Flask) -> None:
    admin = make_staff(empty_app, Role.ADMIN, email="admin@example.org")
    editor = make_staff(empty_app, Role.EDITOR)
    admin_browser, editor_browser = empty_app.test_client(), empty_app.test_client()
    sign_in(empty_app, admin_browser, admin)
    sign_in(empty_app, editor_browser, editor)
    assert editor_browser.get("/manage/").status_code == 200

    token = csrf_token(admin_browser, f"/manage/users/{editor.id}")
    admin_browser.post(f"/manage/users/{editor.id}/access", data={"csrf_token": token})
    with empty_app.app_context():
        assert db.session.get(User, editor.id).disabled
    assert editor_browser.get("/manage/").status_code == 302


def test_the_family_site_sets_no_session_cookie(empty_app: Flask, client: FlaskClient) -> None:
    for path in ("/", "/privacy", "/accessibility-statement"):
        response = client.get(path)
        assert "Set-Cookie" not in response.headers, path


def test_sessions_kept_in_redis_time_out_and_end_the_same_way(make_app) -> None:  # type: ignore[no-untyped-def]
    import json

    import redis

    from tests.support.redis import forget, fresh_prefix, redis_url

    url, prefix = redis_url(), fresh_prefix()
    try:
        app = make_app(session_store="redis", redis_url=url, rate_limit_prefix=prefix)
        editor = make_staff(app, Role.EDITOR)
        browser = app.test_client()
        sign_in(app, browser, editor)
        assert browser.get("/manage/").status_code == 200
        client = redis.Redis.from_url(url)
        [key] = list(client.scan_iter(match=f"{prefix}:session:*"))
        record = json.loads(client.get(key))
        record["last_seen_at"] = (now_utc() - timedelta(minutes=31)).isoformat()
        client.set(key, json.dumps(record))
        response = browser.get("/manage/")
        assert response.headers["Location"] == "/manage/sign-in?next=/manage/&ended=idle"
        assert client.get(key) is None, "the timed-out session is deleted from Redis"
    finally:
        forget(prefix)
