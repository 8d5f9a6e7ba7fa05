"""Building test apps: a fictional council's settings on a real database and index."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from jinja2.bccache import Bucket, BytecodeCache
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
        "job_queue_file": directory / "jobs.sqlite3",
        "council_file": DEFAULT_COUNCIL_FILE,
        "testing": True,
        # No thread reading the search change log: tests that follow it start one themselves.
        "search_follow_ms": 0,
        # Generous, so tests that sign in often are not stopped; rate-limit tests set their own.
        "sign_in_limit": "500 per minute",
        "report_limit": "500 per minute",
        "support_request_limit": "500 per minute",
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
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    with app.app_context():
        upgrade()
    return app


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the test process.

    Every test app has a Jinja environment of its own, set up alike by ``create_app``, and
    compiling the same templates again for each took about a third of a staff page test.
    Jinja checks each template's source against the checksum kept with its code, so an
    edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()
