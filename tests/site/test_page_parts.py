"""The header and footer kept per language (``directory.page_parts``): a page drawn from a
kept part is the page drawn afresh, whatever pages, languages and visitors came before."""

from __future__ import annotations

import random
import re
import uuid

from flask import Flask
from flask.testing import FlaskClient

from directory.i18n import LOCALE_COOKIE
from directory.lists import ids
from directory.lists.storage import COOKIE as LIST_COOKIE
from directory.models import Role
from directory.page_parts import RETURN_STAND_IN
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


def test_a_staff_members_header_is_their_own(empty_app: Flask) -> None:
    """A signed-in practitioner's header holds their sign-out form and its CSRF token: it is
    drawn for them, never kept and shown to the next."""
    first, second = empty_app.test_client(), empty_app.test_client()
    sign_in(empty_app, first, make_staff(empty_app, Role.PRACTITIONER))
    sign_in(empty_app, second, make_staff(empty_app, Role.PRACTITIONER))
    tokens = []
    for client in (first, second, first):
        page = client.get("/practitioners").get_data(as_text=True)
        header = re.search(r"<header .*?</header>", page, re.DOTALL)
        assert header
        token = re.search(r'name="csrf_token" value="([^"]+)"', header.group(0))
        assert token, "no sign-out form in the header"
        tokens.append(token.group(1))
    assert len({tokens[0].split(".")[0], tokens[1].split(".")[0]}) == 2
    assert tokens[0].split(".")[0] == tokens[2].split(".")[0]
