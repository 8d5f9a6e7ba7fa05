"""One language's misses, with how each was read: where its searches fail to find help.

Runs one language's sentences through the site's search over the demo directory, as
``bench/relevance.py`` does, from two sources reported apart:

- ``dev``: the development sets' cases in that language (``families.toml``,
  ``languages_dev.toml``), which the reader is tuned on;
- ``validation``: the validation quarter of ``councils/training/*.toml`` in that language
  (:func:`search.examples.split`), that name a need;
- ``learnt``: the other three quarters, which the learnt reader learns from: read with
  ``--rules-only`` they show what the rules miss in sentences nobody tuned the rules on
  one by one (with the learnt readings they flatter, as the model has seen them).

It prints success@3 and precision@3 for each, and with ``--failures`` each miss: the
sentence, the needs it wanted, the words as glossed into English, the concepts read (and
from which words) and the top three's names, to group the misses by cause.

    .venv/bin/python bench/language_failures.py pl [--failures] [--rules-only]
        [--source dev|validation|learnt|both] [--file TRAINING_FILE]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench.relevance  # noqa: E402
from bench.relevance import (  # noqa: E402
    CASES_FILE,
    WITH_IMPORTS,
    Case,
    Report,
    demo_app,
    evaluate,
    load_cases,
)
from directory.learning import training_cases  # noqa: E402
from search.examples import Case as Sentence  # noqa: E402
from search.examples import read_cases, split  # noqa: E402

DEV_FILES = (CASES_FILE, CASES_FILE.with_name("languages_dev.toml"))


def dev_cases(language: str) -> list[Case]:
    return [
        case
        for path in DEV_FILES
        for case in load_cases(path)
        if case.language == language and case.directory != WITH_IMPORTS and case.scored
    ]


def _as_cases(sentences: list[Sentence], language: str) -> list[Case]:
    return [
        Case(query=case.query, needs=case.needs, danger=case.danger, cue=True, language=language)
        for case in sentences
        if case.language == language and case.needs
    ]


def _training(path: Path | None) -> list[Sentence]:
    return read_cases(path) if path is not None else training_cases()


def validation_cases(language: str, path: Path | None = None) -> list[Case]:
    return _as_cases(split(_training(path))[1], language)


def learnt_cases(language: str, path: Path | None = None) -> list[Case]:
    return _as_cases(split(_training(path))[0], language)


def summary(report: Report) -> str:
    outcomes = report.outcomes
    if not outcomes:
        return "no cases"
    success = sum(o.success for o in outcomes) / len(outcomes)
    precision = sum(o.precision for o in outcomes) / len(outcomes)
    return f"{len(outcomes)} cases: success@3 {success:.1%}, precision@3 {precision:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language")
    parser.add_argument("--failures", action="store_true", help="list the misses, as read")
    parser.add_argument("--source", choices=("dev", "validation", "learnt", "both"), default="both")
    parser.add_argument(
        "--rules-only", action="store_true", help="read without the learnt readings"
    )
    parser.add_argument(
        "--file", type=Path, help="one training file's sentences instead of every file's"
    )
    args = parser.parse_args()
    bench.relevance.RULES_ONLY = args.rules_only
    sources = {
        "dev": (lambda language: dev_cases(language)) if args.source in ("dev", "both") else None,
        "validation": (lambda language: validation_cases(language, args.file))
        if args.source in ("validation", "both")
        else None,
        "learnt": (lambda language: learnt_cases(language, args.file))
        if args.source == "learnt"
        else None,
    }
    with demo_app(None) as app:
        reader = app.extensions["query_readers"][args.language]
        for name, cases_of in sources.items():
            if cases_of is None:
                continue
            report = evaluate(app, cases_of(args.language))
            print(f"{args.language} {name}: {summary(report)}")
            if not args.failures:
                continue
            for outcome in report.outcomes:
                if outcome.success:
                    continue
                case = outcome.case
                glossed = reader.gloss(case.query)
                reading = reader.read(glossed, {}, date.today())
                read = "; ".join(
                    f"{c.key}<{c.evidence or f'learnt {c.learnt:.2f}'}>" for c in reading.concepts
                )
                print(f"- {case.query}\n    wanted {', '.join(case.needs)}")
                print(f"    glossed {glossed}\n    read    {read or '(nothing)'}")
                print(f"    top     {' | '.join(outcome.top)}")


if __name__ == "__main__":
    main()
