"""Writing the audit trail. Rows are only ever inserted: nothing here updates or deletes them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from directory.extensions import db
from directory.models import AuditEntry
from directory.models.mixins import new_id, utc_now


class AuditTrail:
    """Collects one batch's audit rows and inserts them a chunk at a time."""

    def __init__(self, batch_id: str, actor: str) -> None:
        self.batch_id = batch_id
        self.actor = actor
        self._pending: list[dict[str, Any]] = []
        self._sequence = 0

    def record(
        self,
        entity: str,
        entity_id: str,
        source: str,
        external_id: str | None,
        action: str,
        changes: dict[str, list[Any]],
    ) -> None:
        self._sequence += 1
        self._pending.append(
            {
                "id": new_id(),
                "batch_id": self.batch_id,
                "sequence": self._sequence,
                "at": utc_now(),
                "actor": self.actor,
                "entity": entity,
                "entity_id": entity_id,
                "source": source,
                "external_id": external_id,
                "action": action,
                "changes": changes,
            }
        )

    def write(self) -> None:
        """Insert what has been recorded so far (the batch row must exist already)."""
        if self._pending:
            db.session.execute(sa.insert(AuditEntry.__table__), self._pending)
            self._pending = []
