"""Tables the database itself keeps append-only: rows can be added, never changed or deleted.

Triggers refuse every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) on these tables, for
whichever role runs the statement, so the app's own database role cannot rewrite the
listings' audit trail or the security events. Only someone who may drop the trigger (the
tables' owner) can get round it; see the README on running migrations as a separate owner.

Migrations call ``protect`` and ``unprotect``. A later migration that rebuilds one of these
tables on SQLite (Alembic's batch mode copies the table) loses its triggers and must call
``protect`` again.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

APPEND_ONLY_TABLES = ("audit_entry", "security_event")
_FUNCTION = "signpost_refuse_change"


def protect(connection: Connection, table: str) -> None:
    """Add the triggers that refuse changes and deletions on ``table``."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            sa.text(
                f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP; "
                "END $$ LANGUAGE plpgsql"
            )
        )
        connection.execute(
            sa.text(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()"
            )
        )
        connection.execute(
            sa.text(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()"
            )
        )
        return
    for operation in ("UPDATE", "DELETE"):
        connection.execute(
            sa.text(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {operation} refused'); END"
            )
        )


def unprotect(connection: Connection, table: str) -> None:
    """Remove ``protect``'s triggers (for a downgrade)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"))
        connection.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"))
        return
    for operation in ("update", "delete"):
        connection.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{operation}"))


def drop_function(connection: Connection) -> None:
    """Remove the PostgreSQL trigger function once no table uses it."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text(f"DROP FUNCTION IF EXISTS {_FUNCTION}()"))
