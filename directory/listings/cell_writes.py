"""Writing cells back: a restore and an undone change set chosen fields of stored rows.

Both work out, field by field, what to write (a :class:`Cell`: the row, the field, its value
now and the value it goes back to) and write only those fields, through the setters an
import uses (``directory.listings.fields``), as one batch with one audit row per row
changed. The audit trail stays append-only: the batch is new, its rows are inserted, and
the batch undone only gains the id of the batch that undid it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from directory.extensions import db
from directory.listings.audit import AuditTrail
from directory.listings.fields import (
    Resolver,
    set_organisation_fields,
    set_service_fields,
    set_venue_fields,
)
from directory.listings.history_state import ENTITY_ORDER, current_fields
from directory.listings.languages import language_name
from directory.models import ImportBatch, Location, Organization, TaxonomyTerm
from directory.models.mixins import new_id


@dataclass(frozen=True)
class Cell:
    """One field of one row: its value now, and the value it would be given."""

    entity: str
    row_id: str
    row_name: str
    key: str | None
    field: str
    now: Any
    to: Any


class CellsRefused(RuntimeError):
    """A row changed since the cells were worked out: nothing was written."""


class RowGone(CellsRefused):
    """A cell's row, or a row it names (a venue, an organisation, a term), no longer
    exists: nothing was written."""


@dataclass(frozen=True)
class Written:
    batch_id: str
    rows: int
    cells: int


def write_cells(
    cells: Sequence[Cell],
    *,
    source: str,
    actor: str,
    kind: str,
    report: dict[str, Any],
    undoes: ImportBatch | None = None,
    mark_edited: bool = False,
) -> Written:
    """Write ``cells`` in one transaction as a batch of ``kind``; commit. A cell whose row
    no longer holds the value it was shown with (someone saved since) refuses the lot.
    With ``mark_edited`` the listing fields written become the editors' (later imports
    keep them), as an editor's save does."""
    try:
        return _write(cells, source, actor, kind, report, undoes, mark_edited)
    except BaseException:
        db.session.rollback()
        raise


def _write(
    cells: Sequence[Cell],
    source: str,
    actor: str,
    kind: str,
    report: dict[str, Any],
    undoes: ImportBatch | None,
    mark_edited: bool,
) -> Written:
    session = db.session
    batch = ImportBatch(
        id=new_id(),
        source=source,
        actor=actor,
        kind=kind,
        report=report,
        rolls_back_id=undoes.id if undoes else None,
    )
    session.add(batch)
    session.flush()
    trail = AuditTrail(batch.id, actor)
    by_row: dict[tuple[str, str], list[Cell]] = defaultdict(list)
    for cell in cells:
        by_row[(cell.entity, cell.row_id)].append(cell)
    resolver = _resolver(source)
    for entity, row_id in sorted(by_row, key=lambda pair: ENTITY_ORDER.index(pair[0])):
        found = current_fields(entity, row_id)
        if found is None:
            raise RowGone(row_id)
        row, fields = found
        row_cells = by_row[(entity, row_id)]
        if any(fields.get(cell.field) != cell.now for cell in row_cells):
            raise CellsRefused(row_id)
        values = {cell.field: cell.to for cell in row_cells}
        with session.no_autoflush:
            if entity == "service":
                set_service_fields(row, values, resolver)
                if mark_edited:
                    row.edited_fields = sorted(set(row.edited_fields or ()) | set(values))
            elif entity == "venue":
                set_venue_fields(row, values)
            else:
                set_organisation_fields(row, values)
        changes = {cell.field: [cell.now, cell.to] for cell in row_cells}
        trail.record(entity, row_id, row.source, row_cells[0].key, "changed", changes)
        session.flush()
    trail.write()
    batch.counts = {"changed": len(by_row)}
    if undoes is not None:
        undone = session.get_one(ImportBatch, undoes.id)
        undone.rolled_back_by_id = batch.id
        if undone.rolls_back_id:  # the batch it undid is in force again
            session.get_one(ImportBatch, undone.rolls_back_id).rolled_back_by_id = None
    session.commit()
    return Written(batch.id, len(by_row), len(cells))


def _resolver(source: str) -> Resolver:
    """Finds organisations and venues by the keys a listing's fields name them by."""

    def by_key(model: type[Organization] | type[Location], key: str) -> Any:
        row = db.session.scalar(
            sa.select(model).where(
                sa.or_((model.source == source) & (model.external_id == key), model.id == key)
            )
        )
        if row is None:
            raise RowGone(key)
        return row

    def term(scheme: str, code: str) -> TaxonomyTerm:
        found = db.session.scalar(
            sa.select(TaxonomyTerm).where(TaxonomyTerm.scheme == scheme, TaxonomyTerm.code == code)
        )
        if found is None:
            raise RowGone(code)
        return found

    return Resolver(
        organisation=lambda key: by_key(Organization, key),
        venue=lambda key: by_key(Location, key),
        term=term,
        language_name=language_name,
    )
