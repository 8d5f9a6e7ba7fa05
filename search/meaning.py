"""Ranking by meaning: how well a listing meets what the words were read to say.

Once a query is read into concepts (see :mod:`search.understanding`), a listing is scored by
*coverage*: the share of the query's units of meaning it meets. A unit is a concept ("hits
me": domestic abuse), or a group of words no concept stands for ("stourbridge"). A listing
meets a concept by having what the concept asks for (the need, the age, free...); one that
merely contains the concept's words gets half credit at most, so the meaning beats the
literal word: for "can't afford to feed my kids" a food bank beats a baby feeding café.
The text score and *focus* (the share of a listing's needs that the query asked about: a
bereavement service before a youth club that lists bereavement among five needs) order
listings that cover as much::

    ordering  = (1 - FOCUS_SHARE) * text / best text + FOCUS_SHARE * focus      (0..1)
    relevance = coverage ** 2 * (1 + ordering) / 2

A listing meeting every unit scores 0.5 at least and one meeting half 0.25 at most: twice
as relevant, more than the 1.45 that distance and freshness can multiply by, so, as the
ranking promises, they cannot lift the second above the first. Among listings that cover
as much, the words still spread scores by up to 2 to 1, as in a keyword search, so a
listing named for what was typed leads its peers.

Candidates are the listings meeting a topic concept (a need, category, kind or danger)
plus those matching all the words. Ages, times and cost only rank, unless the query says
nothing else ("free"), when they choose too. Concepts are never filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set

from search.filtering import union
from search.indexing import (
    AGE,
    CATEGORY,
    DAY,
    FREE,
    KIND,
    NEED,
    SESSION_DATE,
    SLOT,
    YES,
    age_term_covers,
)
from search.matching import match_text
from search.query import TermGroup
from search.understanding import Concept
from search.view import IndexView

LITERAL_CREDIT = 0.5  # containing a concept's words, without meeting it
FOCUS_SHARE = 0.1  # of the ordering band: the text counts more than how focused a listing is


def meeting(view: IndexView, concept: Concept) -> Set[int]:
    """Listings that meet ``concept``: any one of the things it asks for."""
    found: list[Set[int]] = [
        union(view, NEED, concept.needs),
        union(view, CATEGORY, concept.categories),
        union(view, KIND, concept.kinds),
        union(view, SESSION_DATE, concept.session_dates),
    ]
    if concept.ages is not None:
        low, high = concept.ages
        covering = tuple(
            term
            for term in view.terms(AGE)
            if any(age_term_covers(term, age) for age in range(low, high + 1))
        )
        found.append(union(view, AGE, covering))
    if concept.free:
        found.append(view.postings(FREE, YES))
    if concept.hours is not None:
        found.append(union(view, SLOT, _slots(view, concept)))
    elif concept.days:
        found.append(union(view, DAY, concept.days))
    return frozenset().union(*found)


def score_meaning(
    view: IndexView,
    groups: Sequence[TermGroup],
    concepts: Sequence[Concept],
    require_all: bool = True,
) -> dict[int, float]:
    """Relevance (0..1) of every candidate listing; see the module docstring.

    ``require_all`` False (the engine loosening a query that found nothing) also admits
    listings matching any one of the words or meeting any one concept ("free" or "on
    Saturday" too), so a sentence finds something whenever any part of it does. Credits
    are summed set by set rather than listing by listing: a need can hold thousands of
    listings.
    """
    met = [meeting(view, concept) for concept in concepts]
    per_group = [match_text(view, [group], require_all=True) for group in groups]
    text = _summed(per_group)  # the same as matching any of the words, without re-weighing
    consumed = [_consumed(concept, groups) for concept in concepts]
    free_groups = [i for i in range(len(groups)) if not any(i in c for c in consumed)]
    units = len(concepts) + len(free_groups)

    choosing = [docs for concept, docs in zip(concepts, met, strict=True) if concept.is_topic]
    if (not choosing and not free_groups) or not require_all:
        choosing = met
    candidates: set[int] = set().union(*choosing) if choosing else set()
    if groups:
        candidates |= _all_words(per_group) if require_all else set(text)

    covered = dict.fromkeys(candidates, 0.0)
    for docs, own_groups in zip(met, consumed, strict=True):
        _credit(covered, docs, 1.0)
        for i in own_groups:
            _credit(covered, per_group[i].keys() - docs, LITERAL_CREDIT / len(own_groups))
    for i in free_groups:
        _credit(covered, per_group[i].keys(), 1.0)

    best_text = max(text.values(), default=0.0) or 1.0
    focus = _focus(view, candidates, {need for c in concepts for need in c.needs})
    scores: dict[int, float] = {}
    for doc, credit in covered.items():
        coverage = credit / units if units else 1.0
        ordering = text.get(doc, 0.0) / best_text
        if focus is not None:
            ordering = (1 - FOCUS_SHARE) * ordering + FOCUS_SHARE * focus.get(doc, 0.0)
        scores[doc] = coverage**2 * (1 + ordering) / 2
    return scores


def _credit(covered: dict[int, float], docs: Iterable[int], amount: float) -> None:
    for doc in docs:
        if doc in covered:
            covered[doc] += amount


def _summed(per_group: Sequence[Mapping[int, float]]) -> dict[int, float]:
    total: dict[int, float] = {}
    for scores in per_group:
        for doc, score in scores.items():
            total[doc] = total.get(doc, 0.0) + score
    return total


def _focus(view: IndexView, candidates: Set[int], asked: Set[str]) -> dict[int, float] | None:
    """Share of each candidate's needs that are among the needs ``asked`` (None: no needs
    asked about)."""
    if not asked:
        return None
    wanted: dict[int, int] = {}
    for code in asked:
        for doc in view.postings(NEED, code):
            if doc in candidates:
                wanted[doc] = wanted.get(doc, 0) + 1
    return {doc: count / max(view.info(doc).needs, count) for doc, count in wanted.items()}


def priority_listings(view: IndexView, concepts: Sequence[Concept]) -> Set[int]:
    """Listings meeting the leading danger the words signal (the first priority concept:
    the reader puts the danger with the most evidence first): they come before every
    other, so a child locked in finds child safeguarding first, not every danger's help."""
    leading = next((concept for concept in concepts if concept.priority), None)
    return meeting(view, leading) if leading is not None else frozenset()


def _consumed(concept: Concept, groups: Sequence[TermGroup]) -> set[int]:
    """Indexes of the text groups whose words the concept stands for."""
    words = set(concept.words)
    return {i for i, group in enumerate(groups) if words.intersection(group.words)}


def _all_words(per_group: Sequence[Mapping[int, float]]) -> set[int]:
    ordered = sorted(per_group, key=len)
    found = set(ordered[0])
    for other in ordered[1:]:
        found.intersection_update(other.keys())
    return found


def _slots(view: IndexView, concept: Concept) -> tuple[str, ...]:
    """Opening-hours terms ("TU09-11") open on one of the days at one of the hours."""
    start, end = concept.hours or (0, 24)
    days = concept.days or ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
    return tuple(
        term
        for term in view.terms(SLOT)
        if term[:2] in days and int(term[2:4]) < end and int(term[5:7]) >= start
    )


PREFERENCE_STEP = 2.0


def fitting(
    view: IndexView,
    matches: Set[int],
    scores: Mapping[int, float] | None,
    preferred: Sequence[Concept],
) -> dict[int, float]:
    """Scores of ``matches`` weighed by how well each fits the searcher's moment.

    ``preferred`` concepts (a life event's "food support, open in the next week") never
    choose a listing; each one a listing misses halves its score (1 for each when
    ``scores`` is None: no words). Halving is more than the 1.45 that distance and
    freshness can multiply by, so among listings the words rank alike, one meeting more
    preferences always comes first.
    """
    met = [meeting(view, concept) for concept in preferred]
    return {
        doc: (1.0 if scores is None else scores[doc])
        / PREFERENCE_STEP ** sum(1 for docs in met if doc not in docs)
        for doc in matches
    }
