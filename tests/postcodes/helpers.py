"""Shared pieces for the postcode tests: the fixture zip and ways to look at the tables."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from directory.extensions import db
from directory.postcodes.loader import LoadReport, load_postcodes
from directory.postcodes.lookup import Place, find_place
from directory.postcodes.sources import CodePointZip
from tests.support.apps import FIXTURES

# Real DY1, DY2, DY10, B1 and WV1 rows (38 with coordinates, in 5 districts) and WV98 2AA,
# which has none. Postcodes are in the official fixed-width form ("B1  1AY", "DY101AA"), and
# the Doc/ member holds header rows that must not be read as data.
CODEPO_ZIP = FIXTURES / "postcodes" / "codepo_gb.zip"
POSTCODE_TABLES = ("postcode", "postcode_district")


def load_fixture_zip(app: Flask) -> LoadReport:
    with app.app_context():
        return load_postcodes(CodePointZip(CODEPO_ZIP))


def lookup(app: Flask, text: str) -> Place:
    with app.app_context():
        return find_place(text)


def row_counts(app: Flask) -> dict[str, int]:
    with app.app_context():
        return {
            name: db.session.execute(
                sa.select(sa.func.count()).select_from(sa.table(name))
            ).scalar_one()
            for name in POSTCODE_TABLES
        }


def postcode_schema(app: Flask) -> dict[str, object]:
    """Table names, primary keys and indexes, as Alembic and the query planner see them."""
    with app.app_context():
        inspector = sa.inspect(db.engine)
        return {
            "tables": sorted(t for t in inspector.get_table_names() if t.startswith("postcode")),
            **{
                name: (
                    inspector.get_pk_constraint(name)["name"],
                    sorted(
                        (index["name"], tuple(index["column_names"]))
                        for index in inspector.get_indexes(name)
                    ),
                )
                for name in POSTCODE_TABLES
            },
        }


def schema_differences(app: Flask) -> list[object]:
    """What Alembic autogenerate would change in the postcode tables; empty when all is well."""
    with app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    return [d for d in differences if any(name in repr(d) for name in POSTCODE_TABLES)]
