"""Every address refuses a body larger than it takes, with a 413 page, before reading it."""

from __future__ import annotations

import io
import re
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from directory.request_limits import FORM_BODY_BYTES
from directory.views.manage.imports import UPLOAD_BODY_BYTES
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.processes import gunicorn_worker

DECLARED = 600 * 1024 * 1024
"""What the attacker's request says it will send: 600 MB."""


class _Body:
    """A request body that makes its bytes as they are read and counts them."""

    def __init__(self, size: int | None = None) -> None:
        self.size = size
        self.read_bytes = 0

    def read(self, wanted: int = -1) -> bytes:
        wanted = 65_536 if wanted is None or wanted < 0 else min(wanted, 65_536)
        if self.size is not None:
            wanted = min(wanted, self.size - self.read_bytes)
        self.read_bytes += wanted
        return b"a" * wanted

    def readline(self, wanted: int = -1) -> bytes:
        return self.read(wanted)


def _post_routes(app: Flask) -> list[str]:
    """Every address that takes a POST, with made-up values for its parts."""
    return sorted(
        re.sub(r"<(?:[^:>]+:)?[^>]+>", "x", rule.rule)
        for rule in app.url_map.iter_rules()
        if "POST" in (rule.methods or ())
    )


@pytest.fixture
def app(site_app: Callable[..., Flask]) -> Flask:
    return site_app()


def test_every_form_refuses_a_huge_body_unread(app: Flask) -> None:
    routes = _post_routes(app)
    assert "/my-list/update" in routes and "/manage/imports/new" in routes
    assert any(route.endswith("/report-a-problem") for route in routes)
    client = app.test_client()
    for route in routes:
        body = _Body(DECLARED)
        response = client.post(
            route,
            content_type="application/x-www-form-urlencoded",
            environ_overrides={"wsgi.input": body, "CONTENT_LENGTH": str(DECLARED)},
        )
        assert response.status_code == 413, route
        assert body.read_bytes == 0, f"{route} read {body.read_bytes} bytes"
        text = visible_text(page_text(response))
        assert "What you sent is too large" in text, route
        assert "Traceback" not in text


def test_a_family_form_refuses_a_body_just_over_its_limit_and_takes_one_just_under(
    app: Flask,
) -> None:
    client = app.test_client()
    over = client.post("/my-list/update", data={"add": "a" * FORM_BODY_BYTES})
    assert over.status_code == 413
    shown = visible_text(page_text(over))
    assert "A form can send up to 64 KB. Go back, shorten what you wrote and try again." in shown
    under = client.post("/my-list/update", data={"add": "a" * (FORM_BODY_BYTES - 1024)})
    assert under.status_code != 413


def test_a_body_sent_without_a_length_is_cut_off_at_the_limit(app: Flask) -> None:
    body = _Body()  # endless, as a chunked upload that never ends
    response = app.test_client().post(
        "/my-list/update",
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"wsgi.input": body, "wsgi.input_terminated": True},
        headers={"Transfer-Encoding": "chunked"},
    )
    assert response.status_code == 413
    assert body.read_bytes <= FORM_BODY_BYTES + 65_536


def test_only_the_import_upload_takes_a_file_sized_body(app: Flask) -> None:
    client = app.test_client()
    boundary, body = encode_multipart(
        {
            "source": "fis",
            "file": FileStorage(io.BytesIO(b"a" * (UPLOAD_BODY_BYTES - 4096)), "big.csv"),
        }
    )
    response = client.post(
        "/manage/imports/new",
        content_type=f"multipart/form-data; boundary={boundary}",
        input_stream=io.BytesIO(body),
    )
    assert response.status_code != 413, "within the upload's limit"
    elsewhere = client.post(
        "/manage/reports/x", data={"file": (io.BytesIO(b"a" * 100_000), "big.csv")}
    )
    assert elsewhere.status_code == 413, "a file to any other address is refused"
    over = client.post(
        "/manage/imports/new",
        content_type="multipart/form-data; boundary=x",
        environ_overrides={"wsgi.input": _Body(), "CONTENT_LENGTH": str(UPLOAD_BODY_BYTES + 1)},
    )
    assert over.status_code == 413
    assert "Files of up to 10 MB can be imported." in visible_text(page_text(over))


def test_the_listing_form_takes_long_text_in_any_script_but_not_a_file(app: Flask) -> None:
    """A 10,000-character Urdu description arrives percent-encoded at about 90 KB, over the
    form default: the editors' listing form takes it, and refuses a body over its own limit."""
    client = app.test_client()
    description = "ہم خاندانوں کی مدد کرتے ہیں " * 400
    for address in ("/manage/listings/new", "/manage/listings/x/edit"):
        taken = client.post(address, data={"description": description, "summary": description})
        assert taken.status_code != 413, address
        refused = client.post(address, data={"description": "a" * 1_100_000})
        assert refused.status_code == 413, address


def test_the_413_page_is_in_the_visitors_language(app: Flask) -> None:
    response = app.test_client().post(
        "/my-list/update?lang=pl",
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"wsgi.input": _Body(DECLARED), "CONTENT_LENGTH": str(DECLARED)},
    )
    assert response.status_code == 413
    assert '<html lang="pl"' in page_text(response)


def _send_huge_post(url: str, path: str, sent: int) -> tuple[bytes, float]:
    """POST declaring 600 MB but sending only ``sent`` bytes; the answer and how long it took."""
    host, port = url.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {DECLARED}\r\n\r\n".encode()
        )
        connection.sendall(b"a" * sent)
        answer = b""
        while chunk := connection.recv(65_536):
            answer += chunk
    return answer, time.monotonic() - started


def test_a_real_worker_answers_a_600_mb_post_with_413_before_the_body_arrives(
    tmp_path: Path,
) -> None:
    """The 600 MB the request promises never come: only a worker that refuses it unread can
    answer (one that read it would wait for the rest until the socket timed out)."""
    database = f"sqlite:///{tmp_path / 'site.db'}"
    migrated_app(config_for_tests(database, tmp_path))
    environment: dict[str, Any] = {
        "DATABASE_URL": database,
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "SEARCH_BACKEND": "memory",
        "SECRET_KEY": "a-secret-for-this-worker",
    }
    with gunicorn_worker(environment) as url:
        for path in ("/my-list/update", "/manage/sign-in"):
            answer, seconds = _send_huge_post(url, path, 1024 * 1024)
            assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
            assert b"What you sent is too large" in answer
            assert seconds < 5
