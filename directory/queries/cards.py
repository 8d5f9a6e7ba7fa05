"""The listings a page of results shows, kept per index generation.

Loading a page's twenty listings through the ORM (with what a card shows: organisation,
venues, costs, phones, schedules, sessions, areas, terms) costs far more than its SQL.
Every write to a listing re-indexes it, so while the index is unchanged its listings are
too: ``ListingCache`` keeps the loaded listings (detached from any session, everything a
card reads already loaded) until the index's generation changes, and a page loads only
the listings it has not seen yet.

Who may see a listing is decided on every page, as the SQL did: a family sees active,
public listings inside their season; practitioners see active listings inside their
season, whoever they are for. Listings are kept whatever their audience or season, as the
index holds them.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus
from directory.queries.generation_kept import GenerationKept, in_window
from directory.queries.services import indexed, services_for_cards

MOST_KEPT = 3000
"""Listings kept at most per process, the least recently shown dropped first (a listing
with all a card reads is a few kilobytes)."""


def in_season(service: Service, today: date) -> bool:
    """Active and inside its seasonal window."""
    return in_window(
        service.status == ServiceStatus.ACTIVE, service.visible_from, service.visible_to, today
    )


class ListingCache:
    """One process's listings for result cards, emptied when the index changes."""

    def __init__(self, most: int = MOST_KEPT) -> None:
        self._kept: GenerationKept[Service] = GenerationKept(most)

    def services(
        self,
        ids: Sequence[str],
        today: date,
        for_practitioners: bool,
        generation: Hashable | None,
    ) -> dict[str, Service]:
        """The listings of ``ids`` this door may show today, by id (those it may not, or
        no longer indexed, left out). With no generation (no index on disk) nothing is kept."""
        found = (
            _load(list(dict.fromkeys(ids)))
            if generation is None
            else self._kept.get(ids, generation, _load)
        )
        return {
            i: found[i]
            for i in dict.fromkeys(ids)
            if i in found
            and in_season(found[i], today)
            and (for_practitioners or found[i].audience == Audience.PUBLIC)
        }


def _load(ids: list[str]) -> dict[str, Service]:
    """The indexed listings of ``ids`` with all a card reads, in a session of their own that
    is closed at once: they are detached, never expired by a later commit of the page's."""
    with Session(db.engine, expire_on_commit=False) as session:
        return {service.id: service for service in services_for_cards(session, ids, indexed())}
