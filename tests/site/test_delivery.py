"""Every kind of response is compressed when the browser accepts it, and cached only as is safe."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest
from flask import Flask, render_template_string
from flask.testing import FlaskClient

from directory.assets import DIST

BROTLI_OR_GZIP = {"Accept-Encoding": "gzip, deflate, br, zstd"}
GZIP_ONLY = {"Accept-Encoding": "gzip"}
PAGE_CACHING = "private, no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"


def _decoded(response) -> bytes:  # type: ignore[no-untyped-def]
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, encoding
    return body


def _asset_url(app: Flask, name: str) -> str:
    with app.test_request_context():
        return app.jinja_env.globals["asset_url"](name)


def test_pages_are_sent_with_brotli_or_gzip_and_kept_by_no_shared_cache(
    client: FlaskClient,
) -> None:
    plain = client.get("/privacy")
    with_brotli = client.get("/privacy", headers=BROTLI_OR_GZIP)
    with_gzip = client.get("/privacy", headers=GZIP_ONLY)

    assert "Content-Encoding" not in plain.headers
    assert with_brotli.headers["Content-Encoding"] == "br"
    assert with_gzip.headers["Content-Encoding"] == "gzip"
    for response in (plain, with_brotli, with_gzip):
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == PAGE_CACHING
        assert "Accept-Encoding" in response.headers["Vary"]
    assert b"Privacy notice" in _decoded(with_brotli)
    assert len(with_brotli.get_data()) < len(plain.get_data()) / 3
    assert len(with_gzip.get_data()) < len(plain.get_data()) / 3


def test_page_not_found_is_compressed_and_keeps_its_status(client: FlaskClient) -> None:
    response = client.get("/no-such-page", headers=BROTLI_OR_GZIP)

    assert response.status_code == 404
    assert response.headers["Content-Encoding"] == "br"
    assert b"Page not found" in _decoded(response)
    assert response.headers["Cache-Control"] == PAGE_CACHING


def test_server_error_page_is_compressed_and_never_stored(client: FlaskClient) -> None:
    app = client.application
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/test-only/crash")
    def crash() -> str:
        raise RuntimeError("broken")

    response = client.get("/test-only/crash", headers=GZIP_ONLY)

    assert response.status_code == 500
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"Sorry, there is a problem with the service" in _decoded(response)
    assert response.headers["Cache-Control"] == "no-store"


def test_sensitive_pages_are_never_stored(client: FlaskClient) -> None:
    client.application.add_url_rule(
        "/test-only/sensitive",
        "sensitive",
        lambda: render_template_string(
            '{% extends "base.html" %}{% set exit_this_page = true %}'
            "{% block page_title %}Help{% endblock %}"
            "{% block content %}<h1>Help</h1>{% endblock %}",
            exit_this_page=True,
        ),
    )

    assert client.get("/test-only/sensitive").headers["Cache-Control"] == "no-store"
    assert client.get("/privacy").headers["Cache-Control"] == PAGE_CACHING


def test_a_response_that_sets_a_cookie_is_never_stored(client: FlaskClient) -> None:
    response = client.get("/language/en?next=/privacy")

    assert response.status_code == 302
    assert "Set-Cookie" in response.headers
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("name", ["dudley.css", "application.js", "images/favicon.svg"])
def test_hashed_static_files_are_immutable_and_sent_precompressed(
    client: FlaskClient, built_assets: Path, name: str
) -> None:
    address = _asset_url(client.application, name)
    original = (DIST / address.removeprefix("/static/dist/")).read_bytes()

    for headers, encoding in ((BROTLI_OR_GZIP, "br"), (GZIP_ONLY, "gzip"), ({}, None)):
        response = client.get(address, headers=headers)
        assert response.status_code == 200
        assert response.headers.get("Content-Encoding") == encoding
        assert response.headers["Cache-Control"] == IMMUTABLE
        assert "Accept-Encoding" in response.headers["Vary"]
        assert _decoded(response) == original
        response.close()


def test_brotli_stylesheet_is_far_smaller_than_the_file(
    client: FlaskClient, built_assets: Path
) -> None:
    response = client.get(_asset_url(client.application, "dudley.css"), headers=BROTLI_OR_GZIP)

    assert response.mimetype == "text/css"
    assert len(response.get_data()) < 20 * 1024
    response.close()


def test_unhashed_static_files_are_checked_again_on_each_use(
    client: FlaskClient, built_assets: Path
) -> None:
    response = client.get("/static/dist/assets.json")

    assert response.status_code == 200
    assert "immutable" not in response.headers["Cache-Control"]
    assert "no-cache" in response.headers["Cache-Control"]
    response.close()
