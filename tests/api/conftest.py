"""The API tests read far more than the API's rate limit allows one address (it has its own
test): lift it for the module's shared app."""

from __future__ import annotations

import pytest
from flask import Flask


@pytest.fixture(autouse=True)
def _generous_rate_limit(request: pytest.FixtureRequest) -> None:
    for name in ("demo_app", "search_app"):
        if name in request.fixturenames:
            app: Flask = request.getfixturevalue(name)
            app.config["ORUK_API_RATE_LIMIT"] = "100000 per minute"
