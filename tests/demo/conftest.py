from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from directory.demo.loader import DemoReport, load_demo
from directory.extensions import db
from tests.demo import LOAD_DAY
from tests.support.apps import config_for_tests, migrated_app
from tests.support.databases import database_backends, fresh_database
from tests.support.templates import MIGRATED


@pytest.fixture(scope="module", params=database_backends())
def demo_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Flask, DemoReport]]:
    """One loaded demo per database engine, shared by a module's read-only tests.

    Loading takes a second or two, so the checks of what was loaded share one load instead of
    each starting from ``empty_app``; tests that change the database use ``empty_app``.
    """
    directory = tmp_path_factory.mktemp("demo")
    with fresh_database(request.param, directory, like=MIGRATED) as url:
        app = migrated_app(config_for_tests(url, directory))
        with app.app_context():
            report = load_demo(app.extensions["council"], today=LOAD_DAY)
        yield app, report
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def loaded(demo_app: tuple[Flask, DemoReport]) -> Iterator[DemoReport]:
    """Inside an app context on the loaded demo database; gives the load's report."""
    app, report = demo_app
    with app.app_context():
        yield report
