"""Anything can be put back: earlier versions of a listing restored, one change undone.

Edits go through the write path (``save_edit``, as the form saves); restores and undos
through their pages, with the CSRF token and version each page gives.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.listings.cell_writes import Cell, RowGone, write_cells
from directory.listings.editing import listing_rows, save_edit
from directory.listings.form_changes import form_layout
from directory.listings.history_state import current_fields, versions_of
from directory.listings.history_state import listing_rows as row_ids
from directory.models import AuditEntry, ImportBatch, Role, Service
from tests.conftest import SEARCHABLE_DEMO, _shared_app
from tests.manage.test_listings import _editor
from tests.support.client import page_text
from tests.support.databases import database_backends
from tests.support.forms import form_values
from tests.support.html import visible_text
from tests.support.staff import make_staff, sign_in, token_in

EDITS = (
    ("phone", lambda rng: f"01384 {rng.randrange(100000, 999999)} | Front desk"),
    ("summary", lambda rng: f"Summary number {rng.randrange(10**6)}."),
    ("email", lambda rng: f"desk{rng.randrange(1000)}@example.org"),
    ("organisation_website", lambda rng: f"https://example.org/{rng.randrange(10**6)}"),
)


@pytest.fixture(scope="module", params=database_backends())
def undo_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    directory: Path = tmp_path_factory.mktemp("undo")
    with _shared_app(request.param, directory, SEARCHABLE_DEMO) as app:
        yield app


def _edit(
    app: Flask, service_id: str, cells: dict[str, str], actor: str = "someone@example.org"
) -> str:
    """Save ``cells`` of the listing's own row through the write path; the new batch's id."""
    with app.app_context():
        service = db.session.get_one(Service, service_id)
        shown = form_layout(listing_rows(service))
        returned = [dict(row) for row in shown]
        returned[0].update(cells)
        from directory.listings.editing import listing_version

        outcome = save_edit(
            service,
            shown,
            returned,
            actor=actor,
            council=app.extensions["council"],
            version=listing_version(service_id),
        )
        assert outcome.saved, (outcome.errors, outcome.others_changes)
        batch = db.session.scalars(
            sa.select(ImportBatch.id).order_by(ImportBatch.created_at.desc()).limit(1)
        ).one()
        db.session.rollback()
    return batch


def _state(app: Flask, service_id: str) -> dict[str, Any]:
    """The listing's, its organisation's and its venues' stored fields, by row id."""
    with app.app_context():
        service = db.session.get_one(Service, service_id)
        state = {}
        for entity, row_id in row_ids(service):
            found = current_fields(entity, row_id)
            assert found is not None
            state[row_id] = found[1]
        db.session.rollback()
    return state


def _audit(app: Flask) -> dict[str, tuple]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(AuditEntry.id, AuditEntry.batch_id, AuditEntry.entity_id, AuditEntry.changes)
        ).all()
        db.session.rollback()
    return {row.id: tuple(row) for row in rows}


def _post_page(browser: FlaskClient, url: str):  # type: ignore[no-untyped-def]
    """Press the page's button: post its form with the token and version it carries."""
    markup = page_text(browser.get(url))
    assert 'name="version"' in markup, visible_text(markup)[:3000]
    return browser.post(url, data=form_values(markup))


def _demo_ids(app: Flask, count: int, seed: int) -> list[str]:
    with app.app_context():
        ids = db.session.scalars(
            sa.select(Service.id).where(Service.status == "active").order_by(Service.id)
        ).all()
        db.session.rollback()
    return random.Random(seed).sample(list(ids), count)


def test_every_earlier_version_of_random_listings_can_be_restored(undo_app: Flask) -> None:
    app = undo_app
    browser = _editor(app)
    rng = random.Random(18)
    for service_id in _demo_ids(app, 4, seed=4):
        with app.app_context():
            # The listing as it is now is the version after the newest batch that changed
            # it, its organisation or a venue (another listing may share them).
            service = db.session.get_one(Service, service_id)
            first = versions_of(row_id for _, row_id in row_ids(service))[0].id
            db.session.rollback()
        versions = [(first, _state(app, service_id))]
        for _ in range(3):
            column, value = rng.choice(EDITS)
            batch = _edit(app, service_id, {column: value(rng)})
            versions.append((batch, _state(app, service_id)))
        for batch, state in rng.sample(versions, len(versions)):
            audit_before = _audit(app)
            url = f"/manage/listings/{service_id}/versions/{batch}"
            changes_now = _state(app, service_id) != state
            if changes_now:
                response = _post_page(browser, url)
                assert response.status_code == 302, visible_text(page_text(response))[:2000]
                shown = visible_text(page_text(browser.get(response.headers["Location"])))
                assert "Version restored" in shown
            else:
                shown = visible_text(page_text(browser.get(url)))
                assert "nothing to restore" in shown
            assert _state(app, service_id) == state, f"restoring {batch} of {service_id}"
            audit_after = _audit(app)
            assert {k: audit_after[k] for k in audit_before} == audit_before, "appended only"
            if changes_now:
                with app.app_context():
                    restore = db.session.scalars(
                        sa.select(ImportBatch).order_by(ImportBatch.created_at.desc()).limit(1)
                    ).one()
                    assert (restore.kind, restore.report["restores"]) == ("restore", batch)
                    db.session.rollback()


def test_a_version_page_shows_the_listing_then_and_what_restoring_changes(
    undo_app: Flask,
) -> None:
    app = undo_app
    (service_id,) = _demo_ids(app, 1, seed=7)
    before = _edit(app, service_id, {"summary": "Before the typo."})
    _edit(app, service_id, {"summary": "Aftr the typo."})
    browser = _editor(app)
    shown = visible_text(page_text(browser.get(f"/manage/listings/{service_id}/versions/{before}")))
    assert "What restoring this version changes" in shown
    assert "Aftr the typo." in shown and "Before the typo." in shown
    history = visible_text(page_text(browser.get(f"/manage/listings/{service_id}/history")))
    assert "View this version" in history and "Undo this change" in history
    # No token: refused, nothing written.
    audit = _audit(app)
    response = browser.post(f"/manage/listings/{service_id}/versions/{before}", data={})
    assert response.status_code == 400
    assert _audit(app) == audit
    # A page opened before someone else saved: shown again, not applied.
    url = f"/manage/listings/{service_id}/versions/{before}"
    markup = page_text(browser.get(url))
    assert 'name="version"' in markup, visible_text(markup)[:3000]
    version = markup.split('name="version" value="', 1)[1].split('"', 1)[0]
    _edit(app, service_id, {"summary": "Someone else’s summary."})
    response = browser.post(url, data={"csrf_token": token_in(markup), "version": version})
    assert response.status_code == 200
    assert "Someone changed this listing since" in visible_text(page_text(response))
    assert _state(app, service_id)[service_id]["summary"] == "Someone else’s summary."
    assert browser.get(f"/manage/listings/{service_id}/versions/no-such-batch").status_code == 404


def test_undoing_a_change_leaves_other_fields_and_listings_alone(undo_app: Flask) -> None:
    app = undo_app
    one, other = _demo_ids(app, 2, seed=11)
    one_before, other_before = _state(app, one), _state(app, other)
    batch = _edit(app, one, {"phone": "01384 111 222 | Desk", "summary": "Changed summary."})
    _edit(app, other, {"summary": "The other listing's own change."})
    other_edited = _state(app, other)
    browser = _editor(app)
    url = f"/manage/batches/{batch}/undo?listing={one}"
    shown = visible_text(page_text(browser.get(url)))
    assert "01384 111222" in shown and "Changed summary." in shown
    audit = _audit(app)
    response = _post_page(browser, url)
    assert response.headers["Location"] == f"/manage/listings/{one}"
    assert "Change undone" in visible_text(page_text(browser.get(response.headers["Location"])))
    assert _state(app, one) == one_before
    assert _state(app, other) == other_edited != other_before
    after = _audit(app)
    assert {k: after[k] for k in audit} == audit and len(after) == len(audit) + 1
    with app.app_context():
        assert db.session.get_one(ImportBatch, batch).rolled_back_by_id is not None
        db.session.rollback()
    # Already undone: the page says so and has no button.
    assert "already been undone" in visible_text(page_text(browser.get(url)))


def test_undoing_never_overwrites_a_later_change(undo_app: Flask) -> None:
    app = undo_app
    (service_id,) = _demo_ids(app, 1, seed=23)
    batch = _edit(app, service_id, {"summary": "First.", "email": "first@example.org"})
    _edit(app, service_id, {"summary": "Second, later."})
    browser = _editor(app)
    url = f"/manage/batches/{batch}/undo?listing={service_id}"
    shown = visible_text(page_text(browser.get(url)))
    assert "1 field was changed again after this change" in shown
    response = _post_page(browser, url)
    assert response.status_code == 302
    landed = visible_text(page_text(browser.get(response.headers["Location"])))
    assert "Change undone. 1 field changed again since was left as it is." in landed
    fields = _state(app, service_id)[service_id]
    assert fields["summary"] == "Second, later."
    assert fields["email"] != "first@example.org"


def test_a_rollback_page_says_what_it_changes_and_what_was_changed_since(
    undo_app: Flask,
) -> None:
    app = undo_app
    (service_id,) = _demo_ids(app, 1, seed=31)
    first = _edit(app, service_id, {"summary": "Rolled summary."})
    browser = _editor(app)
    shown = visible_text(page_text(browser.get(f"/manage/imports/batches/{first}/rollback")))
    assert "Fields put back" in shown and "Rolled summary." in shown
    _edit(app, service_id, {"summary": "A later summary."})
    shown = visible_text(page_text(browser.get(f"/manage/imports/batches/{first}/rollback")))
    assert "Changed again since: rolling back would overwrite these" in shown
    assert "A later summary." in shown
    # The demo load created every listing: undoing it is a rollback, refused while later
    # changes stand.
    with app.app_context():
        demo = db.session.scalars(
            sa.select(ImportBatch.id).order_by(ImportBatch.created_at).limit(1)
        ).one()
        db.session.rollback()
    response = browser.get(f"/manage/batches/{demo}/undo")
    assert response.headers["Location"] == f"/manage/imports/batches/{demo}/rollback"
    shown = visible_text(page_text(browser.get(response.headers["Location"])))
    assert "was changed again by batch" in shown


def test_the_staff_home_lists_your_changes_with_undo(undo_app: Flask) -> None:
    app = undo_app
    (service_id,) = _demo_ids(app, 1, seed=41)
    staff = make_staff(app, Role.EDITOR, name="Una Undo")
    browser = app.test_client()
    sign_in(app, browser, staff)
    assert "You have not changed any listings yet" in visible_text(
        page_text(browser.get("/manage/"))
    )
    batch = _edit(app, service_id, {"summary": "Mine."}, actor=staff.email)
    _edit(app, service_id, {"email": "not-mine@example.org"})
    home = page_text(browser.get("/manage/"))
    undo = f"/manage/batches/{batch}/undo?listing={service_id}"
    assert f'href="{undo.replace("&", "&amp;")}"' in home
    assert home.count("Undo this change") == 1, "only the editor's own changes"
    response = _post_page(browser, undo)
    assert response.headers["Location"] == f"/manage/listings/{service_id}"
    assert "You have not changed any listings yet" in visible_text(
        page_text(browser.get("/manage/"))
    )


def test_cells_naming_a_row_that_is_gone_write_nothing(undo_app: Flask) -> None:
    app = undo_app
    (service_id,) = _demo_ids(app, 1, seed=53)
    audit = _audit(app)
    with app.app_context():
        now = current_fields("service", service_id)
        assert now is not None
        service = now[0]
        cells = [
            Cell("service", service_id, service.name, None, "summary", service.summary, "New"),
            Cell(
                "service",
                service_id,
                service.name,
                None,
                "organisation",
                now[1]["organisation"],
                "no-such-organisation",
            ),
        ]
        batches = db.session.scalar(sa.select(sa.func.count()).select_from(ImportBatch))
        with pytest.raises(RowGone):
            write_cells(cells, source=service.source, actor="t", kind="restore", report={})
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportBatch)) == batches
        db.session.rollback()
    assert _audit(app) == audit
    assert _state(app, service_id)[service_id]["summary"] != "New"


def test_a_shared_organisation_can_be_left_as_it_is(undo_app: Flask) -> None:
    app = undo_app
    (service_id,) = _demo_ids(app, 1, seed=61)
    before = _edit(app, service_id, {"summary": "Listing then."})
    organisation_before = _state(app, service_id)
    _edit(app, service_id, {"summary": "Listing now.", "organisation_website": "https://o.example"})
    browser = _editor(app)
    url = f"/manage/listings/{service_id}/versions/{before}"
    values = form_values(page_text(browser.get(url)))
    assert len(values.getlist("rows")) == 2, "the listing and its organisation"
    # Nothing ticked: an error, nothing written.
    audit = _audit(app)
    values.setlist("rows", [])
    response = browser.post(url, data=values)
    assert response.status_code == 200
    assert visible_text(page_text(response)).startswith("Error:")
    assert _audit(app) == audit
    values.setlist("rows", [service_id])
    assert browser.post(url, data=values).status_code == 302
    state = _state(app, service_id)
    assert state[service_id]["summary"] == "Listing then."
    organisation = next(key for key in state if key != service_id and "website" in state[key])
    assert state[organisation]["website"] == "https://o.example"
    assert organisation_before[organisation]["website"] != "https://o.example"
