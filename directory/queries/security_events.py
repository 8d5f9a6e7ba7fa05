"""Reading the security events for the admins' page (recording them: ``accounts.events``)."""

from __future__ import annotations

import sqlalchemy as sa

from directory.extensions import db
from directory.models import SecurityEvent

PAGE_SIZE = 50


def security_events(
    *, account_id: str | None, kind: str | None, page: int
) -> tuple[list[SecurityEvent], int]:
    """One page of events, newest first, about or by one account and of one kind if given;
    and how many there are in all."""
    conditions = []
    if account_id:
        conditions.append(
            sa.or_(SecurityEvent.actor_id == account_id, SecurityEvent.target_id == account_id)
        )
    if kind:
        conditions.append(SecurityEvent.kind == kind)
    total = db.session.scalar(sa.select(sa.func.count(SecurityEvent.id)).where(*conditions)) or 0
    rows = db.session.scalars(
        sa.select(SecurityEvent)
        .where(*conditions)
        .order_by(SecurityEvent.at.desc(), SecurityEvent.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return list(rows), total
