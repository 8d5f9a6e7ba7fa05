"""Listings that are likely the same service listed twice, for an editor to look at.

Two listings still listed (active or closed for now) are likely duplicates when their names
are the same or very similar (words compared in lower case, without punctuation: the same,
or at least 85% alike) and they share something that identifies a service: a venue
postcode, a phone number (digits only, a leading +44 read as 0) or a website (without
``https://``, ``www.`` or a trailing slash). A shared detail alone is not enough (a family
centre's postcode or the council's help line belongs to many listings), and nor is a name
alone ("Stay and Play" runs in every town). Pairs are only flagged, never merged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

import sqlalchemy as sa

from directory.extensions import db
from directory.listings.duplicates import SIMILAR_NAMES, comparable
from directory.models import Location, Phone, Service, ServiceAtLocation, ServiceStatus

LISTED = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
MOST_SHARING = 200
"""A detail shared by more listings than this (a national help line) is not compared."""


@dataclass(frozen=True)
class Listing:
    id: str
    name: str


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Listing
    second: Listing
    shared: tuple[str, ...]
    """What they share: "postcode", "phone", "website"."""
    values: tuple[str, ...]
    """The shared values, in the same order."""


def phone_key(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if digits.startswith("44") else digits


def website_key(url: str) -> str:
    text = re.sub(r"^[a-z]+://", "", url.strip().lower())
    return re.sub(r"^www\.", "", text).rstrip("/")


def similar_names(first: str, second: str) -> bool:
    a, b = comparable(first), comparable(second)
    return bool(a) and (a == b or SequenceMatcher(None, a, b).ratio() >= SIMILAR_NAMES)


def likely_duplicates() -> list[LikelyDuplicate]:
    """Every likely duplicate pair among listed listings, by the first listing's name."""
    names = dict(
        db.session.execute(
            sa.select(Service.id, Service.name).where(Service.status.in_(LISTED))
        ).all()
    )
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for service_id, postcode in db.session.execute(
        sa.select(ServiceAtLocation.service_id, Location.postal_code)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(Location.postal_code.is_not(None))
    ):
        if postcode is not None:  # never, as selected: for the type checker
            groups[("postcode", postcode)].add(service_id)
    for service_id, number in db.session.execute(sa.select(Phone.service_id, Phone.number)):
        groups[("phone", phone_key(number))].add(service_id)
    for service_id, url in db.session.execute(
        sa.select(Service.id, Service.url).where(Service.url.is_not(None), Service.url != "")
    ):
        if url is not None:  # never, as selected: for the type checker
            groups[("website", website_key(url))].add(service_id)
    shared: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (what, value), members in groups.items():
        listed = sorted(member for member in members if member in names)
        if not value or len(listed) > MOST_SHARING:
            continue
        for first, second in combinations(listed, 2):
            if similar_names(names[first], names[second]):
                shared[(first, second)].append((what, value))
    pairs = [
        LikelyDuplicate(
            Listing(first, names[first]),
            Listing(second, names[second]),
            tuple(what for what, _ in sorted(found)),
            tuple(value for _, value in sorted(found)),
        )
        for (first, second), found in shared.items()
    ]
    return sorted(pairs, key=lambda p: (p.first.name.lower(), p.second.name.lower(), p.first.id))
