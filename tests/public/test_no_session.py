"""Families never get a server session: their forms carry a signed, stateless token.

Every visit used to store a session row for the "Save to my list" form's CSRF token, so
family pages failed whenever that write did. Now the pages write nothing on the server,
and a forged, stale or misplaced token is refused with the usual clear page, never a 500.
"""

from __future__ import annotations

import time
from itertools import cycle

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from directory import public_forms
from directory.extensions import db
from directory.lists import ids
from directory.lists.storage import COOKIE as LIST_COOKIE
from directory.models import ProblemReport, WebSession
from tests.lists.helpers import public_ids
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import session_cookie, token_in

VISITS = 300
REFUSED = "Sorry, we could not accept your form"


def _session_rows(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(WebSession))


def _list_ids(client: FlaskClient) -> tuple[str, ...]:
    cookie = client.get_cookie(LIST_COOKIE)
    return ids.read(cookie.value if cookie else None).ids


def test_hundreds_of_new_visitors_create_no_session(search_app: Flask) -> None:
    services = [service_id for service_id, _ in public_ids(search_app, 5)]
    pages = cycle(
        [
            "/find-support?q=food",
            *(f"/services/{service_id}" for service_id in services),
            "/find-support?q=stay+and+play&postcode=DY1+1AA",
            "/my-list",
        ]
    )
    before = _session_rows(search_app)
    for _ in range(VISITS):
        visitor = search_app.test_client()  # a new visitor each time
        response = visitor.get(next(pages))
        assert response.status_code == 200
        assert session_cookie(visitor) is None
    assert _session_rows(search_app) == before


def test_save_works_with_javascript_off_and_writes_nothing_on_the_server(
    search_app: Flask,
) -> None:
    (one, name), (two, _) = public_ids(search_app, 2)
    family = search_app.test_client()
    before = _session_rows(search_app)
    page = page_text(family.get(f"/services/{one}"))
    saved = family.post(
        "/my-list/update",
        data={"csrf_token": token_in(page), "add": one, "next": f"/services/{one}"},
    )
    assert saved.status_code == 303
    results = page_text(family.get("/find-support?q=food"))
    family.post("/my-list/update", data={"csrf_token": token_in(results), "add": two})
    assert _list_ids(family) == (one, two)
    assert name in visible_text(page_text(family.get("/my-list")))
    assert session_cookie(family) is None
    assert _session_rows(search_app) == before


def test_a_problem_report_needs_no_session(search_app: Flask) -> None:
    [(one, _)] = public_ids(search_app, 1)
    family = search_app.test_client()
    before = _session_rows(search_app)
    address = f"/services/{one}/report-a-problem"
    token = token_in(page_text(family.get(address)))
    sent = family.post(address, data={"csrf_token": token, "what_is_wrong": "Phone is wrong"})
    assert sent.status_code == 302
    with search_app.app_context():
        assert db.session.scalar(
            sa.select(sa.func.count())
            .select_from(ProblemReport)
            .where(ProblemReport.service_id == one)
        )
    assert session_cookie(family) is None
    assert _session_rows(search_app) == before


def _token_signed(key: str, claims: dict[str, str], seconds_ago: int = 0) -> str:
    """A token as a browser might hold one: signed with ``key``, ``seconds_ago`` old."""

    class Earlier(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - seconds_ago

    return URLSafeTimedSerializer(key, salt=public_forms.SALT, signer=Earlier).dumps(claims)


def _forgeries(browser: str, real: str) -> dict[str, str]:
    """Tokens that must all be refused, for a browser whose cookie holds ``browser``."""
    day = int(public_forms.LIFETIME.total_seconds())
    key = "test-secret-key"
    return {
        "no token": "",
        "junk": "not-a-token",
        "tampered": real[:-2] + ("AA" if not real.endswith("AA") else "BB"),
        "another key": _token_signed("some-other-key", {"purpose": "list", "browser": browser}),
        "expired": _token_signed(key, {"purpose": "list", "browser": browser}, day + 60),
        "another form": _token_signed(key, {"purpose": "report-problem", "browser": browser}),
        "another browser": _token_signed(key, {"purpose": "list", "browser": "x" * 22}),
        "not a mapping": URLSafeTimedSerializer(key, salt=public_forms.SALT).dumps(["list"]),
    }


@pytest.mark.parametrize("endpoint", ["/my-list/update", "/my-list/clear", "/my-list/keep"])
def test_forged_stale_or_misplaced_tokens_are_refused_with_a_clear_page(
    search_app: Flask, endpoint: str
) -> None:
    [(one, _)] = public_ids(search_app, 1)
    family = search_app.test_client()
    real = token_in(page_text(family.get(f"/services/{one}")))
    browser = family.get_cookie(public_forms.COOKIE).value
    # A day-old token still works: a page left open overnight can save.
    fresh_enough = _token_signed(
        "test-secret-key", {"purpose": "list", "browser": browser}, seconds_ago=23 * 3600
    )
    assert family.post(endpoint, data={"csrf_token": fresh_enough, "add": one}).status_code == 303
    keep = family.post("/my-list/clear", data={"csrf_token": real})
    assert keep.status_code == 303
    for kind, token in _forgeries(browser, real).items():
        response = family.post(endpoint, data={"csrf_token": token, "add": one, "s": "x"})
        assert response.status_code == 400, kind
        assert REFUSED in visible_text(page_text(response)), kind
        assert _list_ids(family) == (), kind


def test_a_token_with_no_form_cookie_is_refused(search_app: Flask) -> None:
    """Cross-site: another site can show a token it fetched, but not this browser's cookie."""
    [(one, _)] = public_ids(search_app, 1)
    attacker = search_app.test_client()
    token = token_in(page_text(attacker.get(f"/services/{one}")))
    victim = search_app.test_client()
    victim.set_cookie(LIST_COOKIE, ids.short_id(one))  # the victim has cookies, not that one
    response = victim.post("/my-list/clear", data={"csrf_token": token})
    assert response.status_code == 400
    assert REFUSED in visible_text(page_text(response))
    assert _list_ids(victim) == (one,)


def test_the_form_cookie_is_set_once_and_kept_out_of_scripts(search_app: Flask) -> None:
    [(one, _)] = public_ids(search_app, 1)
    family = search_app.test_client()
    first = family.get(f"/services/{one}")
    [set_cookie] = [h for h in first.headers.getlist("Set-Cookie") if "signpost_form=" in h]
    assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
    assert first.headers["Cache-Control"] == "no-store", "a page that sets a cookie is not kept"
    again = family.get(f"/services/{one}")
    assert "Set-Cookie" not in again.headers
