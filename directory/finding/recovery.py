"""Never a dead end: when a search finds nothing, what would find something."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from directory.finding.request import RADIUS_MILES, SearchRequest

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
) -> list[LooserSearch]:
    """A wider distance, then each filter (and the words) taken off on its own.

    Only options that find something are returned: the nearest wider distance first, then
    filters best first. ``count`` runs a request and returns its total; ``labels`` names
    what was changed ("radius" gets the new distance in miles as its value).
    """
    found: list[LooserSearch] = []
    if request.postcode:
        wider = [replace(request, radius_miles=m, page=1) for m in RADIUS_MILES]
        wider = [w for w in wider if w.radius_miles > request.radius_miles]
        wider.append(replace(request, postcode="", page=1))
        for looser in wider:
            if total := count(looser):
                value = str(looser.radius_miles) if looser.postcode else None
                found.append(LooserSearch(labels("radius", value), total, looser.to_params()))
                break
    options: list[tuple[str, SearchRequest]] = []
    for name in ("needs", "categories", "kinds", "localities", "languages", "days"):
        for value in getattr(request, name):
            options.append((labels(name, value), request.without(name, value)))
    for name in ("age", "free", "open_now", "holiday"):
        if getattr(request, name) not in (None, False):
            options.append((labels(name, None), request.without(name)))
    if request.text and request.has_filters:
        options.append((labels("text", None), replace(request, text="", page=1)))
    drops = [
        LooserSearch(label, total, looser.to_params())
        for label, looser in options
        if (total := count(looser)) > 0
    ]
    drops.sort(key=lambda option: -option.total)
    return found + drops[:MOST_DROPS_SHOWN]
