"""The rules' full reading of every sentence of the development set and the training
files, recorded as digests, so a change that should only make reading cheaper is shown to
read every sentence as before (``tests/search/test_reading_unchanged.py``).

A sentence's record is its gloss and the ``repr`` of its :class:`~search.understanding.Reading`
(every concept with its needs, evidence, strength, positions and phrases; the dangers and
cues; corrections; who asks; the harm findings), read by the demo council's reader for its
language without the learnt reader, on a fixed day. The fixture holds, per file, the
digest of each CHUNK sentences' records in order, so a difference is found to within a
few sentences.

When a lexicon, phrasebook or the reading itself changes on purpose, regenerate it::

    .venv/bin/python -m tests.search.reading_record --write

and say in the commit why the readings changed. ``--diff FILE`` lists the sentences of a
file whose chunk differs, with their record now.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tests.search.readers import rules_reader

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "reading_digests.json"
DAY = date(2026, 12, 7)
CHUNK = 50


def sentence_files() -> list[Path]:
    """The development set and every training file (never the sealed sets)."""
    return [
        ROOT / "tests" / "fixtures" / "relevance" / "families.toml",
        *sorted((ROOT / "councils" / "training").glob("*.toml")),
    ]


def sentences(path: Path) -> list[tuple[str, str]]:
    """(language, sentence) of each case in ``path``, in the file's order."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(case.get("language") or "en", case["query"]) for case in raw.get("case", [])]


def record(language: str, text: str) -> str:
    """The gloss and the full reading of ``text``, as one line."""
    reader = rules_reader(language)
    glossed = reader.gloss(text, {})
    reading = reader.read(glossed, {}, DAY)
    return f"{language}\t{text}\t{glossed}\t{reading!r}"


def chunks(path: Path) -> Iterator[tuple[list[tuple[str, str]], str]]:
    """Each CHUNK sentences of ``path`` with the digest of their records."""
    cases = sentences(path)
    for start in range(0, len(cases), CHUNK):
        part = cases[start : start + CHUNK]
        digest = hashlib.sha256()
        for language, text in part:
            digest.update(record(language, text).encode() + b"\n")
        yield part, digest.hexdigest()[:16]


def digests() -> dict[str, list[str]]:
    """File name -> its chunks' digests."""
    return {path.name: [digest for _, digest in chunks(path)] for path in sentence_files()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the digests afresh")
    parser.add_argument("--diff", help="print the records of a file's differing chunks")
    arguments = parser.parse_args()
    if arguments.diff:
        kept = json.loads(FIXTURE.read_text(encoding="utf-8"))[arguments.diff]
        path = next(p for p in sentence_files() if p.name == arguments.diff)
        for n, (part, digest) in enumerate(chunks(path)):
            if n >= len(kept) or kept[n] != digest:
                for language, text in part:
                    print(record(language, text))
        return
    found = digests()
    if arguments.write:
        FIXTURE.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {FIXTURE} ({sum(map(len, found.values()))} chunks)")
        return
    kept = json.loads(FIXTURE.read_text(encoding="utf-8"))
    differing = [name for name in found if found[name] != kept.get(name)]
    print("differing: " + (", ".join(differing) or "none"))
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
