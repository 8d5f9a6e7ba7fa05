"""A failing session store or rate-limit store costs staff their sign-in, never families
their pages; /health says what is failing, honestly.

Real failures: Redis at a closed local port, an SQLite database locked by another
connection that holds a write transaction, and a free-space threshold above the real
free space.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import make_url

from directory.extensions import SQLITE_BUSY_TIMEOUT_MS
from directory.lists import ids
from directory.lists.storage import COOKIE as LIST_COOKIE
from directory.models import Role
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import make_staff, token_in

UNAVAILABLE = "Sorry, signing in is unavailable"
TOKEN = "a-health-token-for-the-tests-0123456789"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dead_redis() -> str:
    return f"redis://127.0.0.1:{_closed_port()}/0"


@pytest.fixture
def demo_site(site_app: Callable[..., Flask]) -> Callable[..., Flask]:
    """A site with the demo listings and a built index, with settings changed."""

    def make(**overrides: object) -> Flask:
        from directory.demo.loader import load_demo

        app = site_app(health_token=TOKEN, **overrides)
        with app.app_context():
            load_demo(app.extensions["council"])
            app.extensions["search"].rebuild()
        return app

    return make


def _a_service(app: Flask) -> str:
    from tests.lists.helpers import public_ids

    [(service_id, _)] = public_ids(app, 1)
    return service_id


def _family_uses_the_site(app: Flask, *, with_results: bool = True) -> FlaskClient:
    """A family's visit: pages, a save with JavaScript off, the list, a problem report."""
    service_id = _a_service(app)
    family = app.test_client()
    pages = ["/", f"/services/{service_id}", "/my-list"]
    if with_results:
        pages.append("/find-support?q=food")
    for path in pages:
        assert family.get(path).status_code == 200, path
    page = page_text(family.get(f"/services/{service_id}"))
    saved = family.post("/my-list/update", data={"csrf_token": token_in(page), "add": service_id})
    assert saved.status_code == 303
    cookie = family.get_cookie(LIST_COOKIE)
    assert ids.read(cookie.value if cookie else None).ids == (service_id,)
    report = f"/services/{service_id}/report-a-problem"
    sent = family.post(
        report,
        data={"csrf_token": token_in(page_text(family.get(report))), "what_is_wrong": "Closed"},
    )
    assert sent.status_code == 302
    return family


def _says_sign_in_is_unavailable(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 503
    text = visible_text(page_text(response))
    assert UNAVAILABLE in text
    assert "Try again in a few minutes." in text
    assert response.headers["Cache-Control"] == "no-store"


def _report(app: Flask) -> dict:  # type: ignore[type-arg]
    response = app.test_client().get("/health", headers={"Authorization": f"Bearer {TOKEN}"})
    report = json.loads(response.get_data(as_text=True))
    report["code"] = response.status_code
    return report


def test_with_redis_down_families_are_served_and_staff_told_sign_in_is_unavailable(
    demo_site: Callable[..., Flask],
) -> None:
    app = demo_site(session_store="redis", rate_limit_store="redis", redis_url=_dead_redis())
    _family_uses_the_site(app)
    staff = app.test_client()
    _says_sign_in_is_unavailable(staff.get("/manage/sign-in"))
    staff.set_cookie("signpost_session", "a-session-from-before")
    _says_sign_in_is_unavailable(staff.get("/manage/"))
    # A family whose browser still has a staff member's old cookie is served all the same.
    assert staff.get("/find-support?q=food").status_code == 200

    public = app.test_client().get("/health")
    assert (public.status_code, public.get_data(as_text=True)) == (200, "Degraded\n")
    report = _report(app)
    assert report["status"] == "degraded" and report["code"] == 200
    assert report["checks"]["session_store"]["status"] == "degraded"
    assert report["checks"]["rate_limit_store"]["status"] == "degraded"
    assert report["checks"]["database"]["status"] == "ok"
    assert report["checks"]["search"]["status"] == "ok"


def test_with_only_the_limit_store_down_sign_in_is_refused_and_reports_still_counted(
    demo_site: Callable[..., Flask],
) -> None:
    app = demo_site(rate_limit_store="redis", redis_url=_dead_redis(), report_limit="2 per hour")
    editor = make_staff(app, Role.EDITOR)
    staff = app.test_client()
    page = page_text(staff.get("/manage/sign-in"))
    response = staff.post(
        "/manage/sign-in",
        data={"csrf_token": token_in(page), "email": editor.email, "password": editor.password},
    )
    _says_sign_in_is_unavailable(response)
    # Problem reports fall back to counting in this process: still limited, never a 500.
    service_id = _a_service(app)
    family = app.test_client()
    report = f"/services/{service_id}/report-a-problem"
    statuses = []
    for _ in range(3):
        token = token_in(page_text(family.get(report)))
        sent = family.post(report, data={"csrf_token": token, "what_is_wrong": "Closed"})
        statuses.append(sent.status_code)
    assert statuses == [302, 302, 429]


@contextmanager
def _write_lock(app: Flask) -> Iterator[None]:
    """Another connection holds a write transaction on the SQLite file, as an import does."""
    path = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_with_sqlite_locked_by_a_writer_families_are_served_and_staff_get_503(
    demo_site: Callable[..., Flask],
) -> None:
    app = demo_site()
    with _write_lock(app):
        _family_uses_the_site_without_reporting(app)
        started = time.monotonic()
        results = app.test_client().get("/find-support?q=food+bank")
        assert results.status_code == 200
        # The search record waits 0.2 s for the lock, not the 10 s every other write does.
        assert time.monotonic() - started < SQLITE_BUSY_TIMEOUT_MS / 1000 / 2
        _says_sign_in_is_unavailable(app.test_client().get("/manage/sign-in"))
        report = _report(app)
    assert report["code"] == 200
    assert report["checks"]["session_store"]["status"] == "degraded"
    assert "locked" in report["checks"]["session_store"]["detail"]
    assert _report(app)["status"] == "ok", "once the lock is gone, all is well again"


def _family_uses_the_site_without_reporting(app: Flask) -> None:
    """A family's visit while nothing can be written: pages, a save, the list."""
    service_id = _a_service(app)
    family = app.test_client()
    for path in ("/", f"/services/{service_id}", "/my-list"):
        assert family.get(path).status_code == 200, path
    page = page_text(family.get(f"/services/{service_id}"))
    saved = family.post("/my-list/update", data={"csrf_token": token_in(page), "add": service_id})
    assert saved.status_code == 303
    cookie = family.get_cookie(LIST_COOKIE)
    assert ids.read(cookie.value if cookie else None).ids == (service_id,)


def test_health_is_ok_when_every_dependency_answers(demo_site: Callable[..., Flask]) -> None:
    app = demo_site()
    response = app.test_client().get("/health")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "OK\n")
    report = _report(app)
    assert report["status"] == "ok"
    assert set(report["checks"]) == {
        "database",
        "search",
        "session_store",
        "rate_limit_store",
        "disk",
    }
    assert all(check["status"] == "ok" for check in report["checks"].values())


def test_a_missing_index_is_degraded_not_down_since_search_runs_from_its_fallback(
    demo_site: Callable[..., Flask], tmp_path: Path
) -> None:
    app = demo_site()
    with app.app_context():
        app.extensions["search"].close()
    index_dir = app.extensions["signpost_config"].search_index_dir
    moved = tmp_path / "moved-index"
    index_dir.rename(moved)
    results = app.test_client().get("/find-support?q=food")
    assert results.status_code == 200
    assert "Sorry" not in visible_text(page_text(results))
    response = app.test_client().get("/health")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "Degraded\n")
    search = _report(app)["checks"]["search"]
    assert search["status"] == "degraded"
    assert "in-memory fallback" in search["detail"]


def test_a_disk_below_the_threshold_is_reported(demo_site: Callable[..., Flask]) -> None:
    app = demo_site(disk_free_minimum_mb=1024**3)  # a petabyte: more than this disk has
    response = app.test_client().get("/health")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "Degraded\n")
    disk = _report(app)["checks"]["disk"]
    assert disk["status"] == "degraded"
    assert "MB free" in disk["detail"]


@pytest.mark.postgres
def test_health_is_503_when_the_database_is_down(tmp_path: Path) -> None:
    from directory import create_app
    from tests.support.apps import config_for_tests

    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/x"
    app = create_app(config_for_tests(url, tmp_path, health_token=TOKEN))
    response = app.test_client().get("/health")
    assert (response.status_code, response.get_data(as_text=True)) == (503, "Unavailable\n")
    report = _report(app)
    assert report["code"] == 503 and report["status"] == "down"
    assert report["checks"]["database"]["status"] == "down"
    assert report["checks"]["search"]["status"] == "down"


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong-token", f"Bearer {TOKEN}x", TOKEN, f"bearer  {TOKEN}"]
)
def test_the_public_gets_one_word_and_no_details(
    site_app: Callable[..., Flask], authorization: str | None
) -> None:
    app = site_app(health_token=TOKEN, session_store="redis", redis_url=_dead_redis())
    headers = {"Authorization": authorization} if authorization else {}
    response = app.test_client().get("/health", headers=headers)
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) in {"OK\n", "Degraded\n", "Unavailable\n"}


def test_without_a_configured_token_nobody_gets_details(site_app: Callable[..., Flask]) -> None:
    app = site_app()
    response = app.test_client().get("/health", headers={"Authorization": "Bearer "})
    assert response.mimetype == "text/plain"
