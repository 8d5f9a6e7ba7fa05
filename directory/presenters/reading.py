"""How the page says what it read in a family's words, each with a way to take it off."""

from __future__ import annotations

from directory.council import Council
from directory.finding.request import SearchRequest
from directory.presenters.links import search_link
from directory.presenters.search import RemovableTag
from directory.safety import SafetyLines
from directory.understanding import concept_label
from search.understanding import Reading


def understood_tags(
    reading: Reading | None,
    wanted: SearchRequest,
    council: Council,
    safety: SafetyLines,
    endpoint: str = "find.find_support",
) -> list[RemovableTag]:
    """ "Domestic abuse ✕": what was read, and the same search without it."""
    if reading is None:
        return []
    tags = []
    for concept in reading.without(wanted.set_aside).concepts:
        without = wanted.to_params(set_aside=(*wanted.set_aside, concept.key), page=1)
        tags.append(
            RemovableTag(
                concept_label(concept, council, safety),
                search_link(endpoint, without),
            )
        )
    return tags
