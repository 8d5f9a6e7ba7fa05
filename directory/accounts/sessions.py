"""Sessions kept on the server, in the database or in Redis.

The browser holds only a random session id; the server keeps the session's contents under
the id's SHA-256 hash, so a copy of the store holds no usable ids. A session ends when it
has been idle too long, when it is too old, at sign-out (the record is deleted, not just
the cookie), and for every session of an account whose password is reset or which is
disabled. Signing in asks for a fresh id (``rotate``), so an id planted before sign-in is
worth nothing after it.

Visitors who never need a session (the whole family site: its forms use stateless tokens,
``directory.public_forms``) never get a cookie: a session is stored only once something is
put in it.

When the store fails (Redis down, SQLite locked by an import, a full disk), only pages that
need a session suffer: ``required`` says which (the staff pages). There the failure is
``SessionStoreUnavailable`` (a 503 "sign-in is unavailable" page); anywhere else the
visitor carries on without a session and the failure is only logged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import sqlalchemy as sa
from flask import Flask, Request, Response, session
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from directory.accounts.unavailable import SessionStoreUnavailable
from directory.extensions import SQLITE_BUSY_TIMEOUT_MS, db
from directory.models import WebSession

log = logging.getLogger(__name__)

TOUCH_EVERY = timedelta(seconds=60)
"""A session that only reads is written back at most this often, to note its last use."""


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass
class StoredSession:
    data: dict[str, Any]
    user_id: str | None
    created_at: datetime
    last_seen_at: datetime


class SessionStore(Protocol):
    def load(self, key: str) -> StoredSession | None: ...

    def save(self, key: str, stored: StoredSession, expires_at: datetime) -> None: ...

    def delete(self, key: str) -> None: ...

    def delete_for_user(self, user_id: str) -> None: ...

    def check(self) -> None:
        """Raise unless a session could be written now (for the health check)."""


class DatabaseSessionStore:
    """Sessions in the ``web_session`` table, each write its own short transaction."""

    def load(self, key: str) -> StoredSession | None:
        with db.engine.connect() as connection:
            row = connection.execute(sa.select(WebSession).where(WebSession.id == key)).first()
        if row is None:
            return None
        return StoredSession(
            dict(row.data or {}), row.user_id, as_utc(row.created_at), as_utc(row.last_seen_at)
        )

    def save(self, key: str, stored: StoredSession, expires_at: datetime) -> None:
        values = {
            "user_id": stored.user_id,
            "data": stored.data,
            "created_at": stored.created_at,
            "last_seen_at": stored.last_seen_at,
            "expires_at": expires_at,
        }
        table = WebSession.__table__
        with db.engine.begin() as connection:
            updated = connection.execute(table.update().where(table.c.id == key).values(**values))
            if updated.rowcount == 0:
                connection.execute(table.insert().values(id=key, **values))
                # Sweep sessions that ended without a sign-out, now and then (new sessions).
                connection.execute(table.delete().where(table.c.expires_at < now_utc()))

    def delete(self, key: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(sa.delete(WebSession).where(WebSession.id == key))

    def delete_for_user(self, user_id: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(sa.delete(WebSession).where(WebSession.user_id == user_id))

    def check(self) -> None:
        """A real write (the sweep of ended sessions), since reading can work when writing
        cannot: SQLite locked by an import, a full disk. On SQLite it waits for another
        writer's lock for at most a second, so a health check answers in time."""
        with db.engine.begin() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                connection.exec_driver_sql("PRAGMA busy_timeout=1000")
            try:
                table = WebSession.__table__
                connection.execute(table.delete().where(table.c.expires_at < now_utc()))
            finally:
                if sqlite:
                    connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


class RedisSessionStore:
    """Sessions in Redis as JSON with a time to live; a set per user for "end them all"."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.prefix = prefix

    def _key(self, key: str) -> str:
        return f"{self.prefix}:session:{key}"

    def _user_key(self, user_id: str) -> str:
        return f"{self.prefix}:user-sessions:{user_id}"

    def load(self, key: str) -> StoredSession | None:
        raw = self.client.get(self._key(key))
        if raw is None:
            return None
        record = json.loads(raw)
        return StoredSession(
            record["data"],
            record["user_id"],
            datetime.fromisoformat(record["created_at"]),
            datetime.fromisoformat(record["last_seen_at"]),
        )

    def save(self, key: str, stored: StoredSession, expires_at: datetime) -> None:
        record = {
            "data": stored.data,
            "user_id": stored.user_id,
            "created_at": stored.created_at.isoformat(),
            "last_seen_at": stored.last_seen_at.isoformat(),
        }
        seconds = max(1, int((expires_at - now_utc()).total_seconds()))
        pipeline = self.client.pipeline()
        pipeline.set(self._key(key), json.dumps(record), ex=seconds)
        if stored.user_id:
            pipeline.sadd(self._user_key(stored.user_id), key)
            pipeline.expire(self._user_key(stored.user_id), seconds)
        pipeline.execute()

    def delete(self, key: str) -> None:
        self.client.delete(self._key(key))

    def delete_for_user(self, user_id: str) -> None:
        keys = self.client.smembers(self._user_key(user_id))
        pipeline = self.client.pipeline()
        for key in keys:
            pipeline.delete(self._key(key.decode() if isinstance(key, bytes) else key))
        pipeline.delete(self._user_key(user_id))
        pipeline.execute()

    def check(self) -> None:
        self.client.ping()


class ServerSession(CallbackDict, SessionMixin):  # type: ignore[misc]
    def __init__(
        self,
        initial: Mapping[str, Any] | None = None,
        *,
        sid: str | None = None,
        created_at: datetime | None = None,
        last_seen_at: datetime | None = None,
        ended_because: str | None = None,
    ) -> None:
        def on_update(_self: Any) -> None:
            self.modified = True

        super().__init__(initial or {}, on_update)
        self.sid = sid
        self.created_at = created_at
        self.last_seen_at = last_seen_at
        self.ended_because = ended_because
        """"idle" or "absolute" when the browser's session had just run out."""
        self.modified = False
        self.rotate_requested = False
        self.end_requested = False
        self.store_failed = False

    @property
    def new(self) -> bool:  # type: ignore[override]
        return self.sid is None

    def rotate(self) -> None:
        """Give this session a fresh id (and a fresh start) when it is next saved."""
        self.rotate_requested = True
        self.modified = True

    def end(self) -> None:
        """Delete the session on the server and in the browser when the response is sent."""
        self.clear()
        self.end_requested = True


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


class ServerSessionInterface(SessionInterface):
    def __init__(
        self,
        store: SessionStore,
        idle: timedelta,
        absolute: timedelta,
        required: Callable[[], bool] = lambda: True,
        unavailable_page: Callable[[], str] = lambda: "Service unavailable",
    ) -> None:
        self.store = store
        self.idle = idle
        self.absolute = absolute
        self.required = required
        """Whether the page being served needs its session (if not, a store failure is
        only logged)."""
        self.unavailable_page = unavailable_page
        """The page (HTML) sent instead of one whose session could not be kept."""

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        sid = request.cookies.get(self.get_cookie_name(app))
        if not sid or len(sid) > 128:
            return ServerSession()
        try:
            return self._open(sid)
        except Exception as error:  # the store is down: no session (staff pages say so: 503)
            log.warning("The session store could not be read: %s", error)
            session = ServerSession()
            session.store_failed = True
            return session

    def _open(self, sid: str) -> ServerSession:
        stored = self.store.load(_hash(sid))
        if stored is None:
            return ServerSession(ended_because="missing")
        now = now_utc()
        ended = None
        if now - stored.created_at > self.absolute:
            ended = "absolute"
        elif now - stored.last_seen_at > self.idle:
            ended = "idle"
        if ended:
            self.store.delete(_hash(sid))
            return ServerSession(ended_because=ended)
        return ServerSession(
            stored.data, sid=sid, created_at=stored.created_at, last_seen_at=stored.last_seen_at
        )

    def save_session(self, app: Flask, session: ServerSession, response: Response) -> None:  # type: ignore[override]
        if session.store_failed:
            return
        try:
            self._save(app, session, response)
        except Exception as error:  # Redis down, SQLite locked, a full disk, ...
            session.store_failed = True
            if not self.required():
                log.warning("The session store could not be written (page served): %s", error)
                return
            log.error("The session store could not be written (503 sent): %s", error)
            self._answer_unavailable(response)

    def _answer_unavailable(self, response: Response) -> None:
        """The page is made but its session cannot be kept (a sign-in would be lost): send
        the "unavailable" page in its place. Here, not by raising, because Flask treats any
        exception raised while saving the session as a 500."""
        response.status_code = SessionStoreUnavailable.code
        response.headers.pop("Location", None)
        response.set_data(self.unavailable_page())
        response.mimetype = "text/html"
        response.headers["Cache-Control"] = "no-store"
        response.headers["Retry-After"] = "300"

    def _save(self, app: Flask, session: ServerSession, response: Response) -> None:
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if session.end_requested or (session.ended_because and not session and session.new):
            if session.sid:
                self.store.delete(_hash(session.sid))
            if session.end_requested or session.ended_because in {"idle", "absolute", "missing"}:
                response.delete_cookie(
                    name,
                    domain=domain,
                    path=path,
                    secure=self.get_cookie_secure(app),
                    httponly=self.get_cookie_httponly(app),
                    samesite=self.get_cookie_samesite(app),
                )
            return
        if not session:
            if session.sid:
                self.store.delete(_hash(session.sid))
                response.delete_cookie(name, domain=domain, path=path)
            return
        now = now_utc()
        if session.rotate_requested and session.sid:
            self.store.delete(_hash(session.sid))
        fresh = session.new or session.rotate_requested
        if fresh:
            session.sid = secrets.token_urlsafe(32)
            session.created_at = now
        elif not session.modified and now - (session.last_seen_at or now) < TOUCH_EVERY:
            return
        assert session.created_at is not None and session.sid is not None
        stored = StoredSession(dict(session), session.get("_user_id"), session.created_at, now)
        expires_at = min(now + self.idle, session.created_at + self.absolute)
        self.store.save(_hash(session.sid), stored, expires_at)
        if fresh:
            response.set_cookie(
                name,
                session.sid,
                domain=domain,
                path=path,
                secure=self.get_cookie_secure(app),
                httponly=True,
                samesite=self.get_cookie_samesite(app),
            )


def end_sessions_for(app: Flask, user_id: str) -> None:
    """End every session of one account (password reset, account disabled)."""
    interface = app.session_interface
    if isinstance(interface, ServerSessionInterface):
        interface.store.delete_for_user(user_id)


def end_other_sessions_for(app: Flask, user_id: str) -> None:
    """End every session of one account but this request's, which goes on with a new id
    (after a change to the account's second factor)."""
    end_sessions_for(app, user_id)
    session.rotate()  # type: ignore[attr-defined]
