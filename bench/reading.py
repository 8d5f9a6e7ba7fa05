"""What reading the words costs a results page, measured as pairs in one run.

Builds a synthetic directory as ``bench/pages.py`` does (or reuses one kept with ``--keep
DIR``), then, for a fixed list of family sentences from the development relevance set
(``tests/fixtures/relevance/families.toml``: English family-door cases of three words or
more, a seeded sample), requests the family results page twice, once with the words read
(the page's phrasebook reader) and once with reading off (no reader: the words searched
as plain text), alternating which goes first. Before each request the caches that would
hide the cost of a new query are emptied (the index snapshot's scored queries and the
remembered readings), so every page pays for its words as a family's first search does;
the caches a page fills for itself (a reading reused by the page's own further searches)
still count, and so do those kept per word (a term's weights, a word's text scores), as a
running site keeps them for the words families use again and again.

Prints, per page: the wall-clock p50/p95 with and without reading, the median and p95 of
the paired difference (with minus without, the same sentence, back to back), the process
CPU time per page both ways, and the CPU time of the reading steps inside the engine:
reading the words (gloss and read) and scoring by meaning.

    .venv/bin/python bench/reading.py [SIZE] [--sentences N] [--rounds R] [--keep DIR]

Target (issue 17): reading adds <= 2 ms p95 to a results page at 10,000 listings.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from flask import Flask  # noqa: E402
from pages import build_app, clone_directory  # noqa: E402

import search.engine as engine  # noqa: E402
from directory.extensions import db  # noqa: E402
from directory.finding.request import build_query  # noqa: E402
from directory.forms.search import parse_search_args  # noqa: E402
from directory.indexing import site_search  # noqa: E402
from directory.models import Postcode, Service  # noqa: E402

CASES_FILE = ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
MIN_WORDS = 3
FORGOTTEN = ("text_matches", "readings")
"""What a snapshot remembers of earlier queries' words, emptied before each request."""


def sentences(count: int, seed: int) -> list[str]:
    """A seeded sample of the development set's English family sentences."""
    raw = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"]
    chosen = sorted(
        {
            case["query"]
            for case in raw
            if (case.get("language") or "en") == "en"
            and not case.get("door")
            and not case.get("directory")
            and len(case["query"].split()) >= MIN_WORDS
        }
    )
    return random.Random(seed).sample(chosen, min(count, len(chosen)))


@contextmanager
def prepared_app(size: int, keep: Path | None, seed: int) -> Iterator[Flask]:
    """An app over ``size`` listings with a current index (kept in ``keep`` if given)."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        app = build_app(folder)
        with app.app_context():
            listings = db.session.scalar(sa.select(sa.func.count(Service.id)))
            if listings < size:
                started = time.perf_counter()
                clone_directory(size, random.Random(seed))
                print(f"made {size:,} listings in {time.perf_counter() - started:.0f} s")
                app.extensions["search"].rebuild()
            elif not app.extensions["search"].index_ready():
                app.extensions["search"].rebuild()
        yield app


def _fresh_query(app: Flask) -> None:
    """Forget what an earlier request remembered about its words (see the docstring): the
    bench looks inside the backend for it."""
    with app.app_context():
        stored = site_search()._open_stored()
        snapshot = stored._fresh_snapshot() if stored is not None else None  # type: ignore[attr-defined]
        for name in FORGOTTEN:
            getattr(snapshot, name, {}).clear()


@contextmanager
def reading_off(app: Flask) -> Iterator[None]:
    """The site with no phrasebook reader: the words are searched as plain text."""
    readers, reader = app.extensions["query_readers"], app.extensions["query_reader"]
    app.extensions["query_readers"], app.extensions["query_reader"] = {}, None
    try:
        yield
    finally:
        app.extensions["query_readers"], app.extensions["query_reader"] = readers, reader


class StepClock:
    """CPU seconds spent inside some engine functions, by wrapping them for the run."""

    def __init__(self, names: dict[str, str]) -> None:
        self.spent = dict.fromkeys(names, 0.0)
        self._names = names
        self._kept: dict[str, Callable[..., object]] = {}

    def __enter__(self) -> StepClock:
        for label, name in self._names.items():
            original = getattr(engine, name)
            self._kept[name] = original

            def timed(*args: object, _original=original, _label=label, **kwargs: object):  # type: ignore[no-untyped-def]
                started = time.process_time()
                try:
                    return _original(*args, **kwargs)
                finally:
                    self.spent[_label] += time.process_time() - started

            setattr(engine, name, timed)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, original in self._kept.items():
            setattr(engine, name, original)

    def take(self) -> dict[str, float]:
        taken, self.spent = self.spent, dict.fromkeys(self.spent, 0.0)
        return taken


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(label: str, values: list[float], unit: str = "ms") -> None:
    print(
        f"  {label:<40} p50 {statistics.median(values):7.2f} {unit}"
        f"   p95 {percentile(values, 0.95):7.2f} {unit}   ({len(values)})"
    )


def bench(size: int, count: int, rounds: int, seed: int, keep: Path | None) -> None:
    with prepared_app(size, keep, seed) as app:
        with app.app_context():
            total = db.session.scalar(sa.select(sa.func.count(Service.id)))
            postcodes = db.session.scalars(
                sa.select(Postcode.postcode).where(Postcode.outward.like("DY%")).limit(2000)
            ).all()
        rng = random.Random(seed)
        urls = []
        for words in sentences(count, seed):
            params = {"q": words}
            if rng.random() < 0.5:
                params["postcode"] = rng.choice(postcodes)
            urls.append("/find-support?" + urlencode(params))
        client = app.test_client()
        for url in urls[:3]:  # warm templates, the searcher and the term weights
            client.get(url)
        wall: dict[str, list[float]] = {"on": [], "off": []}
        cpu: dict[str, list[float]] = {"on": [], "off": []}
        steps: dict[str, list[float]] = {"read": [], "meaning": []}
        differences: list[float] = []

        def request(url: str, reading: bool) -> tuple[float, float]:
            _fresh_query(app)
            with reading_off(app) if not reading else _nothing():
                cpu_started, started = time.process_time(), time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                used = time.process_time() - cpu_started
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            return elapsed * 1000, used * 1000

        with StepClock({"read": "_read", "meaning": "score_meaning"}) as clock:
            for round_ in range(rounds):
                for n, url in enumerate(urls):
                    order = (True, False) if (n + round_) % 2 == 0 else (False, True)
                    timings = {}
                    for reading in order:
                        clock.take()
                        timings[reading] = request(url, reading)
                        taken = clock.take()
                        if reading:
                            steps["read"].append(taken["read"] * 1000)
                            steps["meaning"].append(taken["meaning"] * 1000)
                    for reading, label in ((True, "on"), (False, "off")):
                        wall[label].append(timings[reading][0])
                        cpu[label].append(timings[reading][1])
                    differences.append(timings[True][0] - timings[False][0])
        print(f"\n{total:,} listings; {len(urls)} sentences x {rounds} rounds, pairs alternating")
        line("results page, reading on (wall)", wall["on"])
        line("results page, reading off (wall)", wall["off"])
        line("paired difference, on - off (wall)", differences)
        line("CPU per page, reading on", cpu["on"])
        line("CPU per page, reading off", cpu["off"])
        line(
            "CPU paired difference, on - off",
            [a - b for a, b in zip(cpu["on"], cpu["off"], strict=True)],
        )
        line("CPU of reading the words (per page)", steps["read"])
        line("CPU of scoring by meaning (per page)", steps["meaning"])
        with app.app_context():
            engine_cost(app, [parse_qs(url.partition("?")[2]) for url in urls], rounds)


def engine_cost(app: Flask, asked: list[dict[str, list[str]]], rounds: int) -> None:
    """The engine alone: CPU per search of the same words with and without the reader."""
    council, reader = app.extensions["council"], app.extensions["query_reader"]
    now = datetime.now()
    cpu: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(rounds):
        for n, args in enumerate(asked):
            wanted = parse_search_args({"q": args["q"]}, council)
            order = (True, False) if (n + round_) % 2 == 0 else (False, True)
            for reading in order:
                query = build_query(wanted, council, now, reader=reader if reading else None)
                _fresh_query(app)
                started = time.process_time()
                site_search().search(query)
                cpu[reading].append((time.process_time() - started) * 1000)
    line("engine CPU per search, reading on", cpu[True])
    line("engine CPU per search, reading off", cpu[False])
    line(
        "engine CPU paired difference", [a - b for a, b in zip(cpu[True], cpu[False], strict=True)]
    )


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database and index here")
    arguments = parser.parse_args()
    bench(arguments.size, arguments.sentences, arguments.rounds, arguments.seed, arguments.keep)


if __name__ == "__main__":
    main()
