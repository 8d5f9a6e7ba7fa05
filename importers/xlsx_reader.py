"""Spreadsheets (.xlsx) in the import template: the first sheet, or one named."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from importers.limits import FileRefused, Limits


def xlsx_rows(
    data: bytes, limits: Limits, sheet: str | None = None
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Numbered rows of cell values: dates and times as spreadsheets hold them."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise FileRefused(f"The spreadsheet cannot be opened: {error}") from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            names = ", ".join(repr(name) for name in workbook.sheetnames)
            raise FileRefused(f"The spreadsheet has no sheet {sheet!r}; its sheets are {names}.")
        if (worksheet.max_column or 0) > limits.columns:
            raise FileRefused(
                f"The sheet has {worksheet.max_column} columns; "
                f"at most {limits.columns} are accepted."
            )
        yield from enumerate(worksheet.iter_rows(values_only=True), start=1)
    finally:
        workbook.close()
