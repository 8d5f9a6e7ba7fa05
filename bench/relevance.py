"""Relevance benchmark: family queries in their own words, scored as the results page ranks.

Reads ``tests/fixtures/relevance/families.toml`` (queries written the way parents type, each
with the needs its top results must help with, optional service names, and the danger it
signals if any), runs each through the site's own search over the Dudley demo directory,
and prints:

- success@3: an expected service (or, with none named, a listing for an expected need) is
  in the top three;
- precision@3: the share of the top three that help with an expected need;
- the safety panel's hit rate on the danger queries, and false alarms on the others;
- danger queries whose first result does not meet the danger;
- what reading the words adds to a search's time (p50/p95, with and without the reader).

    .venv/bin/python bench/relevance.py [--postgres URL] [--failures]

Targets: success@3 >= 95%, precision@3 >= 0.85, safety panel 100% with no false alarms,
reading adds <= 5 ms to p95. ``tests/finding/test_relevance.py`` holds the same targets.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory.finding.request import build_query, parse_search_args  # noqa: E402
from directory.indexing import site_search  # noqa: E402
from directory.queries.services import public_services_by_id  # noqa: E402
from directory.safety import signalled_dangers  # noqa: E402

CASES_FILE = ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
TOP = 3
TARGETS = {"success": 0.95, "precision": 0.85}
MAX_READING_MS = 5.0


@dataclass(frozen=True)
class Case:
    query: str
    needs: tuple[str, ...]
    services: tuple[str, ...] = ()
    danger: str | None = None


@dataclass(frozen=True)
class Outcome:
    case: Case
    top: tuple[str, ...]  # names of the top results
    success: bool
    precision: float
    dangers: tuple[str, ...]  # what the safety panel shows
    first_meets_danger: bool

    @property
    def panel_right(self) -> bool:
        if self.case.danger is None:
            return not self.dangers
        return self.case.danger in self.dangers


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    def _share(self, outcomes: list[Outcome], test) -> float:  # type: ignore[no-untyped-def]
        return sum(1 for o in outcomes if test(o)) / len(outcomes) if outcomes else 1.0

    @property
    def success_at_3(self) -> float:
        return self._share(list(self.outcomes), lambda o: o.success)

    @property
    def precision_at_3(self) -> float:
        return statistics.fmean(o.precision for o in self.outcomes) if self.outcomes else 1.0

    @property
    def danger_cases(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.danger]

    @property
    def safety_hit_rate(self) -> float:
        return self._share(self.danger_cases, lambda o: o.panel_right)

    @property
    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.case.danger and o.dangers]

    @property
    def unsafe_firsts(self) -> list[Outcome]:
        return [o for o in self.danger_cases if not o.first_meets_danger]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success or o.precision < 1 or not o.panel_right]


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Case(
            query=item["query"],
            needs=tuple(item["needs"]),
            services=tuple(item.get("services", ())),
            danger=item.get("danger"),
        )
        for item in raw["case"]
    ]


def evaluate(app: Flask, cases: list[Case], read_words: bool = True) -> Report:
    """Run every case as the results page would; call inside an app context.

    ``read_words`` False searches keywords only, as the site did before it read meaning.
    """
    council = app.extensions["council"]
    reader = app.extensions["query_reader"]
    danger_needs = reader.phrasebook.danger_needs()
    used = reader if read_words else None
    now = datetime.now()
    outcomes = []
    for case in cases:
        wanted = parse_search_args({"q": [case.query]}, council)
        query = replace(build_query(wanted, council, now, reader=used), page_size=TOP)
        results = site_search().search(query)
        services = public_services_by_id([hit.id for hit in results.hits], now.date())
        top = [services[hit.id] for hit in results.hits if hit.id in services][:TOP]
        needs = [{term.code for term in service.terms("need")} for service in top]
        helps = [bool(set(case.needs) & held) for held in needs]
        names = [service.name.lower() for service in top]
        wanted_names = [part.lower() for entry in case.services for part in entry.split("|")]
        success = (
            any(part in name for name in names for part in wanted_names)
            if wanted_names
            else any(helps)
        )
        dangers = tuple(signalled_dangers(results.reading, wanted.needs, council))
        first_needs = needs[0] if needs else set()
        first_ok = not case.danger or bool(first_needs & set(danger_needs.get(case.danger, ())))
        outcomes.append(
            Outcome(
                case=case,
                top=tuple(service.name for service in top),
                success=success,
                precision=sum(helps) / len(top) if top else 0.0,
                dangers=dangers,
                first_meets_danger=first_ok,
            )
        )
    return Report(tuple(outcomes))


def reading_cost(app: Flask, cases: list[Case], rounds: int = 5) -> dict[str, float]:
    """p50/p95 search time in ms with and without reading the words."""
    council = app.extensions["council"]
    reader = app.extensions["query_reader"]
    now = datetime.now()
    timings: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(rounds):
        for case in cases:
            wanted = parse_search_args({"q": [case.query]}, council)
            for label, used in (("with", reader), ("without", None)):
                query = build_query(wanted, council, now, reader=used)
                started = time.perf_counter()
                site_search().search(query)
                timings[label].append((time.perf_counter() - started) * 1000)
    figures: dict[str, float] = {}
    for label, values in timings.items():
        values.sort()
        figures[f"{label}_p50"] = statistics.median(values)
        figures[f"{label}_p95"] = values[int(len(values) * 0.95) - 1]
    return figures


@contextmanager
def demo_app(database_url: str | None) -> Iterator[Flask]:
    """A throwaway app with the Dudley demo directory and a fresh Whoosh index."""
    from flask_migrate import upgrade

    from directory import create_app
    from directory.config import DEFAULT_COUNCIL_FILE, Config
    from directory.demo.loader import load_demo
    from directory.extensions import db

    with tempfile.TemporaryDirectory() as folder:
        url = database_url or f"sqlite:///{Path(folder) / 'relevance.db'}"
        config = Config(
            secret_key="bench",
            database_url=url,
            search_index_dir=Path(folder) / "index",
            council_file=DEFAULT_COUNCIL_FILE,
        )
        app = create_app(config)
        with app.app_context():
            upgrade()
            load_demo(app.extensions["council"])
            app.extensions["search"].rebuild()
            yield app
            db.engine.dispose()


def print_report(report: Report, show_failures: bool) -> None:
    outcomes = report.outcomes
    print(f"{len(outcomes)} queries, {len(report.danger_cases)} signalling a danger")
    print(f"success@3     {report.success_at_3:6.1%}   (target >= {TARGETS['success']:.0%})")
    print(f"precision@3   {report.precision_at_3:6.3f}   (target >= {TARGETS['precision']})")
    print(f"safety panel  {report.safety_hit_rate:6.1%}   (target 100%)")
    print(f"false alarms  {len(report.false_alarms):6d}   (target 0)")
    print(f"danger queries with an unrelated first result: {len(report.unsafe_firsts)}")
    if show_failures:
        for outcome in report.failures:
            marks = []
            if not outcome.success:
                marks.append("miss")
            if outcome.precision < 1:
                marks.append(f"p@3={outcome.precision:.2f}")
            if not outcome.panel_right:
                marks.append(f"panel={list(outcome.dangers)}")
            print(f"  [{', '.join(marks)}] {outcome.case.query!r}: {list(outcome.top)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL database URL to run on instead")
    parser.add_argument("--failures", action="store_true", help="list the queries that miss")
    parser.add_argument(
        "--keywords-only", action="store_true", help="score keyword search, without reading"
    )
    args = parser.parse_args()
    cases = load_cases()
    with demo_app(args.postgres) as app:
        print_report(evaluate(app, cases, not args.keywords_only), args.failures)
        cost = reading_cost(app, cases)
    added = cost["with_p95"] - cost["without_p95"]
    print(
        f"search ms     with reading p50 {cost['with_p50']:.1f} / p95 {cost['with_p95']:.1f}; "
        f"keywords only p50 {cost['without_p50']:.1f} / p95 {cost['without_p95']:.1f}; "
        f"reading adds {added:.1f} ms to p95 (target <= {MAX_READING_MS:.0f})"
    )


if __name__ == "__main__":
    main()
