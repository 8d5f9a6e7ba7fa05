"""Why a listing ranks where it does: what of a query's meaning and words it meets.

The same functions the engine ranks with are asked about one document at a time, so an
explanation cannot drift from the ranking it explains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from search.documents import ServiceDocument
from search.indexing import FOR, INFERRED_FOR, YOUNG, audience_evidence
from search.matching import match_text
from search.meaning import (
    asker_factors,
    meeting,
    priority_listings,
    stated_priority_listings,
)
from search.memory import document_view
from search.query import TermGroup
from search.understanding import Asker, Concept
from search.view import IndexView


@dataclass(frozen=True, slots=True)
class Reasons:
    meets: tuple[str, ...]
    """Keys of the concepts the listing meets ("need:food")."""
    words: tuple[str, ...]
    """Query words the listing's text holds (or a synonym of them)."""
    first: bool
    """It meets a danger the words signal (the leading one or another)."""
    about: str = ""
    """The need asked about that the listing's own words are most about, if it is one."""
    phrases: tuple[str, ...] = ()
    """Phrases the reading came from that the listing's own words use too (stemmed)."""
    for_someone_else: str = ""
    """``young`` or ``adult``: whom it is for, when that is not who is asking."""
    audience_inferred: str = ""
    """The words of its own text that say whom it is for, when only they say it
    (:mod:`search.audience`); empty when its ages say, or nothing does."""
    danger: str = ""
    """How it meets the leading danger the words signal: ``stated`` (by its needs as an
    editor set them), ``inferred`` (only by needs inferred from its text), ``other`` (it
    meets another danger the words signal, not the leading one), or "" (none)."""


def reasons(
    document: ServiceDocument,
    concepts: Sequence[Concept],
    groups: Sequence[TermGroup],
    asker: Asker | None = None,
) -> Reasons:
    view = document_view(document)
    met = [concept for concept in concepts if meeting(view, concept)]
    matched = [group for group in groups if match_text(view, [group], require_all=True)]
    asked = {need for concept in concepts if concept.strong for need in concept.needs}
    main = document.text_needs[:1]
    doc = next(iter(view.all_docs()))
    lowered = doc in asker_factors(view, asker, concepts)
    stated_young = bool(view.postings(FOR, YOUNG))
    inferred = bool(view.postings(INFERRED_FOR, YOUNG))
    return Reasons(
        meets=tuple(concept.key for concept in met),
        words=tuple(word for group in matched for word in group.words),
        first=any(concept.priority for concept in met),
        about=main[0] if main and main[0] in asked else "",
        phrases=tuple(
            dict.fromkeys(
                phrase.replace("~", " ")
                for concept in concepts
                if concept.strong
                for phrase in concept.phrases
                if phrase in document.text_phrases
            )
        ),
        for_someone_else=(("young" if stated_young or inferred else "adult") if lowered else ""),
        audience_inferred=audience_evidence(document)[1] if any(view.terms(INFERRED_FOR)) else "",
        danger=_danger(view, concepts, first=any(concept.priority for concept in met)),
    )


def _danger(view: IndexView, concepts: Sequence[Concept], first: bool) -> str:
    """How the one listing in ``view`` meets the leading danger (see :attr:`Reasons.danger`)."""
    if stated_priority_listings(view, concepts):
        return "stated"
    if priority_listings(view, concepts):
        return "inferred"
    return "other" if first else ""
