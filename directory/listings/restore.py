"""Putting a listing (with its organisation and venues) back as it was at an earlier version.

A version is the state after one batch (``directory.listings.history_state``). Restoring it
compares that state with the rows now and writes only the fields that differ (they become
the editors', as a save's do), as a batch of kind "restore" whose report names the version
it restores, so the history says "restored
the version of 3 March 14:05". Rows that did not exist at that version, or no longer exist,
are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from directory.extensions import db
from directory.listings.cell_writes import Cell, Written, write_cells
from directory.listings.history_state import RowState, current_fields, listing_at
from directory.models import ImportBatch, Service

KIND = "restore"


@dataclass(frozen=True)
class RestorePlan:
    version: ImportBatch
    rows: list[RowState]
    """Every row as it was at the version, to show."""
    cells: list[Cell]
    """What restoring writes: each field that differs now."""


def plan_restore(service: Service, batch_id: str) -> RestorePlan | None:
    """What restoring the listing to the version after ``batch_id`` would write; None if
    that batch is not a version of the listing."""
    version = db.session.get(ImportBatch, batch_id)
    if version is None:
        return None
    rows = listing_at(service, version)
    listing = next((row for row in rows if row.entity == "service"), None)
    if listing is None or listing.fields is None:
        return None
    cells: list[Cell] = []
    for row in rows:
        found = current_fields(row.entity, row.id) if row.fields is not None else None
        if found is None or row.fields is None:
            continue
        _, now = found
        cells.extend(
            Cell(row.entity, row.id, row.name, row.key, name, now.get(name), value)
            for name, value in row.fields.items()
            if now.get(name) != value
        )
    return RestorePlan(version, rows, cells)


def restore(service: Service, plan: RestorePlan, actor: str) -> Written:
    """Write the plan's cells as a "restore" batch (raises ``CellsRefused`` if a row changed
    since the plan was made: nothing is written then)."""
    return write_cells(
        plan.cells,
        source=service.source,
        actor=actor,
        kind=KIND,
        report={"restores": plan.version.id, "listing": service.id},
        mark_edited=True,
    )
