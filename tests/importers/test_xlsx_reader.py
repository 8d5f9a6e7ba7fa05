"""Reading .xlsx spreadsheets in the import template: a named sheet, Excel dates and numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from importers.limits import FileRefused
from importers.reading import read_file
from tests.support.apps import FIXTURES

IMPORTS = FIXTURES / "imports"


def test_a_named_sheet_gives_the_same_listings_as_the_csv() -> None:
    result = read_file(IMPORTS / "fis_listings.xlsx", sheet="Listings")
    assert result.format == "xlsx" and not result.problems.errors
    from_csv = read_file(IMPORTS / "fis_listings.csv").dataset
    services = tuple(replace(s, assured_date=None) for s in result.dataset.services)
    assert replace(result.dataset, services=services) == from_csv
    assert {s.assured_date for s in result.dataset.services} == {date(2026, 11, 2)}
    assert result.dataset.services[0].minimum_age == 0


def test_the_first_sheet_is_read_unless_one_is_named() -> None:
    with pytest.raises(FileRefused, match="No row in the first 10 names the columns"):
        read_file(IMPORTS / "fis_listings.xlsx")
    with pytest.raises(
        FileRefused, match="no sheet 'Sheet9'; its sheets are 'Read me', 'Listings'"
    ):
        read_file(IMPORTS / "fis_listings.xlsx", sheet="Sheet9")


def test_excel_dates_numbers_and_booleans_are_read_as_values(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Service ID", "Name", "Organisation name", "Visible to", "Maximum age", "Is sample"]
    )
    sheet.append([1042, "Toddler Time", "Parents Group", date(2027, 3, 31), 4.0, True])
    path = tmp_path / "listings.xlsx"
    workbook.save(path)
    [service] = read_file(path).dataset.services
    assert (service.key, service.visible_to, service.maximum_age, service.is_sample) == (
        "1042",
        date(2027, 3, 31),
        4,
        True,
    )
