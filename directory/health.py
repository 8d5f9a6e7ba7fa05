"""Running behind a proxy, a health check, and failing safe when the database is down.

- ``TRUSTED_PROXIES`` (0 by default) says how many proxies in front of the app set the
  ``X-Forwarded-*`` headers; only then are they believed (the client's address for rate
  limits, https for redirects and cookies). With 0, a forged header changes nothing.
- ``/health`` checks each dependency (``directory.dependencies``) and answers 200 "OK",
  200 "Degraded" (families are served, but something is failing: the search index, so
  search runs from its fallback; the session or rate-limit store, so staff cannot sign in;
  a low disk) or 503 "Unavailable" (families cannot search: the database). Nothing more
  for the public; the reasons go to the log, and to a monitor that sends
  ``Authorization: Bearer <HEALTH_TOKEN>`` as JSON. A token, not "from localhost": behind
  a proxy on the same machine every visitor comes from localhost.
- Every page checks the database first, so when it is down every page answers 503 with
  the council's help line, rather than a 500, or a home page that claims all is well.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging

import sqlalchemy as sa
from flask import Blueprint, Flask, Response, current_app, render_template, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from directory import dependencies
from directory.extensions import db

log = logging.getLogger(__name__)
blueprint = Blueprint("health", __name__)

UNAVAILABLE = 503


class DatabaseUnavailable(HTTPException):
    code = UNAVAILABLE
    description = "The database is not answering."


def install(app: Flask) -> None:
    config = app.extensions["signpost_config"]
    if config.trusted_proxies:
        hops = config.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)  # type: ignore[method-assign]
    app.register_blueprint(blueprint)
    app.before_request(_database_first)
    app.register_error_handler(SQLAlchemyError, _database_failed)
    app.register_error_handler(DatabaseUnavailable, _unavailable_page)
    try:
        import redis

        app.register_error_handler(redis.RedisError, _redis_failed)
    except ImportError:  # pragma: no cover - redis is a dependency
        pass


def _database_first() -> None:
    """One cheap query before any page, so a dead database is found before a page claims
    anything. Static files and the health check (which says so itself) are left alone."""
    if request.endpoint in {"static", "health.health"}:
        return
    try:
        db.session.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        log.error("The database is not answering: %s", error)
        raise DatabaseUnavailable() from error


def _database_failed(error: SQLAlchemyError) -> tuple[str, int]:
    log.exception("A database error stopped a page", exc_info=error)
    with contextlib.suppress(SQLAlchemyError):
        db.session.rollback()
    return _unavailable_page(error)


def _redis_failed(error: Exception) -> tuple[str, int]:
    log.exception("Redis is not answering", exc_info=error)
    return _unavailable_page(error)


def _unavailable_page(_error: Exception) -> tuple[str, int]:
    return render_template("errors/503.html"), UNAVAILABLE


@blueprint.get("/health")
def health() -> Response:
    checks = dependencies.check_all(current_app)
    status = dependencies.overall(checks)
    for check in checks:
        if check.status != dependencies.OK:
            log.error("Health check: %s is %s: %s", check.name, check.status, check.detail)
    code = UNAVAILABLE if status == dependencies.DOWN else 200
    if _monitor_asking():
        report = {
            "status": status,
            "checks": {
                check.name: {"status": check.status, "detail": check.detail} for check in checks
            },
        }
        response = Response(json.dumps(report, indent=2) + "\n", code, mimetype="application/json")
    else:
        words = {dependencies.OK: "OK", dependencies.DEGRADED: "Degraded"}
        response = Response(words.get(status, "Unavailable") + "\n", code, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response


def _monitor_asking() -> bool:
    """The request carries the configured ``HEALTH_TOKEN`` (compared in constant time)."""
    token = current_app.extensions["signpost_config"].health_token
    sent = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(sent.encode(), f"Bearer {token}".encode())
