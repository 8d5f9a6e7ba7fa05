"""An app built once and forked (gunicorn's ``preload_app``): warming it opens nothing a
fork would share, and a forked worker uses its own database connections."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from directory import create_app
from directory.extensions import db
from directory.warming import forked, warm
from tests.support.apps import config_for_tests


def test_building_the_app_opens_no_connection_or_thread(tmp_path: Path) -> None:
    threads = threading.active_count()
    app = create_app(config_for_tests(f"sqlite:///{tmp_path / 'site.db'}", tmp_path))
    assert threading.active_count() == threads
    with app.app_context():
        assert db.engine.pool.checkedout() == 0 and db.engine.pool.checkedin() == 0


def test_warming_loads_every_template_and_opens_no_connection_or_thread(
    empty_app: Flask,
) -> None:
    with empty_app.app_context():
        db.engine.dispose()
        threads = threading.active_count()
        warm(empty_app)
        assert db.engine.pool.checkedout() == 0 and db.engine.pool.checkedin() == 0
    assert threading.active_count() == threads
    names = empty_app.jinja_env.list_templates()
    assert len(names) > 100
    cache = empty_app.jinja_env.cache
    assert cache is not None
    loaded = {name for (_, name) in cache}
    assert set(names) <= loaded


def test_a_forked_worker_opens_its_own_connections(empty_app: Flask) -> None:
    with empty_app.app_context():
        with db.engine.connect() as connection:  # the parent's, left in its pool
            parent = connection.connection.driver_connection
            assert connection.scalar(sa.text("select 1")) == 1
        assert db.engine.pool.checkedin() == 1
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: never returns into pytest
        code = 1
        try:
            forked(empty_app)
            with empty_app.app_context():
                assert db.engine.pool.checkedin() == 0
                with db.engine.connect() as connection:
                    own = connection.connection.driver_connection
                    assert own is not parent
                    assert connection.scalar(sa.text("select 2")) == 2
            code = 0
        finally:
            os.write(write, bytes([code]))
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as result:
        assert result.read() == b"\x00"
    os.waitpid(child, 0)
    with empty_app.app_context(), db.engine.connect() as connection:  # the parent's still works
        assert connection.connection.driver_connection is parent
        assert connection.scalar(sa.text("select 3")) == 3
