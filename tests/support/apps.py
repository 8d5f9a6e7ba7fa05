"""Building test apps: a fictional council's settings on a real database and index."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy.engine import make_url

from directory import create_app
from directory.config import DEFAULT_COUNCIL_FILE, Config
from tests.support.templates import MIGRATED

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def config_for_tests(database_url: str, directory: Path, **overrides: object) -> Config:
    settings: dict[str, object] = {
        "secret_key": "test-secret-key",
        "database_url": database_url,
        "search_index_dir": directory / "search-index",
        "council_file": DEFAULT_COUNCIL_FILE,
        "testing": True,
        # Generous, so tests that sign in often are not stopped; rate-limit tests set their own.
        "sign_in_limit": "500 per minute",
        "report_limit": "500 per minute",
    }
    settings.update(overrides)
    return Config(**settings)  # type: ignore[arg-type]


def migrated_app(config: Config) -> Flask:
    """An app whose database has been brought up to date by the real migrations.

    A new SQLite file starts as a copy of the session's migrated template (see
    ``tests/support/templates.py``); ``upgrade()`` then finds it at the head.
    """
    url = make_url(config.database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        MIGRATED.copy_sqlite(Path(url.database))
    app = create_app(config)
    with app.app_context():
        upgrade()
    return app
