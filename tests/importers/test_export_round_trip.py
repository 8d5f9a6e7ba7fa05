"""Exporting the directory as template CSV, and importing that file again with no changes."""

from __future__ import annotations

import csv
import io
from datetime import date

from flask import Flask

from directory.demo.loader import demo_geocoder
from directory.exports.listings import public_services
from directory.exports.template_csv import write_template_csv
from directory.listings.writer import WriteOptions, write_listings
from importers.limits import Limits
from importers.reading import read_bytes
from importers.records import PhoneNumber
from tests.support.factories import create_service


def _export() -> str:
    output = io.StringIO(newline="")
    write_template_csv(public_services(date.today()), output)
    return output.getvalue()


def test_the_exported_demo_imports_again_with_no_changes(demo_app: Flask) -> None:
    with demo_app.app_context():
        exported = _export()
        result = read_bytes(exported.encode("utf-8"), {}, Limits(), "export.csv")
        assert not result.problems.errors
        report = write_listings(
            result.dataset,
            demo_app.extensions["council"],
            demo_geocoder(),
            WriteOptions(source="demo", actor="tests"),
            result.problems,
        )
    assert report.errors == []
    assert [(c.key, c.fields) for c in report.changed] == []
    assert report.counts()["created"] == 0 and report.unchanged > 200


def test_cells_a_spreadsheet_would_run_are_made_safe_and_read_back(empty_app: Flask) -> None:
    with empty_app.app_context():
        create_service(
            '=HYPERLINK("https://evil.example")',
            key="formula",
            summary="@SUM(A1:A9)",
            description="-2+3",
            minimum_age=-1,
            phones=(PhoneNumber("+44 1384 813322", "+ out of hours"),),
        )
        exported = _export()
        [row] = list(csv.DictReader(io.StringIO(exported)))
        assert row["name"] == '\'=HYPERLINK("https://evil.example")'
        assert row["summary"] == "'@SUM(A1:A9)" and row["description"] == "'-2+3"
        assert row["minimum_age"] == "-1"
        result = read_bytes(exported.encode("utf-8"), {}, Limits(), "export.csv")
        [service] = result.dataset.services
        assert service.name == '=HYPERLINK("https://evil.example")'
        assert service.summary == "@SUM(A1:A9)" and service.minimum_age == -1
