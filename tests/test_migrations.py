import sqlalchemy as sa
from flask import Flask

from directory.extensions import db


def test_migrations_create_every_model_table(empty_app: Flask) -> None:
    with empty_app.app_context():
        tables = set(sa.inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
