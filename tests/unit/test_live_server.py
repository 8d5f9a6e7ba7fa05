"""The browser tests' server closes every response body, however the request ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

from tests.support.live_server import always_closing


class _Body:
    """A response body that records being closed, like a static file's wrapper."""

    def __init__(self) -> None:
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield b"first"
        yield b"second"

    def close(self) -> None:
        self.closed = True


def _app_with(body: _Body) -> Any:
    def app(environ: dict[str, Any], start_response: Any) -> _Body:
        start_response("200 OK", [("Content-Type", "image/svg+xml")])
        return body

    return always_closing(app)


def test_a_body_abandoned_part_way_is_closed_when_collected() -> None:
    body = _Body()
    chunks = _app_with(body)({}, lambda status, headers: None)
    assert next(iter(chunks)) == b"first"
    del chunks  # the server gave up on the connection without closing
    gc.collect()
    assert body.closed


def test_a_body_the_server_closes_is_closed_once() -> None:
    body = _Body()
    chunks = _app_with(body)({}, lambda status, headers: None)
    assert list(chunks) == [b"first", b"second"]
    assert body.closed
    chunks.close()
    assert body.closed
