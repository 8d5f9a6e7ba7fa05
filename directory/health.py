"""Running behind a proxy, a health check, and failing safe when the database is down.

- ``TRUSTED_PROXIES`` (0 by default) says how many proxies in front of the app set the
  ``X-Forwarded-*`` headers; only then are they believed (the client's address for rate
  limits, https for redirects and cookies). With 0, a forged header changes nothing.
- ``/health`` answers 200 "OK" or 503 "Unavailable" (nothing more, to anyone): the
  database, the search index, and Redis when the site uses it. Reasons go to the log.
- Every page checks the database first, so when it is down every page answers 503 with
  the council's help line, rather than a 500, or a home page that claims all is well.
"""

from __future__ import annotations

import contextlib
import logging

import sqlalchemy as sa
from flask import Blueprint, Flask, Response, current_app, render_template, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

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
    problems = []
    try:
        db.session.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        problems.append(f"database: {error}")
    if not current_app.extensions["search"].index_ready():
        problems.append(f"search index: {current_app.extensions['search'].problem}")
    redis_client = current_app.extensions.get("signpost_redis")
    if redis_client is not None:
        try:
            redis_client.ping()
        except Exception as error:  # any failure to answer is a failure
            problems.append(f"redis: {error}")
    if problems:
        log.error("Health check failed: %s", "; ".join(problems))
        return Response("Unavailable\n", UNAVAILABLE, mimetype="text/plain")
    return Response("OK\n", 200, mimetype="text/plain")
