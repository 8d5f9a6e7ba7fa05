"""A practitioner's plan: the services they saved for a family and a note beside each.

Kept only in the practitioner's server session (``directory.accounts.sessions``: the
``web_session`` table or Redis), so it follows them from page to page while they are signed
in and is deleted with the session: at sign-out, when it runs out, or when their sessions
are ended. Nothing else stores it: no other table, no log, no audit trail, no insight. The
family's own list (``directory.lists.storage``, a cookie) is a different thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import session

from directory.forms.plan import NOTE_LIMIT
from directory.lists import ids

KEY = "plan"


@dataclass(frozen=True)
class Plan:
    service_ids: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)
    """Service id -> the note for the family (only services on the plan, none empty)."""

    @property
    def is_full(self) -> bool:
        return len(self.service_ids) >= ids.MAX_ITEMS


def current() -> Plan:
    stored = session.get(KEY) or {}
    listed = [i for i in stored.get("ids") or [] if isinstance(i, str) and ids.full_id(i) == i]
    service_ids = tuple(dict.fromkeys(listed))[: ids.MAX_ITEMS]
    notes = {
        key: str(value)[:NOTE_LIMIT]
        for key, value in (stored.get("notes") or {}).items()
        if key in service_ids and value
    }
    return Plan(service_ids, notes)


def _keep(plan: Plan) -> None:
    if not plan.service_ids:
        session.pop(KEY, None)
        return
    notes = {key: value for key, value in plan.notes.items() if key in plan.service_ids and value}
    session[KEY] = {"ids": list(plan.service_ids), "notes": notes}


def add(service_id: str) -> bool:
    """Put a service on the plan; False (and nothing changed) when the plan is full."""
    plan = current()
    if service_id in plan.service_ids:
        return True
    if plan.is_full:
        return False
    _keep(Plan((*plan.service_ids, service_id), plan.notes))
    return True


def remove(service_id: str) -> None:
    plan = current()
    _keep(Plan(tuple(i for i in plan.service_ids if i != service_id), plan.notes))


def keep_notes(service_ids: tuple[str, ...], notes: dict[str, str]) -> None:
    """The plan as the plan page sent it: its services (added to any saved meanwhile in
    another tab) and their notes. Notes for services not sent are kept as they were."""
    plan = current()
    merged = list(plan.service_ids)
    for service_id in service_ids:
        if service_id not in merged and len(merged) < ids.MAX_ITEMS:
            merged.append(service_id)
    kept = {**plan.notes, **{key: value for key, value in notes.items() if key in merged}}
    _keep(Plan(tuple(merged), {key: value for key, value in kept.items() if value}))


def clear() -> None:
    session.pop(KEY, None)
