"""Whether a danger search leads with help for the danger it reads (issue 17).

    .venv/bin/python bench/danger_first.py [--share learnt|validation] [--list] [--rules-only]

Runs every danger sentence of the training files' chosen share (``councils/training``;
the learnt share by default, the validation share for aggregate figures only) through the
site's search over the Dudley demo, as ``bench/relevance.py`` does, and counts, per
language: the dangers read (panel or strip); of those, how often the first result meets
*none of the dangers read* (the page's promise: a read danger leads with its help) and how
often it does not meet the labelled danger; how often the panel or strip leads with
another danger than the labelled one (its line first) while the labelled one is read too;
and the dangers not read at all (a ranking cannot serve those: recall can). ``--list``
prints the learnt share's read dangers whose first result meets no danger read, or not
the labelled one, and those led by another danger.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import relevance  # noqa: E402
from bench.training_share import LANGUAGES, add_share_argument, share_cases  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_share_argument(parser)
    parser.add_argument("--list", action="store_true", help="list the learnt share's faults")
    parser.add_argument("--rules-only", action="store_true", help="without the learnt reader")
    args = parser.parse_args()
    if args.share == "validation" and args.list:
        parser.error("the validation share is measured only as a whole: no --list")
    relevance.RULES_ONLY = args.rules_only
    chosen = share_cases(args.share)
    cases = [
        relevance.Case(
            query=case.query,
            needs=tuple(case.needs),
            danger=case.danger,
            cue=True,
            language=case.language,
        )
        for case in chosen
        if case.danger
    ]
    with relevance.demo_app(None) as app:
        report = relevance.evaluate(app, cases)
        danger_needs = app.extensions["query_reader"].phrasebook.danger_needs()
    total: Counter[str] = Counter()
    read: Counter[str] = Counter()
    unserved: Counter[str] = Counter()
    not_labelled: Counter[str] = Counter()
    led_by_other: Counter[str] = Counter()
    faults: list[str] = []
    for outcome in report.outcomes:
        language = outcome.case.language
        total[language] += 1
        shown = (*outcome.dangers, *outcome.cues)
        if not shown:
            continue
        read[language] += 1
        meets = {
            danger for danger in shown if outcome.first_needs & set(danger_needs.get(danger, ()))
        }
        if not meets:
            unserved[language] += 1
            faults.append(f"NONE  {shown} {language} {outcome.case.query} -> {outcome.top[:1]}")
        if shown[0] != outcome.case.danger and outcome.case.danger in shown:
            led_by_other[language] += 1
            faults.append(
                f"LEAD  {outcome.case.danger} read {shown} {language} {outcome.case.query}"
            )
        if not outcome.first_meets_danger:
            not_labelled[language] += 1
            faults.append(
                f"LABEL {outcome.case.danger} read {shown} {language} {outcome.case.query}"
                f" -> {outcome.top[:1]}"
            )
    print(f"== {args.share} share, danger sentences{' (rules only)' if args.rules_only else ''}")
    for language in (*LANGUAGES, "all"):
        dangers, shown = _count(total, language), _count(read, language)
        print(
            f"  {language:3} {dangers} dangers, read {shown}; of those read, first result meets"
            f" no danger read {_count(unserved, language)}, not the labelled danger"
            f" {_count(not_labelled, language)}; led by another danger read"
            f" {_count(led_by_other, language)}; not read {dangers - shown}"
        )
    if args.list:
        for line in sorted(faults):
            print(line)


def _count(counter: Counter[str], language: str) -> int:
    """The count for ``language``, or for every language ("all")."""
    return sum(counter.values()) if language == "all" else counter[language]


if __name__ == "__main__":
    main()
