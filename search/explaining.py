"""Why a listing ranks where it does: what of a query's meaning and words it meets.

The same functions the engine ranks with are asked about one document at a time, so an
explanation cannot drift from the ranking it explains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from search.documents import ServiceDocument
from search.matching import match_text
from search.meaning import meeting
from search.memory import document_view
from search.query import TermGroup
from search.understanding import Concept


@dataclass(frozen=True, slots=True)
class Reasons:
    meets: tuple[str, ...]
    """Keys of the concepts the listing meets ("need:food")."""
    words: tuple[str, ...]
    """Query words the listing's text holds (or a synonym of them)."""
    first: bool
    """It meets a danger the words signal, so it ranks before every other listing."""


def reasons(
    document: ServiceDocument, concepts: Sequence[Concept], groups: Sequence[TermGroup]
) -> Reasons:
    view = document_view(document)
    met = [concept for concept in concepts if meeting(view, concept)]
    matched = [group for group in groups if match_text(view, [group], require_all=True)]
    return Reasons(
        meets=tuple(concept.key for concept in met),
        words=tuple(word for group in matched for word in group.words),
        first=any(concept.priority for concept in met),
    )
