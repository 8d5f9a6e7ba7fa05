"""The learnt reader: how long it takes to build and to read, and the thresholds' trade-off.

    .venv/bin/python bench/learnt.py [--train] [--validation-file PATH]

Prints the time to build the model (``--train`` builds it afresh), the alarm's threshold
calibrated with it (:mod:`search.calibration`) and what it reads on validation there and at
the old hand-picked 0.995, what reading one query costs (the model alone and what it
adds to the reader), and, for the development set
(``tests/fixtures/relevance/families.toml``) and the validation part of the training
sentences (never learnt from), the trade-off the thresholds were chosen from: for each
danger threshold, the dangers the rules miss that the model reads (the right danger among
those it reads, any danger) and its false alarms on sentences with no danger that the
rules leave quiet; for each need threshold, how often the likeliest need the model adds
is one the case expects.
``--validation-file`` also writes the validation sentences as a case file, for
``bench/relevance.py --file``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory.alarm_report import alarm_figures, describe, describe_figures  # noqa: E402
from directory.calibration import calibration_sentences  # noqa: E402
from directory.config import DEFAULT_COUNCIL_FILE  # noqa: E402
from directory.council import load_council  # noqa: E402
from directory.learning import learnt_model, training_cases  # noqa: E402
from directory.safety import load_safety_lines  # noqa: E402
from directory.understanding import load_reader  # noqa: E402
from search.calibration import STRIP_BUDGET, parts, strip_threshold  # noqa: E402
from search.examples import split  # noqa: E402
from search.learnt import LearntModel  # noqa: E402
from search.understanding import QueryReader  # noqa: E402

DEV_FILE = ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
DANGER_STEPS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.985, 0.99, 0.995)
HAND_PICKED = 0.995
"""The alarm's threshold before it was calibrated, for comparison."""
BUDGETS = (0.0, 0.0025, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05)
"""Band 2's false-alarm budgets whose trade-off is printed (:data:`STRIP_BUDGET` chosen)."""
NEED_STEPS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
Row = tuple[str, tuple[str, ...], str | None, str]  # query, needs, danger, language


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help="build the model afresh")
    parser.add_argument("--validation-file", type=Path, help="write the validation cases here")
    args = parser.parse_args()
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    built = learnt_model(rebuild=args.train)
    how = f"trained in {built.seconds:.1f} s" if built.trained else "loaded from the cache"
    print(f"model {built.path.name}: {built.model.examples} examples, {how}")
    print(describe(built.model.alarm))
    readers = {
        language: load_reader(council, safety, language=language)
        for language in ("en", "pl", "ur", "pa")
    }
    dev = [
        (c["query"], tuple(c.get("needs", ())), c.get("danger"), c.get("language", "en"))
        for c in tomllib.loads(DEV_FILE.read_text(encoding="utf-8"))["case"]
    ]
    _, held = split(training_cases())
    validation = [(c.query, c.needs, c.danger, c.language) for c in held]
    if args.validation_file is not None:
        _write_cases(args.validation_file, held)
        print(f"wrote {len(held)} validation cases to {args.validation_file}")
    least = built.model.danger_least
    for threshold in sorted({least, built.model.strip_least, HAND_PICKED} - {float("inf")}):
        print(describe_figures(alarm_figures(readers, held, threshold), threshold))
    _timing(readers["en"], [row[0] for row in dev + validation])
    for name, rows in (("development set", dev), ("validation", validation)):
        print(f"== {name}: {len(rows)} cases, {sum(1 for r in rows if r[2])} with a danger")
        quiet = _danger_curve(readers, rows, least)
        _budget_curve(built.model, quiet)
        _need_curve(readers, rows)


def _timing(reader: QueryReader, texts: list[str]) -> None:
    """Microseconds per query, wall clock and CPU (on a shared machine the wall clock
    includes waiting for a core): the model's predictions (needs and danger), and the
    reader with and without the learnt readings."""
    learnt = reader.learnt
    assert learnt is not None
    rules = replace(reader, learnt=None)
    today = date.today()
    runs = {
        "model alone": lambda text: learnt.model.read(text, learnt.need_least),
        "rules": lambda text: rules.read(text, {}, today),
        "rules+learnt": lambda text: reader.read(text, {}, today),
    }
    print(f"per query, {len(texts)} queries, load average {os.getloadavg()[0]:.1f}:")
    for name, run in runs.items():
        wall, cpu = [], []
        for text in texts:
            started, used = time.perf_counter(), time.thread_time()
            run(text)
            wall.append((time.perf_counter() - started) * 1e6)
            cpu.append((time.thread_time() - used) * 1e6)
        print(f"  {name:13} wall {_figures(wall)}; CPU {_figures(cpu)}")


def _figures(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95)]
    return f"median {statistics.median(ordered):6.0f} us, p95 {p95:6.0f} us"


Quiet = list[tuple[tuple[str, ...], float, str | None]]
"""Of each case the rules read no danger in: the model's dangers, alarm, labelled danger."""


def _danger_curve(readers: dict[str, QueryReader], rows: list[Row], calibrated: float) -> Quiet:
    """What each danger threshold (and the ``calibrated`` one) adds where the rules read
    no danger; the cases it was measured on."""
    today = date.today()
    quiet: Quiet = []
    for query, _, danger, language in rows:
        reader = readers.get(language, readers["en"])
        rules = replace(reader, learnt=None).read(query, {}, today)
        if rules.dangers or rules.cues:
            continue
        assert reader.learnt is not None
        if reader.holds_lookalike(query):
            continue  # the learnt reader reads no danger there
        guess = reader.learnt.model.danger(query)
        if guess is not None:
            quiet.append(((guess.code, *guess.others), guess.probability, danger))
    missed = sum(1 for _, _, danger in quiet if danger)
    print(f"  rules read no danger in {missed} danger cases and {len(quiet) - missed} others")
    for least in sorted({*DANGER_STEPS, calibrated} - {float("inf")}):
        right = sum(1 for codes, p, danger in quiet if danger and p >= least and danger in codes)
        found = sum(1 for _, p, danger in quiet if danger and p >= least)
        false = sum(1 for _, p, danger in quiet if not danger and p >= least)
        print(
            f"  danger >= {least:.4f}: reads {right} right ({found} any) of {missed}; "
            f"false alarms {false}{' (calibrated)' if least == calibrated else ''}"
        )
    return quiet


def _budget_curve(model: LearntModel, quiet: Quiet) -> None:
    """For each band-2 budget: the threshold it gives on the calibration set (as
    :func:`search.calibration.calibrate` chooses it) and what the strip reads at it."""
    chosen_on, _ = parts(calibration_sentences(training_cases()))
    scores = [model.calibration_alarm(text) for text in chosen_on]
    missed = sum(1 for _, _, danger in quiet if danger)
    others = len(quiet) - missed
    for budget in BUDGETS:
        least = strip_threshold(scores, budget, model.danger_least)
        reached = sum(1 for score in scores if score >= least)
        found = sum(1 for _, p, danger in quiet if danger and p >= least)
        right = sum(1 for codes, p, danger in quiet if danger and p >= least and danger in codes)
        false = sum(1 for _, p, danger in quiet if not danger and p >= least)
        print(
            f"  band 2 budget {budget:6.2%}: from {least:.4f} (calibration {reached}/"
            f"{len(scores)}); strip reads {right} right ({found} any) of {missed}; false "
            f"alarms {false} of {others}{' (chosen)' if budget == STRIP_BUDGET else ''}"
        )


def _need_curve(readers: dict[str, QueryReader], rows: list[Row]) -> None:
    """For each need threshold: cases where the rules read no need and the model adds one,
    and how often its first is one the case expects."""
    today = date.today()
    scored = []
    for query, needs, _, language in rows:
        if not needs:
            continue
        reader = readers.get(language, readers["en"])
        rules = replace(reader, learnt=None).read(query, {}, today)
        if any(c.needs for c in rules.concepts):
            continue
        assert reader.learnt is not None
        guesses = reader.learnt.model.needs(query)
        scored.append((guesses[0].code, guesses[0].probability, needs))
    print(f"  rules read no need in {len(scored)} cases")
    for least in NEED_STEPS:
        added = [(code, needs) for code, p, needs in scored if p >= least]
        right = sum(1 for code, needs in added if code in needs)
        print(f"  need >= {least:.2f}: adds one in {len(added)}, right in {right}")


def _write_cases(path: Path, cases: list) -> None:  # type: ignore[type-arg]
    lines = []
    for case in cases:
        lines.append("[[case]]")
        lines.append(f"query = {_quoted(case.query)}")
        lines.append(f"needs = [{', '.join(_quoted(n) for n in case.needs)}]")
        if case.danger:
            lines.append(f"danger = {_quoted(case.danger)}")
        if case.language != "en":
            lines.append(f"language = {_quoted(case.language)}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
