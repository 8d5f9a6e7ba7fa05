"""Ids for venues a file names without one.

A venue's id is shown wherever its source's ids are (the CSV export, the audit trail, the
editor's form), so it must never be made of what the venue says: an id built from a
refuge's name and postcode gives the refuge away. A file that gives ``venue_id`` keeps its
own ids. For a venue with none, the reader ties the file's rows together with a stand-in
key, and here it becomes:

- the id of this source's stored venue with the same name and postcode, so importing the
  same file again changes nothing (the name and postcode are how the file names that venue,
  and they are only compared, never kept in the id); or
- a new random id (``venue-`` and 16 hex digits) for a venue not stored yet.

The services that name the stand-in key are rewritten to name the id, before they are
compared with what is stored. Stand-in keys last for one write, across its chunks.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import replace

import sqlalchemy as sa

from directory.extensions import db
from directory.listings.geocoding import Point
from directory.models import Location
from importers.records import Dataset, ServiceRecord, VenueRecord


def new_venue_key() -> str:
    """A random id, unrelated to anything about the venue."""
    return f"venue-{secrets.token_hex(8)}"


def _same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def _same_postcode(postcode: str | None) -> str:
    return "".join(re.findall(r"[A-Z0-9]", (postcode or "").upper()))


class VenueKeys:
    """Swaps stand-in keys for stored or new ids, for one write of one source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.ids: dict[str, str] = {}
        """Stand-in key -> the id it became."""

    def resolve(
        self, dataset: Dataset, points: dict[str, Point]
    ) -> tuple[Dataset, dict[str, Point]]:
        """``dataset`` and ``points`` with every stand-in key replaced by its id."""
        unnamed = [venue for venue in dataset.venues if not venue.key_given]
        if unnamed:
            stored = self._stored(unnamed, points)
            for venue in unnamed:
                postcode = points[venue.key].postcode if venue.key in points else venue.postcode
                found = stored.get((_same_name(venue.name), _same_postcode(postcode)))
                self.ids[venue.key] = found or new_venue_key()
        if not self.ids:
            return dataset, points
        venues = tuple(self._venue(venue) for venue in dataset.venues)
        services = tuple(self._service(service) for service in dataset.services)
        moved = {self.ids.get(key, key): point for key, point in points.items()}
        return Dataset(dataset.organisations, venues, services), moved

    def _stored(
        self, venues: Iterable[VenueRecord], points: dict[str, Point]
    ) -> dict[tuple[str, str], str]:
        postcodes = {
            points[venue.key].postcode if venue.key in points else venue.postcode
            for venue in venues
        }
        statement = (
            sa.select(Location.name, Location.postal_code, Location.external_id)
            .where(
                Location.source == self.source,
                Location.external_id.is_not(None),
                Location.postal_code.in_(postcodes),
            )
            .order_by(Location.external_id)
        )
        found: dict[tuple[str, str], str] = {}
        for name, postcode, key in db.session.execute(statement):
            if key is not None:  # never, as selected: for the type checker
                found.setdefault((_same_name(name), _same_postcode(postcode)), key)
        return found

    def _venue(self, venue: VenueRecord) -> VenueRecord:
        if venue.key_given:
            return venue
        return replace(venue, key=self.ids[venue.key], key_given=True)

    def _service(self, service: ServiceRecord) -> ServiceRecord:
        def swap(key: str | None) -> str | None:
            return self.ids.get(key, key) if key else key

        return replace(
            service,
            venues=tuple(self.ids.get(key, key) for key in service.venues),
            openings=tuple(replace(o, venue=swap(o.venue)) for o in service.openings),
            sessions=tuple(replace(s, venue=swap(s.venue)) for s in service.sessions),
        )
