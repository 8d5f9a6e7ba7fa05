"""An edit of one field writes that field only: a property over every demo listing.

Apart from the unchanged-save property (``test_edit_changes``) so that the two long loops
run side by side, one per test process.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import Service
from tests.manage.test_edit_changes import (
    ADDED_PHONE,
    _counts,
    _export,
    _last_batch,
    _places_and_organisations,
    demo_editing_app,  # noqa: F401 (the fixture)
)
from tests.manage.test_listings import _editor, _open_form, _save
from tests.support.client import page_text
from tests.support.html import visible_text


def test_every_demo_listing_given_one_more_phone_writes_the_phone_only(
    demo_editing_app: Flask,  # noqa: F811
) -> None:
    app = demo_editing_app
    with app.app_context():
        ids = db.session.scalars(sa.select(Service.id).order_by(Service.id)).all()
    assert len(ids) > 200, "the whole demo directory"
    browser = _editor(app)
    export_before = _export(app)
    places_before, organisations_before = _places_and_organisations(app)

    # One phone number added: one audit row, of the listing's phones, and nothing else.
    header = export_before[0]
    phone = header.index("phone")
    for service_id in ids:
        edit = f"/manage/listings/{service_id}/edit"
        values = _open_form(browser, edit)
        values["phone"] = "\n".join(filter(None, [values.get("phone", ""), ADDED_PHONE]))
        audit, batches = _counts(app)
        response = _save(browser, edit, values)
        assert response.status_code == 302, visible_text(page_text(response))[:3000]
        assert _counts(app) == (audit + 1, batches + 1), f"editing {service_id}'s phone"
        assert _last_batch(app) == [("service", service_id, ["phones"])]
    assert _places_and_organisations(app) == (places_before, organisations_before)
    export_after = _export(app)
    assert len(export_after) == len(export_before)
    for old, new in zip(export_before, export_after, strict=True):
        assert old[:phone] + old[phone + 1 :] == new[:phone] + new[phone + 1 :]
