"""PostgreSQL: the server's own tools, ``pg_dump --format=custom`` and ``pg_restore``.

A restore is one transaction: ``pg_restore`` turns the archive into SQL, and ``psql`` runs it
after dropping what the database held, between ``BEGIN`` and a ``COMMIT`` sent only once the
whole script has run (``ON_ERROR_STOP``), so a restore that fails part-way leaves the database
as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy.engine import URL

from directory.backup.archive import BackupError

DROP_EVERYTHING = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT c.oid::regclass::text AS name, c.relkind FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
            ORDER BY c.relkind = 'S' LOOP
        EXECUTE format('DROP %s IF EXISTS %s CASCADE',
            CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
            item.name);
    END LOOP;
    FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            LOOP
        EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', item.name);
    END LOOP;
    FOR item IN SELECT t.oid::regtype AS name FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c', 'r')
            AND (t.typtype <> 'c' OR NOT EXISTS
                (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
            LOOP
        EXECUTE format('DROP TYPE IF EXISTS %s CASCADE', item.name);
    END LOOP;
END $$;
"""
"""Empties the public schema of everything but extensions' own objects."""


@dataclass(frozen=True)
class Tool:
    """A PostgreSQL client program found on PATH, and its version."""

    path: str
    version: str

    @property
    def major(self) -> int:
        return major(self.version)


def find_tool(name: str) -> Tool:
    """The client program ``name`` on PATH; fails with what to install if it is not there."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client tools of the same "
            "major version as the server (on Debian or Ubuntu: apt-get install "
            "postgresql-client-NN, where NN is the server's major version) and run again."
        )
    result = _run([path, "--version"], name)
    found = re.search(r"(\d+(?:\.\d+)*)", result.stdout)
    if found is None:
        raise BackupError(f"Could not tell the version of {path}: it printed {result.stdout!r}.")
    return Tool(path, found.group(1))


def major(version: str) -> int:
    return int(version.split(".")[0])


def version_warning(tool: Tool, name: str, server_version: str) -> str | None:
    """A sentence when ``tool`` is not of the server's major version, else None."""
    if tool.major == major(server_version):
        return None
    return (
        f"Warning: {name} is version {tool.version} but the PostgreSQL server is "
        f"{server_version}. Use the client tools of the server's major version "
        f"({major(server_version)}) where you can."
    )


def dump(url: URL, payload: Path, leave_out_data: Iterable[str], pg_dump: Tool) -> None:
    """Write a custom-format archive of the database at ``url`` to ``payload``."""
    arguments = [pg_dump.path, "--format=custom", "--no-owner", f"--file={payload}"]
    arguments += [f"--exclude-table-data=public.{table}" for table in leave_out_data]
    _run([*arguments, f"--dbname={_conninfo(url)}"], "pg_dump", url)


def check(payload: Path, pg_restore: Tool) -> None:
    """Refuse an archive ``pg_restore`` cannot read."""
    _run([pg_restore.path, "--list", str(payload)], "pg_restore")


def restore(payload: Path, url: URL, pg_restore: Tool, psql: Tool) -> None:
    """Replace everything in the database at ``url`` with the archive, in one transaction."""
    environment = _environment(url)
    environment["PGOPTIONS"] = "-c client_min_messages=warning"  # no notice per cascaded drop
    with tempfile.TemporaryFile() as script_errors, tempfile.TemporaryFile() as run_errors:
        script = subprocess.Popen(
            [pg_restore.path, "--no-owner", "--file=-", str(payload)],
            stdout=subprocess.PIPE,
            stderr=script_errors,
        )
        runner = subprocess.Popen(
            [
                psql.path,
                "--no-psqlrc",
                "--quiet",
                "--set=ON_ERROR_STOP=1",
                "--file=-",
                f"--dbname={_conninfo(url)}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=run_errors,
            env=environment,
        )
        assert script.stdout is not None and runner.stdin is not None
        try:
            runner.stdin.write(b"BEGIN;\n" + DROP_EVERYTHING.encode())
            shutil.copyfileobj(script.stdout, runner.stdin)
            script.stdout.close()
            # Commit only a whole script: pg_restore failing part-way must not leave half.
            ending = b"COMMIT;\n" if script.wait() == 0 else b"ROLLBACK;\n"
            runner.stdin.write(ending)
        except BrokenPipeError:
            pass  # psql stopped at an error: its message is read below
        finally:
            script.stdout.close()  # if psql stopped early, pg_restore stops too
            _close_quietly(runner.stdin)
        run_failed, script_failed = runner.wait() != 0, script.wait() != 0
        if run_failed:
            raise BackupError(
                "The restore failed and was rolled back; the database is as it was. "
                f"psql said: {_text(run_errors)}"
            )
        if script_failed:
            raise BackupError(
                "pg_restore could not read the backup; nothing was changed. "
                f"It said: {_text(script_errors)}"
            )


def _close_quietly(stream: IO[bytes]) -> None:
    with contextlib.suppress(BrokenPipeError):
        stream.close()


def _text(output: IO[bytes]) -> str:
    output.seek(0)
    return output.read().decode(errors="replace").strip()


def _run(arguments: list[str], name: str, url: URL | None = None) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(
            arguments,
            capture_output=True,
            text=True,
            env=_environment(url) if url is not None else None,
            check=False,
        )
    except OSError as error:
        raise BackupError(f"Could not run {name}: {error}.") from None
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result


def _conninfo(url: URL) -> str:
    """A libpq URI for ``url`` without its password (that goes in the environment)."""
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False)


def _environment(url: URL) -> dict[str, str]:
    """The process environment, with the password where libpq looks for it."""
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    return environment
