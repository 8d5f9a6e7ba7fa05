"""Relevance benchmark: family queries in their own words, scored as the results page ranks.

Two sets, reported separately (and the development cases marked ``directory =
"with-imports"`` apart from the rest: they search the demo plus an ORUK feed of listings
with no needs set, imported through the real importer). The development set,
``tests/fixtures/relevance/families.toml`` (queries written the way parents type, each with
the needs its top results must help with, optional service names, and the danger it signals
if any, with ``cue = true`` where a weaker cue's strip may show it instead of the panel), is
the one the reader is tuned on; ``--failures`` lists its misses. The held-out set,
``held_out.toml``, was written blind and frozen before the first run: only its aggregate
figures are ever printed, never a case, so nothing can be tuned to it. Its cases may also
say the page ``language`` (pl, ur, pa: searched with that language's reader), the ``door``
("practitioners": the practitioners' search, practitioner-only listings included), the
Early Help ``levels`` and the ``locality`` the top results should be at or in, and a
``parallel`` id shared by an English case and its translations. Each case runs through the
site's own search over the Dudley demo directory, and the bench prints:

- success@3: an expected service (or, with none named, a listing for an expected need) is
  in the top three;
- precision@3: the share of the top three that help with an expected need;
- the safety panel's hit rate on the danger queries, and the panel-or-strip hit rate (the
  panel for a strong signal, the one-line strip for a weaker cue); false alarms of either
  on the others;
- per language, success@3, and on parallel cases the gap to the same cases in English;
- for cases naming them, the share of top-3 results at the levels or in the locality;
- danger queries whose first result does not meet the danger;
- what reading the words adds to a search's time (p50/p95, with and without the reader).

    .venv/bin/python bench/relevance.py [--postgres URL] [--failures] [--set dev|held-out|both]
        [--backend whoosh|tantivy|memory]
    .venv/bin/python bench/relevance.py --file PATH [--failures]

``--backend`` (or SEARCH_BACKEND) chooses the search engine; the default is the site's.
``--file`` runs any case file in the development set's format instead (a fresh batch
written blind, before measuring it once), with its per-language figures.

Targets: success@3 >= 95%, precision@3 >= 0.85, safety panel 100% with no false alarms,
reading adds <= 5 ms to p95. ``tests/finding/test_relevance.py`` holds the same targets.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory.council import Council  # noqa: E402
from directory.finding.request import build_query  # noqa: E402
from directory.forms.search import parse_search_args  # noqa: E402
from directory.indexing import site_search  # noqa: E402
from directory.models import Service  # noqa: E402
from directory.models.enums import ServiceAreaScope  # noqa: E402
from directory.queries.services import (  # noqa: E402
    practitioner_services_by_id,
    public_services_by_id,
)
from directory.safety import cued_dangers, signalled_dangers  # noqa: E402
from search import engine  # noqa: E402
from search.plug import DEFAULT_ENGINE, ENGINES  # noqa: E402
from search.understanding import QueryReader  # noqa: E402

CASES_FILE = ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
IMPORTED_FEED = ROOT / "tests" / "fixtures" / "relevance" / "imported_feed.json"
WITH_IMPORTS = "with-imports"
FEED_CHECKED_DAYS_AGO = 30
HELD_OUT_FILE = ROOT / "tests" / "fixtures" / "relevance" / "held_out.toml"
PRACTITIONERS = "practitioners"
TOP = 3
TARGETS = {"success": 0.95, "precision": 0.85}
MAX_READING_MS = 5.0


@dataclass(frozen=True)
class Case:
    query: str
    needs: tuple[str, ...]
    services: tuple[str, ...] = ()
    danger: str | None = None
    cue: bool = False  # the danger is a weaker cue: the strip, or the panel, shows it
    language: str = "en"
    door: str | None = None
    levels: tuple[str, ...] = ()
    locality: str | None = None
    parallel: str | None = None
    directory: str | None = None
    """``with-imports``: searched over the demo plus an ORUK feed whose listings carry no
    needs (:data:`IMPORTED_FEED`), as most real imports do."""

    @property
    def scored(self) -> bool:
        """Whether the case says what its top results should be (a pure false-alarm case
        may name none)."""
        return bool(self.needs or self.services)


@dataclass(frozen=True)
class Outcome:
    case: Case
    top: tuple[str, ...]  # names of the top results
    success: bool
    precision: float
    dangers: tuple[str, ...]  # what the safety panel shows
    first_meets_danger: bool
    cues: tuple[str, ...] = ()  # what the one-line strip shows
    first_needs: frozenset[str] = frozenset()  # the needs set on the first result
    first_id: str = ""  # the first result's listing id
    band2: bool = False  # the strip is the learnt alarm's band 2 alone (search.learnt_reading)
    ranked: tuple[str, ...] = ()  # the dangers read that rank (priority concepts), leading first
    level_fit: float | None = None  # share of the top 3 at one of the case's levels
    locality_fit: float | None = None  # share of the top 3 in (or covering) its locality

    @property
    def panel_right(self) -> bool:
        if self.case.danger is None:
            return not self.dangers
        if self.case.cue:
            return self.panel_or_strip_right
        return self.case.danger in self.dangers

    @property
    def panel_or_strip_right(self) -> bool:
        if self.case.danger is None:
            return not (self.dangers or self.cues)
        return self.case.danger in self.dangers + self.cues


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    def _share(self, outcomes: list[Outcome], test) -> float:  # type: ignore[no-untyped-def]
        return sum(1 for o in outcomes if test(o)) / len(outcomes) if outcomes else 1.0

    @property
    def scored(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.scored]

    @property
    def success_at_3(self) -> float:
        return self._share(self.scored, lambda o: o.success)

    @property
    def precision_at_3(self) -> float:
        return statistics.fmean(o.precision for o in self.scored) if self.scored else 1.0

    @property
    def panel_or_strip_hit_rate(self) -> float:
        return self._share(self.danger_cases, lambda o: o.panel_or_strip_right)

    @property
    def strip_false_alarms(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.case.danger and (o.dangers or o.cues)]

    @property
    def band2_false_alarms(self) -> list[Outcome]:
        """Strip false alarms of the learnt alarm's band 2 alone (within its budget)."""
        return [o for o in self.strip_false_alarms if o.band2 and not o.dangers]

    @property
    def ordinary(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.case.danger]

    def by_language(self) -> dict[str, float]:
        """success@3 of the scored cases in each language."""
        languages = sorted({o.case.language for o in self.scored})
        return {
            language: self._share(
                [o for o in self.scored if o.case.language == language], lambda o: o.success
            )
            for language in languages
        }

    def precision_by_language(self) -> dict[str, float]:
        """precision@3 of the scored cases in each language."""
        return {
            language: statistics.fmean(
                o.precision for o in self.scored if o.case.language == language
            )
            for language in sorted({o.case.language for o in self.scored})
        }

    def parallel_gaps(self) -> dict[str, tuple[int, float, float]]:
        """Per language: (parallel cases, its success@3, English success@3 on the same ids)."""
        english = {
            o.case.parallel: o.success
            for o in self.scored
            if o.case.parallel and o.case.language == "en"
        }
        gaps: dict[str, tuple[int, float, float]] = {}
        for language in sorted({o.case.language for o in self.scored} - {"en"}):
            paired = [
                o for o in self.scored if o.case.language == language and o.case.parallel in english
            ]
            if paired:
                own = self._share(paired, lambda o: o.success)
                theirs = sum(english[o.case.parallel] for o in paired) / len(paired)
                gaps[language] = (len(paired), own, theirs)
        return gaps

    def fit(self, name: str) -> tuple[int, float] | None:
        """(cases, mean share of top-3 results that fit) for ``level_fit``/``locality_fit``."""
        values = [getattr(o, name) for o in self.outcomes if getattr(o, name) is not None]
        return (len(values), statistics.fmean(values)) if values else None

    def shown_fit(self, name: str) -> tuple[int, float] | None:
        """(empty places in the top 3, share of the results shown that fit) for the cases
        ``fit`` counts: an empty place counts against ``fit`` though nothing there misfits
        (the directory holds fewer than three listings at that level and in that place)."""
        outcomes = [o for o in self.outcomes if getattr(o, name) is not None]
        shown = sum(len(o.top) for o in outcomes)
        if not shown:
            return None
        fitting = sum(round(getattr(o, name) * TOP) for o in outcomes)
        return TOP * len(outcomes) - shown, fitting / shown

    @property
    def door_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for o in self.outcomes:
            door = o.case.door or "family"
            counts[door] = counts.get(door, 0) + 1
        return counts

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

    def unsafe_first_causes(self) -> dict[str, int]:
        """Why each danger query's first result is unrelated (:func:`first_cause`)."""
        causes = dict.fromkeys(FIRST_CAUSES, 0)
        for outcome in self.unsafe_firsts:
            causes[first_cause(outcome)] += 1
        return causes

    @property
    def failures(self) -> list[Outcome]:
        return [
            o
            for o in self.outcomes
            if (o.case.scored and (not o.success or o.precision < 1))
            or not (o.panel_right and o.panel_or_strip_right)
            or not o.first_meets_danger
            or (o.level_fit is not None and o.level_fit < 1)
            or (o.locality_fit is not None and o.locality_fit < 1)
        ]


FIRST_CAUSES = ("not read", "band 2 alone", "read as another", "another leads", "ranking")
"""Why a danger query's first result does not meet its danger: no danger read at all; only
the learnt alarm's band 2, its one listing leading (:data:`search.engine.BAND2_LEADS`)
unless none could join (a place or level named) or ``--band2-leads 0``; only other
dangers read; the labelled danger read but another leading the results; or the labelled
danger leading and its listings still not first (a ranking fault)."""


def first_cause(outcome: Outcome) -> str:
    """One of :data:`FIRST_CAUSES` for a danger query whose first result is unrelated."""
    danger = outcome.case.danger
    if not outcome.ranked:
        if outcome.band2 and danger in outcome.cues:
            return "band 2 alone"
        return "read as another" if outcome.dangers or outcome.cues else "not read"
    if danger not in outcome.ranked:
        return "read as another"
    return "another leads" if outcome.ranked[0] != danger else "ranking"


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Case(
            query=item["query"],
            needs=tuple(item.get("needs", ())),
            services=tuple(item.get("services", ())),
            danger=item.get("danger") or None,
            cue=bool(item.get("cue", False)),
            language=item.get("language") or "en",
            door=item.get("door") or None,
            levels=tuple(_listed(item.get("levels", ()))),
            locality=item.get("locality") or None,
            parallel=str(item["parallel"]) if item.get("parallel") is not None else None,
            directory=item.get("directory") or None,
        )
        for item in raw["case"]
    ]


def _listed(value: object) -> list[str]:
    """A key given as one value or a list of them, as text."""
    items = value if isinstance(value, list | tuple) else [value]
    return [str(item) for item in items if item is not None and str(item)]


def evaluate(app: Flask, cases: list[Case], read_words: bool = True) -> Report:
    """Run every case as the results page would; call inside an app context.

    ``read_words`` False searches keywords only, as the site did before it read meaning.
    A case in another language reads with that language's reader; a practitioners' case
    searches at the practitioners' door, practitioner-only listings included.
    """
    council = app.extensions["council"]
    default = app.extensions["query_reader"]
    readers = app.extensions["query_readers"]
    danger_needs = default.phrasebook.danger_needs()
    now = datetime.now()
    outcomes = []
    for case in cases:
        reader = readers.get(case.language, default)
        practitioners = case.door == PRACTITIONERS
        wanted = parse_search_args({"q": [case.query]}, council, practitioners)
        query = replace(
            build_query(
                wanted,
                council,
                now,
                reader=reader if read_words else None,
                for_practitioners=practitioners,
            ),
            page_size=TOP,
        )
        results = site_search().search(query)
        found = (practitioner_services_by_id if practitioners else public_services_by_id)(
            [hit.id for hit in results.hits], now.date()
        )
        top = [found[hit.id] for hit in results.hits if hit.id in found][:TOP]
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
                first_needs=frozenset(first_needs),
                first_id=top[0].id if top else "",
                cues=tuple(cued_dangers(results.reading, dangers)),
                band2=bool(results.reading and results.reading.quiet),
                ranked=tuple(
                    concept.code
                    for concept in (results.reading.concepts if results.reading else ())
                    if concept.priority
                ),
                level_fit=_level_fit(case, top),
                locality_fit=_locality_fit(case, top, council),
            )
        )
    return Report(tuple(outcomes))


def _level_fit(case: Case, top: list[Service]) -> float | None:
    if not case.levels:
        return None
    wanted = {level.lower() for level in case.levels}
    fits = [
        any(term.code.lower() in wanted or term.name.lower() in wanted for term in s.terms("level"))
        for s in top
    ]
    return sum(fits) / TOP


def _locality_fit(case: Case, top: list[Service], council: Council) -> float | None:
    """Share of the top 3 offered in the case's locality (by code or name) or borough-wide."""
    if not case.locality:
        return None
    asked = case.locality.lower()
    codes = {
        loc.code for loc in council.localities if asked in (loc.code.lower(), loc.name.lower())
    } or {asked}
    fits = [
        any(
            area.scope == ServiceAreaScope.BOROUGH or (area.locality or "") in codes
            for area in s.service_areas
        )
        for s in top
    ]
    return sum(fits) / TOP


def reading_cost(app: Flask, cases: list[Case], rounds: int = 5) -> dict[str, float]:
    """p50/p95 search time in ms with and without reading the words, and of the reading
    alone (phrasebook, danger cues and spelling, without the engine: steadier on a busy
    machine than the difference of two searches)."""
    council = app.extensions["council"]
    reader = app.extensions["query_reader"]
    now = datetime.now()
    timings: dict[str, list[float]] = {"with": [], "without": [], "read": []}
    for _ in range(rounds):
        for case in cases:
            started = time.perf_counter()
            reader.read(case.query, {}, now.date())
            timings["read"].append((time.perf_counter() - started) * 1000)
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


def import_feed(app: Flask, path: Path = IMPORTED_FEED) -> int:
    """Import an ORUK feed through the importer and the write path, as ``flask listings
    import`` does; the listings it writes. Call inside an app context. Services without an
    ``assured_date`` are dated as checked a month before the load (as a live feed's are):
    the bench measures reading, not the ranking of listings never checked."""
    from directory.demo.loader import demo_geocoder
    from directory.listings.writer import WriteOptions, write_listings
    from importers.limits import Limits
    from importers.oruk import read_oruk_json

    council = app.extensions["council"]
    feed = json.loads(path.read_text(encoding="utf-8"))
    checked = (date.today() - timedelta(days=FEED_CHECKED_DAYS_AGO)).isoformat()
    for service in feed["contents"]:
        service.setdefault("assured_date", checked)
    result = read_oruk_json(json.dumps(feed).encode("utf-8"), council, Limits())
    options = WriteOptions(source="imported-feed", actor="bench", apply=True)
    report = write_listings(result.dataset, council, demo_geocoder(), options, result.problems)
    if report.errors:
        raise SystemExit(f"the imported feed did not load: {report.errors[0]}")
    return len(result.dataset.services)


RULES_ONLY = False
"""``--rules-only``: read without the learnt readings (:mod:`search.learnt_reading`)."""
BAND1_ONLY = False
"""``--band1-only``: the learnt alarm's strip from its band-1 threshold alone, as before it
had a band 2 (:mod:`search.learnt_reading`), for comparison."""
BAND2_FIRST = False
"""``--band2-first``: the learnt alarm's band 2 ranks as band 1 does (its danger's best
listings first, :data:`search.engine.DANGER_LEADS`), for measuring what that would change;
the site leads with one (:data:`search.engine.BAND2_LEADS`), the rest in their own order."""
BACKEND = DEFAULT_ENGINE
"""The search engine the demo app uses (``--backend``)."""


@contextmanager
def demo_app(database_url: str | None, with_imports: bool = False) -> Iterator[Flask]:
    """A throwaway app with the Dudley demo directory and a fresh index (BACKEND's); with
    ``with_imports``, the imported feed too; with RULES_ONLY, readers without the learnt
    readings."""
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
            search_backend=BACKEND,
        )
        app = create_app(config)
        if RULES_ONLY:
            readers = app.extensions["query_readers"]
            for language, reader in readers.items():
                readers[language] = replace(reader, learnt=None)
            app.extensions["query_reader"] = replace(app.extensions["query_reader"], learnt=None)
        if BAND1_ONLY:
            readers = app.extensions["query_readers"]
            for language, reader in readers.items():
                readers[language] = band1_only(reader)
            app.extensions["query_reader"] = band1_only(app.extensions["query_reader"])
        if BAND2_FIRST:
            readers = app.extensions["query_readers"]
            for language, reader in readers.items():
                readers[language] = band2_first(reader)
            app.extensions["query_reader"] = band2_first(app.extensions["query_reader"])
        with app.app_context():
            upgrade()
            load_demo(app.extensions["council"])
            if with_imports:
                import_feed(app)
            app.extensions["search"].rebuild()
            yield app
            db.engine.dispose()


def band1_only(reader: QueryReader) -> QueryReader:
    """``reader`` with its learnt alarm's band 2 off (the strip from band 1's threshold)."""
    if reader.learnt is None:
        return reader
    learnt = reader.learnt
    return replace(reader, learnt=replace(learnt, strip_least=learnt.alarm_least))


def band2_first(reader: QueryReader) -> QueryReader:
    """``reader`` with its learnt alarm's band 2 ranking as band 1 (band 1 from band 2's
    threshold)."""
    if reader.learnt is None:
        return reader
    learnt = reader.learnt
    return replace(reader, learnt=replace(learnt, danger_least=learnt.band_least))


def print_report(report: Report, show_failures: bool, title: str = "development set") -> None:
    """The figures of one set; failures (development set only) on request."""
    outcomes = report.outcomes
    print(f"== {title}")
    print(
        f"{len(outcomes)} queries ({len(report.scored)} scored), "
        f"{len(report.danger_cases)} signalling a danger; doors {report.door_counts}"
    )
    print(f"success@3     {report.success_at_3:6.1%}   (target >= {TARGETS['success']:.0%})")
    print(f"precision@3   {report.precision_at_3:6.3f}   (target >= {TARGETS['precision']})")
    print(f"safety panel  {report.safety_hit_rate:6.1%}   (strong signals)")
    print(f"panel/strip   {report.panel_or_strip_hit_rate:6.1%}   (target 100%)")
    print(f"false alarms  {len(report.false_alarms):6d}   panel (target 0)")
    print(
        f"              {len(report.strip_false_alarms):6d}   panel or strip (target 0 but the "
        f"learnt alarm's band 2: {len(report.band2_false_alarms)} of "
        f"{len(report.ordinary)} ordinary)"
    )
    print(f"danger queries with an unrelated first result: {len(report.unsafe_firsts)}")
    if report.unsafe_firsts:
        causes = report.unsafe_first_causes()
        print("  of them: " + ", ".join(f"{cause} {count}" for cause, count in causes.items()))
    languages = report.by_language()
    if len(languages) > 1:
        print("success@3 by language: " + ", ".join(f"{k} {v:.1%}" for k, v in languages.items()))
        precisions = report.precision_by_language()
        print(
            "precision@3 by language: " + ", ".join(f"{k} {v:.3f}" for k, v in precisions.items())
        )
    for language, (count, own, english) in report.parallel_gaps().items():
        print(f"parallel {language}: {count} cases, {own:.1%} against English {english:.1%}")
    for name in ("level_fit", "locality_fit"):
        fit = report.fit(name)
        if fit is not None:
            print(f"{name}: {fit[0]} cases, {fit[1]:.1%} of top-3 results fit")
            shown = report.shown_fit(name)
            if shown is not None:
                print(f"  {shown[1]:.1%} of the results shown; {shown[0]} empty places")
    if show_failures:
        for outcome in report.failures:
            marks = []
            if not outcome.success:
                marks.append("miss")
            if outcome.precision < 1:
                marks.append(f"p@3={outcome.precision:.2f}")
            if not outcome.panel_right:
                marks.append(f"panel={list(outcome.dangers)}")
            if not outcome.panel_or_strip_right:
                marks.append(f"strip={list(outcome.cues)}")
            if not outcome.first_meets_danger:
                marks.append(f"first={sorted(outcome.first_needs)} ({first_cause(outcome)})")
            if outcome.level_fit is not None and outcome.level_fit < 1:
                marks.append(f"level={outcome.level_fit:.2f}")
            if outcome.locality_fit is not None and outcome.locality_fit < 1:
                marks.append(f"locality={outcome.locality_fit:.2f}")
            print(f"  [{', '.join(marks)}] {outcome.case.query!r}: {list(outcome.top)}")


def run_file(path: Path, database_url: str | None, show_failures: bool, read_words: bool) -> None:
    """Run one case file (as the development set is run) and print its figures."""
    every_case = load_cases(path)
    cases = [case for case in every_case if case.directory != WITH_IMPORTS]
    imported = [case for case in every_case if case.directory == WITH_IMPORTS]
    if imported:
        with demo_app(database_url, with_imports=True) as app:
            print_report(
                evaluate(app, imported, read_words), show_failures, f"{path.name}, with imports"
            )
    if cases:
        with demo_app(database_url) as app:
            print_report(evaluate(app, cases, read_words), show_failures, path.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL database URL to run on instead")
    parser.add_argument(
        "--failures", action="store_true", help="list the development queries that miss"
    )
    parser.add_argument(
        "--keywords-only", action="store_true", help="score keyword search, without reading"
    )
    parser.add_argument(
        "--set",
        choices=("dev", "held-out", "both"),
        default="dev",
        help="which set to run (held-out: aggregate figures only)",
    )
    parser.add_argument(
        "--file",
        type=Path,
        help="run this case file (the development set's format) instead of the sets",
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="read without the learnt readings"
    )
    parser.add_argument(
        "--band1-only",
        action="store_true",
        help="the learnt strip from the alarm's band-1 threshold alone (as before band 2)",
    )
    parser.add_argument(
        "--band2-first",
        action="store_true",
        help="the learnt alarm's band 2 ranks as band 1 (for comparison; not the site's)",
    )
    parser.add_argument(
        "--band2-leads",
        type=int,
        help="this many of a band-2 danger's listings first (the site's: "
        "search.engine.BAND2_LEADS; 0: band 2 ranks nothing, as before issue 17)",
    )
    parser.add_argument(
        "--danger-leads",
        type=int,
        help="this many of a danger's listings lead (the site's: search.engine.DANGER_LEADS; "
        "a large number: every one, as before issue 17)",
    )
    parser.add_argument(
        "--backend",
        choices=ENGINES,
        default=os.environ.get("SEARCH_BACKEND", DEFAULT_ENGINE),
        help="the search engine (default: SEARCH_BACKEND, else the site's default)",
    )
    args = parser.parse_args()
    global RULES_ONLY, BAND1_ONLY, BAND2_FIRST, BACKEND
    RULES_ONLY = args.rules_only
    BAND1_ONLY = args.band1_only
    BAND2_FIRST = args.band2_first
    if args.band2_leads is not None:
        engine.BAND2_LEADS = args.band2_leads
    if args.danger_leads is not None:
        engine.DANGER_LEADS = args.danger_leads
    BACKEND = args.backend
    print(f"search backend: {BACKEND}")
    if args.file is not None:
        run_file(args.file, args.postgres, args.failures, not args.keywords_only)
        return
    every_case = load_cases()
    cases = [case for case in every_case if case.directory != WITH_IMPORTS]
    imported = [case for case in every_case if case.directory == WITH_IMPORTS]
    if imported and args.set in ("dev", "both"):
        with demo_app(args.postgres, with_imports=True) as app:
            feed_report = evaluate(app, imported, not args.keywords_only)
    with demo_app(args.postgres) as app:
        if args.set in ("dev", "both"):
            report = evaluate(app, cases, not args.keywords_only)
            print_report(report, args.failures)
            if imported:
                print_report(feed_report, args.failures, "development set, with imports")
        if args.set in ("held-out", "both"):
            held_out = evaluate(app, load_cases(HELD_OUT_FILE), not args.keywords_only)
            print_report(held_out, show_failures=False, title="held-out set (aggregate only)")
        cost = reading_cost(app, cases)
    added = cost["with_p95"] - cost["without_p95"]
    print(
        f"search ms     with reading p50 {cost['with_p50']:.1f} / p95 {cost['with_p95']:.1f}; "
        f"keywords only p50 {cost['without_p50']:.1f} / p95 {cost['without_p95']:.1f}; "
        f"reading adds {added:.1f} ms to p95 (target <= {MAX_READING_MS:.0f})"
    )
    print(f"reading alone p50 {cost['read_p50']:.2f} / p95 {cost['read_p95']:.2f} ms")


if __name__ == "__main__":
    main()
