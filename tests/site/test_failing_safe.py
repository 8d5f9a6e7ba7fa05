"""Failing safe: a health check (more in test_failing_stores), 503 with the help line when
the database is down or silent, timeouts that give up in seconds, a proxy's headers believed
only when configured."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from flask import Flask
from sqlalchemy.exc import OperationalError

from directory import create_app
from directory.config import PROJECT_ROOT
from directory.extensions import db
from tests.support.apps import config_for_tests
from tests.support.client import HygieneCheckingClient, page_text
from tests.support.databases import database_backends, fresh_database
from tests.support.headers import assert_exact_security_headers
from tests.support.html import visible_text
from tests.support.staff import submit

HELP_LINE = "call Dudley family centres on 01384 812440"
PAGES = ("/", "/privacy", "/find-support?q=food", "/services/any-id", "/manage/sign-in")


def test_health_says_ok_when_the_database_and_index_answer(
    site_app: Callable[..., Flask],
) -> None:
    app = site_app()
    with app.app_context():
        app.extensions["search"].rebuild(allow_empty=True)
    response = app.test_client().get("/health")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "OK\n"


def test_health_says_only_degraded_when_the_index_is_missing(
    site_app: Callable[..., Flask],
) -> None:
    """Search answers from its in-memory fallback, so families are served: 200, degraded."""
    response = site_app().test_client().get("/health")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "Degraded\n", "no details for the public"


def test_health_checks_redis_when_the_site_uses_it(site_app: Callable[..., Flask]) -> None:
    app = site_app(session_store="redis", redis_url=f"redis://127.0.0.1:{_closed_port()}/0")
    with app.app_context():
        app.extensions["search"].rebuild(allow_empty=True)
    response = app.test_client().get("/health")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "Degraded\n")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _unreachable_app(tmp_path: Path, url: str, **settings: object) -> Flask:
    app = create_app(config_for_tests(url, tmp_path, **settings))
    app.test_client_class = HygieneCheckingClient
    return app


@pytest.mark.postgres
def test_every_page_answers_503_with_the_help_line_when_the_database_is_down(
    tmp_path: Path,
) -> None:
    app = _unreachable_app(tmp_path, f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/x")
    client = app.test_client()
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 503, path
        text = visible_text(page_text(response))
        assert "Sorry, the service is unavailable" in text, path
        assert HELP_LINE in text, path
        assert response.headers["Cache-Control"] == "no-store"
        assert_exact_security_headers(response)
    staff = client.get("/manage/", headers={"Cookie": "signpost_session=some-old-session-id"})
    assert staff.status_code == 503
    assert_exact_security_headers(staff)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never says a word, like a hung database."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
                held.append(connection)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=2)
    for connection in held:
        connection.close()
    listener.close()


def test_a_silent_database_fails_a_page_in_seconds(tmp_path: Path, silent_server: int) -> None:
    app = _unreachable_app(
        tmp_path,
        f"postgresql+psycopg://postgres@127.0.0.1:{silent_server}/x",
        database_connect_timeout=2,
    )
    started = time.monotonic()
    response = app.test_client().get("/")
    took = time.monotonic() - started
    assert response.status_code == 503
    assert took < 8, f"took {took:.1f} s"


@pytest.mark.parametrize("backend", [p for p in database_backends() if "postgres" in str(p)])
def test_a_slow_statement_is_stopped_by_the_statement_timeout(backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path) as url:
        app = create_app(config_for_tests(url, tmp_path, database_statement_timeout=1))
        with app.app_context():
            started = time.monotonic()
            with pytest.raises(OperationalError, match="statement timeout"):
                db.session.execute(sa.text("SELECT pg_sleep(5)"))
            assert time.monotonic() - started < 4
            db.session.rollback()
            db.engine.dispose()


def test_forwarded_addresses_count_only_behind_a_trusted_proxy(
    site_app: Callable[..., Flask],
) -> None:
    for trusted, expected in ((0, [200, 429]), (1, [200, 200])):
        app = site_app(sign_in_limit="1 per minute", trusted_proxies=trusted)
        statuses = []
        for address in ("198.51.100.1", "198.51.100.2"):
            client = app.test_client()
            headers = {"X-Forwarded-For": address}
            token_page = client.get("/manage/sign-in", headers=headers)
            from tests.support.staff import token_in

            response = client.post(
                "/manage/sign-in",
                data={
                    "csrf_token": token_in(page_text(token_page)),
                    "email": "a@b.c",
                    "password": "x",
                },
                headers=headers,
            )
            statuses.append(response.status_code)
        assert statuses == expected, f"TRUSTED_PROXIES={trusted}"


def test_links_made_behind_a_trusted_proxy_use_the_configured_address(
    site_app: Callable[..., Flask],
) -> None:
    """The proxy's X-Forwarded-Host is believed for nothing that builds a link."""
    from directory.models import Role
    from tests.support.staff import make_staff, sign_in

    app = site_app(trusted_proxies=1, public_base_url="https://directory.example.org")
    admin = make_staff(app, Role.ADMIN)
    client = app.test_client()
    sign_in(app, client, admin)
    client.environ_base.update(
        {
            "HTTP_X_FORWARDED_PROTO": "https",
            "HTTP_X_FORWARDED_HOST": "proxy.internal",
            # Over https, Flask-WTF also checks the form came from this site.
            "HTTP_REFERER": "https://proxy.internal/manage/users/invite",
        }
    )
    response = submit(
        client,
        "/manage/users/invite",
        {"name": "Kit", "email": "kit@example.org", "role": "editor"},
    )
    assert "https://directory.example.org/manage/invitation/" in page_text(response)


def test_outside_development_a_missing_sqlite_file_stops_the_site(tmp_path: Path) -> None:
    missing = tmp_path / "gone.db"
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=PROJECT_ROOT,
        env={
            "SIGNPOST_ENV": "production",
            "SECRET_KEY": "x" * 32,
            "TOTP_ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "PUBLIC_BASE_URL": "https://directory.example.org",
            "DATABASE_URL": f"sqlite:///{missing}",
            "PATH": "",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"Signpost cannot start: The SQLite database {missing} does not exist." in result.stderr
    assert not missing.exists()
