"""Reading any accepted file: limits first, then the reader its content calls for."""

from __future__ import annotations

from pathlib import Path

from flask_babel import lazy_gettext

from directory.council import Council
from importers.csv_reader import csv_rows
from importers.limits import FileRefused, Limits, check_size, file_format
from importers.oruk import read_oruk_json
from importers.result import ReadResult
from importers.tabular import read_rows
from importers.xlsx_reader import xlsx_rows


def read_file(
    path: Path,
    mapping: dict[str, str] | None = None,
    limits: Limits | None = None,
    sheet: str | None = None,
    council: Council | None = None,
) -> ReadResult:
    """Records (read a chunk at a time) and a row-level report from a file in the import
    template or ORUK JSON. Raises ``FileRefused`` if the file cannot be taken.

    ORUK JSON needs the ``council``, whose taxonomy and localities its terms are matched to.
    """
    limits = limits or Limits()
    check_size(path.stat().st_size, limits)
    return read_bytes(path.read_bytes(), mapping or {}, limits, path.name, sheet, council)


def read_bytes(
    data: bytes,
    mapping: dict[str, str],
    limits: Limits,
    name: str = "",
    sheet: str | None = None,
    council: Council | None = None,
) -> ReadResult:
    check_size(len(data), limits)
    kind = file_format(data, limits)
    if kind == "csv":
        result = read_rows(lambda: csv_rows(data, mapping), mapping, limits, "csv")
    elif kind == "xlsx":
        result = read_rows(lambda: xlsx_rows(data, limits, sheet), mapping, limits, "xlsx")
    elif council is None:
        raise FileRefused(
            lazy_gettext("Open Referral UK JSON is matched to a council file, and none was given.")
        )
    else:
        result = read_oruk_json(data, council, limits)
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix and suffix != kind and not (suffix == "txt" and kind == "csv"):
        result.problems.warn(
            lazy_gettext("File"),
            lazy_gettext(
                "the name ends .%(suffix)s, but the file is %(format)s and was read as such",
                suffix=suffix,
                format=kind.upper(),
            ),
        )
    return result
