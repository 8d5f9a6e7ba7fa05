"""Search insights: what families looked for, and what found nothing, kept anonymously.

When the results page is drawn, its search is noted: only the words known to carry no
person (``directory.anonymous_words``: no names, addresses, dates, phone numbers, email
addresses or postcodes in any spelling), the outward part of the postcode and its locality,
the filters, the number of results and the day. Never the time, the visitor's address,
their browser, a full postcode or a session id. Only the first page of a search counts, so
paging through results does not count it twice.

Notes are written off the request path: a page hands its note to the process's
``SearchRecorder``, which writes what has gathered in one transaction from a thread of its
own, ``FLUSH_SECONDS`` after the first note (and what is left when the process exits). A
page never waits for, or pays for, a commit. A process killed outright loses at most the
notes of its last second.

The insights pages show a search's words only once they were searched on the council's
``insights_minimum_days`` different days, so a search made once (or by one person on one
day) is never shown; records older than ``insights_retention_months`` are deleted by
``flask insights purge``. Logs never hold search words or postcodes: see
``directory.log_privacy``.
"""

from __future__ import annotations

import atexit
import csv
import io
import logging
import os
import re
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Flask, template_rendered
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool
from werkzeug.serving import WSGIRequestHandler

from directory.anonymous_words import kept_words
from directory.council import Council
from directory.extensions import SQLITE_BUSY_TIMEOUT_MS, db, rows_changed
from directory.models import SearchRecord
from directory.postcodes.parsing import PostcodeError, parse_postcode
from importers.cells import spreadsheet_safe

log = logging.getLogger(__name__)

RESULTS_TEMPLATE = "find/results.html"
RECORD_WAIT_MS = 200
"""The longest a write of notes waits while SQLite is locked (then they are given up)."""
FLUSH_SECONDS = 1.0
"""How long notes gather before they are written, counted from the first."""
MOST_HELD = 5000
"""Notes a process holds unwritten at most (a database gone for a while): later ones are
dropped, so memory stays bounded."""
_FILTERS = ("needs", "categories", "kinds", "localities", "languages", "days")
_SCHEMES = ("need", "category", "level", "circumstance")


def install(app: Flask) -> None:
    recorder = SearchRecorder(app)
    app.extensions["search_recorder"] = recorder
    atexit.register(_flush_at_exit, weakref.ref(recorder))
    template_rendered.connect(_record_search, app)
    WSGIRequestHandler.log_request = _log_request_without_query  # type: ignore[method-assign]


def _log_request_without_query(
    self: WSGIRequestHandler, code: int | str = "-", size: int | str = "-"
) -> None:
    """The development server's access log line, with the path but never the query."""
    path = urlsplit(self.path).path
    self.log("info", '"%s %s %s" %s %s', self.command, path, self.request_version, code, size)


def clean_words(text: str, council: Council | None = None) -> str:
    """The words of a search that carry no person: see ``directory.anonymous_words``."""
    return kept_words(text, _council_words(council) if council else ())


def _council_words(council: Council) -> frozenset[str]:
    """The council's own vocabulary: its taxonomy labels and locality names."""
    labels = [term.label for scheme in _SCHEMES for term in council.terms(scheme)]
    labels += [locality.name for locality in council.localities]
    return frozenset(
        word.lower() for label in labels for word in re.findall(r"[^\W\d_]+", str(label))
    )


def outward_code(postcode: str) -> str | None:
    if not postcode.strip():
        return None
    try:
        return parse_postcode(postcode).outward
    except PostcodeError:
        return None


def _record_search(sender: Flask, template: Any, context: dict[str, Any], **_: Any) -> None:
    if template.name != RESULTS_TEMPLATE:
        return
    wanted = context.get("wanted")
    results = context.get("results")
    if wanted is None or results is None or getattr(wanted, "page", 1) != 1:
        return
    council = sender.extensions["council"]
    words = clean_words(getattr(wanted, "text", "") or "", council)
    filters = sorted(
        f"{name}:{value}" for name in _FILTERS for value in getattr(wanted, name, ()) or ()
    )
    for flag in ("free", "open_now", "holiday"):
        if getattr(wanted, flag, False):
            filters.append(flag)
    if getattr(wanted, "age", None) is not None:
        filters.append(f"age:{wanted.age}")
    outward = outward_code(getattr(wanted, "postcode", "") or "")
    if not words and not filters and not outward:
        return
    locality = None
    if outward:
        matches = [loc.code for loc in council.localities if outward in loc.postcode_districts]
        locality = matches[0] if len(matches) == 1 else None
    sender.extensions["search_recorder"].add(
        {
            "id": _new_id(),
            "day": date.today(),
            "words": words,
            "outward": outward,
            "locality": locality,
            "filters": sorted(filters),
            "results": int(getattr(results, "total", 0)),
        }
    )


def _flush_at_exit(recorder: weakref.ref[SearchRecorder]) -> None:
    """Write what a process still holds as it exits (weakly held: an app dropped, as tests
    drop theirs, is not kept alive for this)."""
    alive = recorder()
    if alive is not None:
        alive.flush()


class SearchRecorder:
    """One process's notes of searches, written together from a thread, off the request.

    ``add`` only appends (and starts a timer if none is waiting); ``flush`` writes every
    note held, in one transaction. Made per process: a worker forked from a parent that
    held notes starts empty (the parent writes its own).
    """

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._notes: list[dict[str, Any]] = []
        self._timer: threading.Timer | None = None
        self._pid = os.getpid()
        self._engine: sa.Engine | None = None

    def _writer(self) -> sa.Engine:
        """The app's database without a pool: a connection for each flush, closed after it.
        The timer's thread can outlive the app's pool (an app disposed before its notes are
        due); a connection it left in that pool would be closed only by the garbage
        collector."""
        if self._engine is None:
            # The app's own settings (timeouts; errors that never quote a search's words or
            # postcode), less the pool's.
            options = {
                name: value
                for name, value in self._app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}).items()
                if not name.startswith("pool_")
            }
            with self._app.app_context():
                self._engine = sa.create_engine(db.engine.url, poolclass=NullPool, **options)
        return self._engine

    def add(self, note: dict[str, Any]) -> None:
        with self._lock:
            if self._pid != os.getpid():  # forked: the parent's notes and timer are its own
                self._pid, self._notes, self._timer = os.getpid(), [], None
            if len(self._notes) >= MOST_HELD:
                log.warning("Search notes are not being written: dropping one")
                return
            self._notes.append(note)
            if self._timer is None:
                self._timer = threading.Timer(FLUSH_SECONDS, self.flush)
                self._timer.daemon = True
                self._timer.start()

    def flush(self) -> None:
        """Write the notes held now (the timer calls this; tests and exit may too)."""
        with self._lock:
            if self._pid != os.getpid():
                return
            notes, self._notes = self._notes, []
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if not notes:
            return
        try:
            with (
                self._writer().connect() as connection,
                _waiting_briefly(connection),
                connection.begin(),
            ):
                connection.execute(sa.insert(SearchRecord), notes)
        except SQLAlchemyError:  # insights must never cost a family their results
            log.exception("Could not record a search for insights")


@contextmanager
def _waiting_briefly(connection: sa.Connection) -> Iterator[None]:
    """On SQLite, wait at most ``RECORD_WAIT_MS`` for another writer's lock (an import
    holds it for minutes), then give the notes up. PostgreSQL inserts wait for no other
    writer."""
    if connection.dialect.name != "sqlite":
        yield
        return
    # On the driver's connection: a statement through SQLAlchemy would begin a transaction.
    driver = connection.connection.driver_connection
    if driver is None:  # invalidated: the next statement reconnects, with the usual wait
        yield
        return
    driver.execute(f"PRAGMA busy_timeout={RECORD_WAIT_MS}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


def _new_id() -> str:
    from directory.models.mixins import new_id

    return new_id()


@dataclass(frozen=True)
class Row:
    words: str
    searches: int
    found_nothing: int
    average_results: float


def _since(days: int) -> date:
    return date.today() - timedelta(days=days - 1)


def _scope(days: int, locality: str | None) -> list[Any]:
    conditions: list[Any] = [SearchRecord.day >= _since(days)]
    if locality:
        conditions.append(SearchRecord.locality == locality)
    return conditions


def top_searches(
    days: int,
    locality: str | None,
    *,
    nothing_found: bool,
    minimum_days: int,
    limit: int = 50,
) -> list[Row]:
    """The most searched words (or those that found nothing), with counts: only words
    searched on at least ``minimum_days`` different days."""
    conditions = [*_scope(days, locality), SearchRecord.words != ""]
    if nothing_found:
        conditions.append(SearchRecord.results == 0)
    zero = sa.func.sum(sa.case((SearchRecord.results == 0, 1), else_=0))
    statement = (
        sa.select(
            SearchRecord.words,
            sa.func.count().label("searches"),
            zero.label("found_nothing"),
            sa.func.avg(SearchRecord.results).label("average"),
        )
        .where(*conditions)
        .group_by(SearchRecord.words)
        .having(sa.func.count(sa.distinct(SearchRecord.day)) >= minimum_days)
        .order_by(sa.desc("searches"), SearchRecord.words)
        .limit(limit)
    )
    return [
        Row(words, searches, int(found_nothing or 0), float(average or 0))
        for words, searches, found_nothing, average in db.session.execute(statement)
    ]


def by_day(days: int, locality: str | None) -> list[tuple[date, int, int]]:
    """Searches and searches that found nothing, per day (days with none left out)."""
    zero = sa.func.sum(sa.case((SearchRecord.results == 0, 1), else_=0))
    statement = (
        sa.select(SearchRecord.day, sa.func.count(), zero)
        .where(*_scope(days, locality))
        .group_by(SearchRecord.day)
        .order_by(SearchRecord.day)
    )
    return [
        (day, count, int(nothing or 0)) for day, count, nothing in db.session.execute(statement)
    ]


def by_locality(days: int) -> list[tuple[str | None, int, int]]:
    zero = sa.func.sum(sa.case((SearchRecord.results == 0, 1), else_=0))
    statement = (
        sa.select(SearchRecord.locality, sa.func.count(), zero)
        .where(*_scope(days, None))
        .group_by(SearchRecord.locality)
        .order_by(sa.desc(sa.func.count()))
    )
    return [
        (code, count, int(nothing or 0)) for code, count, nothing in db.session.execute(statement)
    ]


def purge(today: date, months: int) -> int:
    """Delete the records of searches made more than ``months`` months before ``today``."""
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    cutoff = date(year, month + 1, min(today.day, _days_in(year, month + 1)))
    deleted = db.session.execute(sa.delete(SearchRecord).where(SearchRecord.day < cutoff))
    db.session.commit()
    return rows_changed(deleted)


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def csv_text(rows: Iterable[Row], heading: Iterable[str]) -> str:
    """Rows as CSV; cells a spreadsheet would run as a formula start with a quote."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(heading))
    for row in rows:
        writer.writerow(
            [
                spreadsheet_safe(row.words),
                row.searches,
                row.found_nothing,
                f"{row.average_results:.1f}",
            ]
        )
    return out.getvalue()
