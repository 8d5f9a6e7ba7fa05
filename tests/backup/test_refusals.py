"""``flask backup restore`` refuses a file of the other engine, a damaged or cut file, a newer
schema and missing client tools, with one clear sentence and the database untouched."""

from __future__ import annotations

import io
import json
import random
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from directory import create_app
from directory.backup.archive import MANIFEST, Manifest, extract, sha256_of, write_archive
from directory.backup.postgres import Tool, version_warning
from directory.extensions import db
from tests.backup.helpers import table_counts
from tests.support.apps import config_for_tests, migrated_app
from tests.support.databases import database_backends, fresh_database
from tests.support.factories import create_service
from tests.support.templates import MIGRATED


@contextmanager
def _site(backend: str, directory: Path) -> Iterator[Flask]:
    """A migrated app holding one listing."""
    directory.mkdir(exist_ok=True)
    with fresh_database(backend, directory, like=MIGRATED) as url:
        app = migrated_app(config_for_tests(url, directory))
        with app.app_context():
            create_service("Kept Stay and Play", key="kept")
            db.session.commit()
        yield app
        with app.app_context():
            app.extensions["search"].close()
            db.engine.dispose()


def _restore(app: Flask, path: Path, *options: str) -> tuple[int, str]:
    result = app.test_cli_runner().invoke(
        args=["backup", "restore", str(path), "--yes", "--replace", *options]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("sqlite-backup")
    with _site("sqlite", directory / "site") as app:
        result = app.test_cli_runner().invoke(args=["backup", "create", str(directory)])
        assert result.exit_code == 0, result.output
    [path] = directory.glob("*.backup")
    return path


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Flask]:
    """An SQLite site with one listing, the restores' target."""
    with _site("sqlite", tmp_path / "target") as app:
        yield app


def _rewritten(original: Path, directory: Path, **changes: object) -> Path:
    """``original`` with its manifest changed as given (the payload and its checksum kept)."""
    manifest, payload = extract(original, directory)
    path = directory / "changed.backup"
    write_archive(path, replace(manifest, **changes), payload)
    return path


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("made_on", "restored_on"), [("sqlite", "postgres"), ("postgres", "sqlite")]
)
def test_a_backup_of_the_other_engine_is_refused(
    made_on: str, restored_on: str, tmp_path: Path
) -> None:
    with _site(made_on, tmp_path / "source") as source:
        made = source.test_cli_runner().invoke(args=["backup", "create", str(tmp_path)])
        assert made.exit_code == 0, made.output
    [path] = tmp_path.glob("*.backup")
    with _site(restored_on, tmp_path / "target") as target:
        before = table_counts(target)
        code, output = _restore(target, path)
        assert code == 1
        engines = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
        assert f"is a backup of a {engines[made_on]} database" in output
        assert f"DATABASE_URL points to {engines[restored_on]}" in output
        assert table_counts(target) == before


def test_any_changed_byte_in_the_database_or_the_archive_headers_is_refused(
    sqlite_backup: Path, target: Flask, tmp_path: Path
) -> None:
    with tarfile.open(sqlite_backup) as tar:
        members = tar.getmembers()
    headers = [offset for member in members for offset in range(member.offset, member.offset_data)]
    payload = members[-1]
    contents = range(payload.offset_data, payload.offset_data + payload.size)
    choices = random.Random(16)
    offsets = choices.sample(headers, 12) + choices.sample(contents, 24)
    original = sqlite_backup.read_bytes()
    before = table_counts(target)
    for offset in offsets:
        damaged = bytearray(original)
        damaged[offset] ^= choices.randrange(1, 256)
        path = tmp_path / f"damaged-{offset}.backup"
        path.write_bytes(bytes(damaged))
        code, output = _restore(target, path)
        assert code == 1, (offset, output)
        assert "damaged" in output or "not a Signpost backup" in output, (offset, output)
    assert table_counts(target) == before


def test_a_file_cut_short_anywhere_before_its_end_is_refused(
    sqlite_backup: Path, target: Flask, tmp_path: Path
) -> None:
    with tarfile.open(sqlite_backup) as tar:
        payload = tar.getmembers()[-1]
    end = payload.offset_data + payload.size
    original = sqlite_backup.read_bytes()
    lengths = [0, 1, 100, 511, 512, 1500, *random.Random(10).sample(range(2048, end), 8), end - 1]
    before = table_counts(target)
    for length in lengths:
        path = tmp_path / f"cut-{length}.backup"
        path.write_bytes(original[:length])
        code, output = _restore(target, path)
        assert code == 1, (length, output)
        assert "damaged" in output or "not a Signpost backup" in output, (length, output)
    assert table_counts(target) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a Signpost backup"),
        (b"listing,postcode\nfood bank,DY1 1AE\n", "not a Signpost backup"),
        (None, "There is no backup file"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(
    content: bytes | None, message: str, target: Flask, tmp_path: Path
) -> None:
    path = tmp_path / "listings.backup"
    if content is not None:
        path.write_bytes(content)
    code, output = _restore(target, path)
    assert code == 1
    assert message in output


def test_a_tar_file_that_is_not_a_backup_is_refused(target: Flask, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    path = tmp_path / "other.tar"
    with tarfile.open(path, "w") as tar:
        tar.add(other, arcname="notes.txt")
    code, output = _restore(target, path)
    assert code == 1
    assert "it has no manifest" in output


@pytest.mark.parametrize(
    "manifest",
    [
        b"{not json",
        json.dumps({"format": "something-else"}).encode(),
        json.dumps({"format": "signpost-backup", "format_version": 99}).encode(),
        json.dumps({"format": "signpost-backup", "format_version": 1, "engine": "sqlite"}).encode(),
    ],
)
def test_a_manifest_that_does_not_describe_a_backup_is_refused(
    manifest: bytes, sqlite_backup: Path, target: Flask, tmp_path: Path
) -> None:
    _, payload = extract(sqlite_backup, tmp_path)
    path = tmp_path / "odd.backup"
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
        tar.add(payload, arcname="database.sqlite3")
    code, output = _restore(target, path)
    assert code == 1
    assert "is not a usable Signpost backup file" in output


def test_a_backup_of_a_newer_schema_is_refused(
    sqlite_backup: Path, target: Flask, tmp_path: Path
) -> None:
    path = _rewritten(sqlite_backup, tmp_path, revision="f00dfeedbeef", app_version="9.0.0")
    before = table_counts(target)
    code, output = _restore(target, path)
    assert code == 1
    assert "revision f00dfeedbeef, Signpost 9.0.0) is newer than this version" in output
    assert "Restore it with Signpost 9.0.0 or newer." in output
    assert table_counts(target) == before


def test_a_whole_file_whose_database_is_not_sqlite_is_refused(
    sqlite_backup: Path, target: Flask, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage"
    garbage.write_bytes(random.Random(3).randbytes(8192))
    manifest, _ = extract(sqlite_backup, tmp_path)
    path = tmp_path / "garbage.backup"
    manifest = replace(manifest, sha256=sha256_of(garbage), size=8192)
    write_archive(path, manifest, garbage)
    before = table_counts(target)
    code, output = _restore(target, path)
    assert code == 1
    assert "The backup's database cannot be read" in output or "is damaged" in output
    assert table_counts(target) == before


@pytest.mark.postgres
def test_a_whole_file_whose_archive_pg_restore_cannot_read_is_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"PGDMP" + random.Random(4).randbytes(4096))
    manifest = Manifest(
        engine="postgresql",
        revision="ae735055c184",
        created_at="2026-01-01T00:00:00+00:00",
        app_version="0.1.0",
        tool_version="15.0",
        server_version="15.0",
        postcodes=True,
        sha256=sha256_of(garbage),
        size=garbage.stat().st_size,
    )
    path = tmp_path / "garbage.backup"
    write_archive(path, manifest, garbage)
    with _site("postgres", tmp_path / "target") as target:
        before = table_counts(target)
        code, output = _restore(target, path)
        assert code == 1
        assert "pg_restore failed" in output
        assert table_counts(target) == before


@pytest.mark.parametrize("backend", database_backends())
def test_a_backup_without_its_client_tools_fails_saying_what_to_install(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _site(backend, tmp_path / "site") as app:
        monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
        result = app.test_cli_runner().invoke(args=["backup", "create", str(tmp_path)])
    if backend == "sqlite":  # SQLite needs no outside program
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    assert "pg_dump was not found on PATH" in result.output
    assert "postgresql-client" in result.output
    assert not list(tmp_path.glob("*.backup"))


def test_client_tools_of_another_major_version_than_the_server_are_named() -> None:
    assert version_warning(Tool("/usr/bin/pg_dump", "15.20"), "pg_dump", "15.4") is None
    warning = version_warning(Tool("/usr/bin/pg_dump", "17.2"), "pg_dump", "15.4")
    assert warning == (
        "Warning: pg_dump is version 17.2 but the PostgreSQL server is 15.4. Use the client "
        "tools of the server's major version (15) where you can."
    )


def test_check_says_what_a_whole_file_holds_and_refuses_a_damaged_one(
    sqlite_backup: Path, target: Flask, tmp_path: Path
) -> None:
    runner = target.test_cli_runner()
    whole = runner.invoke(args=["backup", "check", str(sqlite_backup)])
    assert whole.exit_code == 0, whole.output
    assert "A backup of a SQLite database taken " in whole.output
    assert "Its checksum matches: the file is whole." in whole.output
    with tarfile.open(sqlite_backup) as tar:
        payload = tar.getmembers()[-1]
    damaged = bytearray(sqlite_backup.read_bytes())
    damaged[payload.offset_data + payload.size - 100] ^= 0xFF  # in the database's last page
    path = tmp_path / "damaged.backup"
    path.write_bytes(bytes(damaged))
    result = runner.invoke(args=["backup", "check", str(path)])
    assert result.exit_code == 1
    assert "is damaged: its database does not match the checksum" in result.output


@pytest.mark.parametrize("backend", database_backends())
def test_a_backup_of_a_database_that_is_not_there_or_not_migrated_is_refused(
    backend: str, tmp_path: Path
) -> None:
    with fresh_database(backend, tmp_path) as url:
        app = create_app(config_for_tests(url, tmp_path))
        result = app.test_cli_runner().invoke(args=["backup", "create", str(tmp_path)])
        with app.app_context():
            db.engine.dispose()
    assert result.exit_code == 1
    if backend == "sqlite":
        assert "There is no SQLite database at" in result.output
        assert not (tmp_path / "signpost-test.db").exists()
    else:
        assert "Could not read the database's schema revision" in result.output
        assert "flask db upgrade" in result.output
    assert not list(tmp_path.glob("*.backup"))


def test_declining_a_restore_into_a_new_sqlite_file_leaves_no_file(
    sqlite_backup: Path, tmp_path: Path
) -> None:
    database = tmp_path / "new.db"
    app = create_app(config_for_tests(f"sqlite:///{database}", tmp_path))
    result = app.test_cli_runner().invoke(
        args=["backup", "restore", str(sqlite_backup)], input="n\n"
    )
    assert result.exit_code == 1
    assert "Restore it and fill the database" in result.output
    assert not database.exists()
