"""An edit changes exactly what the editor changed: a property over every demo listing.

The form is opened and posted back as the page gives it, on the demo directory with the
postcode table loaded (as a council runs it, the venues placed from the demo's own points).
Each listing is saved through one part of the form, the quick edits, the sections and the
one-page form taken in turn (from a different start on each engine), so every part is
saved over a share of the listings, each a small page rather than the whole form.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.exports.template_csv import write_template_csv
from directory.extensions import db
from directory.models import AuditEntry, ImportBatch, Location, Organization, Service
from directory.queries.services import SERVICE_CONTENTS
from tests.conftest import SEARCHABLE_DEMO, _shared_app
from tests.manage.listing_parts import PARTS, PartEdit
from tests.manage.test_listings import _editor, _open_form, _save
from tests.support.client import page_text
from tests.support.databases import database_backends
from tests.support.html import visible_text

FULL_FORM = PartEdit("full", "edit", PARTS[0].change, PARTS[0].field)
"""The one-page form with every field, given the first part's change."""


def in_turn(app: Flask, parts: list[PartEdit], index: int) -> PartEdit:
    """The part the ``index``-th listing is saved through: each in turn, starting half way
    round on PostgreSQL so that the two engines see each part over different listings."""
    start = len(parts) // 2 if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgres") else 0
    return parts[(index + start) % len(parts)]


@pytest.fixture(scope="module", params=database_backends())
def demo_editing_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    """One demo directory per engine, edited listing by listing by the one test below."""
    directory: Path = tmp_path_factory.mktemp("edits")
    with _shared_app(request.param, directory, SEARCHABLE_DEMO) as app:
        yield app


def _export(app: Flask) -> list[list[str]]:
    with app.app_context():
        services = db.session.scalars(
            sa.select(Service).options(*SERVICE_CONTENTS).order_by(Service.id)
        ).all()
        output = io.StringIO()
        write_template_csv(services, output)
        db.session.rollback()
    return list(csv.reader(io.StringIO(output.getvalue())))


def _places_and_organisations(app: Flask) -> tuple[list[tuple], list[tuple]]:
    """Every venue's coordinates and every organisation's stored fields."""
    with app.app_context():
        venues = db.session.execute(
            sa.select(
                Location.id,
                Location.latitude,
                Location.longitude,
                Location.easting,
                Location.northing,
            ).order_by(Location.id)
        ).all()
        organisations = db.session.execute(
            sa.select(
                Organization.id,
                Organization.name,
                Organization.description,
                Organization.website,
                Organization.email,
            ).order_by(Organization.id)
        ).all()
        db.session.rollback()
    return [tuple(row) for row in venues], [tuple(row) for row in organisations]


def _counts(app: Flask) -> tuple[int, int]:
    with app.app_context():
        audit = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
        batches = db.session.scalar(sa.select(sa.func.count()).select_from(ImportBatch))
        db.session.rollback()
    return int(audit or 0), int(batches or 0)


def _last_batch(app: Flask) -> list[tuple[str, str, list[str]]]:
    """The newest batch's audit rows: what they are about, and which fields they change."""
    with app.app_context():
        batch = db.session.scalars(
            sa.select(ImportBatch.id).order_by(ImportBatch.created_at.desc()).limit(1)
        ).one()
        entries = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.batch_id == batch))
        found = [(e.entity, e.entity_id, sorted(e.changes)) for e in entries]
        db.session.rollback()
    return found


def test_every_demo_listing_saved_unchanged_writes_nothing(
    demo_editing_app: Flask,
) -> None:
    app = demo_editing_app
    with app.app_context():
        ids = db.session.scalars(sa.select(Service.id).order_by(Service.id)).all()
    assert len(ids) > 200, "the whole demo directory"
    browser = _editor(app)
    export_before = _export(app)
    places_before, organisations_before = _places_and_organisations(app)

    # Saved as the page gives it: nothing written, no batch, no audit row.
    for index, service_id in enumerate(ids):
        part = in_turn(app, [*PARTS, FULL_FORM], index)
        url = part.url(service_id)
        before = _counts(app)
        response = _save(browser, url, _open_form(browser, url))
        assert response.status_code == 302, visible_text(page_text(response))[:3000]
        assert _counts(app) == before, (
            f"saving {service_id}'s {part.slug} unchanged wrote {_last_batch(app)}"
        )
    assert _export(app) == export_before
    assert _places_and_organisations(app) == (places_before, organisations_before)
