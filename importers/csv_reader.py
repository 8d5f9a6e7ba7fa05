"""CSV in the import template, in any common encoding and with any common delimiter."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from charset_normalizer import from_bytes
from flask_babel import lazy_gettext

from importers.limits import FileRefused
from importers.template import template_column

DELIMITERS = (",", ";", "\t", "|")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_SNIFF_BYTES = 64 * 1024


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), else the encoding the bytes fit best.

    Windows-1252 is tried before guessing: it is what Excel on Windows saves in England,
    and a short file's £ signs are too little for a guess to go on.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:_SNIFF_BYTES]).best()
    if best is None:
        raise FileRefused(lazy_gettext("The file is not text in any encoding we know."))
    return data.decode(best.encoding, errors="replace")


def delimiter(text: str, mapping: dict[str, str]) -> str:
    """The delimiter that splits the top lines into the most template columns."""
    top = text[:_SNIFF_BYTES].splitlines()[:10]

    def score(candidate: str) -> int:
        rows = csv.reader(top, delimiter=candidate)
        return max(
            (sum(template_column(cell, mapping) is not None for cell in row) for row in rows),
            default=0,
        )

    return max(DELIMITERS, key=score)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, as a file opened with ``newline=""`` gives
    them (which the csv module needs), without ``io.StringIO``'s copy of four bytes a
    character."""
    return (match.group() for match in _LINE.finditer(text))


def csv_rows(data: bytes, mapping: dict[str, str]) -> Iterator[tuple[int, list[str]]]:
    """Numbered rows (1 is the first line) of a CSV file's cells.

    The csv module's own cap on a cell (128 KB) is raised to the whole file, which is already
    held to its size limit: an over-long cell is then an error at its row and column (see
    ``importers.cell_limits``) rather than a refusal that cannot say which column.
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(data)))
    text = decode(data)
    reader = csv.reader(_lines(text), delimiter=delimiter(text, mapping))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        raise FileRefused(
            lazy_gettext(
                "Line %(number)s of the CSV file cannot be read: %(error)s",
                number=reader.line_num,
                error=str(error),
            )
        ) from None
