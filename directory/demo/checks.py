"""What the importer cannot know: whether the demo fits the council file it is loaded for.

The demo describes Dudley. Its records are checked by the write path as any import's are
(organisations, venues, postcodes, links, phone numbers, languages); a real import only
warns about taxonomy terms the council file lacks, but the demo must use the council's
own, and must have each locality's family centre.
"""

from __future__ import annotations

from directory.council import Council
from directory.listings.fields import TAXONOMY_FIELDS
from directory.models import ServiceKind
from importers.records import Dataset


class DemoLoadError(Exception):
    """The demo data could not be loaded; the message says why, and nothing was changed."""


def check_council_fits(council: Council, dataset: Dataset) -> None:
    """Raise ``DemoLoadError`` naming the first way ``dataset`` does not fit ``council``."""
    family_centres = {s.key for s in dataset.services if s.kind is ServiceKind.FAMILY_CENTRE}
    for locality in council.localities:
        if locality.family_centre not in family_centres:
            raise DemoLoadError(
                f"The council file gives locality {locality.name!r} the family centre "
                f"{locality.family_centre!r}, which the demo data does not have. The demo data "
                "describes Dudley: use councils/dudley.toml, or give each locality one of "
                f"these family centres: {', '.join(sorted(family_centres))}."
            )
    for service in dataset.services:
        for name, scheme in TAXONOMY_FIELDS.items():
            for code in getattr(service, name):
                if council.term(scheme, code) is None:
                    raise DemoLoadError(
                        f"Service {service.key!r} ({service.origin}) has the {scheme} {code!r}, "
                        "which the council file does not define."
                    )
