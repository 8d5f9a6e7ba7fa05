"""How every response leaves the app: compressed, and kept only where that is safe.

Pages and error pages are compressed by Flask-Compress (brotli when the browser accepts it,
else gzip), in the app itself, so it holds under ``flask run``, gunicorn or any proxy.
Static files come precompressed (``directory.assets``). Brotli's window is 64 KiB (not
Flask-Compress's 4 MiB): a page is 8 to 80 KiB, and a compressor set for a smaller window
works less (0.1 ms of a page's 0.5 to 1.3) for the same size or less.

No page is kept by a shared cache: pages are ``private, no-cache`` (a browser may keep one,
but asks again before showing it), and ``no-store`` where nothing should stay on the
device: pages about sensitive topics (those with "Exit this page"), responses that set a
cookie, server errors and every staff page (under /manage). Static files decide their own
caching.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g, request, template_rendered
from flask_compress import Compress

PAGE_CACHING = "private, no-cache"
NOT_STORED = "no-store"

COMPRESSION_SETTINGS = {
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    "COMPRESS_ALGORITHM_STREAMING": ["br", "gzip"],
    "COMPRESS_BR_LEVEL": 5,
    "COMPRESS_BR_WINDOW": 16,
    "COMPRESS_LEVEL": 6,
    "COMPRESS_MIN_SIZE": 500,
}


class Compression(Compress):
    """Flask-Compress, for error pages too: it leaves out every status but 2xx, yet a
    "Page not found" or "no longer listed" page is a page like any other."""

    def after_request(self, response: Response | None) -> Response:
        if response is None or response.status_code < 400:
            return super().after_request(response)
        status = response.status
        response.status_code = 200
        compressed = super().after_request(response)
        compressed.status = status
        return compressed


compression = Compression()


def install(app: Flask) -> None:
    for name, value in COMPRESSION_SETTINGS.items():
        app.config.setdefault(name, value)
    compression.init_app(app)
    template_rendered.connect(_note_sensitive_page, app)
    app.after_request(_cache_policy)


def _note_sensitive_page(sender: Flask, template: Any, context: dict[str, Any], **_: Any) -> None:
    if context.get("exit_this_page"):
        g.sensitive_page = True


STAFF_PATHS = ("/manage", "/practitioners")
"""Pages only signed-in staff see: never kept by a browser or a shared cache."""


def _cache_policy(response: Response) -> Response:
    if request.endpoint == "static" or "Cache-Control" in response.headers:
        return response
    must_not_store = (
        g.get("sensitive_page", False)
        or request.path.startswith(STAFF_PATHS)
        or "Set-Cookie" in response.headers
        or response.status_code >= 500
    )
    response.headers["Cache-Control"] = NOT_STORED if must_not_store else PAGE_CACHING
    return response
