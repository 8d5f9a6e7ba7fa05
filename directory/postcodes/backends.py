"""The engine-specific parts of a postcode load: bulk writing, and swapping side tables in.

A side table has the live table's name plus ``_load``. The swap drops the live table and
renames the side table, its primary key and its indexes to the live names, so Alembic sees the
schema the migrations made. SQLite scopes constraint names to their table but cannot rename an
index, so its side table takes the live primary-key name at once and gets its indexes after the
rename; PostgreSQL builds everything under side names and renames it all.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

import psycopg
import sqlalchemy as sa

SIDE_SUFFIX = "_load"
_POSTGRES_SWAP_LOCK_TIMEOUT = "10s"

Row = tuple[object, ...]
Swaps = Sequence[tuple[sa.Table, sa.Table]]


class Backend(ABC):
    @abstractmethod
    def begin(self, connection: sa.Connection) -> None:
        """Make sure the DDL that follows runs inside the connection's transaction."""

    def create_side_table(self, connection: sa.Connection, live: sa.Table) -> sa.Table:
        """An empty copy of ``live``'s columns and primary key, without its indexes yet."""
        side = sa.Table(
            f"{live.name}{SIDE_SUFFIX}",
            sa.MetaData(),
            *(sa.Column(column.name, column.type, nullable=column.nullable) for column in live.c),
            sa.PrimaryKeyConstraint(
                *live.primary_key.columns.keys(), name=self.side_primary_key_name(live)
            ),
        )
        side.create(connection)
        return side

    @abstractmethod
    def side_primary_key_name(self, live: sa.Table) -> str: ...

    @abstractmethod
    def write_rows(
        self,
        connection: sa.Connection,
        table: sa.Table,
        columns: Sequence[str],
        rows: Iterable[Row],
    ) -> None: ...

    @abstractmethod
    def swap(self, connection: sa.Connection, swaps: Swaps) -> None:
        """Replace each live table with its loaded side table, given as (side, live) pairs."""


class SQLiteBackend(Backend):
    def begin(self, connection: sa.Connection) -> None:
        # Python's sqlite3 module only opens a transaction before INSERT/UPDATE/DELETE, so
        # without this the CREATE, DROP and ALTER statements would each commit on their own.
        if not connection.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
            connection.exec_driver_sql("BEGIN")

    def side_primary_key_name(self, live: sa.Table) -> str:
        return str(live.primary_key.name)

    def write_rows(
        self,
        connection: sa.Connection,
        table: sa.Table,
        columns: Sequence[str],
        rows: Iterable[Row],
    ) -> None:
        placeholders = ", ".join("?" for _ in columns)
        connection.exec_driver_sql(
            f"INSERT INTO {_quote(connection, table.name)} ({_column_list(connection, columns)}) "
            f"VALUES ({placeholders})",
            list(rows),
        )

    def swap(self, connection: sa.Connection, swaps: Swaps) -> None:
        for side, live in swaps:
            connection.exec_driver_sql(f"DROP TABLE {_quote(connection, live.name)}")
            connection.exec_driver_sql(
                f"ALTER TABLE {_quote(connection, side.name)} "
                f"RENAME TO {_quote(connection, live.name)}"
            )
            for index in live.indexes:
                index.create(connection)


class PostgresBackend(Backend):
    def begin(self, connection: sa.Connection) -> None:
        """Nothing to do: psycopg opens the transaction before any statement, DDL included."""

    def side_primary_key_name(self, live: sa.Table) -> str:
        return f"{live.primary_key.name}{SIDE_SUFFIX}"

    def write_rows(
        self,
        connection: sa.Connection,
        table: sa.Table,
        columns: Sequence[str],
        rows: Iterable[Row],
    ) -> None:
        statement = (
            f"COPY {_quote(connection, table.name)} ({_column_list(connection, columns)}) "
            "FROM STDIN"
        )
        driver = connection.connection.driver_connection
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as error:
            # Raise what SQLAlchemy raises for its own statements (IntegrityError and so on),
            # as SQLite's executemany does, so callers see one kind of error on both engines.
            raise sa.exc.DBAPIError.instance(
                statement, None, error, psycopg.Error, dialect=connection.dialect
            ) from error

    def swap(self, connection: sa.Connection, swaps: Swaps) -> None:
        for side, live in swaps:
            for index in live.indexes:
                sa.Index(
                    f"{index.name}{SIDE_SUFFIX}",
                    *(side.c[column.name] for column in index.columns),
                    unique=index.unique,
                ).create(connection)
            connection.exec_driver_sql(f"ANALYZE {_quote(connection, side.name)}")
        # Waiting readers queue behind the DROP's exclusive lock, so give up rather than
        # stall the site if a long query holds the old table.
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{_POSTGRES_SWAP_LOCK_TIMEOUT}'")
        for side, live in swaps:
            live_name = _quote(connection, live.name)
            connection.exec_driver_sql(f"DROP TABLE {live_name}")
            connection.exec_driver_sql(
                f"ALTER TABLE {_quote(connection, side.name)} RENAME TO {live_name}"
            )
            connection.exec_driver_sql(
                f"ALTER TABLE {live_name} RENAME CONSTRAINT "
                f"{_quote(connection, self.side_primary_key_name(live))} "
                f"TO {_quote(connection, str(live.primary_key.name))}"
            )
            for index in live.indexes:
                connection.exec_driver_sql(
                    f"ALTER INDEX {_quote(connection, f'{index.name}{SIDE_SUFFIX}')} "
                    f"RENAME TO {_quote(connection, str(index.name))}"
                )


def backend_for(connection: sa.Connection) -> Backend:
    name = connection.dialect.name
    if name == "sqlite":
        return SQLiteBackend()
    if name == "postgresql":
        return PostgresBackend()
    raise ValueError(f"Postcodes can be loaded into SQLite or PostgreSQL, not {name}.")


def _quote(connection: sa.Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _column_list(connection: sa.Connection, columns: Sequence[str]) -> str:
    return ", ".join(_quote(connection, column) for column in columns)
