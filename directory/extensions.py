"""Flask extensions, created once here and bound to an app in the factory."""

from typing import TYPE_CHECKING, ClassVar

import sqlalchemy as sa
from flask_babel import Babel
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


SQLITE_BUSY_TIMEOUT_MS = 10000
"""How long an SQLite connection waits for another writer's lock."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __table__: ClassVar[sa.Table]
    """Every model maps one table (SQLAlchemy allows any ``FromClause``)."""


db = SQLAlchemy(model_class=Base)

# Models subclass ``Model``. At run time it is ``db.Model``: Flask-SQLAlchemy's copy of
# ``Base`` (same metadata and declarations) with table naming and binds added. mypy cannot
# take an attribute as a base class (python/mypy#8603), so it checks them against ``Base``.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model


@sa.event.listens_for(sa.Engine, "connect")
def _configure_sqlite(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """SQLite: enforce foreign keys (cascades) and let readers carry on during a write (WAL)."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def rows_changed(result: object) -> int:
    """How many rows an UPDATE or DELETE run through the session changed. ``execute`` is
    typed to return a plain ``Result``; for these statements it is a ``CursorResult``."""
    if not isinstance(result, sa.CursorResult):
        raise TypeError(f"{type(result).__name__} does not count the rows changed")
    return result.rowcount


migrate = Migrate(render_as_batch=True, compare_type=True)
babel = Babel()
csrf = CSRFProtect()
