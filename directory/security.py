"""Security headers for every response, set by Flask-Talisman.

The policy allows nothing from other sites: no fonts, scripts, images or analytics from
elsewhere, so a family's searches and postcode stay on this server. ``same-origin`` referrers
keep search words out of the Referer header sent to linked sites.
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}

PERMISSIONS_POLICY = {
    "geolocation": "()",
    "camera": "()",
    "microphone": "()",
    "interest-cohort": "()",
}

talisman = Talisman()


def install_security_headers(app: Flask) -> None:
    production = app.extensions["signpost_config"].environment == "production"
    talisman.init_app(
        app,
        force_https=production,
        strict_transport_security=production,
        session_cookie_secure=production,
        content_security_policy=CONTENT_SECURITY_POLICY,
        content_security_policy_nonce_in=["script-src"],
        referrer_policy="same-origin",
        permissions_policy=PERMISSIONS_POLICY,
        frame_options="DENY",
    )

    @app.after_request
    def _isolate_browsing_context(response):  # type: ignore[no-untyped-def]
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
