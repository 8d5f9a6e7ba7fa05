"""An edit of one field writes that field only: a property over every demo listing.

Apart from the unchanged-save property (``test_edit_changes``) so that the two long loops
run side by side, one per test process. Each listing gets one change through one part of
the form (the quick edits, the sections, the one-page form and "Still running?" in turn).
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.models import Service
from tests.manage.listing_parts import PARTS, PartEdit
from tests.manage.test_edit_changes import (
    FULL_FORM,
    _counts,
    _last_batch,
    _places_and_organisations,
    demo_editing_app,  # noqa: F401 (the fixture)
    in_turn,
)
from tests.manage.test_listings import _editor, _open_form, _save
from tests.support.client import page_text
from tests.support.forms import form_values
from tests.support.html import visible_text
from tests.support.index_writes import index_writes_batched

STILL_RUNNING = PartEdit("still-running", "still-running", PARTS[0].change, "assured_date")
"""Confirmed twice rather than changed: see ``_confirm_still_running_twice``."""


def test_every_demo_listing_given_one_change_writes_that_field_only(
    demo_editing_app: Flask,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = demo_editing_app
    with app.app_context():
        ids = db.session.scalars(sa.select(Service.id).order_by(Service.id)).all()
        needs = [term.code for term in app.extensions["council"].terms("need")]
    assert len(ids) > 200, "the whole demo directory"
    browser = _editor(app)
    places_before, organisations_before = _places_and_organisations(app)

    # No search here: the index is written once at the end, and must then be in step.
    with index_writes_batched(app, monkeypatch) as reindexed:
        for index, service_id in enumerate(ids):
            part = in_turn(app, [*PARTS, FULL_FORM, STILL_RUNNING], index)
            if part is STILL_RUNNING:
                _confirm_still_running_twice(app, browser, service_id)
                continue
            url = part.url(service_id)
            values = _open_form(browser, url)
            part.change(values, needs)
            audit, batches = _counts(app)
            response = _save(browser, url, values)
            assert response.status_code == 302, visible_text(page_text(response))[:3000]
            assert _counts(app) == (audit + 1, batches + 1), f"{part.slug} of {service_id}"
            assert _last_batch(app) == [("service", service_id, [part.field])], part.slug
    assert reindexed == set(ids)

    assert _places_and_organisations(app) == (places_before, organisations_before)


def _confirm_still_running_twice(app: Flask, browser: FlaskClient, service_id: str) -> None:
    """The first confirmation writes the last checked date; the second nothing."""
    still_running = f"/manage/listings/{service_id}/still-running"
    for written in (1, 0):
        answer = form_values(page_text(browser.get(still_running)))
        answer["answer"] = "yes"
        audit, batches = _counts(app)
        assert browser.post(still_running, data=answer).status_code == 302
        assert _counts(app) == (audit + written, batches + written), service_id
        if written:
            assert _last_batch(app) == [("service", service_id, ["assured_date"])]
