"""How the page says which words it read as a level of need or a place, each removable.

"Read from your words: Level of need: Early Help (from ‘lvl 2’) ✕  Area: Brierley Hill ✕".
Taking one off sets it aside (``not=level:early-help``): its words are then searched as
text, as when a family takes off a need the words were read as.
"""

from __future__ import annotations

from flask_babel import gettext

from directory.council import Council
from directory.finding.practitioner_words import LEVEL
from directory.finding.request import SearchRequest
from directory.presenters.chart import short_level
from directory.presenters.links import search_link
from directory.presenters.search import RemovableTag


def words_read_tags(
    request: SearchRequest, council: Council, endpoint: str, for_practitioners: bool
) -> list[RemovableTag]:
    """A tag for each level and place read from the words, and the search without it."""
    tags = []
    for read in request.read:
        if read.param == LEVEL:
            term = council.term("level", read.code)
            name = short_level(term.label) if term else read.code
            label = gettext("Level of need: %(level)s", level=name)
        else:
            locality = council.locality(read.code)
            name = locality.name if locality else read.code
            label = (
                gettext("Area: %(area)s", area=name)
                if for_practitioners
                else gettext("Services in %(area)s first", area=name)
            )
        if read.said.casefold() != name.casefold():
            label = gettext("%(reading)s (from ‘%(words)s’)", reading=label, words=read.said)
        without = request.to_params(set_aside=(*request.set_aside, read.key), page=1)
        tags.append(RemovableTag(label, search_link(endpoint, without)))
    return tags
