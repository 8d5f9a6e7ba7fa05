"""What files are accepted: size, rows, columns, and a format told by content, not by name."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

from flask_babel import lazy_gettext
from flask_babel.speaklater import LazyString

MEGABYTE = 1024 * 1024


class FileRefused(ValueError):
    """The whole file is refused before any row is read; the message (lazy, translated when
    shown) says why."""


@dataclass(frozen=True)
class Limits:
    bytes: int = 10 * MEGABYTE
    rows: int = 100_000
    columns: int = 200


_OTHER_FORMATS: tuple[tuple[bytes, LazyString], ...] = (
    (b"%PDF", lazy_gettext("The file is a PDF document, not a CSV, XLSX or JSON file.")),
    (b"\x89PNG", lazy_gettext("The file is a PNG image, not a CSV, XLSX or JSON file.")),
    (b"\xff\xd8\xff", lazy_gettext("The file is a JPEG image, not a CSV, XLSX or JSON file.")),
    (b"GIF8", lazy_gettext("The file is a GIF image, not a CSV, XLSX or JSON file.")),
    (
        b"\xd0\xcf\x11\xe0",
        lazy_gettext(
            "The file is an old-style Excel or Word file (.xls/.doc), not a CSV, XLSX or JSON "
            "file: save it as .xlsx or .csv."
        ),
    ),
    (
        b"PK\x03\x04",
        lazy_gettext(
            "The file is a zip file that is not a spreadsheet, not a CSV, XLSX or JSON file."
        ),
    ),
)


def check_size(size: int, limits: Limits) -> None:
    if size > limits.bytes:
        raise FileRefused(
            lazy_gettext(
                "The file is %(size)s MB; at most %(limit)s MB is accepted.",
                size=f"{size / MEGABYTE:.1f}",
                limit=f"{limits.bytes / MEGABYTE:.0f}",
            )
        )
    if size == 0:
        raise FileRefused(lazy_gettext("The file is empty."))


def file_format(data: bytes) -> str:
    """ "xlsx", "json" or "csv", from what the bytes are; anything else is refused."""
    if data.startswith(b"PK\x03\x04") and _is_workbook(data):
        return "xlsx"
    for magic, refusal in _OTHER_FORMATS:
        if data.startswith(magic):
            raise FileRefused(refusal)
    if b"\x00" in data[:4096]:
        raise FileRefused(lazy_gettext("The file is not text, so it is not a CSV or JSON file."))
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        try:
            json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise FileRefused(
                lazy_gettext(
                    "The file looks like JSON but is not valid JSON: %(error)s", error=str(error)
                )
            ) from None
        return "json"
    return "csv"


def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
