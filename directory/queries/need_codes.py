"""The need codes of listings, kept per index generation.

The practitioners' "meets every need first" reads the need codes of up to a hundred
matches on every page with two needs or more ticked. A listing's needs, status and season
change only with a commit, which re-indexes it, so while the index is unchanged they are
too: ``NeedCodeCache`` keeps them (codes and the dates of a season, no listing loaded)
until the index's generation changes, and a page reads only the listings it has not seen.
Whether each listing is in season is decided on every page, as the SQL did.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Service, ServiceStatus, TaxonomyTerm, service_taxonomy
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
        """``in_season_for_practitioners`` in Python."""
        return (
            self.active
            and (self.visible_from is None or self.visible_from <= today)
            and (self.visible_to is None or today <= self.visible_to)
        )


class NeedCodeCache:
    """One process's need codes of listings, emptied when the index changes."""

    def __init__(self, most: int = MOST_KEPT) -> None:
        self._most = most
        self._lock = threading.Lock()
        self._generation: Hashable | None = None
        self._kept: OrderedDict[str, _Held] = OrderedDict()

    def codes(
        self, ids: Sequence[str], today: date, generation: Hashable | None
    ) -> dict[str, set[str]]:
        """``need_codes_by_service(ids, today)``: the need codes of each listing of ``ids``
        practitioners may see today that meets any. With no generation (no index on disk)
        nothing is kept."""
        if generation is None:
            return need_codes_by_service(ids, today)
        wanted = list(dict.fromkeys(ids))
        with self._lock:
            if generation != self._generation:
                self._kept.clear()
                self._generation = generation
            found = {i: self._kept[i] for i in wanted if i in self._kept}
            for service_id in found:
                self._kept.move_to_end(service_id)
        missing = [i for i in wanted if i not in found]
        if missing:
            loaded = _load(missing)
            found.update(loaded)
            with self._lock:
                if generation == self._generation:
                    self._kept.update(loaded)
                    while len(self._kept) > self._most:
                        self._kept.popitem(last=False)
        return {
            i: set(found[i].codes)
            for i in wanted
            if i in found and found[i].codes and found[i].in_season(today)
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
