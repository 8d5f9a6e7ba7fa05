"""Reading any accepted file: limits first, then the reader its content calls for."""

from __future__ import annotations

from pathlib import Path

from importers.csv_reader import csv_rows
from importers.limits import FileRefused, Limits, check_size, file_format
from importers.tabular import ReadResult, read_rows


def read_file(
    path: Path, mapping: dict[str, str] | None = None, limits: Limits | None = None
) -> ReadResult:
    """Records and a row-level report from a CSV or XLSX file in the import template."""
    limits = limits or Limits()
    check_size(path.stat().st_size, limits)
    data = path.read_bytes()
    return read_bytes(data, mapping or {}, limits, path.name)


def read_bytes(data: bytes, mapping: dict[str, str], limits: Limits, name: str = "") -> ReadResult:
    check_size(len(data), limits)
    kind = file_format(data)
    if kind == "csv":
        result = read_rows(csv_rows(data, mapping), mapping, limits, "csv")
    else:
        raise FileRefused(f"{name or 'The file'} is {kind.upper()}, which is not read yet.")
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix and suffix != kind and not (suffix == "txt" and kind == "csv"):
        result.problems.warn(
            "File",
            f"the name ends .{suffix}, but the file is {kind.upper()} and was read as such",
        )
    return result
