"""The header and footer kept per language (``directory.page_parts``): a page drawn from a
kept part is the page drawn afresh, whatever pages, languages and visitors came before."""

from __future__ import annotations

import random
import re
import uuid

from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer

from directory.i18n import LOCALE_COOKIE
from directory.lists import ids
from directory.lists.storage import COOKIE as LIST_COOKIE
from directory.models import Role
from directory.page_parts import RETURN_STAND_IN, TOKEN_STAND_IN
from tests.support.staff import make_staff, sign_in

ADDRESSES = (
    "/find-support",
    "/find-support?q=food+bank",
    "/find-support?q=it%27s+%26+%3Cb%3E&lang=pl",
    "/find-support?q=%C5%BC%C5%82obek&lang=ur",
    "/find-support?lang=pa",
    "/privacy",
    "/privacy?lang=pl",
    "/",
)
"""Pages with and without ``lang=``, with words the address quotes and HTML escapes."""
VISITORS = (
    {},
    {LOCALE_COOKIE: "pl"},
    {LOCALE_COOKIE: "ur"},
    {LIST_COOKIE: ids.write([str(uuid.uuid4()), str(uuid.uuid4())])},
    {LOCALE_COOKIE: "pa", LIST_COOKIE: ids.write([str(uuid.uuid4())])},
)
"""Languages chosen by cookie, and families with a saved list ("My list (2 services)")."""
PARTS = re.compile(r"<header .*?</header>|<footer .*?</footer>", re.DOTALL)


def _parts(client: FlaskClient, address: str, cookies: dict[str, str]) -> list[str]:
    for name in (LOCALE_COOKIE, LIST_COOKIE):
        client.delete_cookie(name)
    for name, value in cookies.items():
        client.set_cookie(name, value)
    response = client.get(address)
    assert response.status_code == 200, address
    return PARTS.findall(response.get_data(as_text=True))


def test_kept_parts_are_the_parts_drawn_afresh(empty_app: Flask, client: FlaskClient) -> None:
    """Each page and visitor, asked in a shuffled order after every other has filled the
    cache, gets the header and footer it gets with nothing kept: no language, address or
    saved list of one page shows on another."""
    kept = empty_app.extensions["page_parts"]
    cases = [(address, visitor) for address in ADDRESSES for visitor in VISITORS]
    fresh = {}
    for address, visitor in cases:
        kept._kept.clear()
        fresh[address, str(visitor)] = _parts(client, address, visitor)
    random.Random(22).shuffle(cases)
    for address, visitor in cases:
        parts = _parts(client, address, visitor)
        assert len(parts) == 2
        assert parts == fresh[address, str(visitor)], (address, visitor)
        assert RETURN_STAND_IN not in "".join(parts)
    assert kept._kept, "nothing was kept"


def test_each_language_keeps_its_own_parts(client: FlaskClient) -> None:
    english = _parts(client, "/privacy", {})
    polish = _parts(client, "/privacy", {LOCALE_COOKIE: "pl"})
    assert english != polish
    assert _parts(client, "/privacy", {}) == english
    assert _parts(client, "/privacy?lang=pl", {}) != english


def test_a_saved_list_stays_with_its_family(client: FlaskClient) -> None:
    saved = {LIST_COOKIE: ids.write([str(uuid.uuid4()), str(uuid.uuid4())])}
    with_list = "".join(_parts(client, "/privacy", saved))
    without = "".join(_parts(client, "/privacy", {}))
    assert "My list" in with_list
    assert "My list" not in without
    assert "My list" in "".join(_parts(client, "/privacy", saved))


def _header(client: FlaskClient, address: str = "/practitioners") -> tuple[str, str]:
    """The page's header with its CSRF token taken out, and the token."""
    page = client.get(address).get_data(as_text=True)
    header = re.search(r"<header .*?</header>", page, re.DOTALL)
    assert header, address
    token = re.search(r'name="csrf_token" value="([^"]+)"', header.group(0))
    assert token, "no sign-out form in the header"
    return header.group(0).replace(token.group(1), "TOKEN"), token.group(1)


def _raw_token(app: Flask, signed: str) -> str:
    """What a header's CSRF token signs: the session's own token (Flask-WTF's)."""
    serializer = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token")
    return str(serializer.loads(signed))


def _session_token(client: FlaskClient) -> str:
    with client.session_transaction() as session:
        return str(session["csrf_token"])


def test_a_staff_members_header_is_their_own(empty_app: Flask) -> None:
    """A signed-in practitioner's header is kept with a stand-in for the CSRF token of its
    sign-out form: each practitioner gets the header drawn with nothing kept, holding the
    token of their own session, whoever came before."""
    kept = empty_app.extensions["page_parts"]
    first, second = empty_app.test_client(), empty_app.test_client()
    sign_in(empty_app, first, make_staff(empty_app, Role.PRACTITIONER))
    sign_in(empty_app, second, make_staff(empty_app, Role.PRACTITIONER))
    kept._kept.clear()
    fresh, _ = _header(first)
    assert kept._kept, "the staff header was not kept"
    raws = []
    for client in (first, second, first, second):
        header, token = _header(client)
        assert header == fresh
        assert TOKEN_STAND_IN not in header and RETURN_STAND_IN not in header
        assert _raw_token(empty_app, token) == _session_token(client)
        raws.append(_session_token(client))
    assert raws[0] == raws[2] != raws[1] == raws[3]


def test_a_changed_token_is_the_one_the_header_holds(empty_app: Flask) -> None:
    """A session whose CSRF token changes gets the new one in the kept header, and the
    header's token signs the practitioner out (it is the page's real token)."""
    client = empty_app.test_client()
    sign_in(empty_app, client, make_staff(empty_app, Role.PRACTITIONER))
    _, before = _header(client)
    with client.session_transaction() as session:
        session["csrf_token"] = "0" * 40
    _, after = _header(client)
    assert _raw_token(empty_app, before) != _raw_token(empty_app, after) == "0" * 40
    signed_out = client.post("/manage/sign-out", data={"csrf_token": after})
    assert signed_out.status_code == 302
    assert "signed_out=1" in signed_out.headers["Location"]
    assert client.get("/practitioners").status_code == 302


def test_a_family_never_gets_a_staff_header(empty_app: Flask) -> None:
    """After staff pages filled the cache, a family's page has no sign-out form and no
    stand-in, and its header is the one drawn with nothing kept."""
    kept = empty_app.extensions["page_parts"]
    family, staff = empty_app.test_client(), empty_app.test_client()
    kept._kept.clear()
    afresh = _parts(family, "/find-support?q=food", {})
    sign_in(empty_app, staff, make_staff(empty_app, Role.PRACTITIONER))
    for address in ("/practitioners", "/practitioners?q=food", "/find-support?q=food"):
        staff.get(address)
    parts = _parts(family, "/find-support?q=food", {})
    assert parts == afresh
    assert "csrf_token" not in "".join(parts)
    assert TOKEN_STAND_IN not in "".join(parts)
