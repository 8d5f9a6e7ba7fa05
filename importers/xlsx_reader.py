"""Spreadsheets (.xlsx) in the import template: the first sheet, or one named."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

from flask_babel import lazy_gettext

from importers.limits import FileRefused, Limits, check_unpacked


def xlsx_rows(
    data: bytes, limits: Limits, sheet: str | None = None
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Numbered rows of cell values: dates and times as spreadsheets hold them.

    The workbook is opened read-only (its sheet is read as it is iterated), and only once
    its parts are known to unzip to no more than ``limits.unpacked_bytes``.
    """
    # openpyxl is imported here, not at the top: it costs every process a start-up
    # second (bench/startup.py), and only imports read spreadsheets.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked(archive, limits)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise _unreadable(error) from None
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
        try:
            yield from enumerate(worksheet.iter_rows(values_only=True), start=1)
        except (zipfile.BadZipFile, ParseError, EOFError) as error:
            # A part that unzips to more than it declared fails its check here.
            raise _unreadable(error) from None
    finally:
        workbook.close()


def _unreadable(error: Exception) -> FileRefused:
    return FileRefused(
        lazy_gettext("The spreadsheet cannot be opened: %(error)s", error=str(error))
    )
