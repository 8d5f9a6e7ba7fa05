"""What the learnt reader (:mod:`search.learnt`) learns from: labelled sentences and phrases.

Two sources, both product data kept in the repository:

- the phrasebooks' own entries, every language: each phrase of a need is an example of that
  need; each phrase of a danger an example of the danger and of its needs; a phrase of
  another language's ``[english]`` table is an example of whatever the English phrase it
  means is (Polish "bank żywności" of food). Need phrases are also the danger model's
  "none" examples, except the needs a danger's help meets (domestic abuse, crime and
  exploitation), whose phrases say nothing either way. The alarm does not learn from a
  danger's phrases (:func:`search.learnt.train`), only which danger it is;
- sentences as families type them (``councils/training/*.toml``, in the relevance set's
  ``[[case]]`` format: ``query``, ``needs``, and ``danger`` when someone is in danger;
  ``kind = "lookalike"`` marks an ordinary sentence using harm's words). A case with no
  danger is a "none" example.

A fixed share of the sentences (:func:`is_validation`, by a salted hash of the words, so a
sentence stays on its side whatever is added) is never learnt from: thresholds are chosen
on it and the figures reported for it.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.learnt import NONE, Example, normalised
from search.phrasebook import GLOSSES, parse_entries

VALIDATION_SHARE = 4
"""One sentence in this many is kept for validation."""
SPLIT_SALT = "signpost-learnt-1"


class TrainingDataError(ValueError):
    """A training file is malformed or names an unknown code; the message says where."""


@dataclass(frozen=True, slots=True)
class Case:
    """One sentence of a training file, as written."""

    query: str
    needs: tuple[str, ...]
    danger: str | None
    language: str
    lookalike: bool
    source: str


def is_validation(text: str) -> bool:
    """Whether a sentence belongs to the validation part (about 1 in VALIDATION_SHARE)."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{normalised(text)}".encode()).digest()
    return digest[0] % VALIDATION_SHARE == 0


def read_cases(path: Path) -> list[Case]:
    """The cases of one training file (:func:`unknown_codes` checks their codes)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise TrainingDataError(f"{path.name}: {error}") from None
    cases = raw.get("case", [])
    if not isinstance(cases, list):
        raise TrainingDataError(f"{path.name}: [[case]] must be a list of tables.")
    read: list[Case] = []
    for number, case in enumerate(cases, start=1):
        where = f"{path.name} case {number}"
        query = case.get("query") if isinstance(case, Mapping) else None
        if not isinstance(query, str) or not normalised(query):
            raise TrainingDataError(f"{where}: query must be words.")
        codes = case.get("needs", [])
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise TrainingDataError(f"{where}: needs must be a list of need codes.")
        danger = case.get("danger")
        if danger is not None and not isinstance(danger, str):
            raise TrainingDataError(f"{where}: danger must be a danger code.")
        read.append(
            Case(
                query=query,
                needs=tuple(codes),
                danger=danger,
                language=str(case.get("language", "en")),
                lookalike=case.get("kind") == "lookalike",
                source=path.name,
            )
        )
    return read


def unknown_codes(cases: Iterable[Case], needs: Iterable[str], dangers: Iterable[str]) -> list[str]:
    """ "file: code" for each need or danger code the cases name that is not known. A
    deployment learns from the codes it knows and leaves the others out."""
    known = {*needs, *dangers}
    return sorted(
        {
            f"{case.source}: {code}"
            for case in cases
            for code in (*case.needs, *([case.danger] if case.danger else []))
            if code not in known
        }
    )


def case_example(case: Case) -> Example:
    return Example(case.query, case.needs, case.danger or NONE, case.source)


def phrasebook_examples(
    books: Mapping[str, Mapping[str, Any]], needs: Iterable[str], danger_needs: Iterable[str]
) -> list[Example]:
    """Examples from the phrasebooks' tables (``books``: language to parsed TOML), for the
    ``needs`` this council defines. ``danger_needs`` are needs whose phrases are no
    example for the danger model either way."""
    known, silent = set(needs), set(danger_needs)
    by_english: dict[str, tuple[tuple[str, ...], str | None]] = {}
    examples: list[Example] = []
    for language in sorted(books):
        raw = books[language]
        source = f"phrasebook {language}"
        for entry in parse_entries(raw, source):
            if entry.section == "needs" and entry.code in known:
                labels: tuple[tuple[str, ...], str | None] = (
                    (entry.code,),
                    None if entry.code in silent else NONE,
                )
            elif entry.section == "dangers":
                labels = (tuple(n for n in entry.needs if n in known), entry.code)
            else:
                continue
            for phrase in entry.phrases:
                if not normalised(phrase):
                    continue
                examples.append(
                    Example(phrase, labels[0], labels[1], source, alarm=entry.section != "dangers")
                )
                if language == "en":
                    by_english.setdefault(normalised(phrase), labels)
    for language in sorted(books):
        for english, phrases in books[language].get(GLOSSES, {}).items():
            meant = by_english.get(normalised(english))
            if meant is None:
                continue
            examples.extend(
                Example(
                    phrase,
                    meant[0],
                    meant[1],
                    f"phrasebook {language} glosses",
                    alarm=meant[1] in (None, NONE),
                )
                for phrase in phrases
                if normalised(phrase)
            )
    return examples


def split(cases: Sequence[Case]) -> tuple[list[Case], list[Case]]:
    """(learnt from, validation) parts of ``cases``."""
    learnt = [case for case in cases if not is_validation(case.query)]
    held = [case for case in cases if is_validation(case.query)]
    return learnt, held
