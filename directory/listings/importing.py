"""One import: read a file (or an ORUK feed), check it, and with ``apply`` write it.

``flask listings import`` and the upload pages both call :func:`import_listings`, so a
file gives the same report and the same changes whichever way it comes in. Records stream
from the reader through the write path a chunk at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import lazy_gettext

from directory.council import Council
from directory.extensions import db
from directory.jobs.progress import NoProgress, Progress
from directory.listings.geocoding import DatabaseGeocoder
from directory.listings.mappings import remember_mapping
from directory.listings.report import WriteReport
from directory.listings.writer import WriteFailed, WriteOptions, write_listings
from importers.limits import FileRefused, Limits
from importers.oruk import read_oruk_url
from importers.problems import Text
from importers.reading import read_bytes, read_file
from importers.records import Dataset
from importers.result import ReadResult

ImportFrom = Path | bytes | str
"""A file's path, an uploaded file's bytes, or the address of an ORUK API's ``/services``."""


@dataclass(frozen=True)
class ImportOptions:
    source: str
    actor: str
    apply: bool = False
    full_feed: bool = False
    allow_mass_withdrawal: bool = False
    columns: dict[str, str] = field(default_factory=dict)
    """Their column names -> the template's; remembered for the source when applied."""
    sheet: str | None = None
    name: str = ""
    """The uploaded file's name (a path names itself)."""


@dataclass(frozen=True)
class ImportRun:
    rows: int
    """Rows (or services) the file holds."""
    report: WriteReport | None
    refused: Text | None = None
    """Why nothing was read or written: a refused file or a database that refused the write."""


def import_listings(
    origin: ImportFrom,
    options: ImportOptions,
    council: Council,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> ImportRun:
    """Read ``origin``, check it, and (with ``options.apply``) write it in one transaction,
    telling ``progress`` how many rows are done."""
    limits = limits or Limits()
    try:
        read = _read(origin, options, council, limits)
    except FileRefused as error:
        return ImportRun(0, None, error.args[0])
    write = WriteOptions(
        source=options.source,
        actor=options.actor,
        apply=options.apply,
        full_feed=options.full_feed,
        allow_mass_withdrawal=options.allow_mass_withdrawal,
    )
    try:
        chunks = _counted(read.chunks(), read.rows, progress or NoProgress())
        report = write_listings(chunks, council, DatabaseGeocoder(), write, read.problems)
    except WriteFailed as error:
        return ImportRun(read.rows, None, error.args[0])
    if options.apply and report.ok and options.columns:
        remember_mapping(options.source, dict(options.columns))
        db.session.commit()
    return ImportRun(read.rows, report)


def _counted(chunks: Iterable[Dataset], rows: int, progress: Progress) -> Iterator[Dataset]:
    """Each chunk is counted done when the writer asks for the next one."""
    progress.start("writing", rows)
    for chunk in chunks:
        yield chunk
        progress.advance(len(chunk.services))


def _read(
    origin: ImportFrom, options: ImportOptions, council: Council, limits: Limits
) -> ReadResult:
    if isinstance(origin, bytes):
        return read_bytes(origin, options.columns, limits, options.name, options.sheet, council)
    if isinstance(origin, str):
        return read_oruk_url(origin, council, limits)
    if not origin.is_file():
        raise FileRefused(lazy_gettext("There is no file %(path)s.", path=str(origin)))
    return read_file(origin, options.columns, limits, options.sheet, council)
