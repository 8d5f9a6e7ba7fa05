"""How much a request may send: a small body for every form, more only where a view says so.

Every body is refused with 413 as soon as its ``Content-Length`` says it is too large, before
any of it is read (and before the CSRF check would parse the form); a body sent in chunks,
without a length, is read only up to the same limit and refused when it reaches it. File
parts of a form are written to a temporary file on disk as they arrive, never kept in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from typing import IO, Any, TypeVar

from flask import Flask, Request, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wsgi import LimitedStream

KILOBYTE = 1024
FORM_BODY_BYTES = 64 * KILOBYTE
"""Every form: search, report a problem, save to a list, sign-in, the staff forms."""
LISTING_FORM_BODY_BYTES = 1024 * KILOBYTE
"""The editors' listing form: a hundred fields of free text, where a description of 10,000
Urdu or Punjabi characters alone arrives as 90 KB (each character is percent-encoded UTF-8)."""
FORM_PARTS = 200
"""Fields in one multipart form."""

View = TypeVar("View", bound=Callable[..., Any])


def accepts_body(limit: int) -> Callable[[View], View]:
    """Let one view take a body of up to ``limit`` bytes instead of the small default.

    Put it directly under the route decorator, so the function the route holds carries it.
    """

    def mark(view: View) -> View:
        view.body_limit = limit  # type: ignore[attr-defined]
        return view

    return mark


class DiskUploadRequest(Request):
    """A request whose uploaded files go to a temporary file on disk whatever their size
    (Werkzeug's default keeps the first 500 KB of each in memory)."""

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return tempfile.TemporaryFile("w+b")


def install(app: Flask) -> None:
    """Set the limits; call before the CSRF check is installed, so this runs first."""
    app.request_class = DiskUploadRequest
    app.config["MAX_CONTENT_LENGTH"] = FORM_BODY_BYTES
    # MAX_FORM_MEMORY_SIZE stays at Flask's 500 KB: it caps a multipart text field within the
    # upload's larger body, and Werkzeug's parser needs more than its 64 KB read to buffer.
    app.config["MAX_FORM_PARTS"] = FORM_PARTS
    app.before_request(_refuse_large_bodies)


def _refuse_large_bodies() -> None:
    view = current_app.view_functions.get(request.endpoint or "")
    limit = getattr(view, "body_limit", None)
    if limit is not None:
        request.max_content_length = limit
    allowed = request.max_content_length
    if allowed is not None and (request.content_length or 0) > allowed:
        raise RequestEntityTooLarge()
    if _sent_in_chunks() and request.mimetype != "multipart/form-data":
        # No length to check first. Werkzeug stops reading at the limit but would take what
        # it read for the whole form, so read it here (the limit at most) and refuse the
        # body if it filled the limit. A multipart parser refuses it by itself.
        request.get_data(cache=True)
        stream = request.stream
        if isinstance(stream, LimitedStream) and stream.is_exhausted:
            raise RequestEntityTooLarge()


def _sent_in_chunks() -> bool:
    return request.headers.get("Transfer-Encoding", "").lower() == "chunked"
