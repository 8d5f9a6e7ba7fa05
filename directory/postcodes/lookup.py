"""Finding where a typed postcode is, from the loaded Code-Point Open tables only."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from directory.extensions import db
from directory.models.postcode import Postcode, PostcodeDistrict
from directory.postcodes.parsing import parse_postcode

_postcodes: sa.Table = Postcode.__table__
_districts: sa.Table = PostcodeDistrict.__table__
# Built once on the Core tables: building an ORM select per call tripled the cost of a lookup.
_BY_POSTCODE = sa.select(
    _postcodes.c.easting, _postcodes.c.northing, _postcodes.c.latitude, _postcodes.c.longitude
).where(_postcodes.c.postcode == sa.bindparam("key"))
_BY_OUTWARD = sa.select(
    _districts.c.easting, _districts.c.northing, _districts.c.latitude, _districts.c.longitude
).where(_districts.c.outward == sa.bindparam("key"))


class PostcodeNotFound(LookupError):
    """A well-formed postcode (or outward code) that is not in the loaded data."""

    def __init__(self, postcode: str) -> None:
        super().__init__(f"not found: {postcode}")
        self.postcode = postcode


@dataclass(frozen=True)
class Place:
    """Where a postcode is. For an outward code alone ("DY1"), its district's centroid."""

    postcode: str
    outward: str
    sector: str | None
    easting: int
    northing: int
    latitude: float
    longitude: float
    is_outward_only: bool


def find_place(text: str) -> Place:
    """The place for a full postcode or an outward code, typed loosely.

    Raises ``PostcodeError`` if ``text`` is not a postcode we can use, or ``PostcodeNotFound``
    if it is one but the loaded data does not have it.
    """
    postcode = parse_postcode(text)
    if postcode.is_full:
        found = db.session.execute(_BY_POSTCODE, {"key": str(postcode)}).first()
    else:
        found = db.session.execute(_BY_OUTWARD, {"key": postcode.outward}).first()
    if found is None:
        raise PostcodeNotFound(str(postcode))
    return Place(
        postcode=str(postcode),
        outward=postcode.outward,
        sector=postcode.sector,
        easting=found.easting,
        northing=found.northing,
        latitude=found.latitude,
        longitude=found.longitude,
        is_outward_only=not postcode.is_full,
    )


def postcodes_loaded() -> bool:
    """Whether any postcodes are loaded, so "not found" can be told apart from "not loaded"."""
    return db.session.execute(sa.select(_postcodes.c.postcode).limit(1)).first() is not None
