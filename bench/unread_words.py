"""The words of one language's sentences that its reader reads nothing from, most common first.

A word of a Polish, Urdu or Punjabi search that no gloss turns into English, no phrase of
the merged phrasebook reads and the language does not call meaningless is searched as
typed, against listings written in English: it finds nothing. Counting such words over
many sentences as families type them shows which everyday words a book still lacks (a
word, not a sentence). Words the reader *respells* are listed apart: a real word of the
language corrected towards a book word is a fault of the spelling fixer.

Sources: the learnt part of ``councils/training/*.toml`` (default; the validation part is
left alone, as it is what the figures are measured on) or the development sets.

    .venv/bin/python bench/unread_words.py pl [--top 80] [--source learnt|dev] [--file PATH]

``--file`` reads the language's cases of any case file in the development set's format
instead (a blind batch under ``/work/wt/blind``, never a sealed set).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.language_failures import dev_cases  # noqa: E402
from directory.config import DEFAULT_COUNCIL_FILE  # noqa: E402
from directory.council import load_council  # noqa: E402
from directory.learning import training_cases  # noqa: E402
from directory.safety import load_safety_lines  # noqa: E402
from directory.understanding import load_reader  # noqa: E402
from search.examples import split  # noqa: E402
from search.phrasebook import phrase_words  # noqa: E402


def sentences(language: str, source: str, path: Path | None = None) -> list[str]:
    if path is not None:
        with path.open("rb") as handle:
            cases = tomllib.load(handle).get("case", [])
        return [case["query"] for case in cases if case.get("language") == language]
    if source == "dev":
        return [case.query for case in dev_cases(language)]
    learnt, _ = split(training_cases())
    return [case.query for case in learnt if case.language == language]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language")
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--source", choices=("learnt", "dev"), default="learnt")
    parser.add_argument("--file", type=Path, help="a case file's sentences instead")
    args = parser.parse_args()
    council = load_council(DEFAULT_COUNCIL_FILE)
    reader = load_reader(council, load_safety_lines(council), language=args.language)
    unread: Counter[str] = Counter()
    respelled: Counter[tuple[str, str]] = Counter()
    glossed_as: Counter[tuple[str, str]] = Counter()
    texts = sentences(args.language, args.source, args.file)
    for text in texts:
        glossed = reader.gloss(text)
        reading = reader.read(glossed, {}, date.today())
        used = {
            word
            for concept in reading.concepts
            if concept.evidence
            for word in phrase_words(concept.evidence)
        }
        for typed, fixed in reading.corrections:
            respelled[(typed, fixed)] += 1
        for typed in phrase_words(text):
            form = reader.gloss_fold(typed)
            read_as = reader._gloss_form(typed, {})
            if read_as != form:
                glossed_as[(typed, read_as)] += 1
        typed_words = set(phrase_words(text))
        for word in phrase_words(glossed):
            if (
                word in typed_words
                and word not in used
                and word not in reader.phrasebook.meaningless
                and not word.isdigit()
            ):
                unread[word] += 1
    print(f"{len(texts)} sentences; words read as nothing, most common first:")
    for word, count in unread.most_common(args.top):
        print(f"{count:5d}  {word}")
    print("respelled by the reader (typed -> read as):")
    for (typed, fixed), count in respelled.most_common(args.top):
        print(f"{count:5d}  {typed} -> {fixed}")
    print("looked up in the glosses as another word (typed -> form; * a real word):")
    for (typed, form), count in glossed_as.most_common(args.top):
        mark = "*" if reader.is_word(typed) else " "
        print(f"{count:5d} {mark} {typed} -> {form}")


if __name__ == "__main__":
    main()
