"""Spotting new listings that another source already has: same name and postcode, or very
similar names close together. They are flagged for someone to look at, never merged."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

import sqlalchemy as sa
from flask_babel import lazy_gettext

from directory.extensions import db
from directory.listings.report import Duplicate
from directory.models import Location, Service, ServiceAtLocation
from importers.problems import Text, escaped

SIMILAR_NAMES = 0.85
CLOSE_METRES = 250.0
_CELL_METRES = 1000


@dataclass(frozen=True)
class Newcomer:
    key: str
    name: str
    postcodes: tuple[str, ...]
    points: tuple[tuple[int, int], ...]


def comparable(name: str) -> str:
    """Lower-case words only, so "St. Mary's Toddlers" and "St Marys toddlers" are equal."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower().replace("'", "")))


class DuplicateFinder:
    """Finds, for new listings from ``source``, likely duplicates from any other source.

    The other sources' listings are read once, when first needed, and kept in a grid, so
    each chunk of a large import is checked as it is written.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._by_name_and_postcode: dict[tuple[str, str | None], sa.Row] | None = None
        self._by_cell: dict[tuple[int, int], list[sa.Row]] = defaultdict(list)

    def check(self, newcomers: list[Newcomer]) -> list[Duplicate]:
        if not newcomers:
            return []
        by_name_and_postcode = self._listings()
        found: list[Duplicate] = []
        for newcomer in newcomers:
            name = comparable(newcomer.name)
            match = next(
                (
                    by_name_and_postcode[(name, p)]
                    for p in newcomer.postcodes
                    if (name, p) in by_name_and_postcode
                ),
                None,
            )
            if match is not None:
                reason = lazy_gettext(
                    "same name and postcode (%(postcode)s)", postcode=match.postal_code
                )
                found.append(_duplicate(newcomer, match, reason))
                continue
            near = _similar_nearby(newcomer, name, self._by_cell)
            if near is not None:
                reason = lazy_gettext("a very similar name close by")
                found.append(_duplicate(newcomer, near, reason))
        return found

    def _listings(self) -> dict[tuple[str, str | None], sa.Row]:
        if self._by_name_and_postcode is None:
            rows = db.session.execute(
                sa.select(
                    Service.name,
                    Service.source,
                    Service.external_id,
                    Location.postal_code,
                    Location.easting,
                    Location.northing,
                )
                .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
                .join(Location, Location.id == ServiceAtLocation.location_id)
                .where(Service.source != self.source)
            ).all()
            self._by_name_and_postcode = {(comparable(r.name), r.postal_code): r for r in rows}
            for row in rows:
                if row.easting is not None and row.northing is not None:
                    cell = (row.easting // _CELL_METRES, row.northing // _CELL_METRES)
                    self._by_cell[cell].append(row)
        return self._by_name_and_postcode


def _similar_nearby(
    newcomer: Newcomer, name: str, by_cell: dict[tuple[int, int], list[sa.Row]]
) -> sa.Row | None:
    for easting, northing in newcomer.points:
        cell_e, cell_n = easting // _CELL_METRES, northing // _CELL_METRES
        for de in (-1, 0, 1):
            for dn in (-1, 0, 1):
                for row in by_cell.get((cell_e + de, cell_n + dn), []):
                    distance = math.hypot(row.easting - easting, row.northing - northing)
                    if distance <= CLOSE_METRES and (
                        SequenceMatcher(None, name, comparable(row.name)).ratio() >= SIMILAR_NAMES
                    ):
                        return row
    return None


def _duplicate(newcomer: Newcomer, row: sa.Row, reason: Text) -> Duplicate:
    return Duplicate(
        key=newcomer.key,
        name=newcomer.name,
        other_source=row.source,
        other_key=row.external_id,
        other_name=row.name,
        reason=escaped(reason),
    )
