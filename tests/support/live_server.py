"""Serving a test app on a real local port, for the browser tests."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from flask import Flask
from werkzeug.serving import make_server


@contextmanager
def live_server(app: Flask) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 on a free port; yield its base URL, which is also the
    site's configured public address while it is served (the links it hands out)."""
    server = make_server("127.0.0.1", 0, always_closing(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    base = f"http://127.0.0.1:{server.server_port}"
    configured = app.extensions.get("signpost_config")
    if configured is not None:
        app.extensions["signpost_config"] = replace(configured, public_base_url=base)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        thread.join(timeout=5)
        if configured is not None:
            app.extensions["signpost_config"] = configured


def always_closing(app: Any) -> Any:
    """``app``, with every response body closed however the request ends.

    Werkzeug's development server closes a body only after draining the request, and when
    the browser has already dropped the connection (a favicon fetch cut short by the next
    page) the draining raises first: the static file being sent is left to the garbage
    collector, whose ResourceWarning fails whichever test is running. A generator's
    ``finally`` runs when the server closes it or when it is collected, so the file is
    closed either way.
    """

    def wrapped(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        body = app(environ, start_response)

        def chunks() -> Iterator[bytes]:
            try:
                yield from body
            finally:
                close = getattr(body, "close", None)
                if close is not None:
                    close()

        return chunks()

    return wrapped
