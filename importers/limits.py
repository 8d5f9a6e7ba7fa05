"""What files are accepted: size, rows, columns, and a format told by content, not by name."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any

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
    unpacked_bytes: int = 100 * MEGABYTE
    """What a spreadsheet's parts may add up to once unzipped (a zip bomb is far more)."""
    json_depth: int = 32
    """How deeply JSON may nest: an ORUK service needs about ten levels."""


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


def file_format(data: bytes, limits: Limits | None = None) -> str:
    """ "xlsx", "json" or "csv", from what the bytes are; anything else is refused, as is a
    spreadsheet that unzips to more than ``limits.unpacked_bytes`` or JSON nested deeper than
    ``limits.json_depth``."""
    limits = limits or Limits()
    if data.startswith(b"PK\x03\x04") and _is_workbook(data, limits):
        return "xlsx"
    for magic, refusal in _OTHER_FORMATS:
        if data.startswith(magic):
            raise FileRefused(refusal)
    if b"\x00" in data[:4096]:
        raise FileRefused(lazy_gettext("The file is not text, so it is not a CSV or JSON file."))
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        try:
            parse_json(data, limits)
        except FileRefused:
            raise
        except (UnicodeDecodeError, ValueError) as error:
            raise FileRefused(
                lazy_gettext(
                    "The file looks like JSON but is not valid JSON: %(error)s", error=str(error)
                )
            ) from None
        return "json"
    return "csv"


def _is_workbook(data: bytes, limits: Limits) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return False
            check_unpacked(archive, limits)
            return True
    except zipfile.BadZipFile:
        return False


def check_unpacked(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a spreadsheet whose parts unzip to more than the limit, before any is opened.

    The sizes are the archive's own word for them, and Python's zipfile holds a part to it:
    a part that unzips to more than it declared fails its check instead of going on.
    """
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > limits.unpacked_bytes:
        raise FileRefused(
            lazy_gettext(
                "The spreadsheet unzips to %(size)s MB; at most %(limit)s MB is accepted.",
                size=f"{unpacked / MEGABYTE:,.0f}",
                limit=f"{limits.unpacked_bytes / MEGABYTE:.0f}",
            )
        )


_JSON_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_OPENING = frozenset(b"[{")


def parse_json(data: bytes, limits: Limits) -> Any:
    """The JSON document, once a look over the text has found it nested no deeper than
    ``limits.json_depth`` (Python's parser recurses: very deep nesting would crash it).

    Raises ``FileRefused`` for deep nesting, and ``ValueError`` (``UnicodeDecodeError``
    among them) for what is not JSON, which callers word for where the JSON came from.
    """
    depth = 0
    for match in _JSON_TOKENS.finditer(data):
        token = data[match.start()]
        if token in _OPENING:
            depth += 1
            if depth > limits.json_depth:
                raise FileRefused(
                    lazy_gettext(
                        "The JSON is nested more than %(limit)s levels deep, which no Open "
                        "Referral UK file needs.",
                        limit=limits.json_depth,
                    )
                )
        elif token != ord('"'):
            depth -= 1
    return json.loads(data.decode("utf-8-sig"))
