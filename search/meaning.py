"""Ranking by meaning: how well a listing meets what the words were read to say.

Once a query is read into concepts (see :mod:`search.understanding`), a listing is scored by
*coverage*: the share of the query's units of meaning it meets. A unit is a strong concept
("hits me": domestic abuse), or a group of words no concept stands for ("stourbridge"). A
concept read from more phrases weighs more (EVIDENCE_STEP a further phrase, up to
MAX_EVIDENCE): "low and anxious, can't get a GP appointment" is mostly mental health. A
listing meets a concept by having what the concept asks for (the need, set or inferred from
its text, the age, free...); one that merely contains the concept's words gets half credit
at most, so the meaning beats the literal word: for "can't afford to feed my kids" a food
bank beats a baby feeding café. A listing with no needs set (most imports) whose text holds
every word of the search gets ALL_WORDS_CREDIT for each concept it does not meet, so an
imported listing named for what was typed ranks with the listings that meet the reading.
Weak concepts (read in a frame that points away from them, "ever since Friday") are no
unit: they never choose or drop a listing, and meeting them only orders listings that
cover as much. A learnt need (:mod:`search.learnt_reading`) is weak too, but counts as
LEARNT_UNIT times its probability of a unit: it still never chooses a listing, yet where
the rules read no topic it, not a stray word, decides what a listing covers. A word group
no concept stands for is :attr:`~search.query.TermGroup.weight` of a unit, and its text
counts as much: an everyday word ("together", "one") or a person ("dad") says little of
what is wanted. A category or kind read beside a strong need is FORM_UNIT of a unit: the
form the help should take ("course"), not what it is about.

Listings that cover as much are ordered by how well they fit::

    ordering  = TEXT_SHARE * text / best text + PHRASE_SHARE * phrase
                + ABOUT_SHARE * about + FOCUS_SHARE * focus + WEAK_SHARE * weak  (0..1.45)
    relevance = coverage ** 2 * (1 + ordering) / 2

*phrase* is whether the listing's own text uses a phrase the query's reading came from (its
text phrases, :mod:`search.inference`: "debt" in a debt advice service, not "school
uniform" in a uniform exchange, though both meet Money and debt). *text* is the text score
of the words no concept was read from, plus that of the words a concept was read from,
counted at UNSAID_TEXT_WEIGHT where *phrase* does not hold: "pay" in "without paying a
penny", or "debt" in the label Money and debt every such listing has, says little of fit.
*about* is whether the listing's own words are most about a need the query asked for (its
first text need, :mod:`search.inference`): a money advice service before a food bank that
lists money among its needs. *focus* is the share of a listing's needs that the query asked
about (a bereavement service before a youth club that lists bereavement among five), and
*weak* the share of weak concepts it meets (a learnt one counted by its probability,
:mod:`search.learnt_reading`).

A listing meeting every unit scores 0.5 at least and one meeting half 0.31 at most: 1.6
times as relevant, more than the 1.45 that distance and freshness can multiply by, so, as
the ranking promises, they cannot lift the second above the first. Among listings that
cover as much, the fit spreads scores by up to 2.45 to 1.

Candidates are the listings meeting a strong topic concept (a need, category, kind or
danger) plus those matching all the words. Ages, times and cost only rank, unless the query
says nothing else ("free"), when they choose too. Concepts are never filters.

Who is asking (:class:`~search.understanding.Asker`) weighs the result last: a parent asking
for themselves ranks listings for children and young people on their own (a youth club)
lower, and one asking for a child ranks listings for adults (16 and over) lower, unless the
words give an age the listing serves. Where only a listing's own words say whom it is for
(:mod:`search.audience`: "Children's Mental Health Consultation Line", "for adults in
crisis"), the lowering is modest (INFERRED_ASKER_FACTOR), and an age in the words (a young
person's "I'm 15") says who is asking too. Among the listings meeting a danger, those for
the asker (or for anyone) come before those for someone else (:func:`search.engine`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import TypeVar

from search.audience import ADULT_AGE
from search.filtering import union
from search.indexing import (
    ABOUT,
    ADULT,
    AGE,
    CATEGORY,
    DAY,
    FOR,
    FREE,
    INFERRED_FOR,
    INFERRED_NEED,
    KIND,
    LOCALITY,
    NEED,
    PHRASE,
    SESSION_DATE,
    SLOT,
    UNSORTED,
    YES,
    YOUNG,
    age_term_covers,
)
from search.matching import group_scores
from search.query import TermGroup
from search.understanding import Asker, Concept
from search.view import IndexView

T = TypeVar("T")
"""A concept's listings: a set of document numbers, or an engine's query for them."""

LITERAL_CREDIT = 0.5  # containing a concept's words, without meeting it
ALL_WORDS_CREDIT = 0.9  # containing every word of the search, without meeting the concept
# Shares of the ordering band: the words count most, then what a listing is about.
TEXT_SHARE = 0.9
UNSAID_TEXT_WEIGHT = 0.35
"""Text of the words a concept was read from, in a listing whose own text does not use the
phrase they were read as: a label or a passing word ("paying" for "can't pay")."""
PHRASE_SHARE = 0.2
ABOUT_SHARE = 0.2
FOCUS_SHARE = 0.1
WEAK_SHARE = 0.05
FORM_UNIT = 0.5
"""A category or kind read beside a need: the form of help asked, half a unit."""
FORMS = frozenset({"category", "kind"})
LEARNT_UNIT = 1.0
"""A need only the learnt reader read: this times its probability of a unit."""
EVIDENCE_STEP = 0.5
MAX_EVIDENCE = 3
ASKER_FACTOR = 0.5
"""A listing for someone other than who is asking: as much as one missed preference."""
INFERRED_ASKER_FACTOR = 0.8
"""A listing only its own words say is for someone other than who is asking: modest, so
it re-orders listings that fit the words alike and never sinks a better fit."""


def meeting(view: IndexView, concept: Concept) -> Set[int]:
    """Listings that meet ``concept``: any one of the things it asks for."""
    found: list[Set[int]] = [
        union(view, NEED, concept.needs),
        union(view, INFERRED_NEED, concept.needs),
        union(view, CATEGORY, concept.categories),
        union(view, KIND, concept.kinds),
        union(view, SESSION_DATE, concept.session_dates),
        union(view, LOCALITY, concept.localities),
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


@dataclass(frozen=True, slots=True)
class Scores:
    """Relevance of every listing the words (and what they were read to mean) find.

    ``rough`` holds every candidate's score without the two finest terms of the ordering
    (focus and weak, at most FOCUS_SHARE + WEAK_SHARE of it); :meth:`exact` adds them for
    one listing. The engine ranks every match by the rough score and re-ranks only the
    best few hundred exactly (:data:`search.engine.RERANKED`), so reading costs what the
    page shows, not what the words match. For words matched as text alone, ``rough`` is
    exact.
    """

    rough: Mapping[int, float]
    covered: Mapping[int, float] = field(default_factory=dict)
    units: float = 0.0
    asked: frozenset[str] = frozenset()
    weak: tuple[tuple[Set[int], float], ...] = ()
    """Each weak concept's listings and its weight (a learnt one's probability, else 1)."""
    worked_out: dict[int, float] = field(default_factory=dict, compare=False, repr=False)
    """:meth:`exact` of each listing asked so far: the engine asks it for the shortlist and
    again for ranking, and a snapshot keeps its ``Scores`` for the words (the Scores are
    the view's they were scored on, and a view never changes)."""

    @property
    def most(self) -> float:
        """How many times its rough score a listing's exact score can be, at most."""
        return 1.0 + FOCUS_SHARE + WEAK_SHARE if self.asked or self.weak else 1.0

    def exact(self, view: IndexView, doc: int) -> float:
        """The full relevance of ``doc``, a candidate (see the module docstring)."""
        if not (self.asked or self.weak):
            return self.rough.get(doc, 0.0)  # 0: a danger's listing the words did not find
        found = self.worked_out.get(doc)
        if found is None:
            found = self.worked_out[doc] = self._exact(view, doc)
        return found

    def _exact(self, view: IndexView, doc: int) -> float:
        score = self.rough.get(doc, 0.0)
        fine = FOCUS_SHARE * _focus(view, doc, self.asked) if self.asked else 0.0
        if self.weak:
            fine += WEAK_SHARE * sum(w for docs, w in self.weak if doc in docs) / len(self.weak)
        coverage = self.covered.get(doc, 0.0) / self.units if self.units else 1.0
        return score + coverage**2 * fine / 2


def score_meaning(
    view: IndexView,
    groups: Sequence[TermGroup],
    concepts: Sequence[Concept],
    require_all: bool = True,
) -> Scores:
    """Relevance (0..1) of every candidate listing; see the module docstring.

    ``require_all`` False (the engine loosening a query that found nothing) also admits
    listings matching any one of the words or meeting any one concept ("free" or "on
    Saturday" too), so a sentence finds something whenever any part of it does. Credits
    are summed set by set rather than listing by listing: a need can hold thousands of
    listings.
    """
    met = [meeting(view, concept) for concept in concepts]
    per_group = [group_scores(view, group) for group in groups]
    consumed = [_consumed(concept, groups) for concept in concepts]
    free_groups = [i for i in range(len(groups)) if not any(i in c for c in consumed)]
    free_text = _summed([_weighed(per_group[i], groups[i].weight) for i in free_groups])
    read_text = _summed([g for i, g in enumerate(per_group) if i not in free_groups])
    counted = [concept.strong or concept.priority for concept in concepts]
    weights = _weights(concepts, counted)
    units = sum(weights) + sum(groups[i].weight for i in free_groups)

    chosen = choosing_sets(concepts, met, bool(free_groups), require_all)
    choosing = [view.all_docs()] if chosen is None else chosen
    candidates: set[int] = set().union(*choosing) if choosing else set()
    every_word = _all_words(per_group) if groups else set()
    if groups:
        candidates |= every_word if require_all else set(free_text) | set(read_text)
    unsorted = view.postings(UNSORTED, YES)
    every_word = {doc for doc in every_word if doc in unsorted}

    covered = dict.fromkeys(candidates, 0.0)
    weak = tuple(
        (docs, concept.learnt or 1.0)
        for concept, docs, unit in zip(concepts, met, counted, strict=True)
        if not unit
    )
    for docs, own_groups, weight in zip(met, consumed, weights, strict=True):
        if not weight:
            continue
        _credit(covered, docs, weight)
        _credit(covered, every_word - docs, ALL_WORDS_CREDIT * weight)
        for i in own_groups:
            literal = per_group[i].keys() - docs - every_word
            _credit(covered, literal, LITERAL_CREDIT * weight / len(own_groups))
    for i in free_groups:
        _credit(covered, per_group[i].keys(), groups[i].weight)

    asked = {
        need
        for c, unit in zip(concepts, counted, strict=True)
        if unit or (c.learnt and not c.priority)
        for need in c.needs
    }
    about = union(view, ABOUT, tuple(sorted(asked)))
    said = union(
        view,
        PHRASE,
        tuple(
            sorted(
                {p for c, unit in zip(concepts, counted, strict=True) if unit for p in c.phrases}
            )
        ),
    )
    text = {
        doc: free_text.get(doc, 0.0)
        + read_text.get(doc, 0.0) * (1.0 if doc in said else UNSAID_TEXT_WEIGHT)
        for doc in covered
    }
    best_text = max(text.values(), default=0.0) or 1.0
    rough: dict[int, float] = {}
    for doc, credit in covered.items():
        coverage = credit / units if units else 1.0
        ordering = TEXT_SHARE * text[doc] / best_text
        if doc in about:
            ordering += ABOUT_SHARE
        if doc in said:
            ordering += PHRASE_SHARE
        rough[doc] = coverage**2 * (1 + ordering) / 2
    return Scores(rough, covered, units, frozenset(asked), weak)


def _weights(concepts: Sequence[Concept], counted: Sequence[bool]) -> list[float]:
    """How much of the query's meaning each concept is (0: none, a weak one).

    A strong concept is one unit or more (:func:`_weight`). A category or kind read beside
    a strong need is the form the help should take ("course", "group", "class"), not what
    it is about: FORM_UNIT of a unit, so a listing meeting the need comes before one only
    of that form ("freedom programme course": the domestic abuse course, not a parenting
    one). A need only the learnt reader read is LEARNT_UNIT times its probability: it
    still never chooses a listing, but where the rules read no topic it, not a stray
    everyday word, orders the listings ("mom drinkin since dad left": substance use help,
    not a dads' group)."""
    need_read = any(
        concept.needs and concept.section == "need" and unit
        for concept, unit in zip(concepts, counted, strict=True)
    )
    weights = []
    for concept, unit in zip(concepts, counted, strict=True):
        if unit:
            form = need_read and concept.section in FORMS
            weights.append(_weight(concept) * (FORM_UNIT if form else 1.0))
        elif concept.learnt and not concept.priority and concept.is_topic:
            weights.append(LEARNT_UNIT * concept.learnt)
        else:
            weights.append(0.0)
    return weights


def _weight(concept: Concept) -> float:
    """How much of the query's meaning a strong concept is: one unit, and EVIDENCE_STEP
    more for each further phrase it was read from (up to MAX_EVIDENCE phrases). "feeling
    really low and anxious, can't get a GP appointment" is mostly about mental health,
    read twice, and a little about health, read once."""
    phrases = min(max(len(set(concept.phrases)), 1), MAX_EVIDENCE)
    return 1.0 + EVIDENCE_STEP * (phrases - 1)


def asked_for(asker: Asker | None, concepts: Sequence[Concept]) -> str:
    """Whom the search is for: YOUNG (a child of the searcher's, a young person, or an age
    under ADULT_AGE in the words), ADULT (the searcher, an adult, or an age of ADULT_AGE or
    more), or "" when the words do not say. Ages spanning both ("teenager": 13 to 19)
    leave it to who is asking."""
    ages = [concept.ages for concept in concepts if concept.ages is not None]
    if ages and max(high for _, high in ages) < ADULT_AGE:
        return YOUNG
    if ages and min(low for low, _ in ages) >= ADULT_AGE:
        return ADULT
    if asker is None:
        return ""
    return ADULT if asker.who == "self" else YOUNG


def for_someone_else(view: IndexView, whom: str, concepts: Sequence[Concept]) -> Set[int]:
    """Listings for someone other than ``whom`` (YOUNG or ADULT): by their ages (unless the
    words give an age) or their own words, as :func:`asker_factors` lowers them."""
    other = ADULT if whom == YOUNG else YOUNG
    found = set(view.postings(INFERRED_FOR, other))
    if not any(concept.ages is not None for concept in concepts):
        found |= view.postings(FOR, other)
    return found


def for_whom(view: IndexView, whom: str) -> Set[int]:
    """Listings for ``whom`` (YOUNG or ADULT) by their ages or their own words."""
    return view.postings(FOR, whom) | view.postings(INFERRED_FOR, whom)


def asker_factors(
    view: IndexView, asker: Asker | None, concepts: Sequence[Concept]
) -> dict[int, float]:
    """Listings for someone other than who is asking, and what their scores are multiplied
    by: ASKER_FACTOR where their ages say so, INFERRED_ASKER_FACTOR where only their own
    words do (:mod:`search.audience`).

    Ages say nothing here when the words give an age (the asker's or the child's): the age
    reading ranks by it, and "I'm 17" is a young person asking for themselves. A listing
    whose words are all that say it is for adults still meets every age, so it is lowered
    for a young person's age.
    """
    whom = asked_for(asker, concepts)
    if not whom:
        return {}
    other = ADULT if whom == YOUNG else YOUNG
    factors = dict.fromkeys(view.postings(INFERRED_FOR, other), INFERRED_ASKER_FACTOR)
    if not any(concept.ages is not None for concept in concepts):
        factors.update(dict.fromkeys(view.postings(FOR, other), ASKER_FACTOR))
    return factors


def _credit(covered: dict[int, float], docs: Iterable[int], amount: float) -> None:
    for doc in docs:
        if doc in covered:
            covered[doc] += amount


def _weighed(scores: Mapping[int, float], weight: float) -> Mapping[int, float]:
    """A word's text scores, times how much of the search's meaning it is."""
    if weight == 1.0:
        return scores
    return {doc: score * weight for doc, score in scores.items()}


def _summed(per_group: Sequence[Mapping[int, float]]) -> dict[int, float]:
    """Every document matching any group, with its groups' text scores summed (the same as
    matching any of the words, without weighing the terms again)."""
    if len(per_group) == 1:
        return dict(per_group[0])
    total: dict[int, float] = {}
    for scores in per_group:
        for doc, score in scores.items():
            total[doc] = total.get(doc, 0.0) + score
    return total


def _focus(view: IndexView, doc: int, asked: Set[str]) -> float:
    """Share of the listing's needs that are among the needs ``asked``."""
    count = sum(
        1
        for code in asked
        if doc in view.postings(NEED, code) or doc in view.postings(INFERRED_NEED, code)
    )
    return count / max(view.info(doc).needs, count) if count else 0.0


def priority_listings(view: IndexView, concepts: Sequence[Concept]) -> Set[int]:
    """Listings meeting the leading danger the words signal (the first priority concept:
    the reader puts the danger with the most evidence first): they come before every
    other, so a child locked in finds child safeguarding first, not every danger's help."""
    leading = next((concept for concept in concepts if concept.priority), None)
    return meeting(view, leading) if leading is not None else frozenset()


def every_danger_listings(view: IndexView, concepts: Sequence[Concept]) -> Set[int] | None:
    """Listings meeting every danger the words signal, when they signal more than one
    (None: one or none). "My brother hit me because I took my hijab off" reads a child at
    risk and forced marriage: help with domestic abuse meets both, a football club for
    children at risk of crime only the first."""
    dangers = [meeting(view, concept) for concept in concepts if concept.priority]
    if len(dangers) < 2:
        return None
    return frozenset.intersection(*map(frozenset, dangers))


def stated_priority_listings(view: IndexView, concepts: Sequence[Concept]) -> Set[int]:
    """Listings whose own needs, set by an editor rather than inferred from their text,
    meet the leading danger: in danger, a service the council says meets it comes first."""
    leading = next((concept for concept in concepts if concept.priority), None)
    return union(view, NEED, leading.needs) if leading is not None else frozenset()


def choosing_sets(
    concepts: Sequence[Concept], met: Sequence[T], free_words: bool, require_all: bool
) -> list[T] | None:
    """Of ``met`` (each concept's listings, as sets or an engine's queries), those that
    choose the candidates beside the words: the strong topic concepts' (every concept's,
    loosened). With no free words and no such concept, an age, a time or "free" chooses
    ("free" alone); a learnt reading never does (weak readings rank, never filter): with
    only those, None, every listing. Shared by every engine, so they choose alike."""
    if not require_all:
        return list(met)
    counted = [concept.strong or concept.priority for concept in concepts]
    chosen = [
        docs
        for concept, docs, unit in zip(concepts, met, counted, strict=True)
        if unit and concept.is_topic
    ]
    if chosen or free_words:
        return chosen
    return (
        [docs for docs, unit in zip(met, counted, strict=True) if unit]
        or [docs for concept, docs in zip(concepts, met, strict=True) if not concept.learnt]
        or None
    )


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


def missed_preferences(
    view: IndexView, matches: Set[int], preferred: Sequence[Concept]
) -> dict[int, int]:
    """How many of the searcher's ``preferred`` concepts each match misses (none: left out).

    Preferences (a life event's "food support, open in the next week") never choose a
    listing; each one a listing misses divides its score by PREFERENCE_STEP (from 1 when
    there are no words). Halving is more than the 1.45 that distance and freshness can
    multiply by, so among listings the words rank alike, one meeting more preferences
    always comes first.
    """
    missed: dict[int, int] = {}
    for concept in preferred:
        for doc in matches - meeting(view, concept):
            missed[doc] = missed.get(doc, 0) + 1
    return missed
