"""Editing a copy of the demo file, to see how a load treats data that is wrong."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from directory.demo.loader import DEMO_FILE

Rows = list[dict[str, str]]


def demo_file_rows() -> tuple[list[str], Rows]:
    """The demo file's column names and its rows, as written (dates not resolved)."""
    with DEMO_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or ()), list(reader)


def edited_demo_file(folder: Path, edit: Callable[[Rows], Rows]) -> Path:
    """A copy of the demo file in ``folder`` with its rows changed by ``edit``."""
    columns, rows = demo_file_rows()
    path = folder / "listings.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(edit(rows))
    return path


def service_rows(rows: Rows, key: str) -> Rows:
    return [row for row in rows if row["service_id"] == key]
