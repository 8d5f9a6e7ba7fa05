"""Databases at the migrations' head (or loaded with data) without migrating each one.

The first time a test process wants a database like a template on an engine, the template is
made: a new database brought to the head by the real migrations (``flask db upgrade``), then
filled by the template's ``prepare`` (the demo data, say) and its search index built. Every
later one is a copy of it: a file copy for SQLite, ``CREATE DATABASE ... TEMPLATE`` for
PostgreSQL, and a copy of the index folder. Each process makes its own templates, so they
always match the migrations in the tree, and ``migrated_app`` still runs ``upgrade()`` on every
copy. ``tests/test_migrations.py`` runs the migrations from nothing itself.
``remove_templates`` (at the end of the session, from ``tests/conftest.py``) drops them.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from flask import Flask

from tests.support.databases import admin_connection, drop_database, postgres_url

INDEX = "search-index"
"""The index folder's name in a test's directory (``config_for_tests`` puts it there)."""


class Template:
    """A database per engine, and its search index, prepared once and copied for each test."""

    made: ClassVar[list[Template]] = []

    def __init__(self, name: str, prepare: Callable[[Flask], None] | None = None) -> None:
        self.name = name
        self.prepare = prepare
        self._folders: dict[str, Path] = {}
        self._postgres: str | None = None

    def copy_sqlite(self, path: Path) -> None:
        """Write a copy of the SQLite template to ``path``, and its index beside it."""
        folder = self._made("sqlite")
        shutil.copyfile(folder / "template.db", path)
        self._copy_index(folder, path.parent)

    def copy_postgres(self, name: str, directory: Path) -> None:
        """Create the PostgreSQL database ``name`` as a copy; its index goes in ``directory``."""
        folder = self._made("postgres")
        with admin_connection() as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._postgres}"')
        self._copy_index(folder, directory)

    def remove(self) -> None:
        for folder in self._folders.values():
            shutil.rmtree(folder, ignore_errors=True)
        self._folders.clear()
        if self._postgres is not None:
            drop_database(self._postgres)
            self._postgres = None

    def _made(self, backend: str) -> Path:
        if backend in self._folders:
            return self._folders[backend]
        folder = Path(tempfile.mkdtemp(prefix=f"signpost-{self.name}-{backend}-"))
        if backend == "sqlite":
            url = f"sqlite:///{folder / 'template.db'}"
        else:
            name = f"signpost_template_{secrets.token_hex(6)}"
            with admin_connection() as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            url = postgres_url(name)
        try:
            self._fill(url, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            if backend == "postgres":
                drop_database(name)
            raise
        if backend == "postgres":
            self._postgres = name
        if self not in Template.made:
            Template.made.append(self)
        self._folders[backend] = folder
        return folder

    def _fill(self, url: str, folder: Path) -> None:
        from flask_migrate import upgrade

        from directory import create_app
        from directory.extensions import db
        from tests.support.apps import config_for_tests

        app = create_app(config_for_tests(url, folder))
        with app.app_context():
            upgrade()
            if self.prepare is not None:
                self.prepare(app)
            app.extensions["search"].close()
            db.engine.dispose()

    def _copy_index(self, folder: Path, directory: Path) -> None:
        if self.prepare is not None and (folder / INDEX).exists():
            # As links: ``current`` is a relative symlink to the live generation.
            shutil.copytree(folder / INDEX, directory / INDEX, symlinks=True)


MIGRATED = Template("migrated")
"""An empty database at the migrations' head."""


def remove_templates() -> None:
    """Drop the templates this process made."""
    while Template.made:
        Template.made.pop().remove()
