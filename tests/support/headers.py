"""The exact security headers every response carries, public, staff or error."""

from __future__ import annotations

from tests.site.test_security_headers import CONTENT_SECURITY_POLICY, NONCE


def assert_exact_security_headers(response) -> None:  # type: ignore[no-untyped-def]
    policy = response.headers["Content-Security-Policy"]
    nonce = NONCE.search(policy)
    assert nonce is not None
    assert policy == CONTENT_SECURITY_POLICY.format(nonce=nonce.group(1))
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response.headers["Permissions-Policy"] == (
        "geolocation=(), camera=(), microphone=(), interest-cohort=()"
    )
