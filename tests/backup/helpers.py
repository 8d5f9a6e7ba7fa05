"""What the backup tests compare: rows in every table of an app's database."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db


def table_counts(app: Flask) -> dict[str, int]:
    """Rows in every table of the app's database, postcodes and sessions included (Alembic's
    own table aside)."""
    with app.app_context(), db.engine.connect() as connection:
        names = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
        count = sa.select(sa.func.count())
        return {
            name: connection.execute(count.select_from(sa.table(name))).scalar_one()
            for name in names
        }
