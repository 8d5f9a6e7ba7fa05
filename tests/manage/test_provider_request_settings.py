"""A trusted organisation's provider sets whether their own listings take requests for
support; any other provider sees the setting read-only; nobody reaches another
organisation's listing."""

from __future__ import annotations

import dataclasses

import pytest
from flask import Flask
from flask.testing import FlaskClient

from directory.support_requests import settings_for
from tests.support.client import HygieneCheckingClient, page_text
from tests.support.factories import create_service
from tests.support.html import visible_text
from tests.support.staff import Staff, make_provider, sign_in, submit, token_in

ORGANISATION = "Wordsley Families Trust"


@dataclasses.dataclass
class Setting:
    app: Flask
    service_id: str
    other_id: str
    provider: Staff


@pytest.fixture
def setting(empty_app: Flask) -> Setting:
    empty_app.test_client_class = HygieneCheckingClient
    with empty_app.app_context():
        ours = create_service("Wordsley Toddler Time", organisation=ORGANISATION)
        theirs = create_service("Halesowen Dads Group", organisation="Halesowen Dads")
        ids = ours.id, ours.organization_id, theirs.id
    return Setting(empty_app, ids[0], ids[2], make_provider(empty_app, ids[1]))


def _trust(app: Flask, *names: str) -> None:
    council = app.extensions["council"]
    app.extensions["council"] = dataclasses.replace(
        council, providers=dataclasses.replace(council.providers, trusted=names)
    )


def _signed_in(app: Flask, staff: Staff) -> FlaskClient:
    client = app.test_client()
    sign_in(app, client, staff)
    return client


def _address(service_id: str) -> str:
    return f"/manage/organisation/listings/{service_id}/requests-for-support"


def test_a_trusted_provider_sets_their_listings_requests_recorded_as_theirs(
    setting: Setting,
) -> None:
    app = setting.app
    _trust(app, ORGANISATION.lower())
    provider = _signed_in(app, setting.provider)
    listing = f"/manage/organisation/listings/{setting.service_id}"
    shown = visible_text(page_text(provider.get(listing)))
    assert "Requests for support not taken through the directory" in shown
    address = _address(setting.service_id)
    refused = submit(provider, address, {"accepts": "y"})
    assert refused.status_code == 200
    assert "Choose at least one thing the service needs to know" in visible_text(page_text(refused))
    odd = submit(provider, address, {"accepts": "y", "details": ["name", "bogus"]})
    assert "There is a problem" in visible_text(page_text(odd))
    with app.app_context():
        assert settings_for(setting.service_id) is None
    saved = submit(provider, address, {"accepts": "y", "details": ["help_wanted", "name"]})
    assert saved.status_code == 303
    assert saved.headers["Location"].endswith(listing)
    with app.app_context():
        found = settings_for(setting.service_id)
        assert found.accepts and found.details == ["name", "help_wanted"]
        assert found.updated_by == f"{setting.provider.email} (trusted organisation)"
    shown = visible_text(page_text(provider.get(listing)))
    assert "Requests for support saved for Wordsley Toddler Time" in shown
    assert "Requests for support taken through the directory" in shown


def test_an_untrusted_provider_sees_the_setting_but_cannot_change_it(setting: Setting) -> None:
    app = setting.app
    _trust(app, "Some Other Charity")
    with app.app_context():
        from directory.support_requests import save_settings

        save_settings(setting.service_id, True, ["contact"], "editor@example.org")
    provider = _signed_in(app, setting.provider)
    page = page_text(provider.get(_address(setting.service_id)))
    shown = visible_text(page)
    assert "An editor at the council sets whether this listing takes requests" in shown
    assert "How to contact the family" in shown and 'name="accepts"' not in page
    token = token_in(page_text(provider.get(f"/manage/organisation/listings/{setting.service_id}")))
    response = provider.post(
        _address(setting.service_id), data={"csrf_token": token, "accepts": "", "details": []}
    )
    assert response.status_code == 403
    with app.app_context():
        found = settings_for(setting.service_id)
        assert found.accepts and found.details == ["contact"]
        assert found.updated_by == "editor@example.org"


@pytest.mark.parametrize("trusted", [True, False])
def test_no_provider_reaches_another_organisations_listing(setting: Setting, trusted: bool) -> None:
    app = setting.app
    _trust(app, *((ORGANISATION, "Halesowen Dads") if trusted else ()))
    provider = _signed_in(app, setting.provider)
    address = _address(setting.other_id)
    assert provider.get(address).status_code == 404
    token = token_in(page_text(provider.get(f"/manage/organisation/listings/{setting.service_id}")))
    response = provider.post(address, data={"csrf_token": token, "accepts": "y", "details": "name"})
    assert response.status_code == 404
    with app.app_context():
        assert settings_for(setting.other_id) is None
