"""Pages about the site itself: accessibility statement, privacy notice and language choice."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, abort, current_app, redirect, render_template, request
from werkzeug.wrappers import Response

from directory.i18n import LOCALE_COOKIE, available_locales, without_language
from directory.links import safe_local_path
from directory.lists.storage import COOKIE as LIST_COOKIE
from directory.public_address import site_address

blueprint = Blueprint("site", __name__)

# Update these when the service is tested again or the statement or notice is reviewed.
ACCESSIBILITY_TESTED = date(2026, 11, 23)
ACCESSIBILITY_STATEMENT_PREPARED = date(2026, 11, 23)
PRIVACY_NOTICE_UPDATED = date(2026, 12, 6)  # requests for support

LOCALE_COOKIE_LIFETIME = timedelta(days=365)


@blueprint.get("/accessibility-statement")
def accessibility_statement() -> str:
    return render_template(
        "site/accessibility_statement.html",
        site_address=site_address(),
        tested=ACCESSIBILITY_TESTED,
        prepared=ACCESSIBILITY_STATEMENT_PREPARED,
    )


@blueprint.get("/privacy")
def privacy() -> str:
    return render_template(
        "site/privacy.html",
        updated=PRIVACY_NOTICE_UPDATED,
        locale_cookie=LOCALE_COOKIE,
        session_cookie=current_app.config["SESSION_COOKIE_NAME"],
        list_cookie=LIST_COOKIE,
    )


@blueprint.get("/browse-safely")
def browse_safely() -> str:
    """How to hide a visit: linked from the safety panel, so it is sensitive itself."""
    return render_template("site/browse_safely.html", exit_this_page=True)


@blueprint.get("/language/<code>")
def choose_language(code: str) -> Response:
    """Remember the visitor's language in a cookie and go back to the page they were on."""
    if code not in available_locales():
        abort(404)
    response = redirect(without_language(safe_local_path(request.args.get("next"))))
    response.set_cookie(
        LOCALE_COOKIE,
        code,
        max_age=LOCALE_COOKIE_LIFETIME,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@blueprint.get("/language")
def forget_language() -> Response:
    """Forget the language chosen (delete the cookie): pages follow the browser again."""
    response = redirect(without_language(safe_local_path(request.args.get("next"))))
    response.delete_cookie(LOCALE_COOKIE, httponly=True, samesite="Lax")
    return response
