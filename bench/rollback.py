"""Rollback benchmark: apply SIZE synthetic rows (as bench/imports.py writes them), then
time rolling that batch back, and (where the code can) rolling the rollback back.

For each SIZE, in a fresh process, on a fresh SQLite database with a Whoosh index. Each
time is elapsed (wall) seconds and, in brackets, this process's CPU seconds; rollbacks
include re-indexing what they changed.

    .venv/bin/python bench/rollback.py [SIZE ...]        # default: 20000
"""

from __future__ import annotations

import argparse
import inspect
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.imports import shown, timed, write_rows


def run_one(size: int) -> None:
    from flask_migrate import upgrade

    from directory import create_app
    from directory.config import DEFAULT_COUNCIL_FILE, Config
    from directory.demo.loader import demo_geocoder
    from directory.listings import rollback
    from directory.listings.writer import WriteOptions, write_listings
    from importers.limits import MEGABYTE, Limits
    from importers.reading import read_file

    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        settings = {
            "secret_key": "bench",
            "database_url": f"sqlite:///{directory / 'bench.db'}",
            "search_index_dir": directory / "index",
            "council_file": DEFAULT_COUNCIL_FILE,
        }
        if "job_queue_file" in inspect.signature(Config).parameters:
            settings["job_queue_file"] = directory / "jobs.sqlite3"
        app = create_app(Config(**settings))
        source = directory / "listings.csv"
        write_rows(source, size)
        with app.app_context():
            upgrade()
            app.extensions["search"].rebuild()
            read = read_file(source, limits=Limits(bytes=200 * MEGABYTE, rows=max(size, 100_000)))
            options = WriteOptions(source="bench", actor="bench", apply=True)
            report = write_listings(
                read.chunks(), app.extensions["council"], demo_geocoder(), options, read.problems
            )
            result, seconds = timed(lambda: rollback.rollback_batch(report.batch, "bench"))
            line = f"{size:>7} rows  rollback {shown(seconds)} ({size / seconds[0]:,.0f} rows/s)"
            if hasattr(rollback, "plan_rollback"):
                _undo, again = timed(lambda: rollback.rollback_batch(result.rolled_back, "bench"))
                line += f"  rollback of the rollback {shown(again)}"
            health = app.extensions["search"].health()
            print(f"{line}  index in step: {health.in_step}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[20_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        run_one(arguments.one)
        return
    for size in arguments.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
