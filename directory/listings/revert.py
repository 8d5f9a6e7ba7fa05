"""Undoing one batch (an editor's save, a check, a restore, an import) field by field.

Each audit row of the batch says field -> [old, new]. Undoing it gives each field its old
value back where it still holds the batch's new value. Where a later change has since given
the field another value, undoing would overwrite that later change, so that field is
skipped and the confirmation page says so. A batch that created or removed rows (a new
listing, an import's new listings) is undone by the rollback instead
(``directory.listings.rollback``), which removes and re-makes whole rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from directory.extensions import db
from directory.listings.cell_writes import Cell, Written, write_cells
from directory.listings.history_state import current_fields
from directory.models import AuditEntry, ImportBatch

SHOWN = 200
"""Fields listed on the confirmation page at most (a large import changes thousands)."""


@dataclass(frozen=True)
class RevertPlan:
    batch: ImportBatch
    cells: list[Cell]
    """Fields that go back: from the batch's value to the one before it."""
    skipped: list[Cell]
    """Fields changed again since (``now`` is the later value, ``to`` the one before the
    batch): left as they are."""
    whole_rows: bool
    """The batch created or removed rows: only a rollback can undo it."""
    removed: list[tuple[str, str]] = field(default_factory=list)
    """(entity, name) of rows the batch created, which undoing removes."""
    made_again: list[tuple[str, str]] = field(default_factory=list)
    """(entity, name) of rows the batch removed, which undoing makes again."""
    more: int = 0
    """Audit rows beyond the ``limit`` the plan was made for (not read)."""

    @property
    def listing_ids(self) -> list[str]:
        return sorted({c.row_id for c in [*self.cells, *self.skipped] if c.entity == "service"})


def plan_revert(batch_id: str, limit: int | None = None) -> RevertPlan | None:
    """What undoing the batch would write and skip; None if there is no such batch. With a
    ``limit``, only that many of its audit rows are read (for showing a large import)."""
    batch = db.session.get(ImportBatch, batch_id)
    if batch is None:
        return None
    total = (
        db.session.scalar(sa.select(sa.func.count()).where(AuditEntry.batch_id == batch_id)) or 0
    )
    entries = db.session.scalars(
        sa.select(AuditEntry)
        .where(AuditEntry.batch_id == batch_id)
        .order_by(AuditEntry.sequence.desc())
        .limit(limit)
    ).all()
    whole_rows = bool(
        db.session.scalar(
            sa.select(sa.func.count()).where(
                AuditEntry.batch_id == batch_id, AuditEntry.action.in_(["created", "deleted"])
            )
        )
    )
    cells: list[Cell] = []
    skipped: list[Cell] = []
    removed: list[tuple[str, str]] = []
    made_again: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.action == "created":
            removed.append((entry.entity, _name(entry, 1)))
            continue
        if entry.action == "deleted":
            made_again.append((entry.entity, _name(entry, 0)))
            continue
        found = current_fields(entry.entity, entry.entity_id)
        if found is None:
            continue
        row, now = found
        for name, (old, new) in entry.changes.items():
            if (entry.entity_id, name) in seen or now.get(name) == old:
                continue
            seen.add((entry.entity_id, name))
            cell = Cell(
                entry.entity, row.id, row.name or "", entry.external_id, name, now.get(name), old
            )
            (cells if now.get(name) == new else skipped).append(cell)
    return RevertPlan(
        batch, cells, skipped, whole_rows, removed, made_again, max(0, total - len(entries))
    )


def _name(entry: AuditEntry, side: int) -> str:
    """A created or removed row's name, from its audit row (``side`` 1: as made, 0: as it
    was before removal)."""
    pair = entry.changes.get("name") or [None, None]
    return str(pair[side] or entry.external_id or entry.entity_id)


def revert(plan: RevertPlan, actor: str) -> Written:
    """Write the plan's cells as a batch undoing ``plan.batch`` (kind "rollback")."""
    return write_cells(
        plan.cells,
        source=plan.batch.source,
        actor=actor,
        kind="rollback",
        report={"rolls_back": plan.batch.id, "skipped": len(plan.skipped)},
        undoes=plan.batch,
    )
