from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask_babel import Babel


@pytest.fixture
def babel_request() -> Iterator[None]:
    """A request context with Flask-Babel, for wording helpers that translate."""
    app = Flask(__name__)
    Babel(app)
    with app.test_request_context():
        yield
