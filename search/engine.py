"""Runs a :class:`SearchQuery` against an :class:`IndexView`: the semantics every backend shares.

The backend only weighs single terms; matching, filtering, facets and ranking happen here,
once for every backend. When nothing matches, the query is loosened step by step and the
results say how: first a corrected spelling, then a wider radius, then any rather than all
of the words (a parenting course two miles away beats anything "course" next door), or
any listing meeting one of their readings. Filters
are never dropped silently: facet counts show the searcher which to remove.

Danger comes before all of that: when the words signal a danger (the panel or the strip),
every listing this searcher may see that meets it joins the results, whatever the words and
the radius (the filters too when none passes them, the level and place named last, and
never for a danger only the learnt model read while anything was found as asked), and the
best two of them (:data:`DANGER_LEADS`) rank first; the others meeting it rank by their
score with the family's other matches, so the third place goes to what the words found.
Listings an editor says meet the danger come before those only inferred from their text;
where the words signal more than one danger, those meeting every one come before those
meeting the leading one alone. When nothing found as asked met the danger, the results say
so (``SearchResults.danger_only``): a search with a danger cue never ends at zero results
or at an unrelated service first. A danger the learnt alarm read only in its band 2
(``Reading.quiet``) shows the strip and puts one listing meeting it first
(:data:`BAND2_LEADS`), every other result in the order of the search without the danger;
a search that found nothing at all is searched as one read in band 1.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

import numpy as np

from search.analysis import stem_word
from search.errors import PageOutOfRange
from search.filtering import facet_counts, filter_clauses, intersect, union, within_radius
from search.geo import nearest_distance
from search.indexing import ABOUT, KIND, PHRASE
from search.matching import match_text
from search.meaning import (
    PREFERENCE_STEP,
    Scores,
    asked_for,
    asker_factors,
    every_danger_listings,
    for_someone_else,
    for_whom,
    meeting,
    missed_preferences,
    priority_listings,
    score_meaning,
    stated_priority_listings,
)
from search.phrasebook import Phrasebook
from search.query import MAX_RADIUS_M, Filters, SearchQuery, TextPlan, plan_text
from search.ranking import (
    BLEND_RANGE,
    Candidate,
    blend,
    day_weight,
    freshness,
    overdue_factor,
    proximity,
    rank,
    weighed_blend,
)
from search.remembering import LastUsed
from search.results import FIT_GRADES, FacetCounts, SearchHit, SearchResults, Widening
from search.spelling import best_correction
from search.synonyms import SYNONYMS
from search.understanding import Asker, Concept, QueryReader, Reading, danger_phrases
from search.view import DocInfo, IndexView

WIDEN_STEPS = 2  # double the radius at most twice
DANGER_LEADS = 2
"""How many listings meeting a danger lead the results (the best as :func:`_danger_fit`
ranks them); the others meeting it rank with the rest by their score, so a listing for
what the words also asked (a family centre, a parents' drug and alcohol service) can come
third. ``bench/relevance.py --danger-leads N`` measures another number."""
BAND2_LEADS = 1
"""How many listings meeting a danger the learnt alarm read only in its band 2 lead the
results (the best as band 1 would rank them); every other result keeps its order in the
search without the danger (band 2 is the weaker reading: one ordinary search in a hundred
reaches it). ``bench/relevance.py --band2-leads N`` measures another number (0: none)."""
_SYNONYM_WORDS = dict.fromkeys(SYNONYMS.vocabulary, 1)


@dataclass(frozen=True, slots=True)
class _Attempt:
    plan: TextPlan
    require_all: bool
    radius_m: float | None
    suggestion: str | None = None
    widened: Widening | None = None
    concepts: tuple[Concept, ...] = ()
    asker: Asker | None = None


@dataclass(frozen=True, slots=True)
class _Evaluation:
    attempt: _Attempt
    scores: Scores | None  # None: no words, everything matches
    common: list[Set[int]]  # what the words and the radius allow
    distances: Mapping[int, float]
    clauses: Mapping[str, Set[int]]
    matches: Set[int]
    lowered: Mapping[int, float] = field(default_factory=dict)
    """Matches for someone other than who is asking, and their score factors
    (:func:`search.meaning.asker_factors`)."""
    missed: Mapping[int, int] = field(default_factory=dict)
    """Preferences each match misses (:func:`search.meaning.missed_preferences`)."""


def search(view: IndexView, query: SearchQuery) -> SearchResults:
    """Read, match, loosen if nothing matched, count facets, rank, and cut out the page."""
    glossed, reading = _understood(view, query)
    query = replace(query, text=glossed)
    concepts = reading.without(query.set_aside).concepts if reading else ()
    plan = _plan(query, query.text)
    asker = reading.asker if reading else None
    chosen = _found(
        view, query, _Attempt(plan, True, query.radius_m, concepts=concepts, asker=asker)
    )
    if not chosen.matches and query.loosen and reading is not None and reading.quiet:
        # a search that found nothing at all shows the listings of a danger the learnt
        # alarm read in band 2, as a danger read in band 1 would
        concepts = (*reading.quiet, *concepts)
        first = _Attempt(plan, True, query.radius_m, concepts=concepts, asker=asker)
        chosen = _found(view, query, first)
    danger_only = None
    ahead: Mapping[int, int] = {}
    leading = _leading_danger(chosen.attempt.concepts)
    if leading is not None and query.loosen:
        chosen, ahead, danger_only = _danger_first(view, query, chosen, leading)
        ahead = _only_the_best(view, query, chosen, ahead)
    elif query.loosen and reading is not None and reading.quiet:
        chosen, ahead = _band2_led(view, query, chosen, reading.quiet)
    start = (query.page - 1) * query.page_size
    total = len(chosen.matches)
    if query.page > 1 and start >= total:
        raise PageOutOfRange(f"page {query.page} is past the last page of results")
    hits = _ranked(view, query, chosen, ahead, start + query.page_size)
    beside = None
    if leading is not None and query.loosen and ahead:
        beside = _beside(view, query, chosen, leading)
        if beside is not None:
            chosen = replace(chosen, matches=frozenset(chosen.matches) | {beside[0]})
            total = len(chosen.matches)
            hits = _placed_beside(hits, beside[1], start + query.page_size)
    return SearchResults(
        hits=tuple(hits[start:]),
        total=total,
        facets=_facets(view, query, chosen, reading.quiet_cues if reading else ()),
        suggestion=chosen.attempt.suggestion,
        widened=chosen.attempt.widened,
        reading=reading,
        danger_only=danger_only,
        beside=beside[1].id if beside is not None else None,
    )


def _found(view: IndexView, query: SearchQuery, first: _Attempt) -> _Evaluation:
    """``first`` evaluated, or the first looser attempt that finds something (``first``'s
    evaluation when none does)."""
    chosen = _evaluate(view, query, first)
    if not chosen.matches and query.loosen:
        for attempt in _looser(view, query, chosen.attempt):
            evaluation = _evaluate(view, query, attempt)
            if evaluation.matches:
                return evaluation
    return chosen


def _facets(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, quiet: tuple[str, ...] = ()
) -> FacetCounts:
    """Facet counts over the matches, unless the view is a backend's chosen candidates
    (``counts_facets`` False): that backend counts over every match itself.

    Remembered by views that never change (a Whoosh snapshot, one index generation), by
    all that decides the sets counted: the words as matched, the place and radius, the
    filters, the day, whether a danger's listings may join (``loosen``), and the dangers
    read in the learnt alarm's band 2 (``quiet``: no concept, but their listing joins:
    :func:`_band2_led`). The page, its size, the order and the preferences change only the
    order, never the counts."""
    if not getattr(view, "counts_facets", True):
        return MappingProxyType({})
    remembered: LastUsed[FacetCounts] | None = getattr(view, "facet_counts", None)
    if remembered is None:
        return facet_counts(view, chosen.matches, chosen.common, chosen.clauses)
    attempt = chosen.attempt
    key = (
        attempt.plan.groups,
        attempt.require_all,
        attempt.concepts,
        attempt.radius_m,
        query.origin,
        query.origin_localities,
        query.filters,
        query.today,
        query.loosen,
        quiet,
    )
    return remembered.get(
        key, lambda: facet_counts(view, chosen.matches, chosen.common, chosen.clauses)
    )


def _leading_danger(concepts: tuple[Concept, ...]) -> Concept | None:
    return next((concept for concept in concepts if concept.priority), None)


NAMED_FILTERS = ("levels", "localities")
"""Filters a danger's listings keep where they can (:func:`_danger_first`): the level of
need and the place a practitioner names are who the help is for and where, not a topic."""


def _danger_first(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, leading: Concept
) -> tuple[_Evaluation, Mapping[int, int], str | None]:
    """The matches with every visible listing meeting the leading danger added, the
    listings to rank first (each with how far ahead: :func:`_danger_fit`), and the danger
    when nothing found as asked met it.

    The query's filters hold where a listing meeting the danger passes them. Otherwise the
    level of need and the place named (:data:`NAMED_FILTERS`) still hold where one passes
    those, and then only the audience's filters do (a food filter cannot leave a threat to
    life without help), except for a danger the learnt model alone read: a weak reading
    never overrides the level or place the searcher named, so its listings join from
    elsewhere only when nothing was found as asked. A listing joining past a filter ranks
    as one missing a preference for each filter it fails (:data:`PREFERENCE_STEP`): the
    danger's help in the place named, or at the level named, before help elsewhere.
    Those ranked first are the ones whose stated needs meet the danger, or, where the
    directory has none (imports without the taxonomy), those inferred to meet it. Where
    the words signal more than one danger, those of them meeting every one rank as
    missing no preference and the others as missing one (:func:`every_danger_listings`):
    help for both before help for the leading danger alone."""
    met = priority_listings(view, chosen.attempt.concepts)
    found_as_asked = not met.isdisjoint(chosen.matches)
    added = intersect([met, *chosen.clauses.values()])
    missed = chosen.missed
    if not added:
        audience = Filters(practitioner_only_too=query.filters.practitioner_only_too)
        visible = list(filter_clauses(view, audience, query.today).values())
        named = [chosen.clauses[name] for name in NAMED_FILTERS if name in chosen.clauses]
        added = intersect([met, *visible, *named]) if named else frozenset()
        if not added and not (leading.learnt and named and chosen.matches):
            added = intersect([met, *visible])
        missed = _past_filters(chosen, added)
    matches = frozenset(chosen.matches) | frozenset(added)
    stated = stated_priority_listings(view, chosen.attempt.concepts)
    first = frozenset(doc for doc in matches if doc in stated) or frozenset(
        doc for doc in matches if doc in met
    )
    every = every_danger_listings(view, chosen.attempt.concepts)
    if every is not None and not every.isdisjoint(first):
        missed = dict(missed)
        for doc in first - every:
            missed[doc] = missed.get(doc, 0) + 1
    danger_only = leading.code if added and not found_as_asked else None
    both = every if every is not None and not every.isdisjoint(first) else None
    ahead = _danger_fit(view, query, chosen, leading, first, both)
    return replace(chosen, matches=matches, missed=missed), ahead, danger_only


def _danger_fit(
    view: IndexView,
    query: SearchQuery,
    chosen: _Evaluation,
    leading: Concept,
    first: Set[int],
    every: Set[int] | None,
) -> dict[int, int]:
    """How far ahead each listing of ``first`` (meeting the leading danger) ranks: whose
    danger it is, then what it is (:func:`search.results.ranked_ahead`).

    A danger is the asker's ("my partner hits me": an adult's; "my son is self harming": a
    child's); where the words do not say who asks, the phrasebook's ``whom`` for the danger
    ("young" for a child at risk: "child neglect", "worried about the kids next door").
    A listing for someone else than whose danger it is (by its ages, or its own words:
    :func:`search.meaning.for_someone_else`) ranks after the rest. Within each,
    in this order of weight: where the words signal more than one danger, one meeting
    every one (``every``) before one meeting the leading danger alone; one whose own words
    use a phrase of the danger itself ("worried about a child", "self-harm", "county
    lines") before one whose words do not (a domestic abuse helpline for a missing child);
    one whose words are not about a need the danger borrows from another danger the words
    did not signal (:func:`_borrowed`) before one whose words are (a children's domestic
    abuse group for a child hit with a spoon, nothing of domestic abuse said);
    one for whose danger it is (by ages or words) before one for anyone; one whose words
    are most about a need of the danger's before one that only meets it among others (a
    football club meeting crime and exploitation). Only a listing's needs, ages and words
    are read, never its name."""
    reader = query.reader
    book = reader.phrasebook if reader is not None else None
    entry = book.entry("dangers", leading.code) if book is not None else None
    concepts = chosen.attempt.concepts
    asked = asked_for(chosen.attempt.asker, concepts)
    whom = asked or (entry.whom if entry is not None else "")
    elsewhere = for_someone_else(view, whom, concepts) if whom != asked else chosen.lowered.keys()
    own: Set[int] = frozenset()
    if book is not None:
        own = union(view, PHRASE, tuple(sorted(danger_phrases(book).get(leading.code, ()))))
    theirs = for_whom(view, whom) if whom else frozenset()
    about = union(view, ABOUT, leading.needs)
    borrowed = _borrowed(book, leading, concepts) if book is not None else ()
    apart = union(view, ABOUT, borrowed) if borrowed else frozenset()
    rest = _meeting_the_rest(view, concepts)
    ahead: dict[int, int] = {}
    for doc in first:
        both = every is None or doc in every
        also = rest is None or doc in rest
        fit = (
            32 * both
            + 16 * (doc in own)
            + 8 * (doc not in apart)
            + 4 * also
            + 2 * (doc in theirs)
            + (doc in about)
        )
        ahead[doc] = 1 + (doc not in elsewhere) * FIT_GRADES + fit
    return ahead


def _borrowed(book: Phrasebook, leading: Concept, concepts: Sequence[Concept]) -> tuple[str, ...]:
    """The needs the leading danger borrows from another danger the words did not signal:
    those of a danger whose needs are a part, not the whole, of the leading one's. A child
    at risk is met by the help for domestic abuse and for exploitation (the directory has
    no need of its own for it), but a listing whose own words are about domestic abuse is
    that danger's help: for "me mom hits me with the wooden spoon" it ranks after a
    listing whose words are not, unless the words signal domestic abuse too."""
    read = {concept.code for concept in concepts if concept.priority}
    mine = set(leading.needs)
    borrowed: set[str] = set()
    for code, needs in book.danger_needs().items():
        theirs = set(needs)
        if code in read or not theirs or not theirs < mine:
            continue
        borrowed |= theirs
    return tuple(sorted(borrowed))


def _only_the_best(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, ahead: Mapping[int, int]
) -> Mapping[int, int]:
    """``ahead`` kept for its :data:`DANGER_LEADS` best listings only."""
    if len(ahead) <= DANGER_LEADS:
        return ahead
    best = {hit.id for hit in _ranked(view, query, chosen, ahead, DANGER_LEADS)}
    return {doc: fit for doc, fit in ahead.items() if view.info(doc).id in best}


def _band2_led(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, quiet: tuple[Concept, ...]
) -> tuple[_Evaluation, Mapping[int, int]]:
    """``chosen`` with the :data:`BAND2_LEADS` best listings meeting a band-2 danger (as
    band 1 would rank them) joined and put first; every other match keeps its order."""
    attempt = replace(chosen.attempt, concepts=(*quiet, *chosen.attempt.concepts))
    read = _evaluate(view, query, attempt)
    leading = _leading_danger(attempt.concepts)
    if leading is None:
        return chosen, {}
    read, fit, _ = _danger_first(view, query, read, leading)
    best = {hit.id for hit in _ranked(view, query, read, fit, BAND2_LEADS)}
    led = [doc for doc in fit if view.info(doc).id in best]
    if not led:
        return chosen, {}
    matches = frozenset(chosen.matches) | frozenset(led)
    return replace(chosen, matches=matches), {doc: TIERS - 1 for doc in led}


def _beside(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, leading: Concept
) -> tuple[int, SearchHit] | None:
    """The family's support beside a danger's help: the best listing of the leading
    danger's ``beside`` kinds (:attr:`search.phrasebook.Entry.beside`: for a child at risk,
    the family centre, the Early Help front door) that this searcher may see and that passes
    the query's filters, by the search's own order (the nearest where a place is given).
    None when the words signal another danger too (its help, not family support, is what
    they ask for beside: "my partner hits me and the kids"), when the danger has no such
    kinds, or when the results are sorted by distance."""
    reader = query.reader
    book = reader.phrasebook if reader is not None else None
    entry = book.entry("dangers", leading.code) if book is not None else None
    if entry is None or not entry.beside or query.sort != "relevance":
        return None
    if sum(1 for concept in chosen.attempt.concepts if concept.priority) > 1:
        return None
    audience = Filters(practitioner_only_too=query.filters.practitioner_only_too)
    visible = filter_clauses(view, audience, query.today).values()
    kinds = union(view, KIND, entry.beside)
    found = intersect([kinds, *visible, *chosen.clauses.values()])
    if not found:
        return None
    candidates = replace(chosen, matches=frozenset(found))
    best = _ranked(view, query, candidates, {}, 1)
    if not best:
        return None
    doc = next(doc for doc in found if view.info(doc).id == best[0].id)
    return doc, best[0]


def _placed_beside(hits: list[SearchHit], beside: SearchHit, limit: int) -> list[SearchHit]:
    """``hits`` with the family's support (:func:`_beside`) at the place after the danger's
    :data:`DANGER_LEADS` listings, or where it ranks already if that is higher."""
    place = next((n for n, hit in enumerate(hits) if hit.id == beside.id), None)
    if place is not None and place <= DANGER_LEADS:
        return hits
    rest = [hit for hit in hits if hit.id != beside.id]
    rest.insert(min(DANGER_LEADS, len(rest)), beside)
    return rest[:limit]


def _meeting_the_rest(view: IndexView, concepts: Sequence[Concept]) -> Set[int] | None:
    """Listings meeting every need the words were read to ask for besides the dangers (None:
    they ask for none). "Sleeping in the car with the kids because of him" asks for somewhere
    to live as well as safety: of the listings meeting the danger, a refuge before a
    helpline."""
    asked = [
        meeting(view, concept)
        for concept in concepts
        if concept.strong and not concept.priority and concept.needs
    ]
    return frozenset.intersection(*map(frozenset, asked)) if asked else None


def _past_filters(chosen: _Evaluation, added: Set[int]) -> Mapping[int, int]:
    """The preferences each match misses, with one more for each of the query's filters a
    danger's listing joined past (:func:`_danger_first`)."""
    missed = dict(chosen.missed)
    clauses = list(chosen.clauses.values())
    for doc in added:
        failed = sum(1 for clause in clauses if doc not in clause)
        if failed:
            missed[doc] = missed.get(doc, 0) + failed
    return missed


def _understood(view: IndexView, query: SearchQuery) -> tuple[str, Reading | None]:
    """The words as the page's language glosses them, and how they read. Remembered by
    views that never change (a Whoosh snapshot: the reading depends on the index's words),
    by reader, words (spacing aside) and day."""
    reader = query.reader
    if reader is None:
        return query.text, None
    remembered: LastUsed[tuple[str | None, Reading | None]] | None = getattr(view, "readings", None)
    if remembered is None:
        glossed, reading = _read(view, query, reader)
    else:
        key = (reader, " ".join(query.text.split()), query.today)
        glossed, reading = remembered.get(key, lambda: _read(view, query, reader))
    return (query.text if glossed is None else glossed), reading


def _read(
    view: IndexView, query: SearchQuery, reader: QueryReader
) -> tuple[str | None, Reading | None]:
    """(the glossed words, None when glossing changed nothing; the reading)."""
    text = reader.gloss(query.text, view.vocabulary())
    reading = reader.read(text, view.vocabulary(), query.today) if text else None
    return (None if text == query.text else text), reading


def _looser(view: IndexView, query: SearchQuery, first: _Attempt) -> Iterator[_Attempt]:
    """Ever looser attempts, tried in order until one finds something."""
    plan, concepts, asker = first.plan, first.concepts, first.asker
    suggestion = None
    corrected = (
        _corrected_text(plan, view.vocabulary(), _seen_by(view, query), _real(query))
        if plan.groups and query.correct_spelling
        else None
    )
    if corrected is not None:
        plan, suggestion = _plan(query, corrected), corrected
        yield _Attempt(plan, True, query.radius_m, suggestion, concepts=concepts, asker=asker)
    radii = _wider_radii(query.radius_m)
    radius: float | None
    for radius in radii:
        yield _Attempt(plan, True, radius, suggestion, Widening(radius_m=radius), concepts, asker)
    if len(plan.groups) > 1 or concepts:
        for radius in (query.radius_m, *radii):
            widened = Widening(
                any_terms=True, radius_m=None if radius == query.radius_m else radius
            )
            yield _Attempt(plan, False, radius, suggestion, widened, concepts, asker)
    guessed = guessed_attempt(query, plan, concepts, asker, suggestion)
    if guessed is not None:
        yield guessed


MIN_GUESSED_WORDS = 3
"""Words a search needs for its likeliest need to be guessed when nothing matched
(issue 17: a sentence is never a dead end); fewer are too little to guess from."""


def guessed_attempt(
    query: SearchQuery,
    plan: TextPlan,
    concepts: tuple[Concept, ...],
    asker: Asker | None,
    suggestion: str | None,
) -> _Attempt | None:
    """The last loosening of a sentence that found nothing, nothing read in it: the
    listings of the need the learnt reader finds likeliest (:meth:`search.learnt_reading.
    LearntReader.guess`), with any of the words, and the page says it guessed. None for
    fewer than MIN_GUESSED_WORDS words, a search with a reading (its own loosening admits
    that reading's listings), or no guess."""
    reader = query.reader
    learnt = reader.learnt if reader is not None else None
    if learnt is None or concepts or len(query.text.split()) < MIN_GUESSED_WORDS:
        return None
    guess = learnt.guess(query.text)
    if guess is None:
        return None
    widened = Widening(any_terms=True, guessed=guess.code)
    return _Attempt(plan, False, query.radius_m, suggestion, widened, (guess,), asker)


def _real(query: SearchQuery) -> Callable[[str], bool]:
    """Whether a word is a real one, which "Did you mean" never respells ("bored")."""
    reader = query.reader
    return reader.is_word if reader is not None else lambda word: False


def _plan(query: SearchQuery, text: str) -> TextPlan:
    """The words' plan, with the reader's meaningless words left out and its everyday
    words weighed as such (:func:`search.query.expand_synonyms`)."""
    reader = query.reader
    if reader is None:
        return plan_text(text)
    return plan_text(text, reader.quiet_words, reader.everyday)


def _wider_radii(radius_m: float | None) -> list[float]:
    radii: list[float] = []
    while radius_m is not None and radius_m < MAX_RADIUS_M and len(radii) < WIDEN_STEPS:
        radius_m = min(radius_m * 2, MAX_RADIUS_M)
        radii.append(radius_m)
    return radii


def _seen_by(view: IndexView, query: SearchQuery) -> Callable[[str], bool]:
    """Whether a word is in a listing this searcher may see (in season; for the public
    unless the practitioners' door asks). The spelling vocabulary holds every indexed
    listing's words, so "Did you mean" must not offer a word only a hidden listing uses."""
    audience = Filters(practitioner_only_too=query.filters.practitioner_only_too)
    visible = intersect(list(filter_clauses(view, audience, query.today).values()))

    def seen(word: str) -> bool:
        if word in _SYNONYM_WORDS:
            return True
        token = stem_word(word)
        return token is not None and any(doc in visible for doc in view.term_weights(token))

    return seen


def _corrected_text(
    plan: TextPlan,
    vocabulary: Mapping[str, int],
    seen: Callable[[str], bool],
    real: Callable[[str], bool],
) -> str | None:
    """The text with unknown words respelt, or None if no word needed (or had) a fix.

    Only non-words are respelt: a word the index, a phrasebook or the language's word list
    knows is what the family meant, even where no listing uses it."""
    fixes: dict[str, str] = {}
    for group in plan.groups:
        word = group.words[0]
        if group.synonym or not word.isalpha() or word in vocabulary or real(word):
            continue
        fix = best_correction(word, vocabulary, _SYNONYM_WORDS)
        if fix is not None and seen(fix):
            fixes[word] = fix
    if not fixes:
        return None
    return " ".join(fixes.get(word, word) for word in plan.text.split())


def _evaluate(view: IndexView, query: SearchQuery, attempt: _Attempt) -> _Evaluation:
    scores = None
    common: list[Set[int]] = [view.all_docs()]
    worded: Set[int] | None = None
    if attempt.plan.groups or attempt.concepts:
        scores = _scored_words(view, attempt)
        worded = scores.rough.keys()
        common = [worded]
    distances: dict[int, float] = {}
    if query.origin is not None and attempt.radius_m is not None:
        localities = (*query.origin_localities, *query.filters.localities)
        area, distances = within_radius(
            view, query.origin, attempt.radius_m, localities, among=worded
        )
        common.append(area)
    clauses = filter_clauses(view, query.filters, query.today)
    matches = intersect([*common, *clauses.values()])
    lowered = asker_factors(view, attempt.asker, attempt.concepts) if scores is not None else {}
    return _Evaluation(
        attempt,
        scores,
        common,
        distances,
        clauses,
        matches,
        lowered,
        missed_preferences(view, matches, query.prefer),
    )


TEXT_MATCHES_KEPT = 256
RERANKED = 300
"""Matches ranked exactly (the best by rough score, :class:`search.meaning.Scores`), or as
many as the pages asked for need, and any other the rough score cannot rule out. On the
development relevance set a cut to 20 (top three asked) lost nothing, and one to 3 one
case's precision, before the cut was made exact; 300 leaves room for far larger pages."""


def _scored_words(view: IndexView, attempt: _Attempt) -> Scores:
    """Scores of what the words find, remembered by views that never change (a Whoosh
    snapshot)."""
    cache: dict[object, Scores] | None = getattr(view, "text_matches", None)
    if cache is None:
        return _score(view, attempt)
    key = (attempt.plan.groups, attempt.require_all, attempt.concepts)
    if key not in cache:
        if len(cache) >= TEXT_MATCHES_KEPT:
            cache.clear()
        cache[key] = _score(view, attempt)
    return cache[key]


def _score(view: IndexView, attempt: _Attempt) -> Scores:
    if attempt.concepts:
        return score_meaning(view, attempt.plan.groups, attempt.concepts, attempt.require_all)
    return Scores(match_text(view, attempt.plan.groups, attempt.require_all))


def _ranked(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, first: Mapping[int, int], limit: int
) -> list[SearchHit]:
    """The best ``limit`` matches in order, ``first`` (listings meeting a danger) ahead.

    Only the matches that can reach the page are ranked exactly: with no words, no place
    and no preferences, every listing's score is its own for the day
    (:func:`_in_day_order`); otherwise the best RERANKED (or ``limit``) by rough score, and
    any the rough score cannot rule out (:func:`_shortlist`); and where the rough score is
    the exact one, those whose relevance can reach the page (:func:`_within_reach`)."""
    if limit <= 0:
        return []
    docs: Collection[int] = chosen.matches
    scores = chosen.scores
    if scores is None and query.origin is None and not first and not chosen.missed:
        hits = _in_day_order(view, query.today, chosen.matches, limit)
        if hits is not None:
            return hits
    keep = max(RERANKED, limit)
    if len(docs) > keep and scores is not None and scores.most > 1.0:
        docs = _shortlist(view, query, chosen, scores, first, keep, limit)
    elif len(docs) > limit and scores is not None:
        relevance = _relevance(chosen, scores)
        docs = [
            doc
            for tier in _tiers(relevance, first)
            for doc in _within_reach(relevance, tier, limit, scores.most)
        ]
    return rank(
        _candidates(view, query, chosen, docs, first),
        sort=query.sort,
        has_origin=query.origin is not None,
        today=query.today,
        limit=limit,
    )


DayOrder = list[tuple[int, str, float]]
"""Every listing (document, id, score) best first, as a search with no words, no place and
no preferences ranks them on a day (:func:`search.ranking.rank`)."""


def _in_day_order(
    view: IndexView, today: date, matches: Set[int], limit: int
) -> list[SearchHit] | None:
    """The best ``limit`` of ``matches`` by the view's order of the day, walked until the
    page is full; None where the view keeps no such order, or so few match that ranking
    them costs less than walking the order to find them (about ``limit`` in
    ``len(matches) / every listing`` of the order holds a match)."""
    orders: LastUsed[DayOrder] | None = getattr(view, "day_orders", None)
    if orders is None or len(matches) ** 2 < limit * len(view.all_docs()):
        return None
    hits: list[SearchHit] = []
    for doc, doc_id, score in orders.get(today, lambda: _day_order(view, today)):
        if doc in matches:
            hits.append(SearchHit(doc_id, score, None))
            if len(hits) == limit:
                break
    return hits


def _day_order(view: IndexView, today: date) -> DayOrder:
    """Relevance 1 for every listing, no place: the score is freshness and overdue alone."""
    scored = []
    for doc in view.all_docs():
        info = view.info(doc)
        score = blend(1.0, 0.0, freshness(info.assured, today), info.overdue(today))
        scored.append((-score, info.id, doc))
    scored.sort()
    return [(doc, doc_id, -negated) for negated, doc_id, doc in scored]


def _relevance(chosen: _Evaluation, scores: Scores) -> dict[int, float]:
    """Each match's rough relevance as ranking weighs it: lowered for someone other than
    who is asking, divided for each preference missed."""
    rough, lowered, missed = scores.rough, chosen.lowered, chosen.missed
    # 0: a danger's listing the words did not find.
    relevance = {doc: rough.get(doc, 0.0) for doc in chosen.matches}
    if lowered or missed:
        for doc, value in relevance.items():
            value *= lowered.get(doc, 1.0)
            if doc in missed:
                value /= PREFERENCE_STEP ** missed[doc]
            relevance[doc] = value
    return relevance


def _tiers(docs: Iterable[int], first: Mapping[int, int]) -> list[list[int]]:
    """``docs`` by how far ahead they rank (:func:`_danger_fit`), least first."""
    if not first:
        return [list(docs)]
    tiers: list[list[int]] = [[] for _ in range(TIERS)]
    for doc in docs:
        tiers[first.get(doc, 0)].append(doc)
    return tiers


TIERS = 1 + 2 * FIT_GRADES
"""How far ahead a listing can rank: 0 (not meeting the danger) to 2 * FIT_GRADES."""


REACH_MARGIN = 1e-6
"""Kept below the bound by this share, for rounding."""


def _within_reach(
    relevance: Mapping[int, float], docs: list[int], count: int, most: float = 1.0
) -> list[int]:
    """Those of ``docs`` (one tier) whose blend can be among their ``count`` best, where an
    exact score is at most ``most`` times the rough ``relevance`` (:class:`Scores`): the
    ``count`` best by relevance blend to at least ``BLEND_RANGE[0]`` times theirs, and no
    blend exceeds ``BLEND_RANGE[1]`` times its exact relevance. The best exact score is
    always kept (it is at least the ``count``-th relevance), so ranking normalises alike."""
    if len(docs) <= count:
        return docs
    least, most_blend = BLEND_RANGE
    values = np.fromiter(map(relevance.__getitem__, docs), dtype=np.float64, count=len(docs))
    kth = _kth_largest(values, count)
    floor = kth * least / (most_blend * most) * (1 - REACH_MARGIN)
    return np.asarray(docs)[values >= floor].tolist()


def _kth_largest(values: np.ndarray, count: int) -> float:
    """``heapq.nlargest(count, values)[-1]`` (``values`` not empty), by a partial sort in C:
    every match is looked at, but not through a Python heap."""
    if count >= len(values):
        return float(values.min())
    place = len(values) - count
    return float(np.partition(values, place)[place])


def _shortlist(
    view: IndexView,
    query: SearchQuery,
    chosen: _Evaluation,
    scores: Scores,
    first: Mapping[int, int],
    keep: int,
    limit: int,
) -> list[int]:
    """The ``keep`` matches that rank best by rough score, with every match tied with the
    last of them (ties are broken by id, and only exactly: see :func:`search.ranking.rank`).

    By distance, the order needs no scores but to break ties of distance, so the shortlist
    is every match as near as the ``keep``-th (first the listings meeting a danger, then
    those with a venue). By relevance, a listing's rough score is blended with its distance
    and freshness as :func:`search.ranking.rank` blends the exact one.
    """
    has_origin = query.origin is not None
    if query.sort == "nearest":
        placed = {doc: _nearness(view, query, chosen, doc, first) for doc in chosen.matches}
        last = heapq.nsmallest(keep, placed.values())[-1]
        return [doc for doc, key in placed.items() if key <= last]
    relevance = _relevance(chosen, scores)
    rough, today = scores.rough, query.today
    blended: dict[int, float] = {}
    weights = _day_weights_of(view, today)

    def exact(doc: int) -> float:
        """The blend of the exact score, from the rough one's."""
        return blended[doc] * scores.exact(view, doc) / rough[doc] if rough.get(doc) else 0.0

    shortlist: list[int] = []
    earlier = 0  # matches in the tiers before this one
    for tier in reversed(_tiers(relevance, first)):
        if earlier >= limit:
            break
        room = max(keep - earlier, 1)
        # Only those whose blend can reach the best ``room`` are blended (see _best).
        reach = _within_reach(relevance, tier, room, scores.most)
        for doc in reach:
            if doc not in weights:
                weights[doc] = _day_weights(view.info(doc), today)
        if has_origin:
            for doc in reach:
                near = proximity(_distance(view, query, chosen, doc), has_origin)
                blended[doc] = weighed_blend(relevance[doc], near, *weights[doc])
        else:
            for doc in reach:  # weighed_blend with no distance, written out: 1.0 + 0.0 is 1.0
                fresh_weight, factor = weights[doc]
                blended[doc] = relevance[doc] * (1.0 + fresh_weight) * factor
        shortlist += _best(blended, reach, room, min(limit, keep) - earlier, scores.most, exact)
        earlier += len(tier)
    return shortlist


DayWeights = dict[int, tuple[float, float]]
"""Each listing's freshness term of the blend and its overdue factor, on one day
(:func:`search.ranking.weighed_blend`), filled in as listings are blended."""


def _day_weights_of(view: IndexView, today: date) -> DayWeights:
    """The day's weights a view keeps (a Whoosh snapshot, which never changes), else a new
    map for this search."""
    kept: LastUsed[DayWeights] | None = getattr(view, "day_weights", None)
    return {} if kept is None else kept.get(today, dict)


def _day_weights(info: DocInfo, today: date) -> tuple[float, float]:
    return day_weight(info.assured, today), overdue_factor(info.overdue(today))


def _best(
    blended: Mapping[int, float],
    docs: list[int],
    keep: int,
    needed: int,
    most: float,
    exact: Callable[[int], float],
) -> list[int]:
    """The ``keep`` of ``docs`` with the highest rough blends and any tied with the last,
    and then any other that could still be among the ``needed`` best exactly: its exact
    score is at most ``most`` times its rough one, so a listing whose rough blend times
    ``most`` falls short of the ``needed``-th best exact blend so far cannot be. The page
    is the one ranking every match exactly would give."""
    if len(docs) <= keep:
        return docs
    values = np.fromiter(map(blended.__getitem__, docs), dtype=np.float64, count=len(docs))
    last = _kth_largest(values, keep)
    held = np.asarray(docs)
    chosen: list[int] = held[values >= last].tolist()
    if most > 1.0 and needed > 0:
        bar = heapq.nlargest(needed, map(exact, chosen))[-1] * (1 - 1e-9)
        chosen += held[(values < last) & (values * most >= bar)].tolist()
    return chosen


def _nearness(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, doc: int, first: Mapping[int, int]
) -> tuple[int, bool, float]:
    distance = _distance(view, query, chosen, doc)
    return (-first.get(doc, 0), distance is None, distance or 0.0)


def _distance(view: IndexView, query: SearchQuery, chosen: _Evaluation, doc: int) -> float | None:
    distance = chosen.distances.get(doc)
    if distance is None and query.origin is not None:
        distance = nearest_distance(query.origin, view.info(doc).points)
    return distance


def _candidates(
    view: IndexView,
    query: SearchQuery,
    chosen: _Evaluation,
    docs: Iterable[int],
    first: Mapping[int, int],
) -> Iterator[Candidate]:
    scores, lowered, missed = chosen.scores, chosen.lowered, chosen.missed
    for doc in docs:
        info = view.info(doc)
        score = 1.0 if scores is None else scores.exact(view, doc)
        score *= lowered.get(doc, 1.0)
        if doc in missed:
            score /= PREFERENCE_STEP ** missed[doc]
        distance = _distance(view, query, chosen, doc)
        ahead = first.get(doc, 0)
        yield (info.id, score, distance, info.assured, ahead, info.overdue(query.today))
