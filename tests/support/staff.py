"""Staff accounts for tests: made in the database, signed in through the real pages."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pyotp
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts import second_factor
from directory.accounts.sessions import now_utc
from directory.accounts.users import create_user
from directory.extensions import db
from directory.models import Organization, Role, User

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


@dataclass
class Staff:
    id: str
    email: str
    password: str
    secret: str | None
    role: Role


def make_staff(
    app: Flask,
    role: Role = Role.EDITOR,
    *,
    email: str | None = None,
    name: str = "Sam Editor",
    password: str = PASSWORD,
    second_factor_set_up: bool = True,
    organization_id: str | None = None,
) -> Staff:
    """An account with a password and (by default) an authenticator app already set up."""
    email = email or f"{role.value}-{time.monotonic_ns()}@example.org"
    with app.app_context():
        user = create_user(email, name, role, password, organization_id=organization_id)
        secret = None
        if second_factor_set_up:
            secret = second_factor.new_secret()
            user.totp_secret = secret
            user.totp_confirmed_at = now_utc()
        db.session.commit()
        return Staff(user.id, user.email, password, secret, role)


def make_organisation(app: Flask, name: str = "Brierley Hill Community Trust") -> str:
    """An organisation (with no listings) made in the database; its id."""
    with app.app_context():
        organisation = Organization(name=name, source="manual")
        db.session.add(organisation)
        db.session.commit()
        return organisation.id


def make_provider(
    app: Flask, organization_id: str | None = None, *, second_factor_set_up: bool = True
) -> Staff:
    """Someone who works for an organisation (a new one unless given), signed up in full."""
    return make_staff(
        app,
        Role.PROVIDER,
        name="Pat Provider",
        organization_id=organization_id or make_organisation(app),
        second_factor_set_up=second_factor_set_up,
    )


def current_code(app: Flask, staff: Staff) -> str:
    """A code the app would show now that has not been used yet (codes work once)."""
    assert staff.secret is not None
    with app.app_context():
        last = db.session.get(User, staff.id).totp_last_step
    now_step = int(time.time() // second_factor.STEP_SECONDS)
    step = now_step if last is None or last < now_step else last + 1
    assert step <= now_step + second_factor.VALID_WINDOW, "no fresh code left in this window"
    return pyotp.TOTP(staff.secret).at(step * second_factor.STEP_SECONDS)


def csrf_token(client: FlaskClient, url: str) -> str:
    """The CSRF token of the form on the page at ``url``."""
    response = client.get(url)
    return token_in(response.get_data(as_text=True), f"{url} ({response.status})")


def token_in(page: str, where: str = "the page") -> str:
    found = _TOKEN.search(page)
    assert found, f"{where} has no CSRF token"
    return found.group(1) or found.group(2)


def submit(client: FlaskClient, url: str, data: dict[str, str], **kwargs):  # type: ignore[no-untyped-def]
    """POST a form the way a browser would: with the token the page gave."""
    return client.post(url, data={"csrf_token": csrf_token(client, url), **data}, **kwargs)


def sign_in(app: Flask, client: FlaskClient, staff: Staff, *, with_code: bool = True):  # type: ignore[no-untyped-def]
    """Sign in through the sign-in page (and the code page); return the last response."""
    response = submit(client, "/manage/sign-in", {"email": staff.email, "password": staff.password})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    if not with_code or staff.secret is None:
        return response
    assert response.headers["Location"].endswith("/manage/sign-in/code")
    response = submit(client, "/manage/sign-in/code", {"code": current_code(app, staff)})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return response


def session_cookie(client: FlaskClient) -> str | None:
    cookie = client.get_cookie("signpost_session")
    return cookie.value if cookie else None
