"""The family centre to offer on every results page, so no search is a dead end."""

from __future__ import annotations

from datetime import date

from directory.council import Council
from directory.models import Service
from directory.postcodes.distance import planar_metres
from directory.postcodes.lookup import Place
from directory.queries.services import family_centres_by_external_id


def nearest_family_centre(
    council: Council, place: Place | None, localities: tuple[str, ...], today: date
) -> Service | None:
    """The searcher's locality's centre; else the closest centre; None without a postcode."""
    if place is None:
        return None
    centres = family_centres_by_external_id(
        [locality.family_centre for locality in council.localities], today
    )
    for code in localities:
        locality = council.locality(code)
        if locality and locality.family_centre in centres:
            return centres[locality.family_centre]
    return min(
        centres.values(),
        key=lambda centre: _distance(centre, place),
        default=None,
    )


def _distance(centre: Service, place: Place) -> float:
    venues = [
        link.location
        for link in centre.locations
        if link.location.easting is not None and link.location.northing is not None
    ]
    return min(
        (
            planar_metres(place.easting, place.northing, v.easting, v.northing)  # type: ignore[arg-type]
            for v in venues
        ),
        default=float("inf"),
    )
