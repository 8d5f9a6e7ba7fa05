"""Runs a :class:`SearchQuery` against an :class:`IndexView`: the semantics every backend shares.

The backend only weighs single terms; matching, filtering, facets and ranking happen here,
once for every backend. When nothing matches, the query is loosened step by step and the
results say how: first a corrected spelling, then a wider radius, then any rather than all
of the words (a parenting course two miles away beats anything "course" next door), or
any listing meeting one of their readings. Filters
are never dropped silently: facet counts show the searcher which to remove.

Danger comes before all of that: when the words signal a danger (the panel or the strip),
every listing this searcher may see that meets it joins the results, whatever the words and
the radius (the filters too when none passes them), and ranks first, the family's other
matches after. Listings an editor says meet the danger come before those only inferred
from their text. When nothing found as asked met the danger, the results say so
(``SearchResults.danger_only``): a search with a danger cue never ends at zero results or
at an unrelated service first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import dataclass, replace

from search.analysis import stem_word
from search.errors import PageOutOfRange
from search.filtering import facet_counts, filter_clauses, intersect, within_radius
from search.geo import nearest_distance
from search.matching import match_text
from search.meaning import (
    fitting,
    for_asker,
    priority_listings,
    score_meaning,
    stated_priority_listings,
)
from search.query import MAX_RADIUS_M, Filters, SearchQuery, TextPlan, plan_text
from search.ranking import Candidate, rank
from search.results import SearchResults, Widening
from search.spelling import best_correction
from search.synonyms import SYNONYMS
from search.understanding import Asker, Concept, Reading
from search.view import IndexView

WIDEN_STEPS = 2  # double the radius at most twice
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
    text_scores: Mapping[int, float] | None  # None: no words, everything matches
    common: list[Set[int]]  # what the words and the radius allow
    distances: Mapping[int, float]
    clauses: Mapping[str, Set[int]]
    matches: Set[int]


def search(view: IndexView, query: SearchQuery) -> SearchResults:
    """Read, match, loosen if nothing matched, count facets, rank, and cut out the page."""
    if query.reader is not None:
        query = replace(query, text=query.reader.gloss(query.text, view.vocabulary()))
    reading = _read(view, query)
    concepts = reading.without(query.set_aside).concepts if reading else ()
    plan = plan_text(query.text, _quiet(query))
    asker = reading.asker if reading else None
    first = _Attempt(plan, True, query.radius_m, concepts=concepts, asker=asker)
    chosen = _evaluate(view, query, first)
    if not chosen.matches and query.loosen:
        for attempt in _looser(view, query, chosen.attempt):
            evaluation = _evaluate(view, query, attempt)
            if evaluation.matches:
                chosen = evaluation
                break
    danger_only = None
    first: Set[int] = frozenset()
    leading = _leading_danger(chosen.attempt.concepts)
    if leading is not None and query.loosen:
        chosen, first, danger_only = _danger_first(view, query, chosen, leading)
    start = (query.page - 1) * query.page_size
    total = len(chosen.matches)
    if query.page > 1 and start >= total:
        raise PageOutOfRange(f"page {query.page} is past the last page of results")
    hits = rank(
        _candidates(view, query, chosen, first),
        sort=query.sort,
        has_origin=query.origin is not None,
        today=query.today,
        limit=start + query.page_size,
    )
    return SearchResults(
        hits=tuple(hits[start:]),
        total=total,
        facets=facet_counts(view, chosen.matches, chosen.common, chosen.clauses),
        suggestion=chosen.attempt.suggestion,
        widened=chosen.attempt.widened,
        reading=reading,
        danger_only=danger_only,
    )


def _leading_danger(concepts: tuple[Concept, ...]) -> Concept | None:
    return next((concept for concept in concepts if concept.priority), None)


def _danger_first(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, leading: Concept
) -> tuple[_Evaluation, Set[int], str | None]:
    """The matches with every visible listing meeting the leading danger added, the
    listings to rank first, and the danger when nothing found as asked met it.

    The query's filters hold where a listing meeting the danger passes them; otherwise
    only the audience's do (a food filter cannot leave a threat to life without help).
    Those ranked first are the ones whose stated needs meet the danger, or, where the
    directory has none (imports without the taxonomy), those inferred to meet it."""
    met = priority_listings(view, chosen.attempt.concepts)
    found_as_asked = not met.isdisjoint(chosen.matches)
    added = intersect([met, *chosen.clauses.values()])
    if not added:
        audience = Filters(practitioner_only_too=query.filters.practitioner_only_too)
        added = intersect([met, *filter_clauses(view, audience, query.today).values()])
    matches = frozenset(chosen.matches) | frozenset(added)
    stated = stated_priority_listings(view, chosen.attempt.concepts)
    first = frozenset(doc for doc in matches if doc in stated) or frozenset(
        doc for doc in matches if doc in met
    )
    danger_only = leading.code if added and not found_as_asked else None
    return replace(chosen, matches=matches), first, danger_only


def _read(view: IndexView, query: SearchQuery) -> Reading | None:
    if query.reader is None or not query.text:
        return None
    return query.reader.read(query.text, view.vocabulary(), query.today)


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
        plan, suggestion = plan_text(corrected, _quiet(query)), corrected
        yield _Attempt(plan, True, query.radius_m, suggestion, concepts=concepts, asker=asker)
    radii = _wider_radii(query.radius_m)
    for radius in radii:
        yield _Attempt(plan, True, radius, suggestion, Widening(radius_m=radius), concepts, asker)
    if len(plan.groups) > 1 or concepts:
        for radius in (query.radius_m, *radii):
            widened = Widening(
                any_terms=True, radius_m=None if radius == query.radius_m else radius
            )
            yield _Attempt(plan, False, radius, suggestion, widened, concepts, asker)


def _real(query: SearchQuery) -> Callable[[str], bool]:
    """Whether a word is a real one, which "Did you mean" never respells ("bored")."""
    reader = query.reader
    return reader.is_word if reader is not None else lambda word: False


def _quiet(query: SearchQuery) -> frozenset[str]:
    return query.reader.quiet_words if query.reader else frozenset()


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
        scores = for_asker(view, _scored_words(view, attempt), attempt.asker, attempt.concepts)
        worded = frozenset(scores)
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
    if query.prefer:
        scores = fitting(view, matches, scores, query.prefer)
    return _Evaluation(attempt, scores, common, distances, clauses, matches)


TEXT_MATCHES_KEPT = 256


def _scored_words(view: IndexView, attempt: _Attempt) -> Mapping[int, float]:
    """``match_text``, remembered by views that never change (a Whoosh snapshot)."""
    cache: dict[object, Mapping[int, float]] | None = getattr(view, "text_matches", None)
    if cache is None:
        return _score(view, attempt)
    key = (attempt.plan.groups, attempt.require_all, attempt.concepts)
    if key not in cache:
        if len(cache) >= TEXT_MATCHES_KEPT:
            cache.clear()
        cache[key] = _score(view, attempt)
    return cache[key]


def _score(view: IndexView, attempt: _Attempt) -> Mapping[int, float]:
    if attempt.concepts:
        return score_meaning(view, attempt.plan.groups, attempt.concepts, attempt.require_all)
    return match_text(view, attempt.plan.groups, attempt.require_all)


def _candidates(
    view: IndexView, query: SearchQuery, chosen: _Evaluation, first: Set[int]
) -> Iterator[Candidate]:
    scores = chosen.text_scores
    for doc in chosen.matches:
        info = view.info(doc)
        distance = chosen.distances.get(doc)
        if distance is None and query.origin is not None:
            distance = nearest_distance(query.origin, info.points)
        score = 0.0 if scores is None else scores.get(doc, 0.0)
        yield (info.id, score, distance, info.assured, doc in first, info.overdue(query.today))
