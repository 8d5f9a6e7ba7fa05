"""Whether a danger search leads with help for the danger it reads (issue 17).

    .venv/bin/python bench/danger_first.py [--share learnt|validation] [--list] [--rules-only]

Runs every danger sentence of the training files' chosen share (``councils/training``;
the learnt share by default, the validation share for aggregate figures only) through the
site's search over the Dudley demo, as ``bench/relevance.py`` does, and counts, per
language: the dangers read (panel or strip); of those, how often the first result meets
*none of the dangers read* (the page's promise: a read danger leads with its help) and how
often it does not meet the labelled danger; how often the panel or strip leads with
another danger than the labelled one (its line first) while the labelled one is read too;
and the dangers not read at all (a ranking cannot serve those: recall can). It counts too
how often the first result is *unrelated* to the labelled danger: it does not meet the
danger's needs, or its own words (name, summary, description, read with the phrasebook)
speak only of another danger while some listing's words speak of this one (the Domestic
Abuse Helpline for a missing child), or the danger is a child's (``whom = "young"`` in the
phrasebook) and the listing is for adults only (by its ages or its words). ``--list``
prints the learnt share's read dangers whose first result meets no danger read, or not
the labelled one, is unrelated, and those led by another danger.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import relevance  # noqa: E402
from bench.training_share import LANGUAGES, add_share_argument, share_cases  # noqa: E402
from directory.extensions import db  # noqa: E402
from directory.models import Service  # noqa: E402
from directory.queries.services import public_services_by_id  # noqa: E402
from search.audience import ADULT, first_sentence, inferred_audience  # noqa: E402
from search.indexing import ADULT_FROM  # noqa: E402


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
        reader = app.extensions["query_reader"]
        danger_needs = reader.phrasebook.danger_needs()
        unrelated_to = _unrelated(reader, report.outcomes)
    total: Counter[str] = Counter()
    read: Counter[str] = Counter()
    unserved: Counter[str] = Counter()
    not_labelled: Counter[str] = Counter()
    led_by_other: Counter[str] = Counter()
    unrelated: Counter[str] = Counter()
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
        why = unrelated_to.get(id(outcome))
        if why:
            unrelated[language] += 1
            faults.append(
                f"UNREL {outcome.case.danger} ({why}) read {shown} {language}"
                f" {outcome.case.query} -> {outcome.top[:1]}"
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
            f" {_count(not_labelled, language)}, unrelated to it {_count(unrelated, language)};"
            f" led by another danger read"
            f" {_count(led_by_other, language)}; not read {dangers - shown}"
        )
    if args.list:
        for line in sorted(faults):
            print(line)


def _unrelated(reader: object, outcomes: tuple[relevance.Outcome, ...]) -> dict[int, str]:
    """Why each read danger's first result is unrelated to the labelled danger (by the
    outcome's id; none when it is related): see the module docstring."""
    book = reader.phrasebook  # type: ignore[attr-defined]
    entries = {e.code: e for e in book.entries if e.section == "dangers"}
    codes: dict[str, set[str]] = {}
    for words, entry in book.keys.items():
        if entry.section == "dangers":
            codes.setdefault("~".join(w[:5] for w in words), set()).add(entry.code)
    today = date.today()
    spoken: dict[str, tuple[set[str], bool]] = {}

    def words_of(listing_id: str) -> tuple[set[str], bool]:
        """The dangers a listing's own words speak of, and whether it is for adults only."""
        if listing_id not in spoken:
            service = public_services_by_id([listing_id], today).get(listing_id)
            if service is None:
                spoken[listing_id] = (set(), False)
                return spoken[listing_id]
            said: set[str] = set()
            for text in (service.name, service.summary or "", service.description or ""):
                for key in reader.needs_in(text)[1]:  # type: ignore[attr-defined]
                    said |= codes.get(key, set())
            low = service.minimum_age
            ages = range(low or 0, (service.maximum_age or 25) + 1)
            summary = service.summary or first_sentence(service.description or "")
            who, _ = inferred_audience(service.name, summary, service.kind or "", ages)
            adult = (low is not None and low >= ADULT_FROM) or (
                (low is None or low >= ADULT_FROM) and who == ADULT
            )
            spoken[listing_id] = (said, adult)
        return spoken[listing_id]

    anywhere: set[str] = set()
    for listing_id in db.session.scalars(sa.select(Service.id)):
        anywhere |= words_of(listing_id)[0]
    found: dict[int, str] = {}
    for outcome in outcomes:
        danger = outcome.case.danger
        if not danger or not outcome.first_id or not (*outcome.dangers, *outcome.cues):
            continue
        said, adult = words_of(outcome.first_id)
        if not outcome.first_meets_danger:
            found[id(outcome)] = "meets not its needs"
        elif danger in anywhere and said and danger not in said:
            found[id(outcome)] = "words of " + "/".join(sorted(said))
        elif entries[danger].whom and adult:
            found[id(outcome)] = "for adults"
    return found


def _count(counter: Counter[str], language: str) -> int:
    """The count for ``language``, or for every language ("all")."""
    return sum(counter.values()) if language == "all" else counter[language]


if __name__ == "__main__":
    main()
