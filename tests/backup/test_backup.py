"""``flask backup``: a restore into an empty database gives back the same directory, on SQLite
and PostgreSQL; wrong, damaged and newer files and occupied databases are refused."""

from __future__ import annotations

import os
import sqlite3
import tarfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import Result
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy.engine import make_url

from directory import create_app
from directory.accounts.sessions import now_utc
from directory.backup.archive import extract
from directory.extensions import db
from directory.models import Role, WebSession
from search import SearchQuery
from tests.backup.helpers import table_counts
from tests.support.apps import config_for_tests, migrated_app
from tests.support.databases import database_backends, fresh_database
from tests.support.factories import create_service
from tests.support.staff import make_staff
from tests.support.templates import MIGRATED

QUERIES = ("stay and play", "food bank", "breastfeeding", "holiday club")


def _invoke(app: Flask, *args: str, input: str | None = None) -> Result:
    return app.test_cli_runner().invoke(args=["backup", *args], input=input)


def _exports(app: Flask) -> dict[str, str]:
    runner = app.test_cli_runner()
    outputs = {}
    for format_ in ("csv", "oruk"):
        result = runner.invoke(args=["listings", "export", "--format", format_])
        assert result.exit_code == 0, result.output
        outputs[format_] = result.output
    return outputs


def _found(app: Flask) -> dict[str, list[str]]:
    with app.app_context():
        search = app.extensions["search"]
        return {
            words: [hit.id for hit in search.search(SearchQuery(text=words)).hits]
            for words in QUERIES
        }


def _backend(app: Flask) -> str:
    """The app's engine, as ``fresh_database`` names it."""
    name = make_url(app.extensions["signpost_config"].database_url).get_backend_name()
    return "postgres" if name == "postgresql" else name


def _revision(app: Flask) -> str:
    with app.app_context(), db.engine.connect() as connection:
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()


@contextmanager
def _app_on_nothing(backend: str, directory: Path) -> Iterator[Flask]:
    """An app on a database with no tables at all (for SQLite, no file yet)."""
    directory.mkdir(exist_ok=True)
    with fresh_database(backend, directory) as url:
        app = create_app(config_for_tests(url, directory))
        yield app
        with app.app_context():
            app.extensions["search"].close()
            db.engine.dispose()


@contextmanager
def _migrated(backend: str, directory: Path) -> Iterator[Flask]:
    directory.mkdir(exist_ok=True)
    with fresh_database(backend, directory, like=MIGRATED) as url:
        app = migrated_app(config_for_tests(url, directory))
        yield app
        with app.app_context():
            app.extensions["search"].close()
            db.engine.dispose()


@pytest.fixture(scope="module")
def backed_up(search_app: Flask, tmp_path_factory: pytest.TempPathFactory) -> tuple[Flask, Path]:
    """The searchable demo directory with a staff account and a signed-in session, backed up."""
    staff = make_staff(search_app, Role.ADMIN)
    with search_app.app_context():
        now = now_utc()
        db.session.add(
            WebSession(
                id="a" * 64,
                user_id=staff.id,
                data={},
                created_at=now,
                last_seen_at=now,
                expires_at=now + timedelta(hours=1),
            )
        )
        db.session.commit()
    path = tmp_path_factory.mktemp("backups") / "directory.backup"
    result = _invoke(search_app, "create", str(path))
    assert result.exit_code == 0, result.output
    return search_app, path


def test_a_restore_into_an_empty_database_gives_back_the_same_directory(
    backed_up: tuple[Flask, Path], tmp_path: Path
) -> None:
    source, path = backed_up
    with _app_on_nothing(_backend(source), tmp_path) as target:
        result = _invoke(target, "restore", str(path), "--yes")
        assert result.exit_code == 0, result.output
        assert "Rebuilt the search index: " in result.output

        expected = table_counts(source)
        assert expected["web_session"] == 1 and expected["staff_user"] >= 1
        assert expected["service"] > 100 and expected["audit_entry"] > 0
        assert expected["postcode"] > 0
        expected["web_session"] = 0  # sessions are never kept
        assert table_counts(target) == expected
        assert _exports(target) == _exports(source)
        # The index was rebuilt: the restored site's own Whoosh index finds what the source does.
        health = target.test_cli_runner().invoke(args=["search", "health"])
        assert health.exit_code == 0, health.output
        assert "Engine in use: whoosh" in health.output
        assert _found(target) == _found(source)
        assert all(_found(target).values())


def test_a_backup_file_is_readable_by_its_owner_only(
    backed_up: tuple[Flask, Path], tmp_path: Path
) -> None:
    source, path = backed_up
    assert path.stat().st_mode & 0o777 == 0o600
    with tarfile.open(path) as tar:
        assert {member.mode & 0o777 for member in tar.getmembers()} == {0o600}
    previous = os.umask(0)  # even when the operator's umask would let everyone read it
    try:
        result = _invoke(source, "create", str(tmp_path))
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    [made] = tmp_path.glob("signpost-*.backup")
    assert made.stat().st_mode & 0o777 == 0o600
    assert list(tmp_path.iterdir()) == [made]  # no temporary file left beside it
    again = _invoke(source, "create", str(made))
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_an_occupied_database_is_replaced_only_when_asked(
    backed_up: tuple[Flask, Path], tmp_path: Path
) -> None:
    source, path = backed_up
    with _migrated(_backend(source), tmp_path) as target:
        with target.app_context():
            create_service("Only In The Target", key="only-in-target")
            db.session.commit()
        before = table_counts(target)
        refused = _invoke(target, "restore", str(path), "--yes")
        assert refused.exit_code == 1
        assert "already holds data" in refused.output and "--replace" in refused.output
        declined = _invoke(target, "restore", str(path), "--replace", input="n\n")
        assert declined.exit_code == 1
        assert "replace everything in the database" in declined.output
        assert table_counts(target) == before

        accepted = _invoke(target, "restore", str(path), "--replace", input="y\n")
        assert accepted.exit_code == 0, accepted.output
        expected = table_counts(source) | {"web_session": 0}
        assert table_counts(target) == expected
        assert "Only In The Target" not in _exports(target)["csv"]


def test_a_backup_without_postcodes_restores_everything_else(
    backed_up: tuple[Flask, Path], tmp_path: Path
) -> None:
    source, _ = backed_up
    path = tmp_path / "no-postcodes.backup"
    made = _invoke(source, "create", str(path), "--without-postcodes")
    assert made.exit_code == 0, made.output
    assert "without postcodes" in made.output
    with _app_on_nothing(_backend(source), tmp_path / "target") as target:
        result = _invoke(target, "restore", str(path), "--yes")
        assert result.exit_code == 0, result.output
        assert "flask postcodes load" in result.output
        expected = table_counts(source) | {"web_session": 0, "postcode": 0, "postcode_district": 0}
        assert table_counts(target) == expected
        assert _exports(target) == _exports(source)


@pytest.mark.parametrize("backend", database_backends())
def test_an_older_backup_is_brought_up_to_the_head_after_restoring(
    backend: str, tmp_path: Path
) -> None:
    initial = "ae735055c184"
    with _app_on_nothing(backend, tmp_path / "old") as old:
        with old.app_context():
            upgrade(revision=initial)
        made = _invoke(old, "create", str(tmp_path / "old.backup"))
        assert made.exit_code == 0, made.output
    with _app_on_nothing(backend, tmp_path / "new") as new:
        result = _invoke(new, "restore", str(tmp_path / "old.backup"), "--yes")
        assert result.exit_code == 0, result.output
        with new.app_context():
            from alembic.script import ScriptDirectory

            head = ScriptDirectory.from_config(
                new.extensions["migrate"].migrate.get_config()
            ).get_current_head()
        assert f"Brought the schema up from {initial} to {head}." in result.output
        assert _revision(new) == head


def test_a_sqlite_backup_taken_during_a_write_holds_the_last_committed_state(
    tmp_path: Path,
) -> None:
    with _migrated("sqlite", tmp_path / "site") as app:
        with app.app_context():
            create_service("Committed Toy Library", key="committed")
            db.session.commit()
            database = Path(str(db.engine.url.database))
        writer = sqlite3.connect(database)
        try:
            writer.execute("BEGIN IMMEDIATE")  # an import in the middle of its transaction
            writer.execute("UPDATE service SET name = 'Half Written'")
            result = _invoke(app, "create", str(tmp_path / "during.backup"))
        finally:
            writer.rollback()
            writer.close()
        assert result.exit_code == 0, result.output
    _, payload = extract(tmp_path / "during.backup", tmp_path)
    with closing(sqlite3.connect(payload)) as copy:
        names = [row[0] for row in copy.execute("SELECT name FROM service")]
    assert names == ["Committed Toy Library"]
