"""The import upload: measured on disk before it is read, and hostile files refused clearly."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from importers.limits import MEGABYTE, Limits
from tests.importers.test_input_limits import (
    PLACEHOLDER,
    _csv,
    _inflated,
    _template_rows,
    _workbook,
)
from tests.manage.test_imports import _map_columns, _upload
from tests.manage.test_listings import _editor, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import csrf_token

BOUNDARY = "signpost-test-boundary"


def _multipart_on_disk(path: Path, token: str, size: int) -> Path:
    """A whole upload request body of a ``size``-byte CSV, written to disk piece by piece."""
    body = path / "body"
    with body.open("wb") as out:
        for name, value in (("csrf_token", token), ("source", "fis-spreadsheet")):
            out.write(
                f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        out.write(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            'filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n'.encode()
        )
        line = b"fis-1,Toy Library,Parents Group\n" * 2048
        for _ in range(size // len(line)):
            out.write(line)
        out.write(b"x" * (size % len(line)))
        out.write(f"\r\n--{BOUNDARY}--\r\n".encode())
    return body


def _post_body(editor: FlaskClient, body: Path):  # type: ignore[no-untyped-def]
    with body.open("rb") as stream:
        return editor.post(
            "/manage/imports/new",
            input_stream=stream,
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
            content_length=body.stat().st_size,
        )


def test_a_file_over_10_mb_is_measured_on_disk_and_refused_without_being_read(
    listing_app: Flask,  # noqa: F811
    tmp_path: Path,
) -> None:
    editor = _editor(listing_app)
    body = _multipart_on_disk(
        tmp_path, csrf_token(editor, "/manage/imports/new"), Limits().bytes + 30_000
    )
    _post_body(editor, body)  # the first request fills caches the measure should not count
    tracemalloc.start()
    try:
        response = _post_body(editor, body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert "The file is 10.0 MB; at most 10 MB is accepted." in visible_text(page_text(response))
    assert peak < 4 * MEGABYTE, f"a refused 10 MB upload took {peak / MEGABYTE:.1f} MB"


def test_a_spreadsheet_bomb_is_refused_on_the_upload_page(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    bomb = _inflated(_workbook(_template_rows(description=PLACEHOLDER)), 150 * MEGABYTE)
    response = _upload(editor, "listings.xlsx", "fis-spreadsheet", data=bomb)
    assert response.status_code == 200
    assert "The spreadsheet unzips to 150 MB; at most 100 MB is accepted." in visible_text(
        page_text(response)
    )


def test_json_nested_100_000_deep_is_refused_on_the_upload_page(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    nested = b"[" * 100_000 + b"]" * 100_000
    response = _upload(editor, "feed.json", "oruk-feed", data=nested)
    assert response.status_code == 200
    assert (
        "The JSON is nested more than 32 levels deep, which no Open Referral UK file needs."
        in visible_text(page_text(response))
    )


def test_a_giant_cell_is_shown_at_its_row_and_column_and_cannot_be_imported(
    listing_app: Flask,  # noqa: F811
) -> None:
    editor = _editor(listing_app)
    data = _csv(_template_rows(description="x" * 400_000))
    columns = _upload(editor, "fis.csv", "fis-spreadsheet", data=data).headers["Location"]
    text = visible_text(page_text(editor.get(_map_columns(editor, columns))))
    assert "Row 2, column description" in text
    assert "the cell holds 400,000 characters; the most is 10,000" in text
    assert "Import these changes" not in text
