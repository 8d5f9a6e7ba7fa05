"""Loading Code-Point Open into the ``postcode`` and ``postcode_district`` tables.

Everything happens in one transaction: rows go into side tables, district centroids are built
from them, then the live tables are dropped and the side tables (with their primary keys and
indexes) renamed into place, so the schema is exactly what the migrations made. Lookups answer
from the old data until the commit, and a failure anywhere rolls back to the old data untouched.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from directory.extensions import db
from directory.models.postcode import Postcode, PostcodeDistrict
from directory.postcodes.backends import Backend, backend_for
from directory.postcodes.grid import to_wgs84
from directory.postcodes.sources import CodePointRow, CodePointSource, SourceError

BATCH_SIZE = 50_000
# A CodePointRow's fields, then the coordinates worked out from them.
_POSTCODE_COLUMNS = (
    "postcode",
    "outward",
    "quality",
    "easting",
    "northing",
    "latitude",
    "longitude",
)
_DISTRICT_COLUMNS = ("outward", "easting", "northing", "latitude", "longitude", "postcodes")


@dataclass(frozen=True)
class LoadReport:
    """What a load did, for the command line and the benchmark."""

    source: str
    postcodes: int
    districts: int
    skipped: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.postcodes / self.seconds if self.seconds else 0.0


def load_postcodes(source: CodePointSource, areas: Collection[str] | None = None) -> LoadReport:
    """Replace every postcode and district with those in ``source`` (optionally some areas).

    Needs an app context. Runs in the app's session and commits it, or rolls it back on any
    failure: sharing the session means a lookup made earlier in it cannot hold a lock that
    blocks the swap. Raises ``SourceError`` if the source is missing, unreadable or holds no
    placeable postcodes; the tables are then left as they were.
    """
    started = time.perf_counter()
    try:
        loaded, skipped, districts = _load(db.session.connection(), source, areas)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return LoadReport(
        source=source.describe(),
        postcodes=loaded,
        districts=districts,
        skipped=skipped,
        seconds=time.perf_counter() - started,
    )


def _load(
    connection: sa.Connection, source: CodePointSource, areas: Collection[str] | None
) -> tuple[int, int, int]:
    """Load into side tables and swap them in; return postcodes loaded, skipped, districts."""
    postcode_table: sa.Table = Postcode.__table__
    district_table: sa.Table = PostcodeDistrict.__table__
    backend = backend_for(connection)
    backend.begin(connection)
    postcode_side = backend.create_side_table(connection, postcode_table)
    loaded, skipped = _insert_postcodes(connection, backend, postcode_side, source.rows(areas))
    if not loaded:
        raise SourceError(f"No postcodes with coordinates found in {source.describe()}.")
    district_side = backend.create_side_table(connection, district_table)
    districts = _insert_districts(connection, backend, postcode_side, district_side)
    backend.swap(connection, [(postcode_side, postcode_table), (district_side, district_table)])
    return loaded, skipped, districts


def _insert_postcodes(
    connection: sa.Connection, backend: Backend, table: sa.Table, rows: Iterable[CodePointRow]
) -> tuple[int, int]:
    """Write the placeable rows in batches; return how many were loaded and skipped."""
    loaded = skipped = 0
    batch: list[CodePointRow] = []
    for row in rows:
        if not row.has_coordinates:
            skipped += 1
            continue
        batch.append(row)
        if len(batch) == BATCH_SIZE:
            loaded += _write_postcodes(connection, backend, table, batch)
            batch = []
    if batch:
        loaded += _write_postcodes(connection, backend, table, batch)
    return loaded, skipped


def _write_postcodes(
    connection: sa.Connection, backend: Backend, table: sa.Table, batch: Sequence[CodePointRow]
) -> int:
    latitudes, longitudes = to_wgs84(
        [row.easting for row in batch], [row.northing for row in batch]
    )
    backend.write_rows(
        connection,
        table,
        _POSTCODE_COLUMNS,
        [
            (*row, latitude, longitude)
            for row, latitude, longitude in zip(batch, latitudes, longitudes, strict=True)
        ],
    )
    return len(batch)


def _insert_districts(
    connection: sa.Connection, backend: Backend, postcodes: sa.Table, districts: sa.Table
) -> int:
    """Write each outward code's centroid: the mean easting and northing of its postcodes."""
    centroids = connection.execute(
        sa.select(
            postcodes.c.outward,
            sa.func.avg(postcodes.c.easting),
            sa.func.avg(postcodes.c.northing),
            sa.func.count(),
        ).group_by(postcodes.c.outward)
    ).all()
    eastings = [round(easting) for _, easting, _, _ in centroids]
    northings = [round(northing) for _, _, northing, _ in centroids]
    latitudes, longitudes = to_wgs84(eastings, northings)
    backend.write_rows(
        connection,
        districts,
        _DISTRICT_COLUMNS,
        [
            (outward, easting, northing, latitude, longitude, count)
            for (outward, _, _, count), easting, northing, latitude, longitude in zip(
                centroids, eastings, northings, latitudes, longitudes, strict=True
            )
        ],
    )
    return len(centroids)
