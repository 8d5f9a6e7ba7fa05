"""Staff accounts: sign-in with a second factor, sessions on the server, rate limits.

``install(app)`` wires one app: its session store (database or Redis), Flask-Login, and
its own Flask-Limiter (memory for one process, Redis when several share the counters).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager

from directory.accounts.access import is_staff_request
from directory.accounts.events import configure_logging
from directory.accounts.sessions import (
    DatabaseSessionStore,
    RedisSessionStore,
    ServerSessionInterface,
    SessionStore,
)
from directory.accounts.unavailable import RateLimitStoreUnavailable
from directory.config import Config

if TYPE_CHECKING:
    from redis import Redis

log = logging.getLogger(__name__)

RATE_LIMIT_ATTRIBUTE = "rate_limit"
"""A view with this attribute ("sign-in", "report") has its POSTs limited per address."""


def rate_limited(kind: str):  # type: ignore[no-untyped-def]
    """Mark a view whose POSTs one address may send only so often (see ``Config``)."""

    def mark(view):  # type: ignore[no-untyped-def]
        setattr(view, RATE_LIMIT_ATTRIBUTE, kind)
        return view

    return mark


def redis_client(url: str) -> Redis:
    import redis

    return redis.Redis.from_url(
        url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30
    )


def install(app: Flask) -> None:
    config: Config = app.extensions["signpost_config"]
    configure_logging()
    store: SessionStore
    if config.redis_url:
        app.extensions["signpost_redis"] = redis_client(config.redis_url)
    if config.session_store == "redis":
        store = RedisSessionStore(app.extensions["signpost_redis"], config.rate_limit_prefix)
    else:
        store = DatabaseSessionStore()
    app.session_interface = ServerSessionInterface(
        store,
        idle=timedelta(minutes=config.idle_minutes),
        absolute=timedelta(hours=config.absolute_hours),
        required=is_staff_request,
        unavailable_page=lambda: render_template("errors/sign_in_unavailable.html"),
    )

    login_manager = LoginManager()
    login_manager.session_protection = None  # sessions are rotated and ended on the server
    login_manager.init_app(app)

    @login_manager.user_loader
    def _load_user(user_id: str):  # type: ignore[no-untyped-def]
        from directory.accounts.users import user_by_id

        user = user_by_id(user_id)
        return user if user is not None and user.is_active else None

    # One limiter per app: Flask-Limiter keeps its storage on the limiter object. When a
    # shared (Redis) store fails, problem reports are counted in each process instead;
    # sign-in is refused (``_needs_shared_counts``).
    limiter = Limiter(
        get_remote_address, app=app, default_limits=[], in_memory_fallback_enabled=True
    )
    app.extensions["signpost_limiter"] = limiter


def limit_views(app: Flask) -> None:
    """Wrap every view marked with ``rate_limited`` in this app's limiter (after blueprints)."""
    limiter: Limiter = app.extensions["signpost_limiter"]
    for endpoint, view in list(app.view_functions.items()):
        kind = getattr(view, RATE_LIMIT_ATTRIBUTE, None)
        if kind:
            limited: Callable[..., Any] = limiter.shared_limit(
                _limit_for(kind), scope=kind, methods=["POST"]
            )(view)
            if kind == "sign-in":
                limited = _needs_shared_counts(limiter, limited)
            app.view_functions[endpoint] = limited


def _needs_shared_counts(limiter: Limiter, view: Callable[..., Any]) -> Callable[..., Any]:
    """Sign-in attempts are taken only while the store that counts them answers: counted
    in each process instead, several workers would let an attacker try several times the
    limit. (Memory storage always answers.)"""

    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if request.method == "POST" and not limiter.storage.check():
            log.error("The rate-limit store is not answering: sign-in refused (503)")
            raise RateLimitStoreUnavailable()
        return view(*args, **kwargs)

    return checked


def _limit_for(kind: str):  # type: ignore[no-untyped-def]
    def provider() -> str:
        config: Config = current_app.extensions["signpost_config"]
        return {
            "sign-in": config.sign_in_limit,
            "report": config.report_limit,
            "support-request": config.support_request_limit,
        }[kind]

    return provider
