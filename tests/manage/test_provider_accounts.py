"""Organisation accounts: an editor invites someone of an organisation, who signs in with
the staff's security and sees only their own organisation's listings."""

from __future__ import annotations

import dataclasses
import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.accounts.users import AccountError, change_role, create_user
from directory.extensions import db
from directory.models import Organization, Role, User
from tests.support.client import page_text
from tests.support.factories import create_service
from tests.support.html import visible_text
from tests.support.staff import make_provider, make_staff, sign_in, submit

_LINK = re.compile(r"http://localhost(/manage/invitation/[A-Za-z0-9_-]+)")
NEW_PASSWORD = "seven plums on a windowsill"


def test_the_council_ladder_is_unchanged_and_a_provider_is_off_it() -> None:
    ladder = [Role.PRACTITIONER, Role.EDITOR, Role.ADMIN]
    for lower, role in enumerate(ladder):
        for index, other in enumerate(ladder):
            assert role.at_least(other) is (lower >= index), (role, other)
        assert not role.at_least(Role.PROVIDER)
        assert not Role.PROVIDER.at_least(role)
    assert Role.PROVIDER.at_least(Role.PROVIDER)


def _organisation_with_listings(app: Flask) -> tuple[str, str, str]:
    """Two organisations' listings; the id of the first organisation, and each listing's name."""
    with app.app_context():
        ours = create_service("Wordsley Toddler Time", organisation="Wordsley Families Trust")
        create_service("Halesowen Dads Group", organisation="Halesowen Dads")
        return ours.organization_id, ours.name, "Halesowen Dads Group"


def test_an_editor_invites_someone_of_an_organisation_who_sees_only_its_listings(
    empty_app: Flask, client: FlaskClient
) -> None:
    organization_id, ours, theirs = _organisation_with_listings(empty_app)
    editor = make_staff(empty_app, Role.EDITOR)
    sign_in(empty_app, client, editor)
    listed = visible_text(page_text(client.get("/manage/organisations/?q=wordsley")))
    assert "Wordsley Families Trust" in listed and "Halesowen Dads" not in listed

    invited = submit(
        client,
        f"/manage/organisations/{organization_id}/invite",
        {"name": "Jo Provider", "email": "Jo@Wordsley.example.org"},
    )
    assert invited.status_code == 200
    link = _LINK.search(page_text(invited))
    assert link, visible_text(page_text(invited))
    page = visible_text(page_text(client.get(f"/manage/organisations/{organization_id}")))
    assert "jo@wordsley.example.org" in page and "Invited" in page

    newcomer = empty_app.test_client()
    newcomer.get(link.group(1))
    refused = submit(newcomer, "/manage/invitation", {"password": "password123"})
    assert "one of the most common" in visible_text(page_text(refused))
    response = submit(newcomer, "/manage/invitation", {"password": NEW_PASSWORD})
    # The council does not ask providers for a one-time code unless its file says so.
    assert response.headers["Location"] == "/manage/organisation/"
    home = visible_text(page_text(newcomer.get("/manage/organisation/")))
    assert ours in home and theirs not in home
    assert newcomer.get("/manage/").status_code == 403
    assert newcomer.get("/practitioners").status_code == 403
    with empty_app.app_context():
        person = db.session.scalars(sa.select(User).where(User.email.like("jo@%"))).one()
        assert person.role is Role.PROVIDER and person.organization_id == organization_id


def test_a_provider_needs_a_code_when_the_council_says_so(empty_app: Flask) -> None:
    council = empty_app.extensions["council"]
    empty_app.extensions["council"] = dataclasses.replace(
        council, providers=dataclasses.replace(council.providers, need_second_factor=True)
    )
    provider = make_provider(empty_app, second_factor_set_up=False)
    client = empty_app.test_client()
    response = sign_in(empty_app, client, provider)
    assert response.headers["Location"] == "/manage/set-up-two-factor"
    assert client.get("/manage/organisation/").headers["Location"] == "/manage/set-up-two-factor"


def test_a_provider_with_an_app_gives_a_code_and_lands_on_their_listings(
    empty_app: Flask,
) -> None:
    provider = make_provider(empty_app)
    client = empty_app.test_client()
    # A staff page asked for before signing in is not where a provider is sent.
    client.get("/manage/sign-in?next=/manage/listings/")
    response = sign_in(empty_app, client, provider)
    assert response.headers["Location"] == "/manage/organisation/"


def test_a_provider_whose_organisation_is_gone_sees_nothing(empty_app: Flask) -> None:
    provider = make_provider(empty_app)
    with empty_app.app_context():
        organisation = db.session.get(User, provider.id).organization_id
        db.session.execute(sa.delete(Organization).where(Organization.id == organisation))
        db.session.commit()
        assert db.session.get(User, provider.id).organization_id is None
    client = empty_app.test_client()
    sign_in(empty_app, client, provider)
    assert client.get("/manage/organisation/").status_code == 403
    assert client.get("/manage/account").status_code == 200


def test_a_provider_belongs_to_one_organisation_and_council_staff_to_none(
    empty_app: Flask,
) -> None:
    provider = make_provider(empty_app)
    with empty_app.app_context():
        with pytest.raises(AccountError):
            create_user("nobody@example.org", "Nobody", Role.PROVIDER)
        organisation = db.session.get(User, provider.id).organization_id
        with pytest.raises(AccountError):
            create_user("ed@example.org", "Ed", Role.EDITOR, organization_id=organisation)
        person = db.session.get(User, provider.id)
        change_role(person, Role.PRACTITIONER)
        assert person.organization_id is None
        with pytest.raises(AccountError):
            change_role(person, Role.PROVIDER)


def test_an_admin_sees_a_provider_among_the_users(empty_app: Flask, client: FlaskClient) -> None:
    provider = make_provider(empty_app)
    admin = make_staff(empty_app, Role.ADMIN)
    sign_in(empty_app, client, admin)
    assert "Provider" in visible_text(page_text(client.get("/manage/users/")))
    assert client.get(f"/manage/users/{provider.id}").status_code == 200
