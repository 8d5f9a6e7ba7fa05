"""Checks on a demo dataset before anything is written, so problems are named, not SQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from directory.council import Council
from directory.demo.postcodes import demo_postcodes
from directory.demo.records import LANGUAGE_NAMES, DemoDataset, DemoLoadError, ServiceRecord
from directory.models import ServiceKind


def check_dataset(council: Council, dataset: DemoDataset) -> None:
    """Raise ``DemoLoadError`` naming the first problem found."""
    _unique("organisation", (o.key for o in dataset.organisations))
    _unique("venue", (v.key for v in dataset.venues))
    _unique("service", (s.key for s in dataset.services))
    family_centres = {s.key for s in dataset.services if s.kind is ServiceKind.FAMILY_CENTRE}
    for locality in council.localities:
        if locality.family_centre not in family_centres:
            raise DemoLoadError(
                f"The council file gives locality {locality.name!r} the family centre "
                f"{locality.family_centre!r}, which the demo data does not have. The demo data "
                "describes Dudley: use councils/dudley.toml, or give each locality one of "
                f"these family centres: {', '.join(sorted(family_centres))}."
            )
    for venue in dataset.venues:
        point = demo_postcodes().get(venue.postcode)
        if point is None:
            raise DemoLoadError(
                f"Venue {venue.key!r} is at {venue.postcode}, which is not in "
                "directory/demo/postcodes.csv."
            )
        if council.locality_for(point.district, point.sector) is None:
            raise DemoLoadError(
                f"Venue {venue.key!r} is at {venue.postcode}, outside every locality in the "
                "council file."
            )
    organisations = {o.key for o in dataset.organisations}
    venues = {v.key for v in dataset.venues}
    for service in dataset.services:
        _check_service(council, service, organisations, venues)


def _check_service(
    council: Council, service: ServiceRecord, organisations: set[str], venues: set[str]
) -> None:
    where = f"Service {service.key!r}"
    if service.organisation not in organisations:
        raise DemoLoadError(f"{where} names an unknown organisation {service.organisation!r}.")
    session_venues = {s.venue for s in service.sessions if s.venue is not None}
    for venue in (*service.venues, *sorted(session_venues)):
        if venue not in venues:
            raise DemoLoadError(f"{where} names an unknown venue {venue!r}.")
    for scheme, codes in (
        ("category", service.categories),
        ("need", service.needs),
        ("level", service.levels),
        ("circumstance", service.circumstances),
    ):
        for code in codes:
            if council.term(scheme, code) is None:
                raise DemoLoadError(
                    f"{where} has the {scheme} {code!r}, which the council file does not define."
                )
    for area in service.areas:
        if area.locality is not None and council.locality(area.locality) is None:
            raise DemoLoadError(f"{where} is for an unknown locality {area.locality!r}.")
    for code in service.languages:
        if code not in LANGUAGE_NAMES:
            raise DemoLoadError(f"{where} has an unknown language code {code!r}.")


def _unique(what: str, keys: Iterable[str]) -> None:
    repeated = sorted(key for key, count in Counter(keys).items() if count > 1)
    if repeated:
        raise DemoLoadError(f"The demo data has more than one {what} keyed {repeated[0]!r}.")
