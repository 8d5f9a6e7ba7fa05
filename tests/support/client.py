"""A Flask test client that checks the hygiene of every HTML page it receives."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.support.html import check_page


class HygieneCheckingClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any):  # type: ignore[override]
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data(as_text=True))
        return response
