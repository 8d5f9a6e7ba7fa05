"""What the site depends on, each checked for the health check.

Each check says "ok", "degraded" (something works less well, families are still served)
or "down" (families cannot search). Only the database is needed for family search: the
search index has an in-memory fallback built from the database, and the session store and
the rate-limit store serve only staff sign-in. A low disk degrades (writes will soon fail:
imports, sessions, the index) but reading still works.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from directory.config import Config
from directory.extensions import db

OK = "ok"
DEGRADED = "degraded"
DOWN = "down"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    detail: str = ""


def check_all(app: Flask) -> list[Check]:
    """Every dependency, checked now (inside an app context)."""
    database = _database()
    return [
        database,
        _search(app, database_up=database.status == OK),
        _session_store(app),
        _rate_limit_store(app),
        _disk(app.extensions["signpost_config"]),
    ]


def overall(checks: Iterable[Check]) -> str:
    """ "down" if families cannot search, "degraded" if anything is less than ok."""
    statuses = {check.name: check.status for check in checks}
    if statuses.get("database") == DOWN or statuses.get("search") == DOWN:
        return DOWN
    return OK if set(statuses.values()) == {OK} else DEGRADED


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


def _database() -> Check:
    try:
        db.session.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        return Check("database", DOWN, _first_line(error))
    return Check("database", OK)


def _search(app: Flask, *, database_up: bool) -> Check:
    search = app.extensions["search"]
    if not database_up:
        return Check("search", DOWN, "search needs the database")
    if search.index_ready():
        return Check("search", OK, search.plug.name)
    return Check(
        "search", DEGRADED, f"answering from the in-memory fallback: {search.problem or ''}"
    )


def _session_store(app: Flask) -> Check:
    interface = app.session_interface
    store = getattr(interface, "store", None)
    kind = app.extensions["signpost_config"].session_store
    if store is None:
        return Check("session_store", OK, kind)
    try:
        store.check()
    except Exception as error:  # any failure to write is a failure
        return Check("session_store", DEGRADED, f"{kind}: {_first_line(error)}")
    return Check("session_store", OK, kind)


def _rate_limit_store(app: Flask) -> Check:
    kind = app.extensions["signpost_config"].rate_limit_store
    if app.extensions["signpost_limiter"].storage.check():
        return Check("rate_limit_store", OK, kind)
    return Check("rate_limit_store", DEGRADED, f"{kind}: not answering")


def written_folders(config: Config) -> list[Path]:
    """The folders the site writes to: the SQLite database's (if any) and the index's.
    Both are in ``instance/`` by default."""
    folders = []
    url = make_url(config.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in {None, "", ":memory:"}:
        folders.append(Path(url.database).resolve().parent)
    folders.append(config.search_index_dir.resolve())
    existing = []
    for folder in folders:
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent  # the index may not have been made yet
        if folder not in existing:
            existing.append(folder)
    return existing


def _disk(config: Config) -> Check:
    minimum = config.disk_free_minimum_mb
    free = {
        folder: shutil.disk_usage(folder).free // MEGABYTE for folder in written_folders(config)
    }
    detail = "; ".join(f"{folder}: {megabytes} MB free" for folder, megabytes in free.items())
    if min(free.values()) < minimum:
        return Check("disk", DEGRADED, f"below {minimum} MB: {detail}")
    return Check("disk", OK, detail)
