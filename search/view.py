"""The read-only interface a backend gives the shared engine: one consistent snapshot.

Documents are small integers private to the snapshot. A backend weighs single terms; the
rest (combining terms and synonyms, filters, facets, distance, ranking) is done once in
:mod:`search.engine` for every backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from search.geo import Point


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What ranking needs about a matching document."""

    id: str
    points: tuple[Point, ...]
    assured: date | None
    needs: int = 0
    """How many needs the listing meets: how focused it is (see :mod:`search.meaning`)."""
    review_due: date | None = None
    """When it should next be checked; None with an assured date: not known (an index
    written before due dates were), never counted overdue."""

    def overdue(self, today: date) -> bool:
        """Never checked, or not checked again by its due date."""
        if self.assured is None:
            return True
        return self.review_due is not None and self.review_due < today


class IndexView(Protocol):
    """A snapshot of one index that does not change while a query runs."""

    def all_docs(self) -> Set[int]:
        """Every live document."""
        ...

    def postings(self, field: str, term: str) -> Set[int]:
        """Documents holding ``term`` in keyword field ``field``."""
        ...

    def bits(self, field: str, term: str) -> int:
        """The same documents as ``postings``, as a bitmask (see :mod:`search.keywords`)."""
        ...

    def terms(self, field: str) -> Iterable[str]:
        """Every term present in keyword field ``field``."""
        ...

    def term_weights(self, token: str) -> Mapping[int, float]:
        """BM25F weight of ``token`` summed over the text fields, per document holding it
        (see :mod:`search.scoring`)."""
        ...

    def info(self, doc: int) -> DocInfo:
        """Id, venue points and assured date of ``doc``."""
        ...

    def vocabulary(self) -> Mapping[str, int]:
        """Unstemmed indexed words and how many documents hold each."""
        ...
