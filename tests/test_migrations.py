import sqlalchemy as sa
from flask import Flask

from directory.extensions import db


def test_migrations_create_every_model_table(empty_app: Flask) -> None:
    with empty_app.app_context():
        tables = set(sa.inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables


def test_migrations_match_the_models_exactly(empty_app: Flask) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with empty_app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
