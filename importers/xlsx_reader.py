"""Spreadsheets (.xlsx) in the import template: the first sheet, or one named."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from flask_babel import lazy_gettext
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
        raise FileRefused(
            lazy_gettext("The spreadsheet cannot be opened: %(error)s", error=str(error))
        ) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            names = ", ".join(repr(name) for name in workbook.sheetnames)
            raise FileRefused(
                lazy_gettext(
                    "The spreadsheet has no sheet %(sheet)s; its sheets are %(names)s.",
                    sheet=repr(sheet),
                    names=names,
                )
            )
        if (worksheet.max_column or 0) > limits.columns:
            raise FileRefused(
                lazy_gettext(
                    "The sheet has %(count)s columns; at most %(limit)s are accepted.",
                    count=worksheet.max_column,
                    limit=limits.columns,
                )
            )
        yield from enumerate(worksheet.iter_rows(values_only=True), start=1)
    finally:
        workbook.close()
