"""Requests for support (see ``directory.models.requests``): sending, deciding, asking and
answering, who may see one, the audit trail of every view, purging and the council's counts.

Every view and action on a request is one row of the listings' append-only audit trail
(``AuditEntry``, entity ``support_request``) in the request's own batch, whose kind keeps it
out of the listings' history. Audit rows name the request, the member of staff and what
they did, never the family's detail, so they stay after the detail is purged.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext

from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Role, Service, User
from directory.models.mixins import new_id, utc_now
from directory.models.requests import (
    DETAIL_FIELDS,
    REQUEST_BATCH_KIND,
    RequestDetail,
    RequestMessage,
    RequestSettings,
    RequestStatus,
    SupportRequest,
)
from importers.cells import spreadsheet_safe

AUDIT_ENTITY = "support_request"
_REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I, so a reference read over the phone is not misheard."""


def settings_for(service_id: str) -> RequestSettings | None:
    return db.session.get(RequestSettings, service_id)


def accepting(service_id: str) -> RequestSettings | None:
    """The listing's settings if it takes requests through Signpost, else None."""
    found = settings_for(service_id)
    return found if found is not None and found.accepts else None


def accepting_ids(service_ids: Iterable[str]) -> set[str]:
    ids = list(set(service_ids))
    if not ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(RequestSettings.service_id).where(
                RequestSettings.service_id.in_(ids), RequestSettings.accepts.is_(True)
            )
        )
    )


def save_settings(service_id: str, accepts: bool, details: list[str], actor: str) -> bool:
    """Set whether a listing takes requests and what it asks for; False if nothing changed."""
    chosen = [name for name in DETAIL_FIELDS if name in details]
    found = settings_for(service_id)
    if found is None:
        if not accepts and not chosen:
            return False
        found = RequestSettings(service_id=service_id, accepts=False, details=[])
        db.session.add(found)
    if found.accepts == accepts and list(found.details) == chosen:
        return False
    found.accepts = accepts
    found.details = chosen
    found.updated_by = actor
    db.session.commit()
    return True


def new_reference() -> str:
    """Like "SR-7KQ3-M9XD": short enough to read out, 40 random bits."""
    letters = "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(8))
    return f"SR-{letters[:4]}-{letters[4:]}"


@dataclass(frozen=True)
class Consent:
    by: str
    on: date
    how: str


def send(
    service: Service,
    practitioner: User,
    need: str,
    locality: str,
    consent: Consent,
    detail: dict[str, str],
) -> SupportRequest:
    """Record a practitioner's request, keeping only the detail the listing asks for."""
    settings = accepting(service.id)
    asked = set(settings.details) if settings else set()
    batch = ImportBatch(
        source="requests", actor=practitioner.email, kind=REQUEST_BATCH_KIND, counts={}
    )
    db.session.add(batch)
    db.session.flush()
    found = SupportRequest(
        reference=_unused_reference(),
        service_id=service.id,
        service_name=service.name,
        organization_id=service.organization_id,
        organization_name=service.organization.name,
        practitioner_id=practitioner.id,
        need=need,
        locality=locality,
        status=RequestStatus.WAITING,
        audit_batch_id=batch.id,
    )
    found.detail = RequestDetail(
        consent_by=consent.by,
        consent_on=consent.on,
        consent_how=consent.how,
        **{name: detail.get(name, "") for name in DETAIL_FIELDS if name in asked},
    )
    db.session.add(found)
    db.session.flush()
    audit(found, practitioner, "sent", {"status": [None, RequestStatus.WAITING.value]})
    db.session.commit()
    return found


def _unused_reference() -> str:
    while True:
        reference = new_reference()
        taken = db.session.scalar(
            sa.select(sa.func.count())
            .select_from(SupportRequest)
            .where(SupportRequest.reference == reference)
        )
        if not taken:
            return reference


def audit(
    found: SupportRequest, actor: User, action: str, changes: dict[str, list[Any]] | None = None
) -> None:
    """Add one row to the request's audit trail (committed with the caller's work)."""
    sequence = db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.max(AuditEntry.sequence), 0)).where(
            AuditEntry.batch_id == found.audit_batch_id
        )
    )
    db.session.execute(
        sa.insert(AuditEntry.__table__),
        [
            {
                "id": new_id(),
                "batch_id": found.audit_batch_id,
                "sequence": (sequence or 0) + 1,
                "at": utc_now(),
                "actor": actor.email,
                "entity": AUDIT_ENTITY,
                "entity_id": found.id,
                "source": "requests",
                "external_id": found.reference,
                "action": action,
                "changes": changes or {},
            }
        ],
    )


def audit_trail(found: SupportRequest) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry)
            .where(AuditEntry.batch_id == found.audit_batch_id)
            .order_by(AuditEntry.sequence)
        )
    )


def organisation_of(user: User) -> str | None:
    """The organisation a provider works for (None for council staff)."""
    return user.organization_id if user.role is Role.PROVIDER else None


def may_see(user: User, found: SupportRequest) -> bool:
    """The sending practitioner, the receiving organisation's users and council admins."""
    if user.role == Role.ADMIN or found.practitioner_id == user.id:
        return True
    organisation = organisation_of(user)
    return organisation is not None and organisation == found.organization_id


def may_decide(user: User, found: SupportRequest) -> bool:
    """The receiving organisation's users and council admins (not the sender)."""
    if user.role == Role.ADMIN:
        return True
    organisation = organisation_of(user)
    return organisation is not None and organisation == found.organization_id


def opened(found: SupportRequest, user: User) -> None:
    """Someone looked at the request: audited before the page is drawn."""
    audit(found, user, "viewed")
    db.session.commit()


def inbox(user: User, closed: bool = False) -> list[SupportRequest]:
    """The requests an organisation (or, for admins, every organisation) received."""
    statement = sa.select(SupportRequest).order_by(SupportRequest.created_at.desc())
    done = SupportRequest.status.in_([RequestStatus.ACCEPTED, RequestStatus.DECLINED])
    statement = statement.where(done if closed else ~done)
    if user.role != Role.ADMIN:
        organisation = organisation_of(user)
        if organisation is None:
            return []
        statement = statement.where(SupportRequest.organization_id == organisation)
    return list(db.session.scalars(statement.limit(500)))


def sent_by(user: User) -> list[SupportRequest]:
    return list(
        db.session.scalars(
            sa.select(SupportRequest)
            .where(SupportRequest.practitioner_id == user.id)
            .order_by(SupportRequest.created_at.desc())
        )
    )


def find(request_id: str) -> SupportRequest | None:
    return db.session.get(SupportRequest, request_id)


def decide(found: SupportRequest, user: User, accepted: bool, reason: str) -> None:
    new = RequestStatus.ACCEPTED if accepted else RequestStatus.DECLINED
    audit(found, user, new.value, {"status": [found.status.value, new.value]})
    found.status = new
    found.closed_at = utc_now()
    if found.detail is not None:
        found.detail.decision_reason = reason
    db.session.commit()


def ask(found: SupportRequest, user: User, text: str) -> None:
    audit(found, user, "asked", {"status": [found.status.value, RequestStatus.QUESTION.value]})
    found.messages.append(RequestMessage(kind="question", author=user.name, text=text))
    found.status = RequestStatus.QUESTION
    db.session.commit()


def answer(found: SupportRequest, user: User, text: str) -> None:
    audit(found, user, "answered", {"status": [found.status.value, RequestStatus.WAITING.value]})
    found.messages.append(RequestMessage(kind="answer", author=user.name, text=text))
    found.status = RequestStatus.WAITING
    db.session.commit()


def purge(now: datetime, retention_days: int) -> int:
    """Delete the personal detail and messages of requests closed ``retention_days`` or
    more ago; the request's non-personal row stays (for the counts), marked purged."""
    cutoff = now - timedelta(days=retention_days)
    due = list(
        db.session.scalars(
            sa.select(SupportRequest.id).where(
                SupportRequest.closed_at.is_not(None),
                SupportRequest.closed_at <= cutoff,
                SupportRequest.purged_at.is_(None),
            )
        )
    )
    if not due:
        return 0
    db.session.execute(sa.delete(RequestMessage).where(RequestMessage.request_id.in_(due)))
    db.session.execute(sa.delete(RequestDetail).where(RequestDetail.request_id.in_(due)))
    db.session.execute(
        sa.update(SupportRequest).where(SupportRequest.id.in_(due)).values(purged_at=now)
    )
    db.session.commit()
    return len(due)


@dataclass(frozen=True)
class CountRow:
    """Requests for one locality, need and organisation: no personal detail."""

    locality: str
    need: str
    organisation: str
    sent: int
    accepted: int
    declined: int
    waiting: int


def counts(locality: str | None = None) -> list[CountRow]:
    """Requests sent, accepted, declined and waiting (an open question is waiting)."""
    status = SupportRequest.status

    def of(*statuses: RequestStatus) -> Any:
        return sa.func.sum(sa.case((status.in_(list(statuses)), 1), else_=0))

    statement = (
        sa.select(
            SupportRequest.locality,
            SupportRequest.need,
            SupportRequest.organization_name,
            sa.func.count(),
            of(RequestStatus.ACCEPTED),
            of(RequestStatus.DECLINED),
            of(RequestStatus.WAITING, RequestStatus.QUESTION),
        )
        .group_by(SupportRequest.locality, SupportRequest.need, SupportRequest.organization_name)
        .order_by(SupportRequest.locality, SupportRequest.need, SupportRequest.organization_name)
    )
    if locality is not None:
        statement = statement.where(SupportRequest.locality == locality)
    return [
        CountRow(row[0], row[1], row[2], int(row[3]), int(row[4]), int(row[5]), int(row[6]))
        for row in db.session.execute(statement)
    ]


def counts_csv(rows: list[CountRow], need_names: dict[str, str], places: dict[str, str]) -> str:
    """The counts as CSV; a cell a spreadsheet would run as a formula starts with a quote
    (an organisation's name comes from whoever listed it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            gettext("Locality"),
            gettext("Need"),
            gettext("Organisation"),
            gettext("Sent"),
            gettext("Accepted"),
            gettext("Declined"),
            gettext("Waiting"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                spreadsheet_safe(places.get(row.locality, row.locality)),
                spreadsheet_safe(need_names.get(row.need, row.need)),
                spreadsheet_safe(row.organisation),
                row.sent,
                row.accepted,
                row.declined,
                row.waiting,
            ]
        )
    return out.getvalue()
