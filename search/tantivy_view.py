"""The few hundred candidates tantivy chose, as an :class:`~search.view.IndexView`.

The shared engine (:mod:`search.engine`) reads, matches and ranks these exactly as it does a
whole index, with the whole index's statistics: how many listings there are, how many hold
each group of words (a group's idf), and the average length of each text field. So a
candidate scores here what it would score among every listing, and the engine's work costs
what the page shows, not what the words match.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from search.geo import point_cells
from search.indexing import CELL, TEXT_FIELDS
from search.keywords import to_bits
from search.query import TermGroup
from search.remembering import LastUsed
from search.scoring import field_weights, sum_fields
from search.view import DocInfo


class Statistics(Protocol):
    """What the whole index says, for scoring candidates as the whole index would."""

    readings: LastUsed[object]

    def average_length(self, field: str) -> float: ...

    def group_frequency(self, group: TermGroup) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate as re-ranking reads it, from its stored entry."""

    info: DocInfo
    keywords: dict[str, tuple[str, ...]]
    frequencies: dict[str, dict[str, int]]
    lengths: dict[str, int]


def candidate(entry: tuple[Any, ...]) -> Candidate:
    """A candidate from its entry (:func:`search.tantivy_schema.read_entry`)."""
    _, doc_id, points, assured, due, needs, keywords, frequencies, _ = entry
    info = DocInfo(
        doc_id,
        tuple(tuple(point) for point in points),
        date.fromisoformat(assured) if assured else None,
        needs,
        date.fromisoformat(due) if due else None,
    )
    lengths = {field: sum(counts.values()) for field, counts in frequencies.items()}
    return Candidate(info, keywords, frequencies, lengths)


class CandidateView:
    """The candidates a backend chose, ranked by the shared engine."""

    counts_facets = False
    """The backend counts facets over every match; counts over candidates would be wrong."""

    def __init__(
        self,
        candidates: Iterable[Candidate],
        statistics: Statistics,
        vocabulary: Mapping[str, int],
    ) -> None:
        """``vocabulary``: the whole index's words this query can use (its own words, and
        the corrections the whole vocabulary offers them): the engine asks the vocabulary
        only for those, and the whole one is a scan per query."""
        self._statistics = statistics
        self._vocabulary = vocabulary
        self.readings = statistics.readings
        self._candidates = list(candidates)
        self._info = [candidate.info for candidate in self._candidates]
        self._frequencies = [candidate.frequencies for candidate in self._candidates]
        self._inverted: dict[str, dict[str, frozenset[int]]] = {}
        self._bits: dict[tuple[str, str], int] = {}
        self._docs = frozenset(range(len(self._info)))
        self._lengths = {
            field: {
                doc: candidate.lengths.get(field, 0)
                for doc, candidate in enumerate(self._candidates)
            }
            for field in TEXT_FIELDS
        }

    def ids(self) -> list[str]:
        return [info.id for info in self._info]

    # IndexView

    def all_docs(self) -> Set[int]:
        return self._docs

    def info(self, doc: int) -> DocInfo:
        return self._info[doc]

    def postings(self, field: str, term: str) -> Set[int]:
        return self._field(field).get(term, frozenset())

    def bits(self, field: str, term: str) -> int:
        key = (field, term)
        if key not in self._bits:
            self._bits[key] = to_bits(self.postings(field, term))
        return self._bits[key]

    def terms(self, field: str) -> Iterable[str]:
        return self._field(field).keys()

    def vocabulary(self) -> Mapping[str, int]:
        return self._vocabulary

    def _field(self, field: str) -> dict[str, frozenset[int]]:
        """One keyword field inverted, when first asked (a query asks a few of them).
        Grid cells are not stored: they are worked out from the venues."""
        inverted = self._inverted.get(field)
        if inverted is None:
            holders: dict[str, set[int]] = {}
            for doc, candidate in enumerate(self._candidates):
                cells = field == CELL
                terms = (
                    point_cells(candidate.info.points)
                    if cells
                    else candidate.keywords.get(field, ())
                )
                for term in terms:
                    holders.setdefault(term, set()).add(doc)
            inverted = self._inverted[field] = {
                term: frozenset(docs) for term, docs in holders.items()
            }
        return inverted

    def term_weights(self, token: str) -> Mapping[int, float]:
        return sum_fields(self._field_weights(field, token) for field in TEXT_FIELDS)

    def group_frequency(self, group: TermGroup) -> tuple[int, int]:
        """(listings in the index, listings holding any alternative of ``group``): the
        group's idf is the whole index's (:func:`search.matching.group_scores`)."""
        return self._statistics.group_frequency(group)

    def _field_weights(self, field: str, token: str) -> dict[int, float]:
        boost = TEXT_FIELDS[field]
        postings = [
            (doc, counts[token] * boost)
            for doc, frequencies in enumerate(self._frequencies)
            if (counts := frequencies.get(field)) and token in counts
        ]
        if not postings:
            return {}
        return field_weights(postings, self._lengths[field], self._statistics.average_length(field))
