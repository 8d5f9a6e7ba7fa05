"""Insights hold no person: words known to name nobody, shown only once searched on several
days, kept for a set time; and logs hold no search words or postcodes."""

from __future__ import annotations

import logging
import random
import urllib.error
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.anonymous_words import SHORT_WORDS, _first_names, _surnames
from directory.extensions import db
from directory.insights import clean_words, purge
from directory.models import Role, SearchRecord
from directory.models.mixins import new_id
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.live_server import live_server
from tests.support.staff import make_staff, sign_in

_random = random.Random(16)


def _postcodes() -> list[str]:
    """Postcodes in the spellings families type: spaced, run together, hyphened, lower
    case, split apart, and partial."""
    found = []
    for area, district, sector, unit in (
        ("DY", "1", "1", "AA"),
        ("B", "63", "3", "UJ"),
        ("WV", "10", "9", "ZZ"),
        ("DY", "4", "7", "QB"),
        ("B", "1", "1", "BB"),
    ):
        outward, inward = f"{area}{district}", f"{sector}{unit}"
        found += [
            f"{outward} {inward}",
            f"{outward}{inward}",
            f"{outward}-{inward}",
            f"{outward} - {inward}",
            f"{outward}  {inward}".lower(),
            f"{outward}{inward}".lower(),
            f"{outward} {sector}",
            f"{outward.lower()} {inward.lower()}",
            f"{area} {district} {inward}",
        ]
    return found


def _dates() -> list[str]:
    day = date(2015, 3, 12)
    formats = (
        "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%y", "%d %B %Y", "%B %d %Y",
        "%d %b %y", "%dth %B %Y", "%d/%m/%y", "%b %Y", "%A %d %B",
    )  # fmt: skip
    return [day.strftime(style) for style in formats] + ["3rd of march", "12th of May"]


def _names() -> list[str]:
    """Names families might type, above all those that are also English words."""
    hard = ["Rose Smith", "Mohammed Khan", "Sarah Jones", "Grace Hall", "Amandeep Kaur",
            "Gurpreet Singh", "Aisha Begum", "Wojciech Nowak", "Oliver Patel",
            "Hope Green"]  # fmt: skip
    firsts = sorted(_first_names())
    lasts = sorted(_surnames())
    return hard + [
        f"{_random.choice(firsts).title()} {_random.choice(lasts).title()}" for _ in range(60)
    ]


PHONES = ["07700 900123", "+44 7700 900123", "(01384) 812440", "01384-812440", "0121 496 0000"]
EMAILS = ["jo.bloggs@example.org", "sarah_j@example.co.uk"]
STREETS = ["12 Castle Street", "Flat 3, 45 Hall Lane", "High Street", "7a Birmingham Road"]
FAMILY = ["autism support", "food bank", "stay and play", "speech and language", "debt advice"]


def _personal() -> list[str]:
    return _postcodes() + _dates() + _names() + PHONES + EMAILS + STREETS


@pytest.mark.parametrize("personal", _personal())
def test_nothing_personal_survives_into_the_kept_words(personal: str) -> None:
    """A property: whatever personal detail is typed around a family's words, what is kept
    is no more than what the family's words alone would keep."""
    for words in FAMILY:
        for typed in (
            f"{words} {personal}",
            f"{personal} {words}",
            f"{words} for {personal} please",
        ):
            kept = clean_words(typed).split()
            alone = set(clean_words(typed.replace(personal, " ")).split())
            assert set(kept) - alone <= SHORT_WORDS, (typed, kept)
            assert not any(character.isdigit() for character in "".join(kept))


def test_the_family_words_are_kept() -> None:
    assert clean_words("Autism support for Rose Smith DY1-1AA born 12/03/2015") == (
        "autism support for"
    )
    assert clean_words("holiday club for 12 Castle Street") == "holiday club for"
    assert clean_words("Stay and Play") == "stay and play"


def _app(tmp_path: Path, **overrides: object) -> Flask:
    return migrated_app(
        config_for_tests(f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path, **overrides)
    )


def _add(app: Flask, words: str, day: date, results: int = 0) -> None:
    with app.app_context():
        db.session.add(SearchRecord(id=new_id(), day=day, words=words, results=results))
        db.session.commit()


def test_a_search_is_recorded_without_the_person_in_it(tmp_path: Path) -> None:
    app = _app(tmp_path)
    typed = "autism support Rose Smith 12 Castle Street dy1-1aa born 3rd March 2015 07700900123"
    app.test_client().get("/find-support", query_string={"q": typed})
    app.extensions["search_recorder"].flush()
    with app.app_context():
        stored = db.session.scalars(sa.select(SearchRecord.words)).all()
    assert stored == ["autism support"]


def test_a_search_is_shown_only_once_made_on_enough_different_days(tmp_path: Path) -> None:
    app = _app(tmp_path)
    today = date.today()
    for _ in range(5):
        _add(app, "sensory room", today)  # many times, one day: one person, perhaps
    _add(app, "baby swimming", today)
    _add(app, "baby swimming", today - timedelta(days=1))
    for back in range(3):
        _add(app, "wheelchair football", today - timedelta(days=back))
    editor = app.test_client()
    sign_in(app, editor, make_staff(app, Role.EDITOR))

    page = visible_text(page_text(editor.get("/manage/insights/")))
    assert "wheelchair football" in page
    assert "sensory room" not in page and "baby swimming" not in page
    assert "once it has been made on 3 different days" in page
    download = editor.get("/manage/insights/searches.csv?found=nothing").get_data(as_text=True)
    assert "wheelchair football" in download and "sensory room" not in download


def test_old_search_records_are_purged_by_command(tmp_path: Path) -> None:
    app = _app(tmp_path)
    today = date.today()
    _add(app, "kept", today - timedelta(days=300))
    _add(app, "gone", today - timedelta(days=400))
    result = app.test_cli_runner().invoke(args=["insights", "purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 search records older than 12 months." in result.output
    with app.app_context():
        assert db.session.scalars(sa.select(SearchRecord.words)).all() == ["kept"]


@pytest.mark.parametrize(
    ("today", "kept_from"),
    [
        (date(2026, 3, 31), date(2025, 3, 31)),
        (date(2024, 2, 29), date(2023, 2, 28)),
        (date(2026, 1, 15), date(2025, 1, 15)),
    ],
)
def test_purge_keeps_exactly_the_set_period(tmp_path: Path, today: date, kept_from: date) -> None:
    app = _app(tmp_path)
    _add(app, "first kept", kept_from)
    _add(app, "last gone", kept_from - timedelta(days=1))
    with app.app_context():
        assert purge(today, 12) == 1
        assert db.session.scalars(sa.select(SearchRecord.words)).all() == ["first kept"]


SECRET_WORDS = "mypartnerhitsme"
SECRET_POSTCODE = "DY1-1AA"


def _fetch(url: str) -> int:
    try:
        return urllib.request.urlopen(url).status
    except urllib.error.HTTPError as error:
        return error.code


def test_logs_of_a_search_and_of_errors_during_one_hold_no_words_or_postcode(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The real log output of the development server and the app: a search, a search whose
    insight cannot be stored, and a search the database fails under."""
    app = _app(tmp_path)
    query = f"q={SECRET_WORDS}+Rose+Smith&postcode={SECRET_POSTCODE}"
    with caplog.at_level(logging.INFO), live_server(app) as url:
        assert _fetch(f"{url}/find-support?{query}") == 200
        with app.app_context(), db.engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE search_record"))
        assert _fetch(f"{url}/find-support?{query}") == 200
        app.extensions["search_recorder"].flush()  # its timer would, within a second
        with app.app_context(), db.engine.begin() as connection:
            connection.execute(sa.text("ALTER TABLE service RENAME TO service_gone"))
        assert _fetch(f"{url}/find-support?{query}&need=activities") in {200, 500, 503}

    logged = "\n".join(
        caplog.handler.format(record) for record in caplog.records
    )  # with tracebacks, as a log file has them
    assert "Could not record a search for insights" in logged, "the error was logged"
    assert "GET /find-support" in logged
    for secret in (SECRET_WORDS, "Rose", "Smith", "DY1", "1AA", "dy1"):
        assert secret.lower() not in logged.lower(), secret
