"""The Open Referral UK read API at /api/oruk/: open to any site (CORS), cached by shared
caches for five minutes, answered with 304 when nothing changed, and throttled per address.

These headers are for the API only: the site's pages stay private to the browser and
same-origin (see ``directory.responses`` and ``directory.security``).
"""

from __future__ import annotations

import math
import os
import time
from datetime import date

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many

from directory.api import errors
from directory.api.queries import PageIndexes, last_changed
from directory.api.views import NDJSON, blueprint
from directory.config import ConfigError

DEFAULT_RATE_LIMIT = "300 per minute"
"""Requests one address may make, in Flask-Limiter's notation; ``ORUK_API_RATE_LIMIT``
changes it. Enough to read a directory of 10,000 listings one by one in 35 minutes."""

CACHING = "public, max-age=300"
NOT_STORED = "no-store"

errors.register(blueprint)


def install(app: Flask) -> None:
    app.extensions["oruk_api_pages"] = PageIndexes()
    app.config.setdefault(
        "ORUK_API_RATE_LIMIT", os.environ.get("ORUK_API_RATE_LIMIT") or DEFAULT_RATE_LIMIT
    )
    try:
        parse_many(app.config["ORUK_API_RATE_LIMIT"])
    except ValueError:
        raise ConfigError(
            "ORUK_API_RATE_LIMIT must be a rate like '300 per minute' or "
            f"'60 per minute;1000 per hour', not {app.config['ORUK_API_RATE_LIMIT']!r}."
        ) from None
    app.register_blueprint(blueprint)
    limiter: Limiter = app.extensions["signpost_limiter"]
    # One budget for the whole API per address, not one per address and route.
    limiter.shared_limit(_rate_limit, scope="oruk-api", key_func=get_remote_address)(blueprint)


def _rate_limit() -> str:
    return current_app.config["ORUK_API_RATE_LIMIT"]


@blueprint.after_request
def _api_headers(response: Response) -> Response:
    headers = response.headers
    headers["Access-Control-Allow-Origin"] = "*"
    headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    if request.method == "OPTIONS":  # a CORS preflight: no body
        response.status_code = 204
        response.set_data(b"")
        headers.pop("Content-Type", None)
        headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        headers["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        headers["Access-Control-Max-Age"] = "86400"
    if response.status_code == 429:
        headers["Retry-After"] = str(_seconds_to_wait())
    if response.status_code == 429 or response.status_code >= 500:
        headers["Cache-Control"] = NOT_STORED
        return response
    headers["Cache-Control"] = CACHING
    if response.status_code == 200 and request.method in {"GET", "HEAD"}:
        return _conditional(response)
    return response


def _conditional(response: Response) -> Response:
    """An ETag from the body and Last-Modified from the latest write: a client that has
    this version gets 304 and no body. Streams (ndjson) are sent whole."""
    if response.is_streamed or response.mimetype == NDJSON:
        return response
    response.add_etag()
    response.last_modified = last_changed(date.today())
    response.make_conditional(request)  # in place: 304 with no body when the client has it
    return response


def _seconds_to_wait() -> int:
    limiter: Limiter = current_app.extensions["signpost_limiter"]
    limit = limiter.current_limit
    if limit is None:
        return 60
    return max(1, math.ceil(limit.reset_at - time.time()))
