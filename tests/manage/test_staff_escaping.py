"""Every staff page is escaped right: markup is built in templates, never escaped into text.

Markup built from strings ("<a href=" ~ link ~ ">") and joined with an escaped value comes
out as text: a link to send that reads ``<span …>``, a batch page showing ``<a …>``.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.forms.sections import QUICK_EDIT_BY_SLUG, SECTION_BY_SLUG
from directory.models import ImportBatch, ProblemReport, Role, Service
from directory.models.jobs import Job
from directory.queries.services import publicly_visible
from tests.conftest import SEARCHABLE_DEMO
from tests.manage.test_listings import _open_form, _save
from tests.manage.test_route_inventory import _staff_rules
from tests.support.apps import FIXTURES, config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.databases import fresh_database
from tests.support.forms import form_values
from tests.support.staff import csrf_token, make_staff, sign_in, submit

ESCAPED_TAG = re.compile(r"&lt;/?(a|span|strong|br|p|div|em|ul|li|code)\b", re.IGNORECASE)


@pytest.fixture
def demo_app(tmp_path: Path) -> Iterator[Flask]:
    with fresh_database("sqlite", tmp_path, like=SEARCHABLE_DEMO) as url:
        app = migrated_app(config_for_tests(url, tmp_path))
        yield app
        with app.app_context():
            db.engine.dispose()


def _assert_escaped_right(page: str, where: str) -> None:
    found = ESCAPED_TAG.search(page)
    assert found is None, (
        f"{where} shows markup as text: {page[found.start() - 200 : found.end() + 200]}"
    )


def _newest_batch(app: Flask) -> str:
    with app.app_context():
        return db.session.scalars(
            sa.select(ImportBatch.id).order_by(ImportBatch.created_at.desc()).limit(1)
        ).one()


def _rolled_back_batch(app: Flask, admin: FlaskClient) -> tuple[str, str]:
    """An edit saved through the page, then rolled back as the page asks: (edit, rollback)."""
    with app.app_context():
        service_id = db.session.scalars(sa.select(Service.id).limit(1)).one()
    edit = f"/manage/listings/{service_id}/edit"
    values = _open_form(admin, edit)
    values["summary"] = "Changed so there is an edit batch."
    assert _save(admin, edit, values).status_code == 302
    edited = _newest_batch(app)
    rollback = f"/manage/imports/batches/{edited}/rollback"
    page = admin.get(rollback)
    if page.status_code == 200:
        admin.post(rollback, data=form_values(page_text(page)))
    return edited, _newest_batch(app)


def test_no_staff_page_shows_markup_as_text(demo_app: Flask) -> None:
    app = demo_app
    admin_staff = make_staff(app, Role.ADMIN)
    admin = app.test_client()
    sign_in(app, admin, admin_staff)

    # An invitation's link and a password reset link, where email is not set up.
    invite = admin.post(
        "/manage/users/invite",
        data={
            "csrf_token": csrf_token(admin, "/manage/users/invite"),
            "email": "new.person@example.org",
            "name": "New Person",
            "role": "editor",
        },
    )
    assert invite.status_code == 200
    _assert_escaped_right(page_text(invite), "the invitation page")
    person = make_staff(app, Role.EDITOR, email="reset.me@example.org")
    reset = f"/manage/users/{person.id}/reset-link"
    response = admin.post(
        reset, data={"csrf_token": csrf_token(admin, f"/manage/users/{person.id}")}
    )
    assert response.status_code == 200
    _assert_escaped_right(page_text(response), "the reset link page")

    batch_id, later_id = _rolled_back_batch(app, admin)
    service_id = _listing_families_see(app)
    values = {
        "service_id": [service_id],
        "user_id": [person.id],
        "batch_id": [batch_id, later_id],
        "report_id": [_problem_report(app, service_id)],
        "upload_id": [_unmatched_upload(admin)],
        "job_id": _job_ids(app),
        "slug": [*SECTION_BY_SLUG, *QUICK_EDIT_BY_SLUG],
    }
    opened: set[str] = set()
    for rule in _staff_rules(app):
        if "GET" not in (rule.methods or ()) or set(rule.arguments) - set(values):
            continue
        names = sorted(rule.arguments)
        for chosen in itertools.product(*(values[name] for name in names)):
            target = rule.rule
            for name, value in zip(names, chosen, strict=True):
                target = target.replace(f"<{name}>", value)
            response = admin.get(target)
            if response.status_code != 200 or "html" not in response.content_type:
                continue
            opened.add(rule.rule)
            _assert_escaped_right(page_text(response), target)
    for needed in (
        "/manage/reports/<report_id>",
        "/manage/imports/<upload_id>/columns",
        "/manage/listings/<service_id>/edit/<slug>",
        "/manage/listings/<service_id>/change/<slug>",
        "/manage/listings/<service_id>/versions/<batch_id>",
    ):
        assert needed in opened, f"{needed} was not opened"
    assert len(opened) > 25


def _listing_families_see(app: Flask) -> str:
    """A listing the public can open (and so report): the demo also holds ended and
    practitioner-only listings, and which comes first differs from one demo load to the next."""
    with app.app_context():
        return db.session.scalars(
            sa.select(Service.id)
            .where(publicly_visible(date.today()))
            .order_by(Service.id)
            .limit(1)
        ).one()


def _problem_report(app: Flask, service_id: str) -> str:
    """A report from the public about the listing, as a family sends one."""
    family = app.test_client()
    sent = submit(
        family,
        f"/services/{service_id}/report-a-problem",
        {"what_is_wrong": "The phone number rings out & the hall's closed."},
    )
    assert sent.status_code == 302
    with app.app_context():
        return db.session.scalars(sa.select(ProblemReport.id)).one()


def _unmatched_upload(admin: FlaskClient) -> str:
    """An upload whose columns need matching: the template with one header renamed."""
    example = (FIXTURES / "imports" / "fis_listings.csv").read_bytes()
    header, rest = example.split(b"\n", 1)
    renamed = header.replace(b"name", b"Service title", 1) + b"\n" + rest
    response = admin.post(
        "/manage/imports/new",
        data={
            "csrf_token": csrf_token(admin, "/manage/imports/new"),
            "file": (io.BytesIO(renamed), "renamed.csv"),
            "source": "fis-spreadsheet",
        },
        content_type="multipart/form-data",
    )
    location = response.headers["Location"]
    assert location.endswith("/columns"), location
    return location.rsplit("/", 2)[-2]


def _job_ids(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(Job.id).limit(3)))
