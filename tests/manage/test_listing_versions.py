"""Optimistic locking over everything a listing's forms write: the listing, its organisation
and its venues. A stale form is refused with nothing lost; a form without a version is refused."""

from __future__ import annotations

import re
import threading

import pytest
import sqlalchemy as sa
from flask import Flask
from werkzeug.datastructures import MultiDict

from directory.extensions import db
from directory.models import AuditEntry, Location, Organization, Service
from tests.manage import test_listings
from tests.manage.test_listings import _editor, _make_listing, _open_form, _save
from tests.support.client import page_text
from tests.support.forms import form_values
from tests.support.html import _NS, parse_page, visible_text

listing_app = test_listings.listing_app


def _audit_rows(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) or 0


def test_two_editors_change_the_venue_and_the_second_is_refused_with_nothing_lost(
    listing_app: Flask,
) -> None:
    service_id = _make_listing(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    first, second = _editor(listing_app, "Ann First"), _editor(listing_app, "Bob Second")
    first_values, second_values = _open_form(first, edit), _open_form(second, edit)

    first_values["venues-0-address_1"] = "1 Cradley Road"
    assert _save(first, edit, first_values).status_code == 302
    second_values["venues-0-venue_name"] = "Netherton Arts Centre"
    response = _save(second, edit, second_values)

    assert response.status_code == 200
    page = visible_text(page_text(response))
    assert "Someone else changed this listing, its organisation or a venue" in page
    assert "changed the venue “Test Community Centre”" in page
    assert "1 Cradley Road" in page
    kept = form_values(page_text(response))
    assert kept["venues-0-venue_name"] == "Netherton Arts Centre", "their input is kept"
    with listing_app.app_context():
        venue = db.session.get_one(Service, service_id).locations[0].location
        assert (venue.name, venue.address_1) == ("Test Community Centre", "1 Cradley Road")

    # Having seen the change, they save again: both changes stand.
    kept["venues-0-address_1"] = "1 Cradley Road"
    assert _save(second, edit, kept).status_code == 302
    with listing_app.app_context():
        venue = db.session.get_one(Service, service_id).locations[0].location
        assert (venue.name, venue.address_1) == ("Netherton Arts Centre", "1 Cradley Road")


def test_two_editors_change_the_organisation_and_the_second_is_refused(
    listing_app: Flask,
) -> None:
    service_id = _make_listing(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    first, second = _editor(listing_app, "Ann First"), _editor(listing_app, "Bob Second")
    first_values, second_values = _open_form(first, edit), _open_form(second, edit)

    first_values["organisation_website"] = "https://first.example.org"
    assert _save(first, edit, first_values).status_code == 302
    second_values["organisation_email"] = "hello@second.example.org"
    response = _save(second, edit, second_values)

    assert response.status_code == 200
    page = visible_text(page_text(response))
    assert "changed the organisation “Test Family Charity”" in page
    assert "https://first.example.org" in page
    assert form_values(page_text(response))["organisation_email"] == "hello@second.example.org"
    with listing_app.app_context():
        organisation = db.session.get_one(Service, service_id).organization
        assert organisation.website == "https://first.example.org"
        assert not organisation.email


def test_a_change_to_the_organisation_through_another_listing_is_not_overwritten(
    listing_app: Flask,
) -> None:
    """Two listings of one organisation: a save of one cannot undo a change made via the other."""
    one = _make_listing(listing_app)
    with listing_app.app_context():
        from tests.support.factories import create_service

        other = create_service("Netherton Baby Group").id
    first, second = _editor(listing_app, "Ann First"), _editor(listing_app, "Bob Second")
    stale = _open_form(second, f"/manage/listings/{one}/edit")
    changed = _open_form(first, f"/manage/listings/{other}/edit")
    changed["organisation_website"] = "https://charity.example.org"
    assert _save(first, f"/manage/listings/{other}/edit", changed).status_code == 302

    stale["summary"] = "Borrow toys."
    response = _save(second, f"/manage/listings/{one}/edit", stale)
    assert response.status_code == 200
    assert "changed the organisation" in visible_text(page_text(response))
    with listing_app.app_context():
        organisation = db.session.get_one(Service, one).organization
        assert organisation.website == "https://charity.example.org"


MALFORMED = [
    None,
    "",
    "   ",
    "3",
    "abc",
    "id=",
    "=3",
    "id=-1",
    "id=3 id=3",
    "id=99999999999",
    "a" * 100 + "=1",
    "x=1 " * 300,
    "<script>=1",
]


@pytest.mark.parametrize("version", MALFORMED)
def test_an_edit_without_a_version_or_with_a_malformed_one_is_refused(
    listing_app: Flask, version: str | None
) -> None:
    service_id = _make_listing(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    browser = _editor(listing_app)
    values = _open_form(browser, edit)
    values.poplist("version")
    if version is not None:
        values["version"] = version
    values["summary"] = "Borrow toys for free."
    before = _audit_rows(listing_app)

    response = _save(browser, edit, values)

    assert response.status_code == 200
    page = visible_text(page_text(response))
    assert "sent without the version of the listing it was opened at" in page
    assert form_values(page_text(response))["summary"] == "Borrow toys for free."
    assert _audit_rows(listing_app) == before
    with listing_app.app_context():
        assert db.session.get_one(Service, service_id).summary == ""


def _writing_routes(app: Flask, service_id: str) -> set[str]:
    """Every staff route that writes one listing: POST routes taking its id."""
    routes = set()
    for rule in app.url_map.iter_rules():
        if "POST" in (rule.methods or ()) and rule.arguments == {"service_id"}:
            routes.add(rule.rule.replace("<service_id>", service_id))
    return routes


def _post_forms(markup: str, page: str) -> list[tuple[str, MultiDict[str, str]]]:
    document = parse_page(markup)
    forms = [f for f in document.iter(f"{_NS}form") if (f.get("method") or "").lower() == "post"]
    return [(f.get("action") or page, form_values(markup, index)) for index, f in enumerate(forms)]


def test_every_form_that_writes_a_listing_carries_and_checks_a_version(
    listing_app: Flask,
) -> None:
    """A property over the staff pages: find every form posting to a route that writes a
    listing; each carries a version, is refused without it, and is refused once stale."""
    service_id = _make_listing(listing_app)
    browser, other = _editor(listing_app), _editor(listing_app, "Ola Other")
    writing = _writing_routes(listing_app, service_id)
    pages = [
        f"/manage/listings/{service_id}",
        f"/manage/listings/{service_id}/edit",
        f"/manage/listings/{service_id}/withdraw",
        "/manage/review?state=due",
        "/manage/review",
    ]
    found: dict[str, tuple[str, MultiDict[str, str]]] = {}
    for page in pages:
        for action, values in _post_forms(page_text(browser.get(page)), page):
            if action.split("?")[0] in writing:
                found.setdefault(action, (page, values))
    assert {action for action in found} >= {
        f"/manage/listings/{service_id}/edit",
        f"/manage/listings/{service_id}/checked",
        f"/manage/listings/{service_id}/withdraw",
    }
    for action, (_page, values) in found.items():
        assert values.get("version"), f"the form posting to {action} carries no version"

        without = MultiDict(values)
        without.poplist("version")
        without["action"] = "save"
        before = _audit_rows(listing_app)
        response = browser.post(action, data=without)
        assert response.status_code in {200, 302}, action
        assert _audit_rows(listing_app) == before, f"{action} wrote without a version"

        # Someone else saves; the form opened before is now stale and is refused.
        edit = f"/manage/listings/{service_id}/edit"
        theirs = _open_form(other, edit)
        theirs["summary"] = f"Changed before {action}"
        assert _save(other, edit, theirs).status_code == 302
        stale = MultiDict(values)
        stale["action"] = "save"
        stale["summary"] = "Stale summary"
        before = _audit_rows(listing_app)
        response = browser.post(action, data=stale)
        assert response.status_code in {200, 302}, action
        assert _audit_rows(listing_app) == before, f"{action} wrote over a newer save"
        with listing_app.app_context():
            assert db.session.get_one(Service, service_id).summary.startswith("Changed before")


@pytest.mark.postgres
@pytest.mark.parametrize("listing_app", ["postgres"], indirect=True)
def test_two_saves_at_the_same_moment_on_postgresql_one_wins_and_one_is_refused(
    listing_app: Flask,
) -> None:
    """Real concurrency: two saves of the same version race on PostgreSQL; the row locks
    queue them, so exactly one is written and the other sees the first one's change."""
    from directory.listings.editing import listing_rows, listing_version, save_listing

    service_id = _make_listing(listing_app)
    with listing_app.app_context():
        version = listing_version(service_id)
        rows = listing_rows(db.session.get_one(Service, service_id))
        source = db.session.get_one(Service, service_id).source
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def save(address: str, actor: str) -> None:
        with listing_app.app_context():
            changed = [{**rows[0], "address_1": address}, *rows[1:]]
            start.wait()
            outcome = save_listing(
                changed,
                source=source,
                actor=actor,
                council=listing_app.extensions["council"],
                service_id=service_id,
                version=version,
            )
            outcomes.append(outcome)
            db.session.remove()

    threads = [
        threading.Thread(target=save, args=(f"{n} Cradley Road", f"editor-{n}")) for n in (1, 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    saved = [o for o in outcomes if o.saved]  # type: ignore[attr-defined]
    refused = [o for o in outcomes if o.others_changes]  # type: ignore[attr-defined]
    assert len(saved) == 1 and len(refused) == 1
    with listing_app.app_context():
        venue = db.session.scalars(sa.select(Location)).one()
        assert re.fullmatch(r"[12] Cradley Road", venue.address_1)
        assert db.session.scalars(sa.select(Organization)).one().name == "Test Family Charity"
