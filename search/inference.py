"""Needs a listing's own words speak of, read when it is indexed.

Most imported listings (ORUK feeds, spreadsheets) carry none of the council's needs, so a
search reading "in debt" as Money and debt could not find them by meaning. The family
phrasebook that reads a search reads each listing's name, summary and description too; a
need it reads strongly enough is the listing's *text need*. Text needs do two jobs:

- for a listing with no needs set, they are its *inferred* needs: search treats them as
  needs (kept apart from the set ones, and shown to editors as inferred);
- for every listing, they say what the listing is *about*: when many listings meet a
  need, those whose own words are about it rank first (a money advice service before a
  food bank that mentions debt once).

The need phrases a listing's text uses are kept too ("debt", "school uniform"): a listing
whose own words use the phrase a search was read from fits it better than one that only
meets the same need (for "in debt", debt advice before a uniform exchange).

A need counts when its score (a reading in the name counts NAME_WEIGHT, in the summary
SUMMARY_WEIGHT, in the description 1) reaches MIN_SCORE and at least KEPT_SHARE of the best
need's score.
"""

from __future__ import annotations

from search.understanding import QueryReader

NAME_WEIGHT = 3
SUMMARY_WEIGHT = 2
MIN_SCORE = 2
KEPT_SHARE = 0.5
MAX_TEXT_NEEDS = 3
MAX_PHRASES = 200


def text_needs(reader: QueryReader, name: str, summary: str, description: str) -> tuple[str, ...]:
    """The needs the text is about, most first (ties by code)."""
    return read_listing(reader, name, summary, description)[0]


def read_listing(
    reader: QueryReader, name: str, summary: str, description: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The needs the text is about, most first (ties by code), and the need phrases it
    uses (as keyword terms, at most MAX_PHRASES, sorted)."""
    scores: dict[str, int] = {}
    phrases: set[str] = set()
    for text, weight in ((name, NAME_WEIGHT), (summary, SUMMARY_WEIGHT), (description, 1)):
        if not text:
            continue
        counts, used = reader.needs_in(text)
        phrases |= used
        for code, count in counts.items():
            scores[code] = scores.get(code, 0) + weight * count
    if not scores:
        return (), ()
    return _kept(scores), tuple(sorted(phrases)[:MAX_PHRASES])


def _kept(scores: dict[str, int]) -> tuple[str, ...]:
    best = max(scores.values())
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return tuple(
        code
        for code, score in ranked[:MAX_TEXT_NEEDS]
        if score >= MIN_SCORE and score >= KEPT_SHARE * best
    )
