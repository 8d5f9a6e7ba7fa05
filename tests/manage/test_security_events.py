"""Security events: every sign-in, refusal, lockout and account change is kept, in a table
the app's database role can add to but never change, shown to admins and logged as JSON."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts import second_factor, users
from directory.accounts.events import EventKind, record
from directory.extensions import db
from directory.models import AuditEntry, Role, SecurityEvent, User
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.factories import create_service
from tests.support.html import visible_text
from tests.support.processes import Browser, gunicorn_worker
from tests.support.staff import PASSWORD, Staff, current_code, make_staff, sign_in, submit

ADDRESS = "203.0.113.9"
_LINK = re.compile(r"http://localhost(/manage/(?:invitation|reset-password)/[A-Za-z0-9_-]+)")
NEW_PASSWORD = "seven plums on a windowsill"


def _events(app: Flask) -> list[SecurityEvent]:
    with app.app_context():
        rows = list(db.session.scalars(sa.select(SecurityEvent).order_by(SecurityEvent.at)))
        db.session.expunge_all()
    return rows


class Journal:
    """What each step of a journey through the real pages recorded."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.seen = len(_events(app))

    def after(self, step: Callable[[], object]) -> list[SecurityEvent]:
        step()
        rows = _events(self.app)
        new, self.seen = rows[self.seen :], len(rows)
        return new


def _browser(app: Flask) -> FlaskClient:
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = ADDRESS
    return browser


def _secret_on(page: str) -> str:
    found = re.search(r'id="secret-key">([A-Z2-7 ]+)<', page)
    assert found
    return found.group(1).replace(" ", "")


def _kinds(rows: list[SecurityEvent]) -> list[str]:
    return [row.kind for row in rows]


def test_every_kind_of_event_is_recorded_on_the_real_pages(
    empty_app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="directory.security")
    admin = make_staff(empty_app, Role.ADMIN, name="Ada Admin")
    journal = Journal(empty_app)
    office = _browser(empty_app)
    secrets_seen: list[str] = [PASSWORD, NEW_PASSWORD, admin.secret or ""]

    signed_in = journal.after(lambda: sign_in(empty_app, office, admin))
    assert _kinds(signed_in) == [EventKind.SIGNED_IN]
    assert signed_in[0].target_id == admin.id and signed_in[0].actor_id == admin.id
    assert signed_in[0].client_address == ADDRESS

    invited: list[str] = []

    def invite() -> None:
        response = submit(
            office,
            "/manage/users/invite",
            {"name": "Robin Editor", "email": "robin@example.org", "role": "practitioner"},
        )
        invited.append(_LINK.search(page_text(response)).group(1))  # type: ignore[union-attr]

    made = journal.after(invite)
    assert _kinds(made) == [EventKind.ACCOUNT_CREATED, EventKind.INVITATION_LINK_MADE]
    assert made[0].actor_id == admin.id and made[0].target == "robin@example.org"
    secrets_seen.append(invited[0].rsplit("/", 1)[1])
    with empty_app.app_context():
        robin_id = users.user_by_email("robin@example.org").id  # type: ignore[union-attr]

    newcomer = _browser(empty_app)
    newcomer.get(invited[0])
    accepted = journal.after(
        lambda: submit(newcomer, "/manage/invitation", {"password": NEW_PASSWORD})
    )
    assert _kinds(accepted) == [EventKind.INVITATION_ACCEPTED, EventKind.SIGNED_IN]

    role = journal.after(
        lambda: (
            submit(office, f"/manage/users/{robin_id}", {"role": "editor"})
            and office.post(
                f"/manage/users/{robin_id}/role",
                data={"csrf_token": _token(office, f"/manage/users/{robin_id}"), "role": "editor"},
            )
        )
    )
    assert EventKind.ROLE_CHANGED in _kinds(role)
    changed = next(row for row in role if row.kind == EventKind.ROLE_CHANGED)
    assert changed.details == {"before": "practitioner", "after": "editor"}

    robin = _browser(empty_app)
    submit(robin, "/manage/sign-in", {"email": "robin@example.org", "password": NEW_PASSWORD})
    page = page_text(robin.get("/manage/set-up-two-factor"))
    robin_secret = _secret_on(page)
    secrets_seen.append(robin_secret)
    set_up = journal.after(
        lambda: submit(
            robin, "/manage/set-up-two-factor", {"code": second_factor.code_for(robin_secret)}
        )
    )
    assert _kinds(set_up) == [EventKind.SECOND_FACTOR_SET_UP, EventKind.SIGNED_IN]
    codes = visible_text(page_text(robin.get("/manage/recovery-codes")))
    recovery = re.findall(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", codes)
    assert len(recovery) == second_factor.RECOVERY_CODES
    secrets_seen.extend(recovery)

    robin_staff = Staff(robin_id, "robin@example.org", NEW_PASSWORD, robin_secret, Role.EDITOR)
    assert _kinds(
        journal.after(
            lambda: robin.post(
                "/manage/sign-out", data={"csrf_token": _token(robin, "/manage/account")}
            )
        )
    ) == [EventKind.SIGNED_OUT]

    refused = journal.after(
        lambda: submit(robin, "/manage/sign-in", {"email": "robin@example.org", "password": "no"})
    )
    assert _kinds(refused) == [EventKind.SIGN_IN_REFUSED]
    assert refused[0].details == {"reason": "password"} and refused[0].target_id == robin_id
    nobody = journal.after(
        lambda: submit(robin, "/manage/sign-in", {"email": "nobody@example.org", "password": "x"})
    )
    assert _kinds(nobody) == [EventKind.SIGN_IN_REFUSED] and nobody[0].target_id is None

    submit(robin, "/manage/sign-in", {"email": "robin@example.org", "password": NEW_PASSWORD})
    used = journal.after(lambda: submit(robin, "/manage/sign-in/code", {"code": recovery[0]}))
    assert _kinds(used) == [EventKind.RECOVERY_CODE_USED, EventKind.SIGNED_IN]

    renewed = journal.after(
        lambda: submit(
            robin,
            "/manage/account/recovery-codes",
            {"password": NEW_PASSWORD, "current_code": recovery[1]},
        )
    )
    assert _kinds(renewed) == [EventKind.RECOVERY_CODE_USED, EventKind.RECOVERY_CODES_REPLACED]
    secrets_seen.extend(
        re.findall(
            r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}",
            visible_text(page_text(robin.get("/manage/recovery-codes"))),
        )
    )

    refused_change = journal.after(
        lambda: submit(
            robin,
            "/manage/account/recovery-codes",
            {"password": "a wrong password", "current_code": "123456"},
        )
    )
    assert _kinds(refused_change) == [EventKind.CHANGE_REFUSED]

    new_secret = _secret_on(page_text(robin.get("/manage/account/new-app")))
    secrets_seen.append(new_secret)
    moved = journal.after(
        lambda: submit(
            robin,
            "/manage/account/new-app",
            {
                "password": NEW_PASSWORD,
                "current_code": current_code(empty_app, robin_staff),
                "code": second_factor.code_for(new_secret),
            },
        )
    )
    assert _kinds(moved) == [EventKind.SECOND_FACTOR_REPLACED]

    changed_password = journal.after(
        lambda: submit(
            robin,
            "/manage/account",
            {"current_password": NEW_PASSWORD, "password": "eight pears in a fruit bowl"},
        )
    )
    assert _kinds(changed_password) == [EventKind.PASSWORD_CHANGED]
    assert changed_password[0].details == {"through": "account page"}
    secrets_seen.append("eight pears in a fruit bowl")

    person = f"/manage/users/{robin_id}"
    wrong = {"email": "robin@example.org", "password": "a guess"}
    locked = journal.after(
        lambda: [submit(robin, "/manage/sign-in", wrong) for _ in range(users.LOCKOUT_ATTEMPTS)]
    )
    assert _kinds(locked) == [EventKind.SIGN_IN_REFUSED] * users.LOCKOUT_ATTEMPTS + [
        EventKind.ACCOUNT_LOCKED
    ]
    assert _kinds(journal.after(lambda: _press(office, person, "/unlock"))) == [
        EventKind.ACCOUNT_UNLOCKED
    ]

    reset: list[str] = []

    def reset_link() -> None:
        response = office.post(f"{person}/reset-link", data={"csrf_token": _token(office, person)})
        reset.append(_LINK.search(page_text(response)).group(1))  # type: ignore[union-attr]

    assert _kinds(journal.after(reset_link)) == [EventKind.RESET_LINK_MADE]
    secrets_seen.append(reset[0].rsplit("/", 1)[1])
    robin.get(reset[0])
    via_link = journal.after(
        lambda: submit(robin, "/manage/new-password", {"password": "nine figs on a plate"})
    )
    assert _kinds(via_link) == [EventKind.PASSWORD_CHANGED]
    assert via_link[0].details == {"through": "reset link"} and via_link[0].actor_id is None

    assert _kinds(journal.after(lambda: _press(office, person, "/second-factor"))) == [
        EventKind.SECOND_FACTOR_REMOVED
    ]
    assert _kinds(journal.after(lambda: _press(office, person, "/access"))) == [
        EventKind.ACCOUNT_DISABLED
    ]
    assert _kinds(journal.after(lambda: _press(office, person, "/access"))) == [
        EventKind.ACCOUNT_ENABLED
    ]

    rows = _events(empty_app)
    assert {row.kind for row in rows} == {kind.value for kind in EventKind}
    logged = [json.loads(r.getMessage()) for r in caplog.records if r.name == "directory.security"]
    assert len(logged) == len(rows)
    assert {line["kind"] for line in logged} == {kind.value for kind in EventKind}
    _assert_no_secrets(rows, logged, secrets_seen)


def _assert_no_secrets(
    rows: list[SecurityEvent], logged: list[dict[str, object]], secrets_seen: list[str]
) -> None:
    stored = json.dumps(
        [[row.kind, row.actor, row.target, row.client_address, row.details] for row in rows]
    )
    written = json.dumps(logged)
    for secret in filter(None, secrets_seen):
        folded = secret.replace("-", "")
        for text in (stored, written):
            assert secret not in text and folded not in text.replace("-", "")


def _token(browser: FlaskClient, address: str) -> str:
    from tests.support.staff import csrf_token

    return csrf_token(browser, address)


def _press(browser: FlaskClient, person: str, action: str):  # type: ignore[no-untyped-def]
    return browser.post(f"{person}{action}", data={"csrf_token": _token(browser, person)})


@pytest.mark.parametrize(("proxies", "expected"), [(0, "127.0.0.1"), (1, "198.51.100.7")])
def test_the_address_recorded_is_the_clients_through_the_trusted_proxies_only(
    make_app: Callable[..., Flask], proxies: int, expected: str
) -> None:
    app = make_app(trusted_proxies=proxies)
    browser = app.test_client()
    browser.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.7"
    submit(browser, "/manage/sign-in", {"email": "nobody@example.org", "password": "x"})
    assert [row.client_address for row in _events(app)] == [expected]


def _one_event(app: Flask) -> None:
    with app.app_context():
        record(EventKind.SIGN_IN_REFUSED, None, reason="unknown account")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE security_event SET kind = 'signed-in'",
        "UPDATE security_event SET client_address = NULL",
        "DELETE FROM security_event",
    ],
)
def test_the_database_refuses_to_change_or_delete_security_events(
    empty_app: Flask, statement: str
) -> None:
    _one_event(empty_app)
    with empty_app.app_context():
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            db.session.execute(sa.text(statement))
        db.session.rollback()
    assert [row.kind for row in _events(empty_app)] == [EventKind.SIGN_IN_REFUSED]


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_entry SET actor = 'someone else'", "DELETE FROM audit_entry"],
)
def test_the_database_refuses_to_change_or_delete_the_listings_audit_trail(
    empty_app: Flask, statement: str
) -> None:
    with empty_app.app_context():
        create_service()
        before = db.session.scalars(sa.select(AuditEntry.actor)).all()
        assert before
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            db.session.execute(sa.text(statement))
        db.session.rollback()
        assert db.session.scalars(sa.select(AuditEntry.actor)).all() == before


@pytest.mark.parametrize("table", ["security_event", "audit_entry"])
def test_postgres_refuses_to_truncate_the_append_only_tables(empty_app: Flask, table: str) -> None:
    with empty_app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite has no TRUNCATE")
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            db.session.execute(sa.text(f"TRUNCATE {table} CASCADE"))
        db.session.rollback()


def test_admins_see_the_events_filtered_and_paged(empty_app: Flask, client: FlaskClient) -> None:
    admin = make_staff(empty_app, Role.ADMIN, name="Ada Admin")
    editor = make_staff(empty_app, Role.EDITOR, name="Eddie Editor")
    with empty_app.app_context():
        person = db.session.get(User, editor.id)
        for _ in range(60):
            record(EventKind.SIGN_IN_REFUSED, person, actor=None, reason="password")
    sign_in(empty_app, client, admin)

    page = visible_text(page_text(client.get("/manage/security-events/")))
    assert "Security events" in page and "Sign-in refused" in page and "Signed in" in page

    mine = page_text(client.get("/manage/security-events/", query_string={"account": editor.id}))
    assert "61 events" in visible_text(mine)  # the account made, then 60 refusals
    assert "page=2" in mine
    second = page_text(
        client.get("/manage/security-events/", query_string={"account": editor.id, "page": "2"})
    )
    assert second.count('<tr class="govuk-table__row">') == 1 + 61 - 50
    assert "page=1" in second and "page=3" not in second

    only = visible_text(
        page_text(client.get("/manage/security-events/", query_string={"kind": "signed-in"}))
    )
    assert "1 event" in only and admin.email in only

    for odd in ({"page": "x"}, {"page": "-4"}, {"kind": "<script>"}, {"account": "' or 1=1"}):
        assert client.get("/manage/security-events/", query_string=odd).status_code == 200


def test_only_admins_may_see_the_security_events(empty_app: Flask) -> None:
    for role in (Role.PRACTITIONER, Role.EDITOR):
        person = make_staff(empty_app, role)
        browser = empty_app.test_client()
        sign_in(empty_app, browser, person)
        assert browser.get("/manage/security-events/").status_code == 403
    assert empty_app.test_client().get("/manage/security-events/").status_code == 302


def test_gunicorn_writes_each_event_as_one_json_line(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'db.sqlite'}"
    migrated_app(config_for_tests(database, tmp_path))
    output: list[str] = []
    environment = {
        "DATABASE_URL": database,
        "SEARCH_BACKEND": "memory",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "SECRET_KEY": "x" * 32,
    }
    with gunicorn_worker(environment, output) as url:
        answer = Browser().submit(
            f"{url}/manage/sign-in",
            {"email": "nobody@example.org", "password": "my secret guess"},
        )
        assert answer.status == 200
    lines = [line for line in output[0].splitlines() if line.startswith('{"')]
    assert len(lines) == 1, output[0]
    event = json.loads(lines[0])
    assert event["event"] == "security" and event["kind"] == "sign-in-refused"
    assert event["details"] == {"reason": "unknown account"}
    assert event["client_address"] == "127.0.0.1"
    assert "my secret guess" not in output[0]
