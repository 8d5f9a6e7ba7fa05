"""A request's personal detail is kept only while it is needed and only where it belongs:
deleted a retention period after closing (to the second), and never in search, insights,
logs, exports, the open data or any other table (the style of
``tests/practitioners/test_nothing_leaks.py``: every public route, listed from the app)."""

from __future__ import annotations

import html
import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import (
    RequestDetail,
    RequestMessage,
    RequestStatus,
    Role,
    SupportRequest,
)
from directory.support_requests import counts, purge
from tests.api.crawl import api_addresses, is_api
from tests.manage.support_requests import (
    FAMILY_NAME,
    PERSONAL,
    listing_taking_requests,
    only_request,
    send_request,
)
from tests.support.client import HygieneCheckingClient, page_text
from tests.support.html import visible_text
from tests.support.staff import make_staff, sign_in, token_in

PRIVATE_TABLES = {"support_request_detail", "support_request_message"}
"""Where the detail belongs, and nowhere else."""


@pytest.fixture
def app(empty_app: Flask) -> Flask:
    """SQLite and PostgreSQL; every HTML page fetched is hygiene-checked."""
    empty_app.test_client_class = HygieneCheckingClient
    return empty_app


def _signed_in(app: Flask, role: Role):  # type: ignore[no-untyped-def]
    client = app.test_client()
    sign_in(app, client, make_staff(app, role))
    return client


def _closed_request(app: Flask, reason: str = "We will call on Monday.") -> SupportRequest:
    """A request sent, asked about, answered and accepted, through the pages."""
    service_id = listing_taking_requests(app)
    sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, service_id)
    found = only_request(app)
    admin = _signed_in(app, Role.ADMIN)
    token = token_in(page_text(admin.get(f"/manage/requests/{found.id}")))
    admin.post(
        f"/manage/requests/{found.id}/question",
        data={"csrf_token": token, "text": f"Does {FAMILY_NAME} drive?"},
    )
    answer_token = token_in(page_text(sender.get(f"/practitioners/requests/{found.id}")))
    sender.post(
        f"/practitioners/requests/{found.id}",
        data={"csrf_token": answer_token, "text": f"No, {FAMILY_NAME} takes the bus."},
    )
    admin.post(
        f"/manage/requests/{found.id}/decision",
        data={"csrf_token": token, "decision": "accept", "reason": reason},
    )
    return only_request(app)


def _set_closed_at(app: Flask, request_id: str, when: datetime) -> None:
    with app.app_context():
        db.session.get(SupportRequest, request_id).closed_at = when
        db.session.commit()


def _personal_rows(app: Flask, request_id: str) -> tuple[int, int]:
    with app.app_context():
        details = db.session.scalar(
            sa.select(sa.func.count()).where(RequestDetail.request_id == request_id)
        )
        messages = db.session.scalar(
            sa.select(sa.func.count()).where(RequestMessage.request_id == request_id)
        )
        return details or 0, messages or 0


def test_purge_deletes_the_detail_exactly_the_retention_period_after_closing(app: Flask) -> None:
    found = _closed_request(app)
    assert _personal_rows(app, found.id) == (1, 2)
    now = datetime.now(UTC)
    _set_closed_at(app, found.id, now - timedelta(days=90) + timedelta(seconds=1))
    with app.app_context():
        assert purge(now, 90) == 0
    assert _personal_rows(app, found.id) == (1, 2)
    _set_closed_at(app, found.id, now - timedelta(days=90))
    with app.app_context():
        assert purge(now, 90) == 1
        assert purge(now, 90) == 0
    assert _personal_rows(app, found.id) == (0, 0)
    kept = only_request(app)
    assert kept.purged_at is not None and kept.status == RequestStatus.ACCEPTED
    # The counts outlive the detail.
    with app.app_context():
        (row,) = counts("halesowen")
    assert (row.sent, row.accepted, row.declined, row.waiting) == (1, 1, 0, 0)


def test_an_open_request_is_never_purged(app: Flask) -> None:
    service_id = listing_taking_requests(app)
    send_request(_signed_in(app, Role.PRACTITIONER), service_id)
    found = only_request(app)
    with app.app_context():
        db.session.get(SupportRequest, found.id).created_at = datetime(2020, 1, 1, tzinfo=UTC)
        db.session.commit()
        assert purge(datetime.now(UTC), 1) == 0
    assert _personal_rows(app, found.id) == (1, 0)


def test_the_purge_command_uses_the_council_files_retention(app: Flask) -> None:
    found = _closed_request(app)
    _set_closed_at(app, found.id, datetime.now(UTC) - timedelta(days=91))
    result = app.test_cli_runner().invoke(args=["requests", "purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted the personal detail of 1 requests for support closed 90 days" in result.output
    assert _personal_rows(app, found.id) == (0, 0)
    sender_view = page_text(_signed_in(app, Role.ADMIN).get(f"/manage/requests/{found.id}"))
    assert "has been deleted" in visible_text(sender_view)
    assert FAMILY_NAME not in sender_view


def _every_table_row(app: Flask) -> dict[str, str]:
    """Each table but the private ones, as one text."""
    with app.app_context():
        found = {}
        for table in db.metadata.sorted_tables:
            if table.name in PRIVATE_TABLES:
                continue
            rows = db.session.execute(sa.select(table)).all()
            found[table.name] = " ".join(str(tuple(row)) for row in rows)
        return found


def _public_get_addresses(app: Flask) -> list[str]:
    with app.app_context():
        service_ids = [str(i) for i in db.session.scalars(sa.text("SELECT id FROM service"))]
    addresses = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or set()) or rule.rule.startswith(
            ("/manage", "/practitioners", "/static")
        ):
            continue
        if is_api(rule):
            continue
        arguments = set(rule.arguments)
        if arguments == {"service_id"}:
            addresses += [rule.rule.replace("<service_id>", i) for i in service_ids]
        elif arguments == {"code"}:
            addresses.append(re.sub(r"<[^>]+>", "parenting", rule.rule))
        elif not arguments:
            addresses.append(rule.rule)
        else:
            pytest.fail(f"{rule.rule}: say how to fill {arguments} in this test")
    return addresses


def test_personal_detail_never_leaves_the_request(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _closed_request(app, reason=f"{FAMILY_NAME} is already known to us.")
    words = [FAMILY_NAME, "Quixtrove", "xylophone-unique-words"]

    def leaks(text: str) -> list[str]:
        readable = html.unescape(text)
        return [secret for secret in PERSONAL if secret in readable]

    # Logs.
    assert leaks(caplog.text) == []
    # Every other table: the audit trail, insights, staff sessions, jobs.
    for table, text in _every_table_row(app).items():
        assert leaks(text) == [], table
    # Every public page and the open data, searched for the family's words.
    client = app.test_client()
    for address in _public_get_addresses(app):
        assert leaks(page_text(client.get(address, follow_redirects=True))) == [], address
    for words_searched in words:
        for door in ("/find-support", "/practitioners"):
            staff = _signed_in(app, Role.PRACTITIONER) if door == "/practitioners" else client
            body = page_text(staff.get(door, query_string={"q": words_searched}))
            assert "0 results" in visible_text(body) or "No results" in visible_text(body)
    app.config["ORUK_API_RATE_LIMIT"] = "100000 per minute"
    for address in api_addresses(app, ["Quixtrove", "xylophone"], ["DY1 1QJ"]):
        assert leaks(page_text(client.get(address))) == [], address
    # Exports, the counts and the locality report.
    runner = app.test_cli_runner()
    for format_ in ("csv", "oruk"):
        result = runner.invoke(args=["listings", "export", "--format", format_])
        assert result.exit_code == 0 and leaks(result.output) == [], format_
    practitioner = _signed_in(app, Role.PRACTITIONER)
    for address in (
        "/practitioners/request-counts.csv",
        "/practitioners/localities?locality=halesowen",
    ):
        assert leaks(page_text(practitioner.get(address))) == [], address


def test_the_counts_by_locality_need_and_organisation(app: Flask) -> None:
    first = listing_taking_requests(app)
    second = listing_taking_requests(app, name="Test Second Service")
    sender = _signed_in(app, Role.PRACTITIONER)
    send_request(sender, first)
    send_request(sender, first, locality="stourbridge")
    send_request(sender, second, need="parenting")
    with app.app_context():
        ids = list(
            db.session.scalars(sa.select(SupportRequest.id).order_by(SupportRequest.created_at))
        )
    admin = _signed_in(app, Role.ADMIN)
    token = token_in(page_text(admin.get(f"/manage/requests/{ids[0]}")))
    admin.post(
        f"/manage/requests/{ids[0]}/decision",
        data={"csrf_token": token, "decision": "decline", "reason": "Full"},
    )
    with app.app_context():
        rows = {(r.locality, r.need): r for r in counts()}
    halesowen = rows[("halesowen", "parenting")]
    assert (halesowen.sent, halesowen.accepted, halesowen.declined, halesowen.waiting) == (
        2,
        0,
        1,
        1,
    )
    stourbridge = rows[("stourbridge", "parenting")]
    assert (stourbridge.sent, stourbridge.waiting) == (1, 1)
    practitioner = _signed_in(app, Role.PRACTITIONER)
    csv_text = page_text(practitioner.get("/practitioners/request-counts.csv"))
    assert csv_text.splitlines()[0] == "Locality,Need,Organisation,Sent,Accepted,Declined,Waiting"
    assert "Halesowen,Parenting,Test Family Charity,2,0,1,1" in csv_text
    report = visible_text(
        page_text(practitioner.get("/practitioners/localities?locality=halesowen"))
    )
    assert "Requests for support for families in Halesowen" in report
