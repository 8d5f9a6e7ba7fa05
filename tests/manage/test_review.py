"""The review loop: listings due and overdue for a check, by area and kind; "mark as checked"."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Service
from directory.review import months_before
from tests.manage.test_listings import _editor, _make_listing, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import token_in


def test_months_are_counted_the_way_people_count_them() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 11, 23), 12) == date(2025, 11, 23)
    assert months_before(date(2026, 1, 15), -13) == date(2027, 2, 15)


def test_overdue_and_due_listings_are_queued_and_marked_as_checked(
    listing_app: Flask,  # noqa: F811
) -> None:
    today = date.today()
    fresh = _make_listing(listing_app, assured_date=today - timedelta(days=30))
    due = _make_listing(listing_app, assured_date=months_before(today, 12) + timedelta(days=10))
    overdue = _make_listing(listing_app, assured_date=months_before(today, 12) - timedelta(days=1))
    never = _make_listing(listing_app)
    with listing_app.app_context():
        names = {
            fresh: "Fresh Stay and Play",
            due: "Due Toy Library",
            overdue: "Overdue Baby Group",
            never: "Never Checked Club",
        }
        for service_id, name in names.items():
            db.session.get(Service, service_id).name = name
        db.session.commit()
    editor = _editor(listing_app)

    page = visible_text(page_text(editor.get("/manage/review")))
    assert "Overdue Baby Group" in page and "Never Checked Club" in page
    assert "Due Toy Library" not in page and "Fresh Stay and Play" not in page
    assert page.index("Never Checked Club") < page.index("Overdue Baby Group")
    soon = visible_text(page_text(editor.get("/manage/review?state=due")))
    assert "Due Toy Library" in soon and "Overdue Baby Group" not in soon
    elsewhere = visible_text(page_text(editor.get("/manage/review?locality=stourbridge")))
    assert "Overdue Baby Group" not in elsewhere, "its venue is in Dudley Central (DY1)"
    here = visible_text(
        page_text(editor.get("/manage/review?locality=dudley-central&kind=activity"))
    )
    assert "Overdue Baby Group" in here

    public = visible_text(page_text(listing_app.test_client().get(f"/services/{overdue}")))
    assert "may be out of date" in public
    fine = visible_text(page_text(listing_app.test_client().get(f"/services/{fresh}")))
    assert "may be out of date" not in fine

    token = token_in(page_text(editor.get("/manage/review")))
    response = editor.post(
        f"/manage/listings/{overdue}/checked", data={"csrf_token": token, "back": "review"}
    )
    assert response.headers["Location"] == "/manage/review"
    after = visible_text(page_text(editor.get("/manage/review")))
    assert "Marked Overdue Baby Group as checked today." in after
    assert "Mark as checked Overdue Baby Group" not in after
    assert "Mark as checked Never Checked Club" in after
    with listing_app.app_context():
        assert db.session.get(Service, overdue).assured_date == today
        actor, kind = db.session.execute(
            sa.select(AuditEntry.actor, ImportBatch.kind)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == overdue, ImportBatch.kind == "review")
        ).one()
    assert actor.startswith("editor-") and kind == "review"
    public = visible_text(page_text(listing_app.test_client().get(f"/services/{overdue}")))
    assert "may be out of date" not in public
