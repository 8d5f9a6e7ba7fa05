"""Imports from the browser: upload, map columns, dry run, confirm, then roll back."""

from __future__ import annotations

import io
import json
import re

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.models import ColumnMapping, ImportBatch, Service, ServiceStatus
from importers.template import template_column
from tests.manage.test_listings import _editor, listing_app  # noqa: F401
from tests.support.apps import FIXTURES
from tests.support.client import page_text
from tests.support.forms import form_values
from tests.support.html import visible_text
from tests.support.jobs import job_worker, wait_for_job
from tests.support.staff import csrf_token, token_in

IMPORTS = FIXTURES / "imports"


def _upload(browser: FlaskClient, name: str, source: str, data: bytes | None = None):  # type: ignore[no-untyped-def]
    content = data if data is not None else (IMPORTS / name).read_bytes()
    return browser.post(
        "/manage/imports/new",
        data={
            "csrf_token": csrf_token(browser, "/manage/imports/new"),
            "file": (io.BytesIO(content), name),
            "source": source,
        },
        content_type="multipart/form-data",
    )


def _map_columns(browser: FlaskClient, after_upload: str) -> str:
    """The dry run an upload leads to: straight there when every column is known, else
    through the columns page, posted as it is shown."""
    if after_upload.endswith("/check"):
        return after_upload
    values = form_values(page_text(browser.get(after_upload)))
    return browser.post(after_upload, data=values).headers["Location"]


def test_an_editor_imports_a_spreadsheet_from_the_browser_and_rolls_it_back(
    listing_app: Flask,  # noqa: F811
) -> None:
    editor = _editor(listing_app)
    response = _upload(editor, "fis_listings.csv", "fis-spreadsheet")
    # Every column is the template's: no matching to do, the dry run says how they matched.
    check = response.headers["Location"]
    assert re.fullmatch(r"/manage/imports/[0-9a-f-]+/check", check)
    dry_run = page_text(editor.get(check))
    text = visible_text(dry_run)
    assert "of the file’s columns to the template" in text
    columns = check.replace("/check", "/columns")
    assert f'href="{columns}"' in dry_run
    page = visible_text(page_text(editor.get(columns)))
    assert "Match the columns" in page and "postcode" in page
    assert "Nothing has been written yet." in text
    assert "New listings 4" in text and "Errors 0" in text
    with listing_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0

    apply = check.replace("/check", "/apply")
    with job_worker(listing_app):
        response = editor.post(apply, data={"csrf_token": token_in(dry_run)})
        job_page = response.headers["Location"]
        assert re.fullmatch(r"/manage/jobs/[0-9a-f-]+", job_page)
        assert wait_for_job(editor, job_page)["state"] == "done"
        done = page_text(editor.get(job_page))
        assert "Families see the changes now." in visible_text(done)
        batch_page = re.search(r'href="(/manage/imports/batches/[0-9a-f-]+)"', done).group(1)
        shown = visible_text(page_text(editor.get(batch_page)))
        assert "Listing created: Netherton Toy Library" in shown
        search = visible_text(
            page_text(listing_app.test_client().get("/find-support?q=toy+library"))
        )
        assert "Netherton Toy Library" in search
        assert "fis-spreadsheet" in visible_text(page_text(editor.get("/manage/imports/")))

        confirm = page_text(editor.get(f"{batch_page}/rollback"))
        assert "Listings removed 4" in visible_text(confirm)
        response = editor.post(
            f"{batch_page}/rollback",
            data={"csrf_token": token_in(confirm), "confirmed": "yes", "understood": "yes"},
        )
        job_page = response.headers["Location"]
        assert wait_for_job(editor, job_page)["state"] == "done"
    assert "Rolled back" in visible_text(page_text(editor.get(job_page)))
    with listing_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0
        kinds = db.session.scalars(sa.select(ImportBatch.kind).order_by(ImportBatch.created_at))
        assert list(kinds) == ["import", "rollback"]
    search = visible_text(page_text(listing_app.test_client().get("/find-support?q=toy+library")))
    assert "Netherton Toy Library" not in search


def test_other_column_names_are_mapped_once_and_remembered(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    columns = _upload(editor, "other_headers.csv", "partner-feed").headers["Location"]
    values = form_values(page_text(editor.get(columns)))
    expected = json.loads((IMPORTS / "other_headers_mapping.json").read_text())
    headers = {key: value for key, value in values.items(multi=True) if key.startswith("column-")}
    page = page_text(editor.get(columns))
    for number, header in enumerate(
        re.findall(r'<label class="govuk-label" for="column-\d+">\s*([^<]+?)\s*</label>', page)
    ):
        if header in expected:
            headers[f"column-{number}"] = expected[header]
    for key, value in headers.items():
        values[key] = value
    check = editor.post(columns, data=values).headers["Location"]
    text = visible_text(page_text(editor.get(check)))
    assert "New listings 4" in text and "Errors 0" in text
    with job_worker(listing_app):
        response = editor.post(
            check.replace("/check", "/apply"),
            data={"csrf_token": token_in(page_text(editor.get(check)))},
        )
        assert wait_for_job(editor, response.headers["Location"])["state"] == "done"
    with listing_app.app_context():
        remembered = db.session.get(ColumnMapping, "partner-feed").columns
    # Headers the template matches by name anyway ("Post Code") need no remembering.
    assert remembered == {k: v for k, v in expected.items() if template_column(k, {}) != v}
    assert "Ref" in remembered

    # The next upload from the same source is matched already.
    again = _upload(editor, "other_headers.csv", "partner-feed").headers["Location"]
    assert "Nothing to change" in visible_text(page_text(editor.get(_map_columns(editor, again))))


def test_a_file_with_errors_shows_them_and_cannot_be_imported(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    columns = _upload(editor, "fis_with_errors.csv", "fis-spreadsheet").headers["Location"]
    dry_run = page_text(editor.get(_map_columns(editor, columns)))
    text = visible_text(dry_run)
    assert "Errors: fix these in the file" in text
    assert "Row 2, column postcode" in text and "not a real postcode" in text
    assert "Import these changes" not in text


def test_files_no_reader_takes_and_the_editors_own_source_are_refused(
    listing_app: Flask,  # noqa: F811
) -> None:
    editor = _editor(listing_app)
    response = _upload(editor, "listings.pdf", "fis-spreadsheet", data=b"%PDF-1.7 not listings")
    assert response.status_code == 200
    assert "a PDF document" in visible_text(page_text(response))
    response = _upload(editor, "fis_listings.csv", "manual")
    assert "The source manual is for listings made on these pages" in visible_text(
        page_text(response)
    )


def test_a_full_feed_that_would_withdraw_too_much_is_refused(listing_app: Flask) -> None:  # noqa: F811
    from tests.support.factories import create_service

    with listing_app.app_context():
        for number in range(4):
            create_service(f"Old listing {number}", source="fis-spreadsheet", key=f"old-{number}")
    editor = _editor(listing_app)
    response = editor.post(
        "/manage/imports/new",
        data={
            "csrf_token": csrf_token(editor, "/manage/imports/new"),
            "file": (io.BytesIO((IMPORTS / "fis_listings.csv").read_bytes()), "fis.csv"),
            "source": "fis-spreadsheet",
            "full_feed": "y",
        },
        content_type="multipart/form-data",
    )
    check = _map_columns(editor, response.headers["Location"])
    text = visible_text(page_text(editor.get(check)))
    assert "The feed would withdraw 4 of 4 listings" in text
    with listing_app.app_context():
        statuses = set(db.session.scalars(sa.select(Service.status)))
    assert statuses == {ServiceStatus.ACTIVE}


def test_a_misspelt_need_gets_a_did_you_mean_and_the_warning_stays_on_the_batch_page(
    listing_app: Flask,  # noqa: F811
) -> None:
    editor = _editor(listing_app)
    misspelt = (IMPORTS / "fis_listings.csv").read_bytes().replace(b"; Parenting,", b"; parentng,")
    columns = _upload(editor, "fis_listings.csv", "fis-spreadsheet", data=misspelt)
    check = _map_columns(editor, columns.headers["Location"])
    dry_run = page_text(editor.get(check))
    warning = (
        "Row 2, column needs: 'parentng' is not a need in the council file; "
        "did you mean 'parenting'?"
    )
    assert warning in visible_text(dry_run)
    with job_worker(listing_app):
        job_page = editor.post(
            check.replace("/check", "/apply"), data={"csrf_token": token_in(dry_run)}
        ).headers["Location"]
        assert wait_for_job(editor, job_page)["state"] == "done"
    with listing_app.app_context():
        batch_id = db.session.scalar(sa.select(ImportBatch.id))
    # Every way to the batch (the job, the imports list, the history) shows its warnings.
    for listing_page, batch_page in (
        (job_page, f"/manage/imports/batches/{batch_id}"),
        ("/manage/imports/", f"/manage/imports/batches/{batch_id}"),
        ("/manage/batches/", f"/manage/batches/{batch_id}"),
    ):
        assert f'href="{batch_page}"' in page_text(editor.get(listing_page)), listing_page
        shown = visible_text(page_text(editor.get(batch_page)))
        assert "Warnings from the import" in shown and warning in shown, batch_page
