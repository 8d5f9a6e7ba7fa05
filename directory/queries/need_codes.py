"""The need codes of listings, kept per index generation.

The practitioners' "meets every need first" reads the need codes of up to a hundred
matches on every page with two needs or more ticked. A listing's needs, status and season
change only with a commit: ``NeedCodeCache`` keeps them (codes and the dates of a season,
no listing loaded) until the index's generation or the database's newest listing change
moves (``directory.queries.generation_kept``), and a page reads only the listings it has
not seen.
Whether each listing is in season is decided on every page, as the SQL did.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Service, ServiceStatus, TaxonomyTerm, service_taxonomy
from directory.queries.generation_kept import GenerationKept, in_window
from directory.queries.services import need_codes_by_service

MOST_KEPT = 20_000
"""Listings kept at most per process (a few codes and dates each), the least recently
asked dropped first."""


@dataclass(frozen=True)
class _Held:
    codes: frozenset[str]
    active: bool
    visible_from: date | None
    visible_to: date | None

    def in_season(self, today: date) -> bool:
        return in_window(self.active, self.visible_from, self.visible_to, today)


class NeedCodeCache:
    """One process's need codes of listings, emptied when the index or a listing changes."""

    def __init__(self, most: int = MOST_KEPT) -> None:
        self._kept: GenerationKept[_Held] = GenerationKept(most)

    def codes(
        self, ids: Sequence[str], today: date, generation: Hashable | None
    ) -> dict[str, set[str]]:
        """``need_codes_by_service(ids, today)``: the need codes of each listing of ``ids``
        practitioners may see today that meets any. With no generation (no index on disk)
        nothing is kept."""
        if generation is None:
            return need_codes_by_service(ids, today)
        found = self._kept.get(ids, generation, _load)
        return {
            i: set(held.codes) for i, held in found.items() if held.codes and held.in_season(today)
        }


def _load(ids: list[str]) -> dict[str, _Held]:
    """The need codes, status and season of each listing of ``ids`` there is."""
    need = sa.and_(
        TaxonomyTerm.id == service_taxonomy.c.taxonomy_term_id, TaxonomyTerm.scheme == "need"
    )
    rows = db.session.execute(
        sa.select(
            Service.id, Service.status, Service.visible_from, Service.visible_to, TaxonomyTerm.code
        )
        .outerjoin(service_taxonomy, service_taxonomy.c.service_id == Service.id)
        .outerjoin(TaxonomyTerm, need)
        .where(Service.id.in_(ids))
    )
    seasons: dict[str, tuple[bool, date | None, date | None]] = {}
    codes: dict[str, set[str]] = {}
    for service_id, status, visible_from, visible_to, code in rows:
        seasons[service_id] = (status == ServiceStatus.ACTIVE, visible_from, visible_to)
        if code is not None:
            codes.setdefault(service_id, set()).add(code)
    return {
        service_id: _Held(frozenset(codes.get(service_id, ())), *season)
        for service_id, season in seasons.items()
    }
