"""Imports from the browser: the file is kept in the database between the dry run and the
go-ahead (so any server behind the load balancer can finish it), and each run is
:func:`~directory.listings.importing.import_listings`, as ``flask listings import`` runs."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import IO, Any

import sqlalchemy as sa

from directory.council import Council
from directory.extensions import db
from directory.jobs.progress import Progress
from directory.listings.importing import ImportOptions, ImportRun, import_listings
from directory.listings.mappings import saved_mapping
from directory.models import ImportBatch, ImportUpload
from directory.models.mixins import utc_now
from importers import cells
from importers.csv_reader import csv_rows
from importers.limits import Limits, check_size, file_format
from importers.template import COLUMN_NAMES, template_column
from importers.xlsx_reader import xlsx_rows

KEPT_FOR = timedelta(days=1)
HEADER_ROWS_LOOKED_AT = 10


def stage_upload(file: IO[bytes], filename: str, source: str, full_feed: bool, actor: str) -> str:
    """Keep an uploaded file for its dry run; refuses (FileRefused) what no reader takes.

    ``file`` is the temporary file the request was written to: it is measured before any of
    it is read, so only a file within the size limit is ever held in memory.
    """
    limits = Limits()
    check_size(file.seek(0, io.SEEK_END), limits)
    file.seek(0)
    data = file.read()
    file_format(data, limits)
    db.session.execute(
        sa.delete(ImportUpload).where(ImportUpload.created_at < utc_now() - KEPT_FOR)
    )
    upload = ImportUpload(
        actor=actor,
        filename=filename[:255],
        source=source,
        full_feed=full_feed,
        columns=saved_mapping(source),
        data=data,
    )
    db.session.add(upload)
    db.session.commit()
    return upload.id


def staged(upload_id: str, actor: str) -> ImportUpload | None:
    """An upload of this editor's that has not expired."""
    upload = db.session.get(ImportUpload, upload_id)
    if upload is None or upload.actor != actor:
        return None
    created = (
        upload.created_at
        if upload.created_at.tzinfo
        else upload.created_at.replace(tzinfo=utc_now().tzinfo)
    )
    return upload if created > utc_now() - KEPT_FOR else None


@dataclass(frozen=True)
class HeaderChoice:
    header: str
    column: str | None
    """The template column it maps to now (saved mapping, else by name), or None."""


def header_choices(upload: ImportUpload) -> list[HeaderChoice] | None:
    """The file's column names and where each goes; None for Open Referral UK JSON."""
    kind = file_format(upload.data, Limits())
    if kind == "json":
        return None
    rows: Iterator[tuple[int, Any]] = (
        csv_rows(upload.data, upload.columns) if kind == "csv" else xlsx_rows(upload.data, Limits())
    )
    best: list[str] = []
    for number, row in rows:
        texts = [cells.text(cell) for cell in row]
        if sum(1 for text in texts if text) > sum(1 for text in best if text):
            best = texts
        if number >= HEADER_ROWS_LOOKED_AT:
            break
    return [
        HeaderChoice(header, template_column(header, upload.columns)) for header in best if header
    ]


def all_matched(choices: list[HeaderChoice] | None) -> bool:
    """Whether every column of the file is one of the template's, by its name or by the
    source's remembered mapping (or the file names its own fields: ORUK JSON), so there is
    nothing to ask."""
    return choices is None or (bool(choices) and all(choice.column for choice in choices))


def set_columns(upload: ImportUpload, choices: dict[str, str]) -> None:
    """Their header -> our column, for headers whose choice differs from the template's name."""
    upload.columns = {
        header: column
        for header, column in choices.items()
        if column in COLUMN_NAMES and template_column(header, {}) != column
    }
    db.session.commit()


def run_upload(
    upload: ImportUpload,
    council: Council,
    *,
    apply: bool,
    actor: str,
    allow_mass_withdrawal: bool = False,
    progress: Progress | None = None,
) -> ImportRun:
    """Read the file and work out (or, with ``apply``, write) its changes; an applied
    upload is let go."""
    run = import_listings(
        upload.data,
        ImportOptions(
            source=upload.source,
            actor=actor,
            apply=apply,
            full_feed=upload.full_feed,
            allow_mass_withdrawal=allow_mass_withdrawal,
            columns=dict(upload.columns),
            name=upload.filename,
        ),
        council,
        progress=progress,
    )
    if apply and run.report is not None and run.report.ok:
        db.session.delete(db.session.merge(upload))
        db.session.commit()
    return run


def import_batches(limit: int = 100) -> list[ImportBatch]:
    """Imports and rollbacks, newest first (editors' one-listing saves are in History)."""
    return list(
        db.session.scalars(
            sa.select(ImportBatch)
            .where(ImportBatch.kind.in_(("import", "rollback")))
            .order_by(ImportBatch.created_at.desc())
            .limit(limit)
        )
    )
