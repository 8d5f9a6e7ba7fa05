"""Databases at the migrations' head without running every migration for each one.

The first migrated database a test process wants on an engine is made by the real migrations
(``flask db upgrade``) as a template; every later one is a copy of it: a file copy for SQLite,
``CREATE DATABASE ... TEMPLATE`` for PostgreSQL. Each process makes its own templates, so the
template always matches the migrations in the tree, and ``migrated_app`` still runs
``upgrade()`` on every copy, which would apply any migration the copy lacked.
``tests/test_migrations.py`` runs the migrations from nothing itself. ``remove_templates``
(at the end of the session, from ``tests/conftest.py``) drops them.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path

from tests.support.databases import admin_connection, postgres_url

_sqlite_folder: Path | None = None
_postgres_name: str | None = None


def _migrate(url: str, directory: Path) -> None:
    from flask_migrate import upgrade

    from directory import create_app
    from directory.extensions import db
    from tests.support.apps import config_for_tests

    app = create_app(config_for_tests(url, directory))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def copy_sqlite_template(path: Path) -> None:
    """Write an SQLite database at the migrations' head to ``path``."""
    global _sqlite_folder
    if _sqlite_folder is None:
        folder = Path(tempfile.mkdtemp(prefix="signpost-template-"))
        _migrate(f"sqlite:///{folder / 'template.db'}", folder)
        _sqlite_folder = folder
    shutil.copyfile(_sqlite_folder / "template.db", path)


def create_postgres_copy(name: str) -> None:
    """Create the PostgreSQL database ``name`` at the migrations' head."""
    global _postgres_name
    if _postgres_name is None:
        template = f"signpost_template_{secrets.token_hex(6)}"
        with admin_connection() as admin:
            admin.execute(f'CREATE DATABASE "{template}"')
        try:
            with tempfile.TemporaryDirectory(prefix="signpost-template-") as folder:
                _migrate(postgres_url(template), Path(folder))
        except BaseException:
            with admin_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            raise
        _postgres_name = template
    with admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_postgres_name}"')


def remove_templates() -> None:
    """Drop this process's templates, if it made any."""
    global _sqlite_folder, _postgres_name
    if _sqlite_folder is not None:
        shutil.rmtree(_sqlite_folder, ignore_errors=True)
        _sqlite_folder = None
    if _postgres_name is not None:
        with admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{_postgres_name}" WITH (FORCE)')
        _postgres_name = None
