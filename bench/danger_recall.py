"""The rules' danger recall on the training sentences, and their false alarms on look-alikes.

    .venv/bin/python bench/danger_recall.py [--share learnt|validation] [--misses] [--alarms]
        [--learnt [--band1-only]] [--danger CODE] [--by-danger]

Reads every training sentence (``councils/training/*.toml``) of the chosen share (the
learnt share by default; the validation share only for the aggregate figures) with the
deployment's reader for its language, the learnt reader left out: the rules alone
(phrasebook danger phrases, the cue lexicon, harm read by co-occurrence). Prints, per
language, how many danger sentences the rules read some danger in (panel or strip) and
the right one, and how many sentences without a danger (look-alikes and everyday
sentences) raise one, and how many dangers read lead with the labelled one (the first
danger the panel or strip shows, whose line and listings come first). ``--misses`` lists
the learnt share's danger sentences read as no danger, by danger; ``--alarms`` lists the
sentences with no danger that raise one; ``--leads`` those read whose first danger is not
the labelled one though the labelled one is read too; ``--by-danger`` adds the figures
per labelled danger. ``--learnt`` reads with the
learnt reader too (its alarm's strip, both bands: :mod:`search.learnt_reading`; on the
learnt share it has seen the sentences, so only the validation share is honest), and
``--band1-only`` with its band 1 alone, as before band 2. ``--danger CODE`` counts one
danger: the sentences labelled with it, and as false alarms the sentences without a
danger that read it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.training_share import LANGUAGES, add_share_argument, share_cases  # noqa: E402
from directory.config import DEFAULT_COUNCIL_FILE  # noqa: E402
from directory.council import load_council  # noqa: E402
from directory.safety import load_safety_lines  # noqa: E402
from directory.understanding import load_reader  # noqa: E402
from search.understanding import QueryReader  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_share_argument(parser)
    parser.add_argument("--misses", action="store_true", help="list the missed dangers")
    parser.add_argument("--alarms", action="store_true", help="list the false alarms")
    parser.add_argument(
        "--leads", action="store_true", help="list the labelled dangers read second"
    )
    parser.add_argument(
        "--learnt", action="store_true", help="read with the learnt alarm too (both bands)"
    )
    parser.add_argument(
        "--by-danger",
        action="store_true",
        help="also print the figures per labelled danger (all languages)",
    )
    parser.add_argument(
        "--band1-only", action="store_true", help="with --learnt: the alarm's band 1 alone"
    )
    parser.add_argument(
        "--danger", metavar="CODE", help="count one danger: its sentences and its false alarms"
    )
    args = parser.parse_args()
    if args.share == "validation" and (args.misses or args.leads):
        parser.error("the validation share is measured only as a whole: no lists")
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    readers = {
        language: _reader(load_reader(council, safety, language=language), args)
        for language in LANGUAGES
    }
    cases = share_cases(args.share)
    today = date.today()
    by_danger: dict[str, Counter[str]] = {}
    danger_total: Counter[str] = Counter()
    danger_any: Counter[str] = Counter()
    danger_right: Counter[str] = Counter()
    danger_leads: Counter[str] = Counter()
    quiet_total: Counter[str] = Counter()
    quiet_alarms: Counter[str] = Counter()
    missed: list[tuple[str, str, str]] = []
    second: list[tuple[str, str, str, str]] = []
    alarms: list[tuple[str, str, tuple[str, ...]]] = []
    for case in cases:
        reading = readers.get(case.language, readers["en"]).read(case.query, {}, today)
        read = (*reading.dangers, *reading.cues)
        if args.danger:
            if case.danger and case.danger != args.danger:
                continue
            if not case.danger:
                read = tuple(code for code in read if code == args.danger)
        if case.danger:
            counts = by_danger.setdefault(case.danger, Counter())
            counts["total"] += 1
            counts["read"] += bool(read)
            counts["right"] += case.danger in read
            danger_total[case.language] += 1
            if read:
                danger_any[case.language] += 1
                danger_right[case.language] += case.danger in read
                leading = next((c.code for c in reading.concepts if c.priority), read[0])
                danger_leads[case.language] += leading == case.danger
                if leading != case.danger and case.danger in read:
                    second.append((case.danger, leading, case.language, case.query))
            else:
                missed.append((case.danger, case.language, case.query))
        else:
            quiet_total[case.language] += 1
            if read:
                for code in set(read):
                    by_danger.setdefault(code, Counter())["alarms"] += 1
                quiet_alarms[case.language] += 1
                alarms.append((case.language, case.query, read))
    how = (
        "rules only (phrasebook, cues, harm co-occurrence)"
        if not args.learnt
        else "rules and the learnt alarm's band 1 only"
        if args.band1_only
        else "rules and the learnt alarm, both bands"
    )
    print(f"== {args.share} share: {how}" + (f"; {args.danger} alone" if args.danger else ""))
    for language in (*LANGUAGES, "all"):
        total = _count(danger_total, language)
        found, right = _count(danger_any, language), _count(danger_right, language)
        leads = _count(danger_leads, language)
        print(
            f"  {language:3} danger read {found}/{total} ({_share(found, total)}), right danger"
            f" {right} ({_share(right, total)}), leading {leads} ({_share(leads, total)});"
            " false alarms"
            f" {_count(quiet_alarms, language)}/{_count(quiet_total, language)}"
        )
    if args.by_danger:
        for code, counts in sorted(by_danger.items()):
            total, found = counts["total"], counts["read"]
            print(
                f"  {code:22} danger read {found}/{total} ({_share(found, total)}),"
                f" right danger {counts['right']} ({_share(counts['right'], total)});"
                f" false alarms raising it {counts['alarms']}"
            )
    if args.misses:
        for danger, language, query in sorted(missed):
            print(f"MISS {danger:22} {language} {query}")
    if args.leads:
        for danger, leading, language, query in sorted(second):
            print(f"SECOND {danger:22} after {leading:22} {language} {query}")
    if args.alarms:
        for language, query, read in sorted(alarms):
            print(f"ALARM {language} {read} {query}")


def _reader(reader: QueryReader, args: argparse.Namespace) -> QueryReader:
    """The reader measured: the rules alone, or with the learnt alarm (band 1 alone)."""
    learnt = reader.learnt
    if not args.learnt or learnt is None:
        return replace(reader, learnt=None)
    if args.band1_only:
        return replace(reader, learnt=replace(learnt, strip_least=learnt.alarm_least))
    return reader


def _count(counter: Counter[str], language: str) -> int:
    """The count for ``language``, or for every language ("all")."""
    return sum(counter.values()) if language == "all" else counter[language]


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


if __name__ == "__main__":
    main()
