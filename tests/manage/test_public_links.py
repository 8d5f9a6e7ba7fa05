"""Links that leave the page whole (emails, links shown to pass on, share links and their QR
codes) are built from PUBLIC_BASE_URL, never from the Host or X-Forwarded-Host a request
claims: otherwise a forged header has the council's own mail server send a staff member a
reset link to the forger's site."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from directory.lists import ids
from directory.models import Role
from tests.support.client import page_text
from tests.support.factories import create_service
from tests.support.qr import qr_codes_in
from tests.support.staff import make_staff, session_cookie, sign_in, token_in

BASE = "https://directory.example.gov.uk"
FORGERIES = [
    {"Host": "attacker.example"},
    {"X-Forwarded-Host": "attacker.example"},
    {"Host": "attacker.example", "X-Forwarded-Host": "evil.example:8443"},
    {"Host": "localhost", "X-Forwarded-Host": "attacker.example, localhost"},
]
_ADDRESS = re.compile(r"https?://[^\s\"'<>]+")


def _addresses(text: str) -> list[str]:
    return [found for found in _ADDRESS.findall(text) if "w3.org" not in found]


def _post(client: FlaskClient, url: str, data: dict[str, str], forged: dict[str, str]):  # type: ignore[no-untyped-def]
    """Ask for the form and send it with the forged headers, as the forger's browser would
    (it keeps its cookies for the host it claims)."""
    host = forged.get("Host")
    cookie = session_cookie(client)
    if host and cookie:
        client.set_cookie("signpost_session", cookie, domain=host)
    token = token_in(page_text(client.get(url, headers=forged)))
    return client.post(url, data={"csrf_token": token, **data}, headers=forged)


def _assert_only_the_base(links: list[str], texts: list[str]) -> None:
    """Every link made is to the configured site; no forged host is named anywhere."""
    assert links, "no link was made"
    for link in links:
        assert link.startswith(f"{BASE}/"), link
    for text in [*links, *texts]:
        assert "attacker.example" not in text and "evil.example" not in text


@pytest.mark.parametrize("trusted_proxies", [0, 1])
@pytest.mark.parametrize("forged", FORGERIES)
def test_emailed_reset_and_invitation_links_use_only_the_configured_address(
    make_app: Callable[..., Flask], smtp_server, trusted_proxies: int, forged: dict[str, str]
) -> None:
    settings, mailbox = smtp_server
    app = make_app(smtp=settings, public_base_url=BASE, trusted_proxies=trusted_proxies)
    make_staff(app, Role.EDITOR, email="editor@example.org")
    admin = make_staff(app, Role.ADMIN)

    stranger = app.test_client()
    asked = _post(stranger, "/manage/reset-password", {"email": "editor@example.org"}, forged)
    assert asked.status_code == 200
    browser = app.test_client()
    sign_in(app, browser, admin)
    invited = _post(
        browser,
        "/manage/users/invite",
        {"name": "Kit", "email": "kit@example.org", "role": "editor"},
        forged,
    )
    assert invited.status_code == 200
    assert len(mailbox.messages) == 2
    bodies = [
        email.message_from_string(raw, policy=email.policy.default).get_content()
        for raw in mailbox.messages
    ]
    assert "/manage/reset-password/" in bodies[0] and "/manage/invitation/" in bodies[1]
    _assert_only_the_base([a for body in bodies for a in _addresses(body)], [page_text(invited)])


@pytest.mark.parametrize("trusted_proxies", [0, 1])
@pytest.mark.parametrize("forged", FORGERIES)
def test_shown_links_and_qr_codes_use_only_the_configured_address(
    make_app: Callable[..., Flask], trusted_proxies: int, forged: dict[str, str]
) -> None:
    app = make_app(public_base_url=BASE, trusted_proxies=trusted_proxies)
    admin = make_staff(app, Role.ADMIN)
    with app.app_context():
        service_id = create_service("Tuesday Stay and Play", postcode="DY1 1QJ").id
    browser = app.test_client()
    sign_in(app, browser, admin)
    invited = _post(
        browser,
        "/manage/users/invite",
        {"name": "Kit", "email": "kit@example.org", "role": "editor"},
        forged,
    )
    shown = page_text(invited)
    assert f"{BASE}/manage/invitation/" in shown

    family = app.test_client()
    listed = page_text(family.get(f"/my-list?s={ids.write([service_id])}", headers=forged))
    codes = qr_codes_in(listed)
    assert len(codes) == 1 and codes[0].startswith(f"{BASE}/my-list?s=")
    statement = page_text(family.get("/accessibility-statement", headers=forged))
    assert f"{BASE}/" in statement
    made = [a for a in _addresses(shown) if "/manage/" in a]
    _assert_only_the_base([*made, *codes], [shown, listed, statement])


def test_a_base_address_with_a_path_keeps_it(make_app: Callable[..., Flask]) -> None:
    app = make_app(public_base_url="https://council.example.gov.uk/family-directory")
    with app.test_request_context("/", headers={"Host": "attacker.example"}):
        from directory.public_address import public_url

        address = public_url("manage_account.open_reset_link", token="abc")
    assert address == "https://council.example.gov.uk/family-directory/manage/reset-password/abc"
