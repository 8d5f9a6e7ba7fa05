"""The review loop: listings due and overdue for a check, by area and kind; "mark as checked"."""

from __future__ import annotations

import re
from datetime import date, timedelta

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Service
from directory.review import months_before
from tests.manage.test_listings import _editor, _make_listing, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.forms import form_posting_to
from tests.support.html import visible_text


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

    checked = f"/manage/listings/{overdue}/checked"
    response = editor.post(
        checked, data=form_posting_to(page_text(editor.get("/manage/review")), checked)
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


def test_each_listing_is_due_by_its_own_interval(listing_app: Flask) -> None:  # noqa: F811
    today = date.today()
    four_months_ago = months_before(today, 4)
    quarterly = _make_listing(listing_app, assured_date=four_months_ago, review_interval_months=3)
    yearly = _make_listing(listing_app, assured_date=four_months_ago)
    two_yearly = _make_listing(
        listing_app, assured_date=months_before(today, 13), review_interval_months=24
    )
    with listing_app.app_context():
        for service_id, name in (
            (quarterly, "Quarterly Baby Group"),
            (yearly, "Yearly Toy Library"),
            (two_yearly, "Two Yearly Helpline"),
        ):
            db.session.get(Service, service_id).name = name
        db.session.commit()
    editor = _editor(listing_app)

    overdue = visible_text(page_text(editor.get("/manage/review")))
    assert "Quarterly Baby Group" in overdue
    assert "Yearly Toy Library" not in overdue and "Two Yearly Helpline" not in overdue
    listing = visible_text(page_text(editor.get(f"/manage/listings/{quarterly}")))
    assert "Checked every 3 months." in listing and "Overdue for a check" in listing
    shown = visible_text(page_text(editor.get(f"/manage/listings/{two_yearly}")))
    assert "Checked every 24 months." in shown and "Overdue for a check" not in shown

    family = listing_app.test_client()
    checked_on = f"{four_months_ago.day} {four_months_ago:%B %Y}"
    public = visible_text(page_text(family.get(f"/services/{quarterly}")))
    assert f"This information was last checked on {checked_on} and may be out of date." in public
    for current in (yearly, two_yearly):
        assert "may be out of date" not in visible_text(
            page_text(family.get(f"/services/{current}"))
        )


def test_an_editor_sets_a_listings_review_interval_through_the_write_path(
    listing_app: Flask,  # noqa: F811
) -> None:
    from tests.manage.test_listings import _open_form, _save

    service_id = _make_listing(listing_app, assured_date=date.today() - timedelta(days=100))
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(browser, edit)
    assert values["review_interval_months"] == "default"
    values["review_interval_months"] = "3"
    assert _save(browser, edit, values).status_code == 302

    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert service.review_interval_months == 3
        assert service.edited_fields == ["review_interval_months"]
        changes = db.session.scalars(
            sa.select(AuditEntry.changes)
            .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(AuditEntry.entity_id == service_id, ImportBatch.kind == "edit")
        ).one()
    assert changes == {"review_interval_months": [None, 3]}
    assert "Netherton Toy Library" in visible_text(page_text(browser.get("/manage/review")))
    listing = visible_text(page_text(browser.get(f"/manage/listings/{service_id}")))
    assert "Overdue for a check" in listing

    # Marking it checked keeps the listing's own interval.
    checked = f"/manage/listings/{service_id}/checked"
    page = page_text(browser.get(f"/manage/listings/{service_id}"))
    browser.post(checked, data=form_posting_to(page, checked))
    values = _open_form(browser, edit)
    assert values["review_interval_months"] == "3"
    values["review_interval_months"] = "default"
    assert _save(browser, edit, values).status_code == 302
    with listing_app.app_context():
        service = db.session.get(Service, service_id)
        assert (service.review_interval_months, service.assured_date) == (None, date.today())


def test_a_review_interval_outside_1_to_60_months_is_refused(listing_app: Flask) -> None:  # noqa: F811
    from tests.manage.test_listings import _open_form, _save

    service_id = _make_listing(listing_app)
    browser = _editor(listing_app)
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(browser, edit)
    values["review_interval_months"] = "61"
    response = _save(browser, edit, values)
    assert response.status_code == 200
    shown = visible_text(page_text(response))
    assert "a listing is checked every 1 to 60 months, not every 61" in shown.lower()
    with listing_app.app_context():
        assert db.session.get(Service, service_id).review_interval_months is None


def test_an_overdue_listing_ranks_below_an_otherwise_equal_current_one(
    listing_app: Flask,  # noqa: F811
) -> None:
    today = date.today()
    # Checked more recently, the overdue one would rank first without the demotion.
    four_months_ago = months_before(today, 4)
    overdue = _make_listing(listing_app, assured_date=four_months_ago, review_interval_months=3)
    current = _make_listing(listing_app, assured_date=months_before(today, 6))
    runner = listing_app.test_cli_runner()
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    assert runner.invoke(args=["search", "health"]).exit_code == 0

    markup = page_text(listing_app.test_client().get("/find-support?q=toy+library"))
    assert re.findall(r'href="/services/([^"?#]+)"', markup) == [current, overdue]
    cards = visible_text(markup)
    checked_on = f"{four_months_ago.day} {four_months_ago:%B %Y}"
    notice = f"This information was last checked on {checked_on} and may be out of date."
    assert cards.count("may be out of date") == 1
    assert cards.rindex("Netherton Toy Library") < cards.index(notice)
    explained = runner.invoke(args=["search", "explain", "toy library"]).output.splitlines()
    ranked = [line for line in explained if "Netherton Toy Library" in line]
    assert len(ranked) == 2
    assert "overdue" not in ranked[0] and "overdue for a check: ranked lower" in ranked[1]


def test_the_index_holds_each_listings_due_date_and_its_health_check_sees_it(
    listing_app: Flask,  # noqa: F811
) -> None:
    """A listing on the council's default is due on another day when the default changes:
    the health check calls it out of date until a rebuild; one with its own interval not."""
    from sqlalchemy.orm import Session

    from directory.indexing.engine import DirectorySearch
    from search.plug import open_backend

    today = date.today()
    _make_listing(listing_app, assured_date=months_before(today, 2), review_interval_months=3)
    _make_listing(listing_app, assured_date=months_before(today, 2))
    runner = listing_app.test_cli_runner()
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    result = runner.invoke(args=["search", "health"])
    assert result.exit_code == 0, result.output
    config = listing_app.extensions["signpost_config"]
    with listing_app.app_context():
        other_default = DirectorySearch(
            open_backend(config),
            lambda: Session(db.engine),
            default_review_months=6,
            reader=listing_app.extensions["query_reader"],
        )
        health = other_default.health()
        other_default.close()
    assert (health.indexed, health.missing, health.stale) == (2, 0, 1)
