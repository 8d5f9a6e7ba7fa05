"""Import benchmark: synthetic template CSV files through the reader and the write path.

For each SIZE, in a fresh process (so peak memory is that size's own), on a fresh SQLite
database with a Whoosh index (tantivy's with ``--backend tantivy``): writes SIZE rows (one
service at one venue each, on the demo's real Dudley postcodes, with times, costs, phones
and taxonomy), then prints the time to read and check the file (a dry run: nothing
written), to apply it (including re-indexing the new services), to import the same file
again (nothing changes), rows per second, and the process's peak memory: before the
imports, during them, and after the health check (which reads the whole index into a
search snapshot, as the site does). Each time is given as elapsed (wall) seconds and, in
brackets, the CPU seconds of this process (its own work, database and index included, as
SQLite and the index run inside it): on a shared machine the wall time also counts waiting
for the other processes, the CPU time does not.

    .venv/bin/python bench/imports.py [SIZE ...]        # default: 10000 100000
    .venv/bin/python bench/imports.py --backend tantivy 10000   # the index: tantivy's

Targets on a 2-core machine: 10k rows checked and applied in under 30 s, 100k in under
5 minutes, the unchanged second import of 10k in under 10 s, and memory that does not grow
with the file beyond the batch's own records.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NEEDS = ("activities", "parenting", "food", "money-and-debt", "send", "health")
CATEGORIES = ("clubs-and-activities", "advice-and-information", "food-support")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Mon-Fri", "Tue, Thu")


def write_rows(path: Path, size: int) -> None:
    from directory.demo.postcodes import demo_postcodes
    from importers.template import COLUMN_NAMES

    postcodes = list(demo_postcodes())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMN_NAMES)
        writer.writeheader()
        for n in range(size):
            postcode = postcodes[n % len(postcodes)]
            writer.writerow(
                {
                    "service_id": f"bench-{n}",
                    "name": f"Bench group {n}",
                    "organisation_id": f"bench-org-{n % 500}",
                    "organisation_name": f"Bench organisation {n % 500}",
                    "kind": "community_group",
                    "summary": f"A synthetic listing number {n} for measuring imports.",
                    "description": "Families meet, play and talk. " * 5,
                    "website": f"https://example.org/bench/{n}",
                    # Ofcom keeps 0121 496 0000-0999 for drama: valid, and nobody's number.
                    "phone": f"0121 496 {n % 1000:04d}",
                    "minimum_age": str(n % 5),
                    "maximum_age": str(5 + n % 12),
                    "needs": "; ".join(NEEDS[n % 6 : n % 6 + 2]),
                    "categories": CATEGORIES[n % 3],
                    "languages": "en" if n % 3 else "en; ur",
                    "cost": "Free | 0" if n % 2 else "Each session | 2.50 | £2.50 a session",
                    "opening_times": f"{DAYS[n % len(DAYS)]} 09:30-11:30",
                    "areas": "borough",
                    "venue_id": f"bench-venue-{n}",
                    "venue_name": f"Bench hall {n}",
                    "address_1": f"{n % 200 + 1} High Street",
                    "city": "Dudley",
                    "postcode": postcode,
                }
            )


def run_one(size: int, backend: str) -> None:
    from flask_migrate import upgrade

    from directory import create_app
    from directory.config import DEFAULT_COUNCIL_FILE, Config
    from directory.demo.loader import demo_geocoder
    from directory.listings.writer import WriteOptions, write_listings
    from importers.limits import MEGABYTE, Limits
    from importers.reading import read_file

    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        app = create_app(
            Config(
                secret_key="bench",
                database_url=f"sqlite:///{directory / 'bench.db'}",
                search_index_dir=directory / "index",
                search_backend=backend,
                council_file=DEFAULT_COUNCIL_FILE,
            )
        )
        source = directory / "listings.csv"
        write_rows(source, size)
        limits = Limits(bytes=200 * MEGABYTE, rows=max(size, 100_000))
        with app.app_context():
            upgrade()
            app.extensions["search"].rebuild()
            council = app.extensions["council"]
            before_mb = peak_memory_mb()

            def import_file(apply: bool):  # type: ignore[no-untyped-def]
                result = read_file(source, limits=limits)
                options = WriteOptions(source="bench", actor="bench", apply=apply)
                return write_listings(
                    result.chunks(), council, demo_geocoder(), options, result.problems
                )

            (dry, checked), (applied, applying), (again, second) = (
                timed(lambda: import_file(apply=False)),
                timed(lambda: import_file(apply=True)),
                timed(lambda: import_file(apply=True)),
            )
            assert not dry.errors, dry.errors[:3]
            importing_mb = peak_memory_mb()
            health = app.extensions["search"].health()
        both = (checked[0] + applying[0], checked[1] + applying[1])
        print(
            f"{size:>7} rows  check (dry run) {shown(checked)}  apply incl. re-index "
            f"{shown(applying)} ({size / applying[0]:,.0f} rows/s)  check + apply {shown(both)}  "
            f"unchanged re-import {shown(second)}  peak memory {importing_mb:,.0f} MB "
            f"({before_mb:,.0f} MB before the imports; {peak_memory_mb():,.0f} MB after "
            "the health check, which opens the index)  "
            f"created {len(applied.created)}, second run changed {len(again.changed)}, "
            f"index in step: {health.in_step}",
            flush=True,
        )


def peak_memory_mb() -> float:
    """The most memory this process has held so far (its peak resident set), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work):  # type: ignore[no-untyped-def]
    """What ``work()`` returns, with its (wall, CPU) seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, (time.perf_counter() - wall, time.process_time() - cpu)


def shown(seconds: tuple[float, float]) -> str:
    return f"{seconds[0]:6.1f} s ({seconds[1]:.1f} s CPU)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--backend", default="whoosh", choices=("whoosh", "tantivy"))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        run_one(arguments.one, arguments.backend)
        return
    for size in arguments.sizes:
        command = [sys.executable, __file__, "--backend", arguments.backend, "--one", str(size)]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
