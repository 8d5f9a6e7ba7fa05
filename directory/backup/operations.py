"""Taking a backup of the site's database, and restoring one into it (in an app context)."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app
from flask_migrate import upgrade
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from directory.backup import postgres, sqlite
from directory.backup.archive import ENGINE_NAMES, BackupError, Manifest, extract, sha256_of
from directory.backup.archive import write_archive as write_archive_file
from directory.extensions import db

SESSIONS = ("web_session",)
"""Never in a backup: restoring them could bring back a session that was ended."""
POSTCODES = ("postcode", "postcode_district")
"""Large and reloadable from Code-Point Open (``flask postcodes load``): may be left out."""


@dataclass
class Outcome:
    """What a backup or restore did, for the command to report."""

    manifest: Manifest
    warnings: list[str] = field(default_factory=list)
    migrated_to: str | None = None
    indexed: int = 0


def engine_of(url: URL) -> str:
    name = url.get_backend_name()
    if name not in ENGINE_NAMES:
        raise BackupError(f"Backups work on SQLite and PostgreSQL, not {name}.")
    return name


def default_name(engine: str, when: datetime) -> str:
    return f"signpost-{engine}-{when.strftime('%Y%m%dT%H%M%SZ')}.backup"


def create_backup(target: Path, *, postcodes: bool = True) -> Outcome:
    """Write a backup of the whole database to ``target`` (a new file, mode 0600)."""
    url = db.engine.url
    engine = engine_of(url)
    if target.exists():
        raise BackupError(f"{target} already exists: give a new file name.")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    if engine == "sqlite" and not Path(str(url.database)).is_file():
        raise BackupError(f"There is no SQLite database at {url.database}: check DATABASE_URL.")
    revision = _current_revision()
    leave_out = SESSIONS if postcodes else SESSIONS + POSTCODES
    warnings: list[str] = []
    created = datetime.now(UTC)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".signpost-backup-") as work:
        payload = Path(work) / "payload"
        if engine == "sqlite":
            sqlite.copy_out(Path(str(url.database)), payload, leave_out)
            tool_version, server_version = sqlite3.sqlite_version, ""
        else:
            pg_dump = postgres.find_tool("pg_dump")
            server_version = _server_version()
            if pg_dump.major < postgres.major(server_version):
                raise BackupError(
                    f"pg_dump is version {pg_dump.version} but the PostgreSQL server is "
                    f"{server_version}: pg_dump cannot back up a newer server. Install the "
                    f"client tools of version {postgres.major(server_version)} (on Debian: "
                    f"apt-get install postgresql-client-{postgres.major(server_version)})."
                )
            if warning := postgres.version_warning(pg_dump, "pg_dump", server_version):
                warnings.append(
                    f"{warning} Only pg_restore {pg_dump.major} or newer can read this backup."
                )
            postgres.dump(url, payload, leave_out, pg_dump)
            tool_version = pg_dump.version
        manifest = Manifest(
            engine=engine,
            revision=revision,
            created_at=created.isoformat(timespec="seconds"),
            app_version=_app_version(),
            tool_version=tool_version,
            server_version=server_version,
            postcodes=postcodes,
            sha256=sha256_of(payload),
            size=payload.stat().st_size,
        )
        write_archive_file(target, manifest, payload)
    return Outcome(manifest, warnings)


def restore_backup(
    source: Path,
    *,
    replace: bool,
    confirm: Callable[[Manifest, list[str]], None],
    warn: Callable[[str], None],
) -> Outcome:
    """Restore the backup file ``source`` into the site's database, then migrate and re-index.

    ``confirm`` is called with the manifest and the tables that hold rows just before
    anything is changed; it raises to stop.
    """
    url = db.engine.url
    engine = engine_of(url)
    with tempfile.TemporaryDirectory(prefix="signpost-restore-") as work:
        manifest, payload = extract(source, Path(work))
        if manifest.engine != engine:
            raise BackupError(
                f"{source} is a backup of a {manifest.engine_name} database, but DATABASE_URL "
                f"points to {ENGINE_NAMES[engine]}. Restore it into a {manifest.engine_name} "
                "database, or move the data across with flask listings export and import."
            )
        _refuse_unknown_revision(manifest)
        if engine == "sqlite":
            sqlite.check(payload)
            tools = None
        else:
            tools = _restore_tools(manifest, warn)
            postgres.check(payload, tools[0])
        missing_file = engine == "sqlite" and not Path(str(url.database)).exists()
        occupied = [] if missing_file else _tables_with_rows()  # never make the file here
        if occupied and not replace:
            raise BackupError(
                f"The database already holds data (in {', '.join(occupied[:5])}"
                f"{' and more' if len(occupied) > 5 else ''}). Add --replace to overwrite it "
                "with the backup."
            )
        confirm(manifest, occupied)
        current_app.extensions["search"].close()
        db.session.remove()
        db.engine.dispose()
        if tools is None:
            sqlite.copy_in(payload, Path(str(url.database)))
        else:
            postgres.restore(payload, url, *tools)
    db.engine.dispose()
    outcome = Outcome(manifest)
    if manifest.revision != _head():
        try:
            upgrade()
        except (CommandError, SQLAlchemyError) as error:
            raise BackupError(
                f"The backup was restored, but bringing its schema up to date failed "
                f"({_first_line(error)}). Run flask db upgrade, then flask search rebuild."
            ) from None
        outcome.migrated_to = _head()
    outcome.indexed = current_app.extensions["search"].rebuild(allow_empty=True).documents
    return outcome


def _restore_tools(
    manifest: Manifest, warn: Callable[[str], None]
) -> tuple[postgres.Tool, postgres.Tool]:
    pg_restore, psql = postgres.find_tool("pg_restore"), postgres.find_tool("psql")
    if pg_restore.major < postgres.major(manifest.tool_version):
        raise BackupError(
            f"This backup was written by pg_dump {manifest.tool_version}, which pg_restore "
            f"{pg_restore.version} cannot read. Install the client tools of version "
            f"{postgres.major(manifest.tool_version)} or newer."
        )
    server_version = _server_version()
    for tool, name in ((pg_restore, "pg_restore"), (psql, "psql")):
        if warning := postgres.version_warning(tool, name, server_version):
            warn(warning)
    return pg_restore, psql


def _refuse_unknown_revision(manifest: Manifest) -> None:
    try:
        known = _scripts().get_revision(manifest.revision) is not None
    except CommandError:
        known = False
    if not known:
        raise BackupError(
            f"This backup's database schema (revision {manifest.revision}, Signpost "
            f"{manifest.app_version}) is newer than this version of Signpost knows "
            f"(head {_head()}). Restore it with Signpost {manifest.app_version} or newer."
        )


def _tables_with_rows() -> list[str]:
    """The tables of the site's database that hold at least one row (Alembic's aside)."""
    try:
        with db.engine.connect() as connection:
            names = sorted(set(sa.inspect(connection).get_table_names()) - {"alembic_version"})
            one_row = sa.select(sa.literal(1)).limit(1)
            return [
                name
                for name in names
                if connection.execute(one_row.select_from(sa.table(name))).first() is not None
            ]
    except SQLAlchemyError as error:
        raise BackupError(f"Could not read the database: {_first_line(error)}") from None


def _current_revision() -> str:
    try:
        with db.engine.connect() as connection:
            revision = connection.execute(
                sa.text("SELECT version_num FROM alembic_version")
            ).scalar()
    except SQLAlchemyError as error:
        raise BackupError(
            f"Could not read the database's schema revision ({_first_line(error)}). "
            "Is DATABASE_URL right, and has flask db upgrade been run?"
        ) from None
    if revision is None:
        raise BackupError("The database has no schema revision: run flask db upgrade first.")
    return str(revision)


def _server_version() -> str:
    try:
        with db.engine.connect() as connection:
            return str(connection.execute(sa.text("SHOW server_version")).scalar()).split()[0]
    except SQLAlchemyError as error:
        raise BackupError(f"Could not reach the database: {_first_line(error)}") from None


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())


def _head() -> str:
    return str(_scripts().get_current_head())


def _app_version() -> str:
    try:
        return version("signpost")
    except PackageNotFoundError:
        return "unknown"


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
