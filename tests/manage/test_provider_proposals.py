"""Providers keep their listings: a change is proposed through the editors' form, kept,
and approved (through the write path), changed and approved, or returned by an editor; a
stale one never overwrites a newer change unseen; trusted organisations publish at once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from directory.extensions import db
from directory.models import AuditEntry, ListingProposal, ProposalStatus, Role, Service
from tests.manage.test_listings import DY_POSTCODES
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import HygieneCheckingClient, page_text
from tests.support.databases import database_backends, fresh_database
from tests.support.factories import create_service
from tests.support.forms import form_values
from tests.support.html import visible_text
from tests.support.staff import Staff, csrf_token, make_provider, make_staff, sign_in

OLD = "Songs and stories for under fives."
NEW = "Songs, stories and messy play for under fives."


@dataclasses.dataclass
class Setting:
    app: Flask
    service_id: str
    other_id: str
    provider: Staff
    editor: Staff


@pytest.fixture(params=database_backends())
def empty_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An empty directory with the DY postcodes loaded, as editors' saves need."""
    with fresh_database(request.param, tmp_path, like=DY_POSTCODES) as url:
        app = migrated_app(config_for_tests(url, tmp_path))
        app.test_client_class = HygieneCheckingClient
        yield app
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def setting(empty_app: Flask) -> Setting:
    with empty_app.app_context():
        ours = create_service(
            "Wordsley Toddler Time", organisation="Wordsley Families Trust", summary=OLD
        )
        theirs = create_service("Halesowen Dads Group", organisation="Halesowen Dads")
        ids = ours.id, ours.organization_id, theirs.id
    provider = make_provider(empty_app, ids[1])
    editor = make_staff(empty_app, Role.EDITOR)
    return Setting(empty_app, ids[0], ids[2], provider, editor)


def _signed_in(app: Flask, staff: Staff) -> FlaskClient:
    client = app.test_client()
    sign_in(app, client, staff)
    return client


def _propose(client: FlaskClient, service_id: str, **changes: str):  # type: ignore[no-untyped-def]
    address = f"/manage/organisation/listings/{service_id}/edit"
    values = form_values(page_text(client.get(address)))
    for name, value in changes.items():
        values[name] = value
    values["action"] = "save"
    return client.post(address, data=values)


def _approve(client: FlaskClient, proposal: ListingProposal):  # type: ignore[no-untyped-def]
    token = csrf_token(client, f"/manage/proposals/{proposal.id}")
    return client.post(
        f"/manage/proposals/{proposal.id}/approve",
        data={"csrf_token": token, "version": proposal.version},
    )


def _summary(app: Flask, service_id: str) -> str:
    with app.app_context():
        return db.session.get(Service, service_id).summary


def _proposals(app: Flask) -> list[ListingProposal]:
    with app.app_context():
        found = list(db.session.scalars(sa.select(ListingProposal)))
        db.session.expunge_all()
        return found


def _actors(app: Flask, service_id: str) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(AuditEntry.actor).where(AuditEntry.entity_id == service_id)
            )
        )


def test_a_proposal_is_kept_not_applied_and_an_editor_approves_it(setting: Setting) -> None:
    app = setting.app
    provider = _signed_in(app, setting.provider)
    response = _propose(provider, setting.service_id, summary=NEW)
    assert response.status_code == 302, visible_text(page_text(response))[:3000]
    assert _summary(app, setting.service_id) == OLD
    [proposal] = _proposals(app)
    assert proposal.status is ProposalStatus.WAITING
    assert "Waiting for an editor" in visible_text(
        page_text(provider.get(f"/manage/organisation/listings/{setting.service_id}"))
    )

    editor = _signed_in(app, setting.editor)
    assert "Wordsley Toddler Time" in visible_text(page_text(editor.get("/manage/proposals/")))
    page = visible_text(page_text(editor.get(f"/manage/proposals/{proposal.id}")))
    assert "Summary" in page and OLD in page and NEW in page
    assert "changed since" not in page
    approved = _approve(editor, proposal)
    assert approved.status_code == 302
    assert _summary(app, setting.service_id) == NEW
    assert _proposals(app)[0].status is ProposalStatus.APPROVED
    assert any(
        actor.startswith(setting.provider.email) and f"approved by {setting.editor.email}" in actor
        for actor in _actors(app, setting.service_id)
    )


def test_a_provider_form_is_checked_as_an_editor_form_is(setting: Setting) -> None:
    provider = _signed_in(setting.app, setting.provider)
    response = _propose(provider, setting.service_id, name="")
    assert response.status_code == 200
    assert "Error:" in visible_text(page_text(response))
    unchanged = _propose(provider, setting.service_id)
    assert unchanged.status_code == 302
    assert _proposals(setting.app) == []


def test_an_editor_returns_a_proposal_with_a_reason_the_provider_reads(setting: Setting) -> None:
    app = setting.app
    provider = _signed_in(app, setting.provider)
    _propose(provider, setting.service_id, summary=NEW)
    [proposal] = _proposals(app)
    editor = _signed_in(app, setting.editor)
    address = f"/manage/proposals/{proposal.id}/return"
    token = csrf_token(editor, f"/manage/proposals/{proposal.id}")
    refused = editor.post(address, data={"csrf_token": token, "reason": " "})
    assert refused.status_code == 400
    assert "Enter why you are returning the change" in visible_text(page_text(refused))
    editor.post(address, data={"csrf_token": token, "reason": "Say which days it runs."})
    assert _proposals(app)[0].status is ProposalStatus.RETURNED
    assert _summary(app, setting.service_id) == OLD
    page = visible_text(
        page_text(provider.get(f"/manage/organisation/listings/{setting.service_id}"))
    )
    assert "Returned" in page and "Say which days it runs." in page
    # Decided once: approving it afterwards writes nothing.
    _approve(editor, proposal)
    assert _summary(app, setting.service_id) == OLD


def test_a_stale_proposal_never_overwrites_a_newer_change_unseen(setting: Setting) -> None:
    app = setting.app
    provider = _signed_in(app, setting.provider)
    _propose(provider, setting.service_id, summary=NEW)
    [proposal] = _proposals(app)
    editor = _signed_in(app, setting.editor)
    edit = f"/manage/listings/{setting.service_id}/edit"
    values = form_values(page_text(editor.get(edit)))
    values["summary"] = "The editor's own summary."
    values["description"] = "Every Tuesday in term time."
    values["action"] = "save"
    assert editor.post(edit, data=values).status_code == 302

    stale = _approve(editor, proposal)
    assert stale.status_code == 409
    page = visible_text(page_text(stale))
    assert "changed since" in page and "The editor's own summary." in page
    assert _summary(app, setting.service_id) == "The editor's own summary."

    values = form_values(page_text(stale), 1)
    assert values["version"] != proposal.version
    applied = editor.post(f"/manage/proposals/{proposal.id}/approve", data=values)
    assert applied.status_code == 302
    with app.app_context():
        service = db.session.get(Service, setting.service_id)
        assert service.summary == NEW
        assert service.description == "Every Tuesday in term time."


def test_an_editor_changes_a_proposal_and_approves_it(setting: Setting) -> None:
    app = setting.app
    provider = _signed_in(app, setting.provider)
    _propose(provider, setting.service_id, summary=NEW)
    [proposal] = _proposals(app)
    editor = _signed_in(app, setting.editor)
    address = f"/manage/proposals/{proposal.id}/change"
    values = form_values(page_text(editor.get(address)))
    assert values["summary"] == NEW
    values["summary"] = NEW + " Free."
    values["action"] = "save"
    assert editor.post(address, data=values).status_code == 302
    assert _summary(app, setting.service_id) == NEW + " Free."
    assert _proposals(app)[0].status is ProposalStatus.APPROVED


def test_a_trusted_organisation_publishes_without_approval_and_is_audited(
    setting: Setting,
) -> None:
    app = setting.app
    council = app.extensions["council"]
    app.extensions["council"] = dataclasses.replace(
        council,
        providers=dataclasses.replace(council.providers, trusted=("wordsley families trust",)),
    )
    provider = _signed_in(app, setting.provider)
    assert _propose(provider, setting.service_id, summary=NEW).status_code == 302
    assert _summary(app, setting.service_id) == NEW
    assert _proposals(app) == []
    assert f"{setting.provider.email} (trusted organisation)" in _actors(app, setting.service_id)


def test_a_providers_confirmation_is_the_listings_review(setting: Setting) -> None:
    provider = _signed_in(setting.app, setting.provider)
    page = page_text(provider.get(f"/manage/organisation/listings/{setting.service_id}"))
    values = form_values(page)
    response = provider.post(
        f"/manage/organisation/listings/{setting.service_id}/confirm", data=values
    )
    assert response.status_code == 302
    with setting.app.app_context():
        assert db.session.get(Service, setting.service_id).assured_date == date.today()
    assert setting.provider.email in _actors(setting.app, setting.service_id)


def _provider_rules(app: Flask) -> list[Rule]:
    return [r for r in app.url_map.iter_rules() if r.endpoint.startswith("manage_provider.")]


def test_a_provider_never_reaches_another_organisations_listing(setting: Setting) -> None:
    """Property over every provider route that names a listing, GET and POST."""
    provider = _signed_in(setting.app, setting.provider)
    token = csrf_token(provider, "/manage/account")
    rules = [r for r in _provider_rules(setting.app) if "service_id" in r.arguments]
    assert len(rules) >= 3
    for rule in rules:
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            for service_id in (setting.other_id, "no-such-listing"):
                address = rule.rule.replace("<service_id>", service_id)
                data = {"csrf_token": token, "version": "x=1", "action": "save"}
                response = (
                    provider.get(address) if method == "GET" else provider.post(address, data=data)
                )
                assert response.status_code == 404, (rule.rule, method, response.status_code)
    home = visible_text(page_text(provider.get("/manage/organisation/")))
    assert "Halesowen Dads Group" not in home and "Wordsley Toddler Time" in home
    with setting.app.app_context():
        assert db.session.get(Service, setting.other_id).assured_date is None


def test_a_provider_proposes_a_new_listing_for_their_organisation(setting: Setting) -> None:
    app = setting.app
    provider = _signed_in(app, setting.provider)
    address = "/manage/organisation/listings/new"
    page = page_text(provider.get(address))
    assert "Organisation that runs it" not in visible_text(page)
    values = form_values(page)
    values["action"] = "save"
    refused = provider.post(address, data=values)
    assert refused.status_code == 200 and "Error:" in visible_text(page_text(refused))
    values["name"] = "Wordsley Baby Massage"
    values["summary"] = "Baby massage for parents and babies under one."
    assert provider.post(address, data=values).status_code == 302
    [proposal] = _proposals(app)
    assert proposal.service_id is None and proposal.name == "Wordsley Baby Massage"
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count(Service.id)).where(Service.name == "Wordsley Baby Massage")
            )
            == 0
        )

    editor = _signed_in(app, setting.editor)
    page = visible_text(page_text(editor.get(f"/manage/proposals/{proposal.id}")))
    assert "New listing: Wordsley Baby Massage" in page and "Baby massage for parents" in page
    assert _approve(editor, proposal).status_code == 302
    with app.app_context():
        made = db.session.scalars(
            sa.select(Service).where(Service.name == "Wordsley Baby Massage")
        ).one()
        ours = db.session.get(Service, setting.service_id)
        assert made.organization_id == ours.organization_id
        assert made.organization.name == "Wordsley Families Trust"
        made_id = made.id
    assert _proposals(app)[0].service_id == made_id
    assert "Wordsley Baby Massage" in visible_text(page_text(provider.get("/manage/organisation/")))


def _propose_new(app: Flask, provider: FlaskClient, name: str, summary: str) -> ListingProposal:
    address = "/manage/organisation/listings/new"
    values = form_values(page_text(provider.get(address)))
    values["action"], values["name"], values["summary"] = "save", name, summary
    response = provider.post(address, data=values)
    assert response.status_code == 302, visible_text(page_text(response))[:1500]
    [proposal] = [p for p in _proposals(app) if p.name == name]
    return proposal


def test_an_editor_changes_and_approves_a_proposed_new_listing(setting: Setting) -> None:
    app = setting.app
    provider = _signed_in(app, setting.provider)
    proposal = _propose_new(
        app, provider, "Wordsley Baby Massage", "Baby massage for parents and babies."
    )
    editor = _signed_in(app, setting.editor)
    page = page_text(editor.get(f"/manage/proposals/{proposal.id}"))
    address = f"/manage/proposals/{proposal.id}/change"
    assert f'href="{address}"' in page
    form = page_text(editor.get(address))
    shown = visible_text(form)
    assert "Change and approve: Wordsley Baby Massage" in shown
    assert "Organisation that runs it" not in shown
    values = form_values(form)
    assert values["name"] == "Wordsley Baby Massage"
    assert values["summary"] == "Baby massage for parents and babies."

    values["action"], values["name"] = "save", ""
    refused = editor.post(address, data=values)
    assert refused.status_code == 200 and "Error:" in visible_text(page_text(refused))
    assert _proposals(app)[0].status is ProposalStatus.WAITING

    values["name"], values["summary"] = "Wordsley Baby Massage Group", "Baby massage, under ones."
    assert editor.post(address, data=values).status_code == 302
    [decided] = _proposals(app)
    assert decided.status is ProposalStatus.APPROVED and decided.service_id is not None
    assert decided.decided_by == setting.editor.email
    with app.app_context():
        made = db.session.get(Service, decided.service_id)
        assert made.name == "Wordsley Baby Massage Group"
        assert made.summary == "Baby massage, under ones."
        assert made.organization.name == "Wordsley Families Trust"
        assert str(made.external_id) == str(proposal.returned[0]["service_id"])
    expected = f"{setting.provider.email} (approved by {setting.editor.email})"
    assert expected in _actors(app, decided.service_id)
    again = editor.get(address)
    assert again.status_code == 302
    assert "already decided" in visible_text(page_text(editor.get(again.headers["Location"])))
