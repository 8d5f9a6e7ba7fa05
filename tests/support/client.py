"""A Flask test client that checks the hygiene of every HTML page it receives."""

from __future__ import annotations

import gzip
from typing import Any

import brotli
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.support.html import check_page


def page_text(response: TestResponse) -> str:
    """The page's markup, decompressed when it was sent compressed."""
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        body = brotli.decompress(body)
    elif encoding == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8")


class HygieneCheckingClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any):  # type: ignore[override]
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(page_text(response))
        return response
