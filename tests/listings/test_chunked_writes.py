"""Records written a chunk at a time: still one transaction, one report, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import ImportBatch, Service
from importers.records import Dataset, VenueRecord
from tests.listings.helpers import ORGANISATION, VENUE, listing, row_counts, write


@pytest.fixture
def app_context(empty_app: Flask) -> Iterator[Flask]:
    with empty_app.app_context():
        yield empty_app


LIBRARY = VenueRecord("dudley-library", "Dudley Library", "DY1 1QJ", city="Dudley")


def _chunks() -> list[Dataset]:
    """Three chunks; later ones name the organisation and venues the first brought."""
    return [
        Dataset((ORGANISATION,), (VENUE,), (listing("first"),)),
        Dataset((), (LIBRARY,), (listing("second", venues=(VENUE.key, LIBRARY.key)),)),
        Dataset((), (), (listing("third", venues=(LIBRARY.key,)),)),
    ]


@pytest.mark.parametrize("apply", [False, True], ids=["dry run", "apply"])
def test_chunks_may_name_what_earlier_chunks_brought(app_context: Flask, apply: bool) -> None:
    report = write(iter(_chunks()), apply=apply)
    assert report.ok, report.errors
    assert [c.key for c in report.created] == ["first", "second", "third"]
    assert report.venues["created"] == 2 and report.organisations["created"] == 1
    stored = db.session.scalar(sa.select(sa.func.count()).select_from(Service))
    assert stored == (3 if apply else 0)


def test_an_error_in_a_later_chunk_writes_nothing_and_reports_only_errors(
    app_context: Flask,
) -> None:
    before = row_counts()
    chunks = _chunks()
    chunks.append(Dataset((), (), (listing("fourth", maximum_age=40),)))
    chunks.append(Dataset((), (), (listing("fifth", minimum_age=-3),)))
    report = write(iter(chunks))
    assert [str(e) for e in report.errors] == [
        "Service 'fourth': maximum age 40 is above 25",
        "Service 'fifth': minimum age -3 is below -1",
    ]
    assert report.counts()["created"] == 0 and not report.applied
    assert row_counts() == before
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportBatch)) == 0


def test_a_key_given_in_two_chunks_is_an_error(app_context: Flask) -> None:
    chunks = _chunks()
    chunks.append(Dataset((), (), (listing("first", origin="Row 9"),)))
    report = write(iter(chunks))
    assert [str(e) for e in report.errors] == [
        "Service 'first': the same id appears more than once (Row 9)"
    ]


def test_a_venue_no_chunk_brought_is_an_error(app_context: Flask) -> None:
    chunks = [Dataset((ORGANISATION,), (), (listing("first", venues=("nowhere",)),))]
    report = write(iter(chunks))
    assert [e.message for e in report.errors] == ["names an unknown venue 'nowhere'"]
