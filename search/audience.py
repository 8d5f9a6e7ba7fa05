"""Whom a listing is for, read from its own words when its ages do not say. Pure code.

A listing's ages say whom it serves when they can (:func:`search.indexing.who_for`: 5 to 19
is children and young people themselves, 16 and over adults). Many listings give no ages,
or ages that say nothing ("0 to 18": families with babies as well as teenagers), yet their
own words do: "Children's Mental Health Consultation Line", "support for children and
young people who have seen domestic abuse", "emergency housing for women and their
children", "for adults in a mental health crisis". :func:`inferred_audience` reads that,
once, when the listing is indexed; the index keeps it apart from the stated audience
(``search.indexing.INFERRED_FOR``), so ranking can weigh it less and editors see it was
inferred.

The reading, on the listing's name and then its summary (the first sentence of its
description), stops at the first that says anything:

1. "for <whom>" ("for children", "for young people", "for adults", "for women",
   "for parents") names the audience outright: it decides;
2. otherwise the audience words are counted: words for children or young people ("young
   people's", "children's", "teenagers", "under 18s", "CAMHS"), for adults ("adults",
   "women", "men", "18 and over"), and for families ("parents", "carers", "families",
   "your child"). Words for families, or for both children and adults, say the listing
   serves the whole family: no audience.

Ages the listing does give overrule the words: a listing for 3 to 11 year olds is never
read as for adults, nor one from 18 as for young people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

YOUNG = "young"
ADULT = "adult"
FAMILY = "family"
ADULT_AGE = 18
"""The age from which words such as "adults" hold, and below which a search's own age
reading says a young person is asking."""

_GROUPS: dict[str, str] = {
    "children": YOUNG,
    "child": YOUNG,
    "kids": YOUNG,
    "young people": YOUNG,
    "young person": YOUNG,
    "teenagers": YOUNG,
    "teens": YOUNG,
    "pupils": YOUNG,
    "under 18s": YOUNG,
    "under-18s": YOUNG,
    "adults": ADULT,
    "adult": ADULT,
    "women": ADULT,
    "men": ADULT,
    "grown-ups": ADULT,
    "over 18s": ADULT,
    "over-18s": ADULT,
    "parents": FAMILY,
    "parent": FAMILY,
    "carers": FAMILY,
    "families": FAMILY,
    "family": FAMILY,
    "mums": FAMILY,
    "dads": FAMILY,
    "professionals": FAMILY,
    "practitioners": FAMILY,
}
_FOR = re.compile(
    r"\bfor (?:the |any )?("
    + "|".join(sorted(map(re.escape, _GROUPS), key=len, reverse=True))
    + r")\b"
)
_CUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), who)
    for pattern, who in (
        (r"\byoung (?:people|person)(?:'s|s')?\b", YOUNG),
        (r"\bchild(?:ren)?['’]s\b", YOUNG),
        (r"\bchildren and young\b", YOUNG),
        (r"\b(?:teenagers?|teens|youth|pupils|adolescents?|camhs)\b", YOUNG),
        (r"\bchild and adolescent\b", YOUNG),
        (r"\bunder[- ]?(?:1[0-8])s?\b", YOUNG),
        (r"\b(?:\d|1[0-7]) (?:to|-|\u2013) (?:1[0-9]) ?(?:year[- ]olds|years)\b", YOUNG),
        (r"\b(?:adults?|grown[- ]ups|women|men)\b", ADULT),
        (r"\b(?:18|19|21|25) (?:and|or) over\b|\bover[- ]?(?:18|19|21|25)s?\b|\b18\+", ADULT),
        (r"\b(?:parents?|carers|families|mums|dads|professionals|practitioners)\b", FAMILY),
        (r"\byour (?:child|children|baby|family|kids)\b", FAMILY),
    )
)
_FAMILY_KINDS = frozenset({"family_centre", "family_hub", "parenting_programme"})
"""Kinds of listing that serve whole families, whatever their words name."""


def inferred_audience(
    name: str, summary: str, kind: str = "", ages: Sequence[int] = ()
) -> tuple[str, str]:
    """(``young``, ``adult`` or "", the words it was read from) for a listing whose ages do
    not say whom it serves; see the module docstring."""
    if kind in _FAMILY_KINDS:
        return "", ""
    for text in (name, summary):
        who, said = _read(text.casefold())
        if said:
            return (who if _ages_allow(who, ages) else ""), said
    return "", ""


def first_sentence(description: str) -> str:
    """The summary a listing's description begins with (its first sentence)."""
    return re.split(r"(?<=[.!?])\s", description.strip(), maxsplit=1)[0] if description else ""


def _read(text: str) -> tuple[str, str]:
    """Whom ``text`` says it is for ("" for families or nobody) and the words saying so."""
    named = _FOR.search(text)
    if named is not None:
        who = _GROUPS[named.group(1)]
        return ("" if who == FAMILY else who), named.group(0)
    found: dict[str, str] = {}
    for pattern, who in _CUES:
        match = pattern.search(text)
        if match is not None and who not in found:
            found[who] = match.group(0)
    if not found:
        return "", ""
    said = ", ".join(found.values())
    if FAMILY in found or len(found) > 1:
        return "", said
    return next(iter(found)), said


def _ages_allow(who: str, ages: Sequence[int]) -> bool:
    """Whether the ages a listing gives (if any) allow the audience its words name."""
    if not ages or not who:
        return True
    if who == ADULT:
        return max(ages) >= ADULT_AGE
    return min(ages) < ADULT_AGE
