"""Error pages in the GOV.UK style, with the council's help line and never a stack trace."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import (
    BadRequest,
    Forbidden,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
    RequestEntityTooLarge,
    TooManyRequests,
)

from directory.accounts.unavailable import SignInUnavailable
from directory.request_limits import FORM_BODY_BYTES, KILOBYTE

Page = tuple[str, int] | tuple[str, int, dict[str, str]]


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, csrf_failed)
    app.register_error_handler(BadRequest, bad_request)
    app.register_error_handler(Forbidden, forbidden)
    app.register_error_handler(NotFound, not_found)
    app.register_error_handler(TooManyRequests, too_many_requests)
    app.register_error_handler(MethodNotAllowed, method_not_allowed)
    app.register_error_handler(RequestEntityTooLarge, too_large)
    app.register_error_handler(InternalServerError, server_error)
    app.register_error_handler(SignInUnavailable, sign_in_unavailable)


def csrf_failed(error: CSRFError) -> Page:
    from directory.views.lists import cookies_off_page

    return cookies_off_page() or (render_template("errors/csrf.html"), 400)


def bad_request(error: BadRequest) -> Page:
    return render_template("errors/400.html"), 400


def forbidden(error: Forbidden) -> Page:
    return render_template("errors/403.html"), 403


def too_many_requests(error: TooManyRequests) -> Page:
    return render_template("errors/429.html"), 429, {"Retry-After": "60"}


def not_found(error: NotFound) -> Page:
    return render_template("errors/404.html"), 404


def method_not_allowed(error: MethodNotAllowed) -> Page:
    # HTTP requires a 405 to say which methods the address does accept.
    allowed = ", ".join(sorted(error.valid_methods or []))
    return render_template("errors/405.html"), 405, {"Allow": allowed}


def too_large(error: RequestEntityTooLarge) -> Page:
    """Refused before the body was read; the page says how much the address takes."""
    limit = request.max_content_length or FORM_BODY_BYTES
    page = render_template(
        "errors/413.html",
        upload=limit > FORM_BODY_BYTES,
        kilobytes=limit // KILOBYTE,
        megabytes=limit // (KILOBYTE * KILOBYTE),
    )
    return page, 413


def server_error(error: InternalServerError) -> Page:
    # Flask has already logged the original exception with its traceback.
    return render_template("errors/500.html"), 500


def sign_in_unavailable(error: SignInUnavailable) -> Page:
    return render_template("errors/sign_in_unavailable.html"), 503, {"Retry-After": "300"}
