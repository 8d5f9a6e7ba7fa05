"""Never a dead end: when a search finds nothing, what would find something."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from directory.finding.filters import BY_PARAM
from directory.finding.request import METRES_PER_MILE, RADIUS_MILES, SearchRequest

MOST_DROPS_SHOWN = 3


@dataclass(frozen=True)
class LooserSearch:
    """A search with one thing taken off, how many it finds, and its address."""

    removed: str
    total: int
    params: dict[str, object]


def looser_searches(
    request: SearchRequest,
    count: Callable[[SearchRequest], int],
    labels: Callable[[str, str | None], str],
    nearest: Callable[[SearchRequest], tuple[list[float], int]] | None,
    read_filters: bool = False,
) -> list[LooserSearch]:
    """A wider distance, then each filter (and the words) taken off on its own.

    Only options that find something are returned: the nearest wider distance first, then
    filters best first. ``count`` runs a request and returns its total; ``nearest`` runs it
    with no distance limit and returns the distances in metres of its nearest matches (as
    many as one page holds) and its total, so one search prices every wider distance.
    It is None when the postcode was not found. With ``read_filters`` (the practitioners'
    door) a level or place read from the words is a filter too, dropped with its words.
    ``labels`` names what was changed: a filter's parameter and value, "radius" with the
    new distance in miles, or "text".
    """
    found: list[LooserSearch] = []
    if request.postcode and nearest is not None:
        distances, total = nearest(request)
        wider = [miles for miles in RADIUS_MILES if miles > request.radius_miles]
        for miles in wider:
            within = sum(1 for metres in distances if metres <= miles * METRES_PER_MILE)
            if within:
                looser = replace(request, radius_miles=miles, page=1)
                found.append(LooserSearch(labels("radius", str(miles)), within, looser.to_params()))
                break
        else:
            if total:
                anywhere = replace(request, postcode="", page=1)
                found.append(LooserSearch(labels("radius", None), total, anywhere.to_params()))
    options = [
        (labels(param, value), request.without(param, value))
        for param, values in request.chosen
        if BY_PARAM[param].narrows
        for value in values
    ]
    read = request.read if read_filters else ()
    options += [(labels(one.param, one.code), request.without_read(one)) for one in read]
    if request.searched_text and (request.has_filters or read):
        options.append((labels("text", None), request.without_words()))
    drops = [
        LooserSearch(label, total, looser.to_params())
        for label, looser in options
        if (total := count(looser)) > 0
    ]
    drops.sort(key=lambda option: -option.total)
    return found + drops[:MOST_DROPS_SHOWN]
