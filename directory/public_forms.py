"""CSRF protection for the family site's forms, with nothing kept on the server.

Families have no account and no server session. Their forms (Save to my list, Remove,
Clear the list, Keep a shared list, Report a problem) carry a token that proves the form
came from a page of this site drawn for this browser, checked without any server state:

- the browser holds a random value in a cookie (``signpost_form``: ``HttpOnly``,
  ``SameSite=Lax``, set by the first page with a form that the browser is shown);
- the form's token is that value and the form's purpose, signed with ``SECRET_KEY`` and a
  timestamp by itsdangerous (the signed double-submit cookie pattern).

A POST is accepted only if the signature is good, the token is at most ``LIFETIME`` old, it
was made for this form, and the cookie sent with it is the one it names. Another site
cannot read the cookie or the page, so it cannot make a token that fits a family's cookie;
a token for the list forms does not work for a problem report. A refusal is Flask-WTF's
``CSRFError``, so it gets the site's usual "we could not accept your form" page (400).

Staff pages keep their server session and Flask-WTF's own tokens.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from flask import Flask, current_app, g, request
from flask_wtf.csrf import CSRFError
from itsdangerous import BadData, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from directory.extensions import csrf

COOKIE = "signpost_form"
FIELD = "csrf_token"
SALT = "signpost.public-form"
LIFETIME = timedelta(hours=24)
"""How long a drawn form stays usable: a page left open overnight still saves."""
COOKIE_LIFETIME = timedelta(days=90)
"""As long as the family's list cookie: the value is set once, not with every page, so
pages stay cacheable by the browser (a page that sets a cookie is sent ``no-store``)."""
_BROWSER_VALUE = re.compile(r"[A-Za-z0-9_-]{22,64}")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _browser_value() -> str:
    """This browser's random value: from its cookie, or a new one set with this response."""
    sent = request.cookies.get(COOKIE, "")
    if _BROWSER_VALUE.fullmatch(sent):
        return sent
    if "new_form_cookie" not in g:
        g.new_form_cookie = secrets.token_urlsafe(16)
    return g.new_form_cookie


def form_token(purpose: str) -> str:
    """The token for one family form on the page being drawn (a template global)."""
    return _serializer().dumps({"purpose": purpose, "browser": _browser_value()})


def check(purpose: str) -> None:
    """Refuse (``CSRFError``) a POST whose token is missing, forged, stale or not for here."""
    token = request.form.get(FIELD, "")
    if not token:
        raise CSRFError("The form has no token.")
    try:
        claims = _serializer().loads(token, max_age=int(LIFETIME.total_seconds()))
    except BadData as error:  # a bad signature, a stale token or junk
        raise CSRFError(f"The form's token was refused: {type(error).__name__}.") from None
    if not isinstance(claims, dict) or claims.get("purpose") != purpose:
        raise CSRFError("The form's token was made for another form.")
    sent = request.cookies.get(COOKIE, "")
    if not sent or not secrets.compare_digest(str(claims.get("browser", "")), sent):
        raise CSRFError("The form's token does not match this browser's cookie.")


def protected(purpose: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Check a family form's POSTs with a stateless token (see ``check``) instead of
    Flask-WTF's session token."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if request.method == "POST":
                check(purpose)
            return view(*args, **kwargs)

        return csrf.exempt(checked)

    return decorate


def _set_new_cookie(response: Response) -> Response:
    browser = g.get("new_form_cookie")
    if browser is None:
        return response
    response.set_cookie(
        COOKIE,
        browser,
        max_age=COOKIE_LIFETIME,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def install(app: Flask) -> None:
    app.add_template_global(form_token, "public_form_token")
    app.after_request(_set_new_cookie)
