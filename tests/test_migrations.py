"""The migrations themselves, run from an empty database (other tests start from a copy of a
database they migrated once: see ``tests/support/templates.py``)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from directory import create_app
from directory.extensions import db
from tests.support.apps import config_for_tests
from tests.support.databases import database_backends, fresh_database


@pytest.fixture(params=database_backends())
def migrated_from_nothing(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An app on an empty database that every migration has just been run on."""
    with fresh_database(request.param, tmp_path) as url:
        app = create_app(config_for_tests(url, tmp_path))
        with app.app_context():
            upgrade()
        yield app
        with app.app_context():
            db.engine.dispose()


def test_migrations_create_every_model_table(migrated_from_nothing: Flask) -> None:
    with migrated_from_nothing.app_context():
        tables = set(sa.inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables


def test_migrations_match_the_models_exactly(migrated_from_nothing: Flask) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with migrated_from_nothing.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
