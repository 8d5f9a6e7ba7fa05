"""Files built to hurt: a zip bomb of a spreadsheet, a giant cell, JSON nested 100,000 deep."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
import zipfile

import pytest
import sqlalchemy as sa
from flask import Flask
from openpyxl import Workbook

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.extensions import db
from directory.listings.importing import ImportOptions, import_listings
from directory.models import Service
from importers.cell_limits import TEXT_CHARACTERS, column_limit
from importers.limits import MEGABYTE, FileRefused, Limits, file_format
from importers.oruk import read_oruk_json, read_oruk_url
from importers.reading import read_bytes
from importers.template import COLUMN_NAMES
from importers.xlsx_reader import xlsx_rows
from tests.importers.test_oruk_reader import _oruk_api
from tests.postcodes.helpers import load_fixture_zip
from tests.support.apps import FIXTURES

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
FEED = FIXTURES / "imports" / "oruk_feed.json"
PLACEHOLDER = "FILL-ME"
ROW = {"service_id": "fis-1", "name": "Toy Library", "organisation_name": "Parents Group"}


def _workbook(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _inflated(workbook: bytes, fill: int) -> bytes:
    """``workbook`` with its placeholder text replaced by ``fill`` letters, written in pieces
    so the test never holds them: a few hundred KB of zip that unzip to ``fill`` bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in source.infolist():
            content = source.read(info)
            if PLACEHOLDER.encode() not in content:
                bomb.writestr(info, content)
                continue
            before, after = content.split(PLACEHOLDER.encode(), 1)
            with bomb.open(info.filename, "w", force_zip64=True) as part:
                part.write(before)
                piece = b"a" * MEGABYTE
                for _ in range(fill // MEGABYTE):
                    part.write(piece)
                part.write(b"a" * (fill % MEGABYTE))
                part.write(after)
    return out.getvalue()


def _template_rows(**cells: str) -> list[list[str]]:
    values = {**ROW, **cells}
    return [list(values), list(values.values())]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_a_spreadsheet_that_unzips_too_large_is_refused_before_it_is_opened() -> None:
    bomb = _inflated(_workbook(_template_rows(description=PLACEHOLDER)), 150 * MEGABYTE)
    assert len(bomb) < MEGABYTE, "a small file..."
    tracemalloc.start()
    try:
        with pytest.raises(FileRefused) as refused:
            file_format(bomb)
        with pytest.raises(FileRefused):
            list(xlsx_rows(bomb, Limits()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(refused.value.args[0]) == (
        "The spreadsheet unzips to 150 MB; at most 100 MB is accepted."
    )
    assert peak < 5 * MEGABYTE, f"refusing it took {peak / MEGABYTE:.0f} MB"


def _understated(archive: bytes, name: str, claimed: int) -> bytes:
    """``archive`` with the central directory (which zipfile believes) saying that part
    ``name`` unzips to ``claimed`` bytes."""
    lying = bytearray(archive)
    end = lying.rfind(b"PK\x05\x06")
    at = int.from_bytes(lying[end + 16 : end + 20], "little")
    while lying[at : at + 4] == b"PK\x01\x02":
        name_length, extra, comment = (
            int.from_bytes(lying[at + n : at + n + 2], "little") for n in (28, 30, 32)
        )
        if lying[at + 46 : at + 46 + name_length].decode() == name:
            lying[at + 24 : at + 28] = claimed.to_bytes(4, "little")
        at += 46 + name_length + extra + comment
    return bytes(lying)


def test_a_spreadsheet_that_understates_its_size_fails_its_check_instead_of_growing() -> None:
    """A part's size is the archive's own word for it: one that unzips to more than it says
    is cut off by zipfile and refused, so the unzipped-size check cannot be dodged by lying."""
    honest = _inflated(_workbook(_template_rows(description=PLACEHOLDER)), 120 * MEGABYTE)
    lying = _understated(honest, "xl/worksheets/sheet1.xml", 4096)
    assert file_format(lying) == "xlsx", "it now claims to be small"
    with pytest.raises(FileRefused) as refused:
        list(xlsx_rows(lying, Limits()))
    assert "The spreadsheet cannot be opened" in str(refused.value.args[0])


@pytest.mark.parametrize("column", COLUMN_NAMES)
def test_a_cell_over_its_columns_limit_is_an_error_at_its_row_and_column(column: str) -> None:
    limit = column_limit(column)
    for length, refused in ((limit, False), (limit + 1, True)):
        rows = _template_rows(**{column: "x" * length})
        for data in (_csv(rows), _workbook(rows)):
            result = read_bytes(data, {}, Limits(), council=COUNCIL)
            list(result.chunks())
            length_errors = [
                str(error)
                for error in result.problems.errors
                if "characters; the most is" in str(error.message)
            ]
            expected = (
                [
                    f"Row 2, column {column}: the cell holds {length:,} characters; "
                    f"the most is {limit:,}"
                ]
                if refused
                else []
            )
            assert length_errors == expected, (column, length)


def test_a_400_000_character_cell_is_refused_at_its_place_without_a_half_import(
    empty_app: Flask,
) -> None:
    load_fixture_zip(empty_app)
    giant = _csv(_template_rows(description="x" * 400_000))
    # Spreadsheet programs stop a cell at 32,767 characters; a made-up file need not.
    giant_sheet = _inflated(_workbook(_template_rows(description=PLACEHOLDER)), 400_000)
    with empty_app.app_context():
        for data in (giant, giant_sheet):
            run = import_listings(data, ImportOptions(source="fis", actor="t", apply=True), COUNCIL)
            assert run.report is not None and not run.report.applied
            assert [str(error) for error in run.report.errors] == [
                "Row 2, column description: the cell holds 400,000 characters; the most is 10,000"
            ]
            assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0
        full = _csv(_template_rows(description="x" * TEXT_CHARACTERS))
        run = import_listings(full, ImportOptions(source="fis", actor="t", apply=True), COUNCIL)
        assert run.report is not None and run.report.applied, "a full cell is taken"


def test_an_oruk_field_over_its_limit_is_an_error_at_its_service_and_field() -> None:
    feed = json.loads(FEED.read_text(encoding="utf-8"))
    service = feed["contents"][0]
    service["description"] = "x" * 400_000
    service["service_at_locations"][0]["location"]["name"] = "y" * 300
    result = read_oruk_json(json.dumps(feed).encode(), COUNCIL, Limits())
    list(result.chunks())
    errors = [str(error) for error in result.problems.errors]
    key = service["id"]
    assert (
        f"Service '{key}', field description: the field holds 400,000 characters; "
        "the most is 10,000" in errors
    )
    assert (
        f"Service '{key}', field service_at_locations[0].location.name: the field holds 300 "
        "characters; the most is 255" in errors
    )
    assert TEXT_CHARACTERS == 10_000


@pytest.mark.parametrize(
    "document",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b'{"contents": [' + b"[" * 40 + b"]" * 40 + b"]}",
    ],
    ids=["lists", "objects", "a-page"],
)
def test_deeply_nested_json_is_refused_with_a_clear_message(document: bytes) -> None:
    message = "The JSON is nested more than 32 levels deep, which no Open Referral UK file needs."
    with pytest.raises(FileRefused) as refused:
        file_format(document)
    assert str(refused.value.args[0]) == message
    with pytest.raises(FileRefused) as refused:
        read_oruk_json(document, COUNCIL, Limits())
    assert str(refused.value.args[0]) == message


def test_brackets_inside_text_do_not_count_as_nesting() -> None:
    document = json.dumps([{"description": "[" * 1000 + '\\" {{{' + "]" * 10}]).encode()
    assert file_format(document) == "json"
    assert file_format(FEED.read_bytes()) == "json"


def test_a_live_feed_page_nested_too_deep_is_refused() -> None:
    nested: list = []
    for _ in range(40):
        nested = [nested]
    with _oruk_api([nested], per_page=1) as url, pytest.raises(FileRefused) as refused:
        read_oruk_url(url, COUNCIL, Limits())
    assert "nested more than 32 levels deep" in str(refused.value.args[0])
