"""History: every change to a listing, who made it, when, and from which batch."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import AuditEntry, ImportBatch
from tests.manage.test_listings import _editor, _make_listing, _open_form, _save, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.forms import form_posting_to, form_values
from tests.support.html import visible_text


def test_a_listings_history_says_who_changed_what_and_from_which_batch(
    listing_app: Flask,  # noqa: F811
) -> None:
    service_id = _make_listing(listing_app)
    editor = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(editor, edit)
    values["phone-0-number"] = "01384 812440"
    _save(editor, edit, values)

    page = visible_text(page_text(editor.get(f"/manage/listings/{service_id}/history")))
    assert "History of Netherton Toy Library" in page
    assert "Listing changed" in page and "Listing created" in page and "Venue created" in page
    assert "phones: 01384 813322 | Bookings → 01384 812440 | Bookings" in page
    assert "Editor’s change from manual" not in page and "Editor’s change from tests" in page
    assert "Import from tests" in page

    with listing_app.app_context():
        batch_id = db.session.scalars(
            sa.select(ImportBatch.id).where(ImportBatch.kind == "edit")
        ).one()
    batch = visible_text(page_text(editor.get(f"/manage/batches/{batch_id}")))
    assert "1 change" in batch and "Listing changed: Netherton Toy Library" in batch
    assert "changed 1" in batch
    batches = visible_text(page_text(editor.get("/manage/batches/")))
    assert "Editor’s change: tests" in batches and "Import: tests" in batches


def test_every_editor_action_leaves_audit_rows_in_their_name(listing_app: Flask) -> None:  # noqa: F811
    service_id = _make_listing(listing_app)
    editor = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(editor, edit)
    values["summary"] = "Borrow toys for free."
    _save(editor, edit, values)
    withdraw = f"/manage/listings/{service_id}/withdraw"
    editor.post(withdraw, data=form_values(page_text(editor.get(withdraw))))
    listing = f"/manage/listings/{service_id}"
    page = page_text(editor.get(listing))
    editor.post(f"{listing}/publish", data=form_posting_to(page, f"{listing}/publish"))

    with listing_app.app_context():
        rows = db.session.execute(
            sa.select(AuditEntry.actor, AuditEntry.changes)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == service_id, ImportBatch.kind == "edit")
            .order_by(ImportBatch.created_at)
        ).all()
    assert [sorted(changes) for _actor, changes in rows] == [["summary"], ["status"], ["status"]]
    assert [changes["status"] for _a, changes in rows[1:]] == [
        ["active", "inactive"],
        ["inactive", "active"],
    ]
    assert all(actor.startswith("editor-") for actor, _c in rows)
