"""A search, compiled to tantivy queries: what matches, as :mod:`search.engine` decides it.

The engine's rules, written once more as queries rather than set algebra, so tantivy finds
every match and counts facets without Python touching each one:

- words: each :class:`~search.query.TermGroup` is the best of its alternatives (a
  disjunction-max), each alternative its token in any text field, weighted by the field's
  boost; all groups must match, or (loosened) any;
- what the words were read to mean (:func:`search.meaning.score_meaning`): the listings
  meeting a strong topic concept join those matching every word;
- filters as :func:`search.filtering.filter_clauses` makes them (ages, opening hours and the
  seasonal window as ranges);
- a radius as the grid cells covering the circle (:func:`search.geo.covering_cells`), whose
  listings are then measured exactly (:mod:`search.tantivy_backend`).

Scores only choose the candidates the engine re-ranks; they are not the ranking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import tantivy
from tantivy import FieldType, Occur, Query

from search.indexing import (
    ABOUT,
    AUDIENCE,
    BOROUGH_WIDE,
    CATEGORY,
    DAY,
    DELIVERY,
    FREE,
    FUNDED_HOURS,
    INFERRED_NEED,
    KIND,
    LANGUAGE,
    LEVEL,
    LOCALITY,
    NEED,
    NO_VENUE,
    PHRASE,
    PUBLIC,
    SESSION_DATE,
    TEXT_FIELDS,
    VENUE,
    YES,
)
from search.meaning import _consumed, choosing_sets
from search.query import DAYS, Filters, TermGroup
from search.tantivy_schema import (
    AGES,
    ASSURED,
    EASTING,
    HOURS,
    NORTHING,
    SEASON_FROM,
    SEASON_TO,
    VENUES,
    hour_number,
    keyword_field,
)
from search.understanding import Concept

CONCEPT_SCORE = 8.0
"""A listing meeting a concept scores as a strong word match: it chooses the candidate."""
FIT_SCORE = 1.0
"""Listings whose own words are about what was asked gain a little (ordering only)."""
INVERTED = True
"""Ranges read the term dictionary, not a column of every document's values (except
where :meth:`Compiler.numbers` is asked for columns)."""


@dataclass(frozen=True, slots=True)
class Compiler:
    """Builds queries against one schema."""

    schema: tantivy.Schema

    # Words

    def group(self, group: TermGroup) -> Query:
        """Any alternative of the group, scored by the best."""
        alternatives = [
            Query.boost_query(self.token(alternative.token), alternative.boost)
            for alternative in group.alternatives
        ]
        if len(alternatives) == 1:
            return alternatives[0]
        return Query.disjunction_max_query(alternatives)

    def token(self, token: str) -> Query:
        """``token`` in any text field, each weighted by its boost."""
        return any_of(
            Query.boost_query(Query.term_query(self.schema, field, token), boost)
            for field, boost in TEXT_FIELDS.items()
        )

    def words(self, groups: Sequence[TermGroup], require_all: bool) -> Query:
        clauses = [self.group(group) for group in groups]
        if require_all:
            return Query.boolean_query([(Occur.Must, clause) for clause in clauses])
        return any_of(clauses)

    # Meaning

    def meeting(self, concept: Concept) -> Query:
        """Listings meeting ``concept`` (:func:`search.meaning.meeting`)."""
        found = [
            self.terms(NEED, concept.needs),
            self.terms(INFERRED_NEED, concept.needs),
            self.terms(CATEGORY, concept.categories),
            self.terms(KIND, concept.kinds),
            self.terms(SESSION_DATE, concept.session_dates),
            self.terms(LOCALITY, concept.localities),
        ]
        if concept.ages is not None:
            found.append(self.numbers(AGES, *concept.ages))
        if concept.free:
            found.append(self.terms(FREE, (YES,)))
        if concept.hours is not None:
            start, end = concept.hours
            found.extend(
                self.numbers(HOURS, DAYS.index(day) * 24 + start, DAYS.index(day) * 24 + end - 1)
                for day in concept.days or DAYS
                if end > start
            )
        elif concept.days:
            found.append(self.terms(DAY, concept.days))
        return any_of(clause for clause in found if clause is not None)

    def worded(
        self, groups: Sequence[TermGroup], concepts: Sequence[Concept], require_all: bool
    ) -> Query | None:
        """What the words (and their reading) find; None: everything (no words).

        The candidates of :func:`search.meaning.score_meaning`: listings meeting the strong
        topic concepts (any concept, loosened), plus those matching all (any) of the words.
        """
        if not groups and not concepts:
            return None
        if not concepts:
            return self.words(groups, require_all)
        consumed = [_consumed(concept, groups) for concept in concepts]
        free_groups = [i for i in range(len(groups)) if not any(i in c for c in consumed)]
        met = [self.meeting(concept) for concept in concepts]
        choosing = choosing_sets(concepts, met, bool(free_groups), require_all)
        if choosing is None:  # only learnt readings, which never choose: everything
            return None
        parts = [Query.const_score_query(docs, CONCEPT_SCORE) for docs in choosing]
        if groups:
            parts.append(self.words(groups, require_all))
        return any_of(parts)

    def fit(self, concepts: Sequence[Concept]) -> Query | None:
        """Listings about a need asked for, or using a phrase it was read from: a small
        score on top, so they are among the candidates (:mod:`search.meaning`'s ordering).
        A learnt need, a share of a unit there, adds that share of a concept's score to
        the listings meeting it, so they are among the candidates too."""
        units = [concept for concept in concepts if concept.strong or concept.priority]
        learnt = [c for c in concepts if c.learnt and not c.priority and c not in units]
        needs = sorted({need for concept in (*units, *learnt) for need in concept.needs})
        phrases = sorted({phrase for concept in units for phrase in concept.phrases})
        parts = [self.terms(ABOUT, tuple(needs)), self.terms(PHRASE, tuple(phrases))]
        kept = [Query.const_score_query(part, FIT_SCORE) for part in parts if part is not None]
        kept.extend(
            Query.const_score_query(self.meeting(concept), CONCEPT_SCORE * concept.learnt)
            for concept in learnt
        )
        return any_of(kept) if kept else None

    # Filters

    def clauses(self, filters: Filters, today: date) -> dict[str, Query]:
        """One query per active filter, as :func:`search.filtering.filter_clauses` has them."""
        found: dict[str, Query | None] = {
            "needs": self.terms(NEED, filters.needs),
            "levels": self.terms(LEVEL, filters.levels),
            "categories": self.terms(CATEGORY, filters.categories),
            "kinds": self.terms(KIND, filters.kinds),
            "languages": self.terms(LANGUAGE, filters.languages),
            "delivery": self.terms(DELIVERY, filters.delivery),
            "days": self.terms(DAY, filters.days),
        }
        found = {name: query for name, query in found.items() if query is not None}
        found.update(self.audience(filters, today))
        if filters.localities:
            wide = (BOROUGH_WIDE,) if filters.borough_wide_too else ()
            found["localities"] = self.terms(LOCALITY, (*filters.localities, *wide))
        if filters.free_only:
            found["free"] = self.terms(FREE, (YES,))
        if filters.funded_hours_only:
            found["funded_hours"] = self.terms(FUNDED_HOURS, (YES,))
        if filters.session_dates:
            found["session_dates"] = self.terms(SESSION_DATE, filters.session_dates)
        if filters.age is not None:
            found["age"] = self.numbers(AGES, filters.age, filters.age)
        if filters.open_slot is not None:
            hour = hour_number(filters.open_slot)
            found["open_slot"] = self.numbers(HOURS, hour, hour)
        return {name: query for name, query in found.items() if query is not None}

    def audience(self, filters: Filters, today: date) -> dict[str, Query]:
        """The clauses every search has: in season, and for the public unless asked.

        The season is ranges on the columns: nearly every listing is in season, so the term
        dictionary's range would gather every listing in the directory each time a query
        runs, while a column is read only for the listings the other clauses find."""
        day = today.toordinal()
        found = {
            "season": _all(
                [
                    self.numbers(SEASON_FROM, None, day, columns=True),
                    self.numbers(SEASON_TO, day, None, columns=True),
                ]
            )
        }
        if not filters.practitioner_only_too:
            found["audience"] = Query.term_query(self.schema, keyword_field(AUDIENCE), PUBLIC)
        return found

    # Area

    def served(self, localities: Iterable[str]) -> Query:
        """Services with no venue that cover one of ``localities`` or the whole borough."""
        return _all(
            [
                Query.term_query(self.schema, keyword_field(VENUE), NO_VENUE),
                self.terms(LOCALITY, (BOROUGH_WIDE, *localities)) or Query.empty_query(),
            ]
        )

    def square(self, origin: tuple[float, float], half: float) -> Query:
        """Listings with a venue easting and a venue northing within ``half`` metres of
        ``origin``'s: every venue in the square is, and a listing with several venues may
        match on two of them, so this only narrows what is then measured.

        Ranges on the columns, not the term dictionary: every coordinate is a term of its
        own, so the dictionary's range is every venue in a band across the whole country,
        while the columns are read only for the listings the other clauses (the grid cells)
        find."""
        east, north = origin
        return _all(
            [
                Query.range_query(
                    self.schema,
                    field,
                    FieldType.Float,
                    centre - half,
                    centre + half,
                    use_inverted_index=False,
                )
                for field, centre in ((EASTING, east), (NORTHING, north))
            ]
        )

    def checked_on(self, days: Sequence[int]) -> Query:
        """Listings last checked on one of ``days`` (ordinals; 0: never checked)."""
        return Query.term_set_query(self.schema, ASSURED, list(days))

    def venues(self, low: int, high: int | None) -> Query:
        return self.numbers(VENUES, low, high)

    # Building blocks

    def terms(self, name: str, values: Sequence[str]) -> Query | None:
        """Any of ``values`` in keyword field ``name``; None for no values."""
        if not values:
            return None
        field = keyword_field(name)
        if len(values) == 1:
            return Query.term_query(self.schema, field, values[0])
        return Query.term_set_query(self.schema, field, list(values))

    def numbers(
        self, field: str, low: int | None, high: int | None, *, columns: bool = False
    ) -> Query:
        """Values of ``field`` from ``low`` to ``high``; ``columns``: read the fast field's
        column for the listings the rest of the query finds, rather than gathering every
        listing in range from the term dictionary (for a range most listings are in)."""
        return Query.range_query(
            self.schema,
            field,
            FieldType.Integer,
            low,
            high,
            use_inverted_index=INVERTED and not columns,
        )


def any_of(clauses: Iterable[Query]) -> Query:
    listed = [(Occur.Should, clause) for clause in clauses]
    if not listed:
        return Query.empty_query()
    return listed[0][1] if len(listed) == 1 else Query.boolean_query(listed)


def _all(clauses: Sequence[Query]) -> Query:
    return (
        clauses[0]
        if len(clauses) == 1
        else Query.boolean_query([(Occur.Must, clause) for clause in clauses])
    )


def must(clauses: Iterable[Query | None], scored: Query | None = None) -> Query:
    """``scored`` (or everything) with every clause as an unscored filter."""
    listed: list[tuple[Occur, Query]] = []
    if scored is not None:
        listed.append((Occur.Must, scored))
    listed.extend(
        (Occur.Must, Query.const_score_query(clause, 0.0)) for clause in clauses if clause
    )
    if not listed:
        return Query.all_query()
    if len(listed) == 1 and scored is not None:
        return scored
    if scored is None:
        listed.append((Occur.Must, Query.const_score_query(Query.all_query(), 1.0)))
    return Query.boolean_query(listed)


def either(first: Query, second: Query) -> Query:
    return Query.boolean_query([(Occur.Should, first), (Occur.Should, second)])


def with_bonus(query: Query, bonus: Query | None) -> Query:
    """``query``, with listings ``bonus`` matches scored a little higher."""
    if bonus is None:
        return query
    return Query.boolean_query([(Occur.Must, query), (Occur.Should, bonus)])


def excluding(query: Query, other: Query) -> Query:
    return Query.boolean_query([(Occur.Must, query), (Occur.MustNot, other)])
