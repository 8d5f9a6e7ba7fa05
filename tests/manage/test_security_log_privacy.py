"""Property: every kind of security event, made during a request whose form sent the
account's email address and role (as the invitation and role forms do), is logged with no
email address or part of one, and with its role names as they are. The table keeps the
addresses, for admins."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator

import pytest
from flask import Flask, request
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from directory.accounts.events import EventKind, record
from directory.accounts.users import create_user
from directory.log_privacy import scrub
from directory.models import Role
from tests.support.staff import make_organisation

RUNS = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
LOCAL = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789._+-"), min_size=3, max_size=20
).filter(lambda local: local.strip("._+-") != "")
_EACH = itertools.count()
EMAILS = st.builds(
    lambda local, domain, end: f"{local}@n{next(_EACH)}.{domain}.{end}",
    LOCAL,
    st.sampled_from(["example", "mail.example", "council-staff.example"]),
    st.sampled_from(["org", "co.uk", "gov.uk"]),
)
TELLING_EMAILS = EMAILS.map(lambda address: f"zqx{address}")
"""Addresses whose local part no id, time or word in a log line can hold by chance (ids
are hex), so finding it in the line can only mean the address leaked."""


class Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def captured(empty_app: Flask) -> Iterator[Captured]:
    handler = Captured()
    logger = logging.getLogger("directory.security")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)


@RUNS
@given(
    kind=st.sampled_from(list(EventKind)),
    email=TELLING_EMAILS,
    actor_email=TELLING_EMAILS,
    role=st.sampled_from(list(Role)),
    before=st.sampled_from(list(Role)),
)
def test_no_security_event_logs_an_email_address_and_roles_stay(
    empty_app: Flask,
    captured: Captured,
    kind: EventKind,
    email: str,
    actor_email: str,
    role: Role,
    before: Role,
) -> None:
    assume(email.lower() != actor_email.lower())
    form = {"email": email, "name": "Robin Example", "role": role.value, "actor": actor_email}
    with empty_app.test_request_context("/manage/users/invite", method="POST", data=form):
        assert request.form["email"] == email  # the form is read, as a view reads it
        organisation = make_organisation(empty_app) if role is Role.PROVIDER else None
        target = create_user(email, "Robin Example", role, organization_id=organisation)
        actor = create_user(actor_email, "Ada Admin", Role.ADMIN)
        captured.lines.clear()
        event = record(kind, target, actor=actor, before=before.value, after=role.value)
        stored = (event.target, event.actor)
        ids = (target.id, actor.id)
        addresses = (target.email, actor.email)
    assert stored == addresses
    [line] = captured.lines
    logged = json.loads(line)
    assert logged["kind"] == kind.value
    assert (logged["target_id"], logged["actor_id"]) == ids
    assert logged["details"] == {"before": before.value, "after": role.value}
    assert "@" not in line
    for address in (email, actor_email, *addresses):
        local, domain = address.lower().rsplit("@", 1)
        assert local not in line.lower() and domain not in line.lower()


AROUND = st.text(alphabet=st.characters(blacklist_characters="@"), max_size=20)
"""Text either side of the address, without an @ of its own (any @ left must be the address's)."""


@given(email=EMAILS, before=AROUND, after=AROUND)
def test_scrub_leaves_no_email_address_in_any_text(email: str, before: str, after: str) -> None:
    text = scrub(f"{before} {email} {after}")
    assert email not in text and "@" not in text
