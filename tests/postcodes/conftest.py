from __future__ import annotations

import pytest
from flask import Flask

from tests.postcodes.helpers import load_fixture_zip


@pytest.fixture
def loaded_app(empty_app: Flask) -> Flask:
    """An app on a fresh SQLite or PostgreSQL database holding the fixture zip's postcodes."""
    load_fixture_zip(empty_app)
    return empty_app
