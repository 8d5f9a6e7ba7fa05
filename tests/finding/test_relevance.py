"""Relevance: queries written the way parents type, held to the targets on both databases.

The set is ``tests/fixtures/relevance/families.toml``; ``bench/relevance.py`` prints the
same figures and lists the queries that miss (``--failures``).
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from flask import Flask

from bench.relevance import TARGETS, WITH_IMPORTS, Report, evaluate, load_cases
from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import SAFETY_FILE, SafetyLines, load_safety_lines
from search.calibration import STRIP_BUDGET

MIN_CASES = 150
MIN_PER_NEED = 5
MIN_PER_DANGER = 5


def _misses(report: Report) -> str:
    return "\n".join(
        f"{o.case.query!r}: {list(o.top)} panel={list(o.dangers)}" for o in report.failures
    )


def test_family_queries_meet_the_relevance_and_safety_targets(search_app: Flask) -> None:
    with search_app.app_context():
        cases = [case for case in load_cases() if case.directory != WITH_IMPORTS]
        report = evaluate(search_app, cases)
    assert report.success_at_3 >= TARGETS["success"], _misses(report)
    assert report.precision_at_3 >= TARGETS["precision"], _misses(report)
    assert report.safety_hit_rate == 1.0, _misses(report)
    assert not report.false_alarms, _misses(report)
    assert not report.unsafe_firsts, _misses(report)
    assert report.panel_or_strip_hit_rate == 1.0, _misses(report)
    # The strip's false alarms are the learnt alarm's band 2 alone (the strip and one
    # listing first, the rest in their order), within its budget (STRIP_BUDGET).
    band2 = report.band2_false_alarms
    assert [o.case.query for o in report.strip_false_alarms if o not in band2] == []
    assert len(band2) <= math.ceil(STRIP_BUDGET * len(report.ordinary)), band2


SECOND_SET = """
[[case]]
query = "food bank"
needs = ["food"]
parallel = "food"

[[case]]
query = "bank żywności"
needs = ["food"]
language = "pl"
parallel = "food"

[[case]]
query = "he said he'd finish me off"
needs = ["domestic-abuse"]
danger = "domestic-abuse"

[[case]]
query = "knife and fork"

[[case]]
query = "food bank"
needs = ["food"]
door = "practitioners"
levels = ["universal"]
locality = "brierley-hill"
"""


def test_the_bench_reads_a_second_set_with_languages_doors_and_parallel_cases(
    search_app: Flask, tmp_path: Path
) -> None:
    """The held-out set's optional keys, on a set of our own (the held-out set is never
    read by a test: only ``bench/relevance.py --set held-out`` prints its aggregates)."""
    path = tmp_path / "second.toml"
    path.write_text(SECOND_SET, encoding="utf-8")
    cases = load_cases(path)
    assert [c.language for c in cases] == ["en", "pl", "en", "en", "en"]
    with search_app.app_context():
        report = evaluate(search_app, cases)
    assert report.door_counts == {"family": 4, "practitioners": 1}
    assert len(report.scored) == 4  # "knife and fork" names no needs: safety only
    assert set(report.by_language()) == {"en", "pl"}
    assert report.parallel_gaps()["pl"][0] == 1
    assert report.panel_or_strip_hit_rate == 1.0
    assert report.strip_false_alarms == []
    assert report.fit("level_fit") is not None and report.fit("locality_fit") is not None


def test_the_set_covers_every_need_and_every_danger() -> None:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety: SafetyLines = load_safety_lines(council, SAFETY_FILE)
    cases = load_cases()
    assert len(cases) >= MIN_CASES
    needs = Counter(need for case in cases for need in case.needs)
    known = {term.code for term in council.terms("need")}
    assert set(needs) <= known
    assert {code: needs[code] for code in known if needs[code] < MIN_PER_NEED} == {}
    dangers = Counter(case.danger for case in cases if case.danger)
    assert set(dangers) == set(safety.dangers)
    assert min(dangers.values()) >= MIN_PER_DANGER
