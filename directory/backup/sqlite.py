"""SQLite: copies made with SQLite's online backup API.

The API copies the database as one consistent snapshot while the site keeps running (in WAL
mode writers carry on; they are simply not in the copy), and writes a restore into the live
file under SQLite's own locks, so no reader ever sees half a database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from directory.backup.archive import BackupError

BUSY_SECONDS = 30.0


def copy_out(database: Path, payload: Path, leave_out: Iterable[str]) -> None:
    """Copy ``database`` to the new file ``payload``, then empty the tables in ``leave_out``."""
    if not database.is_file():
        raise BackupError(f"There is no SQLite database at {database}.")
    try:
        with (
            closing(sqlite3.connect(database, timeout=BUSY_SECONDS)) as source,
            closing(sqlite3.connect(payload)) as copy,
        ):
            source.backup(copy)
            tables = set(_tables(copy))
            for table in leave_out:
                if table in tables:
                    copy.execute(f'DELETE FROM "{table}"')
            copy.commit()
            # The copy is its own file: a rollback journal, and the emptied pages given back.
            copy.execute("PRAGMA journal_mode=DELETE")
            copy.execute("VACUUM")
    except sqlite3.Error as error:
        raise BackupError(f"Could not copy the SQLite database {database}: {error}.") from None


def check(payload: Path) -> None:
    """Refuse a payload SQLite cannot read as a whole, sound database."""
    try:
        with closing(sqlite3.connect(f"file:{payload}?mode=ro", uri=True)) as copy:
            problems = [row[0] for row in copy.execute("PRAGMA quick_check")]
    except sqlite3.Error as error:
        raise BackupError(f"The backup's database cannot be read ({error}).") from None
    if problems != ["ok"]:
        raise BackupError(f"The backup's database is damaged: {'; '.join(problems[:3])}.")


def copy_in(payload: Path, database: Path) -> None:
    """Replace the contents of ``database`` (made if missing) with the payload's."""
    if not database.parent.is_dir():
        raise BackupError(f"The folder {database.parent} for the SQLite database does not exist.")
    try:
        with (
            closing(sqlite3.connect(f"file:{payload}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(database, timeout=BUSY_SECONDS)) as target,
        ):
            source.backup(target)
    except sqlite3.OperationalError as error:
        raise BackupError(
            f"Could not write the SQLite database {database} ({error}). If another process is "
            "writing to it, stop the site and try again."
        ) from None


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
