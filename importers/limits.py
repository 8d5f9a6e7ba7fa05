"""What files are accepted: size, rows, columns, and a format told by content, not by name."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

MEGABYTE = 1024 * 1024


class FileRefused(ValueError):
    """The whole file is refused before any row is read; the message says why."""


@dataclass(frozen=True)
class Limits:
    bytes: int = 10 * MEGABYTE
    rows: int = 100_000
    columns: int = 200


_OTHER_FORMATS = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old-style Excel or Word file (.xls/.doc): save it as .xlsx or .csv"),
    (b"PK\x03\x04", "a zip file that is not a spreadsheet"),
)


def check_size(size: int, limits: Limits) -> None:
    if size > limits.bytes:
        raise FileRefused(
            f"The file is {size / MEGABYTE:.1f} MB; at most {limits.bytes / MEGABYTE:.0f} MB "
            "is accepted."
        )
    if size == 0:
        raise FileRefused("The file is empty.")


def file_format(data: bytes) -> str:
    """ "xlsx", "json" or "csv", from what the bytes are; anything else is refused."""
    if data.startswith(b"PK\x03\x04") and _is_workbook(data):
        return "xlsx"
    for magic, description in _OTHER_FORMATS:
        if data.startswith(magic):
            raise FileRefused(f"The file is {description}, not a CSV, XLSX or JSON file.")
    if b"\x00" in data[:4096]:
        raise FileRefused("The file is not text, so it is not a CSV or JSON file.")
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        try:
            json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise FileRefused(f"The file looks like JSON but is not valid JSON: {error}") from None
        return "json"
    return "csv"


def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
