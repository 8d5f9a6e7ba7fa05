"""Fresh, real databases for tests: an SQLite file, or a new PostgreSQL database.

PostgreSQL is wanted unless ``SIGNPOST_TEST_POSTGRES=0``; when it is wanted and the server
cannot be reached, the tests fail with a message saying how to start it, never skip quietly.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

if TYPE_CHECKING:
    from tests.support.templates import Template

POSTGRES_ADMIN_URL = os.environ.get(
    "SIGNPOST_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ("sqlite", "postgres")


def postgres_wanted() -> bool:
    return os.environ.get("SIGNPOST_TEST_POSTGRES", "1") != "0"


def database_backends() -> list[object]:
    """Parameters for fixtures that run once per database engine."""
    return [
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    not postgres_wanted(), reason="SIGNPOST_TEST_POSTGRES=0 was set"
                ),
            ],
        ),
    ]


def admin_connection() -> psycopg.Connection:
    try:
        return psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL is wanted for these tests but {POSTGRES_ADMIN_URL} did not answer "
            f"({error}). Start it (pg_ctlcluster <version> main start), point "
            "SIGNPOST_TEST_POSTGRES_URL at a server, or set SIGNPOST_TEST_POSTGRES=0 to "
            "run on SQLite only.",
            pytrace=False,
        )


def postgres_url(name: str) -> str:
    """The SQLAlchemy URL of the database ``name`` on the test server."""
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    return f"{base}/{name}"


@contextmanager
def fresh_database(backend: str, directory: Path, *, like: Template | None = None) -> Iterator[str]:
    """Yield the SQLAlchemy URL of a new database, removed afterwards.

    It is empty, or a copy of the template ``like`` (with the template's search index put in
    ``directory``): see ``tests/support/templates.py``.
    """
    if backend == "sqlite":
        path = directory / "signpost-test.db"
        if like is not None:
            like.copy_sqlite(path)
        yield f"sqlite:///{path}"
        return
    name = f"signpost_test_{secrets.token_hex(6)}"
    if like is not None:
        like.copy_postgres(name, directory)
    else:
        with admin_connection() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url(name)
    finally:
        _drops.append(_dropper.submit(drop_database, name))


def drop_database(name: str) -> None:
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# A database is dropped in the background: the server takes up to a second to remove its files,
# and no test needs to wait for that. ``finish_drops`` waits for them all.
_dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-test-databases")
_drops: list[Future[None]] = []


def finish_drops() -> None:
    """Wait until every database this process made is dropped; raise if a drop failed."""
    while _drops:
        _drops.pop().result()
