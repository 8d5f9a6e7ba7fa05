"""Every page sends exactly these security headers."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]+)'")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


def test_security_headers_are_exact(client: FlaskClient) -> None:
    response = client.get("/accessibility-statement")

    policy = response.headers["Content-Security-Policy"]
    nonce = NONCE.search(policy)
    assert nonce is not None
    assert policy == CONTENT_SECURITY_POLICY.format(nonce=nonce.group(1))
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_content_security_policy_names_no_other_site(client: FlaskClient) -> None:
    policy = client.get("/privacy").headers["Content-Security-Policy"]

    for directive in policy.split(";"):
        _name, *sources = directive.split()
        for source in sources:
            assert source in {"'self'", "'none'", "data:"} or NONCE.fullmatch(source), source


def test_the_one_inline_script_carries_this_responses_nonce(client: FlaskClient) -> None:
    response = client.get("/privacy")

    nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
    page = response.get_data(as_text=True)
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert inline_scripts == [f' nonce="{nonce}"']


def test_error_pages_send_the_same_headers(client: FlaskClient) -> None:
    response = client.get("/no-such-page")

    assert response.headers["X-Frame-Options"] == "DENY"
    assert NONCE.search(response.headers["Content-Security-Policy"])
    assert f'nonce="{NONCE.search(response.headers["Content-Security-Policy"]).group(1)}"' in (
        response.get_data(as_text=True)
    )


def test_public_error_pages_send_the_exact_headers(client: FlaskClient) -> None:
    from tests.support.headers import assert_exact_security_headers

    missing = client.get("/services/no-such-listing")
    refused = client.post("/services/no-such-listing/report-a-problem", data={})
    assert (missing.status_code, refused.status_code) == (404, 400)
    for response in (missing, refused):
        assert_exact_security_headers(response)
        nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
        assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)
