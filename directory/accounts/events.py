"""Security events: who did what to which staff account, when and from where.

Each event is a row in the append-only ``security_event`` table and one JSON line on the
``directory.security`` logger, for a log collector. Neither ever holds a password, a code
or a link's token: only what happened, to whom, by whom, and a short reason. The log line
names accounts by id, never by email address.
"""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from directory.extensions import db
from directory.models import SecurityEvent, User
from directory.models.mixins import utc_now

log = logging.getLogger("directory.security")


def configure_logging() -> None:
    """Make sure the events' log lines are written somewhere.

    Where the logging has been set up (a ``logging`` configuration, the tests), the lines go
    wherever it sends them. Otherwise (gunicorn sets up only its own loggers) they go to
    standard error, one JSON object a line, which gunicorn writes to its error log.
    """
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)
    if not log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)


class EventKind(StrEnum):
    SIGNED_IN = "signed-in"
    SIGN_IN_REFUSED = "sign-in-refused"
    """A wrong password or code, or a right one for a locked or disabled account."""
    ACCOUNT_LOCKED = "account-locked"
    ACCOUNT_UNLOCKED = "account-unlocked"
    SIGNED_OUT = "signed-out"
    ACCOUNT_CREATED = "account-created"
    ROLE_CHANGED = "role-changed"
    ACCOUNT_DISABLED = "account-disabled"
    ACCOUNT_ENABLED = "account-enabled"
    PASSWORD_CHANGED = "password-changed"
    INVITATION_ACCEPTED = "invitation-accepted"
    INVITATION_LINK_MADE = "invitation-link-made"
    RESET_LINK_MADE = "reset-link-made"
    SECOND_FACTOR_SET_UP = "second-factor-set-up"
    SECOND_FACTOR_REPLACED = "second-factor-replaced"
    SECOND_FACTOR_REMOVED = "second-factor-removed"
    RECOVERY_CODES_REPLACED = "recovery-codes-replaced"
    RECOVERY_CODE_USED = "recovery-code-used"
    CHANGE_REFUSED = "change-refused"
    """A second-factor change asked for without the right password and current code."""


_SIGNED_IN_PERSON = object()


def record(
    kind: EventKind,
    target: User | None,
    *,
    actor: User | object | None = _SIGNED_IN_PERSON,
    **details: str | int | None,
) -> SecurityEvent:
    """Add the event to the session, commit it (with whatever the caller changed), log it.

    ``actor`` is the signed-in person unless given (None: nobody signed in, or the command
    line). ``details`` are short facts such as ``reason="password"``, never secrets.
    """
    if actor is _SIGNED_IN_PERSON:
        actor = _signed_in_person()
    assert actor is None or isinstance(actor, User)
    event = SecurityEvent(
        at=utc_now(),
        kind=kind.value,
        actor_id=actor.id if actor else None,
        actor=actor.email if actor else None,
        target_id=target.id if target else None,
        target=target.email if target else None,
        client_address=request.remote_addr if has_request_context() else None,
        details={name: value for name, value in details.items() if value is not None},
    )
    line = json.dumps(log_fields(event), sort_keys=True)
    db.session.add(event)
    db.session.commit()
    log.info(line)
    return event


def log_fields(event: SecurityEvent) -> dict[str, Any]:
    """The event for a log collector: accounts by id only, never by email address (the
    table keeps the addresses, for admins); role names and reasons as they are."""
    return {
        "event": "security",
        "kind": event.kind,
        "at": event.at.isoformat(),
        "actor_id": event.actor_id,
        "target_id": event.target_id,
        "client_address": event.client_address,
        "details": event.details,
    }


def _signed_in_person() -> User | None:
    if not has_request_context() or not current_user.is_authenticated:
        return None
    return current_user._get_current_object()  # type: ignore[no-any-return]
