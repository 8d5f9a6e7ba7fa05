"""Search insights: searches kept with nothing personal in them, and the editors' page."""

from __future__ import annotations

import csv
import io
import logging
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from directory import insights
from directory.extensions import db
from directory.insights import clean_words
from directory.models import Role, SearchRecord
from directory.models.mixins import new_id
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.live_server import live_server
from tests.support.processes import gunicorn_worker
from tests.support.staff import make_staff, sign_in

KEPT = {"id", "day", "words", "outward", "locality", "filters", "results"}


def _records(app: Flask, words: str) -> list[SearchRecord]:
    app.extensions["search_recorder"].flush()  # what the recorder's timer does within a second
    with app.app_context():
        return list(db.session.scalars(sa.select(SearchRecord).where(SearchRecord.words == words)))


def test_the_table_has_no_place_for_anything_personal() -> None:
    assert set(SearchRecord.__table__.columns.keys()) == KEPT


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("food bank DY1 1AA", "food bank"),
        ("email me at jo.bloggs@example.org please", "email at please"),
        ("call 07700 900123 or +44 1384 812440", "or"),
        ("see www.example.org/me and https://x.example/y", "and"),
        ("Speech Delay", "speech delay"),
    ],
)
def test_words_lose_postcodes_numbers_emails_and_links(typed: str, kept: str) -> None:
    assert clean_words(typed) == kept


def test_a_search_is_recorded_with_nothing_that_says_who_searched(search_app: Flask) -> None:
    family = search_app.test_client()
    family.get(
        "/find-support?q=holiday+club+for+jo@example.org+07700900123+DY1+1AA"
        "&postcode=dy1+1aa&need=activities",
        headers={"User-Agent": "Telltale/1.0", "X-Forwarded-For": "203.0.113.9"},
    )
    [record] = _records(search_app, "holiday club for")
    assert record.outward == "DY1" and record.locality == "dudley-central"
    assert record.filters == ["needs:activities"]
    assert record.day == date.today() and record.results > 0
    with search_app.app_context():
        values = db.session.execute(
            sa.select(*SearchRecord.__table__.columns).where(SearchRecord.id == record.id)
        ).one()
    stored = " ".join(str(value) for value in values)
    for personal in ("jo@example.org", "07700900123", "1AA", "Telltale", "203.0.113.9"):
        assert personal not in stored

    family.get("/find-support?q=holiday+club+for&page=2")
    assert len(_records(search_app, "holiday club for")) == 1, "later pages do not count"


def test_a_search_is_written_after_its_page_not_during_it(
    search_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page only hands its note over; the recorder's own thread writes it within
    about ``FLUSH_SECONDS`` (3 here, so a slow machine cannot write it before we look),
    with no further request to prompt it."""
    monkeypatch.setattr(insights, "FLUSH_SECONDS", 3.0)
    search_app.extensions["search_recorder"].flush()
    family = search_app.test_client()
    with search_app.app_context():
        before = db.session.scalar(sa.select(sa.func.count(SearchRecord.id)))
    family.get("/find-support?q=stay+and+play+sessions")
    with search_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(SearchRecord.id))) == before
    deadline = time.monotonic() + 3.0 + 10
    while time.monotonic() < deadline:
        with search_app.app_context():
            kept = db.session.scalars(
                sa.select(SearchRecord.words).where(SearchRecord.words == "stay and play")
            ).all()
        if kept:
            break
        time.sleep(0.1)
    assert kept == ["stay and play"]


def test_editors_see_top_searches_and_searches_that_found_nothing(search_app: Flask) -> None:
    family = search_app.test_client()
    for words in ("zeppelin hovercraft", "zeppelin hovercraft", "=cmd|' /C calc'!A0", "library"):
        family.get("/find-support", query_string={"q": words})
    search_app.extensions["search_recorder"].flush()
    with search_app.app_context():
        # The same searches on two earlier days: shown from the third different day.
        for back in (1, 2):
            for words, results in (("zeppelin hovercraft", 0), ("library", 3)):
                db.session.add(
                    SearchRecord(
                        id=new_id(), day=date.today() - timedelta(days=back), words=words,
                        results=results,
                    )
                )  # fmt: skip
        db.session.commit()
    editor = search_app.test_client()
    sign_in(search_app, editor, make_staff(search_app, Role.EDITOR))
    page = visible_text(page_text(editor.get("/manage/insights/")))
    nothing = page.split("Searches that found nothing")[1].split("Top searches")[0]
    assert "zeppelin hovercraft 4 4" in nothing and "library" not in nothing
    assert "library" in page.split("Top searches")[1]

    response = editor.get("/manage/insights/searches.csv?found=nothing")
    assert response.mimetype == "text/csv"
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["Words", "Searches", "Found nothing", "Average results"]
    assert "zeppelin hovercraft" in [row[0] for row in rows[1:]]
    everything = editor.get("/manage/insights/searches.csv").get_data(as_text=True)
    cells = [row[0] for row in list(csv.reader(io.StringIO(everything)))[1:]]
    assert not any(cell[:1] in {"=", "+", "-", "@"} for cell in cells)

    practitioner = search_app.test_client()
    sign_in(search_app, practitioner, make_staff(search_app, Role.PRACTITIONER))
    assert practitioner.get("/manage/insights/searches.csv").status_code == 403


def test_the_development_servers_log_has_no_query_strings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = migrated_app(config_for_tests(f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path))
    with caplog.at_level(logging.INFO, logger="werkzeug"), live_server(app) as url:
        urllib.request.urlopen(f"{url}/privacy?postcode=DY1+1AA&q=my+partner+hits+me").read()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /privacy HTTP/1.1" in logged
    assert "DY1" not in logged and "partner" not in logged


def test_gunicorns_access_log_has_no_query_strings(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'db.sqlite'}"
    migrated_app(config_for_tests(database, tmp_path))
    output: list[str] = []
    environment = {
        "DATABASE_URL": database,
        "SEARCH_BACKEND": "memory",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "SECRET_KEY": "x" * 32,
    }
    with gunicorn_worker(environment, output) as url:
        urllib.request.urlopen(f"{url}/privacy?postcode=DY1+1AA&q=my+partner+hits+me").read()
    log = output[0]
    assert '"GET /privacy HTTP/1.1" 200' in log
    assert "DY1" not in log and "partner" not in log
