"""Column matching is asked only when a header is unknown: the example CSV and a source's
remembered mapping go straight to the dry run, which says how the columns were matched."""

from __future__ import annotations

import csv
import io

from flask import Flask

from directory.extensions import db
from directory.listings.mappings import remember_mapping
from importers.template import COLUMN_NAMES, COLUMNS
from tests.manage.test_imports import _upload
from tests.manage.test_listings import _editor, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.html import visible_text


def _csv(header: list[str]) -> bytes:
    output = io.StringIO()
    csv.writer(output).writerows([header, [column.example for column in COLUMNS]])
    return output.getvalue().encode("utf-8")


def test_the_example_csv_needs_no_matching(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    response = _upload(editor, "example.csv", "example-sheet", data=_csv(list(COLUMN_NAMES)))
    check = response.headers["Location"]
    assert check.endswith("/check")
    text = visible_text(page_text(editor.get(check)))
    count = len(COLUMN_NAMES)
    assert f"We matched all {count} of the file’s columns to the template." in text
    assert "Change how the columns are matched" in text
    assert "See how each column was matched" in text and "Errors 0" in text


def test_a_remembered_mapping_needs_no_matching_and_an_unknown_header_does(
    listing_app: Flask,  # noqa: F811
) -> None:
    editor = _editor(listing_app)
    theirs = ["Service ref" if name == "service_id" else name for name in COLUMN_NAMES]
    # Not known yet: the columns page asks, with the unknown header left out.
    first = _upload(editor, "theirs.csv", "their-feed", data=_csv(theirs)).headers["Location"]
    assert first.endswith("/columns")
    # Remembered for the source (as a successful import with it does): straight through.
    with listing_app.app_context():
        remember_mapping("their-feed", {"Service ref": "service_id"})
        db.session.commit()
    again = _upload(editor, "theirs.csv", "their-feed", data=_csv(theirs)).headers["Location"]
    assert again.endswith("/check")
    text = visible_text(page_text(editor.get(again)))
    assert f"We matched all {len(COLUMN_NAMES)} of the file’s columns" in text
    # Another source has no such mapping: asked again.
    other = _upload(editor, "theirs.csv", "other-feed", data=_csv(theirs)).headers["Location"]
    assert other.endswith("/columns")
    # A dry run with a column left out says so.
    partial = ["Access notes" if name == "accessibility" else name for name in COLUMN_NAMES]
    asked = _upload(editor, "p.csv", "their-feed", data=_csv(partial)).headers["Location"]
    assert asked.endswith("/columns")
    shown = visible_text(page_text(editor.get(asked.replace("/columns", "/check"))))
    assert (
        f"We matched {len(COLUMN_NAMES) - 1} of the file’s {len(COLUMN_NAMES)} columns" in shown
    ), shown
