"""The practitioners' views by locality: needs first, and how many services meet each need.

Both ask the one search index (audience and season applied on the day), through the same
engine queries as the search pages, counting a locality's own services (a venue or an
area there) apart from the borough-wide services that serve it too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from flask_babel import gettext, ngettext

from directory.council import Council
from importers.cells import spreadsheet_safe
from search import MAX_PAGE_SIZE, Filters, SearchHit, SearchQuery, SearchResults

Search = Callable[[SearchQuery], SearchResults]
SHOWN_PER_GROUP = 30
"""The services a need's group holds in the locality, and borough-wide ("Search all" has the
rest)."""
SHOWN_FIRST = 3
"""Shown open in each part of a group; the rest are folded behind "Show all"."""


@dataclass(frozen=True)
class NeedGroup:
    """One need of a family's plan: the services meeting it in their locality, then the
    borough-wide ones, and the gap said plainly when the locality has none."""

    code: str
    label: str
    local: tuple[SearchHit, ...]
    local_total: int
    wide: tuple[SearchHit, ...]
    wide_total: int
    gap: str | None


def needs_first(
    search: Search,
    council: Council,
    locality: str,
    needs: Sequence[str],
    today: date,
    levels: Sequence[str] = (),
    age: int | None = None,
) -> list[NeedGroup]:
    """For each need ticked, in the council file's order, what meets it in ``locality``."""
    place = council.locality(locality)
    place_name = place.name if place else locality
    groups = []
    for term in council.terms("need"):
        if term.code not in needs:
            continue
        everywhere = Filters(
            needs=(term.code,),
            localities=(locality,),
            levels=tuple(levels),
            age=age,
            practitioner_only_too=True,
        )
        local = search(_query(replace(everywhere, borough_wide_too=False), today, MAX_PAGE_SIZE))
        both = search(_query(everywhere, today, MAX_PAGE_SIZE))
        local_ids = {hit.id for hit in local.hits}
        wide = tuple(hit for hit in both.hits if hit.id not in local_ids)
        wide_total = both.total - local.total
        groups.append(
            NeedGroup(
                code=term.code,
                label=term.label,
                local=local.hits[:SHOWN_PER_GROUP],
                local_total=local.total,
                wide=wide[:SHOWN_PER_GROUP],
                wide_total=wide_total,
                gap=gap_sentence(place_name, term.label, local.total, wide_total),
            )
        )
    return groups


def gap_sentence(place: str, need: str, local: int, wide: int) -> str | None:
    """ "No service in Halesowen for Bereavement; 2 borough-wide", or None with no gap."""
    if local:
        return None
    if not wide:
        return gettext(
            "No service in %(place)s or borough-wide for %(need)s", place=place, need=need
        )
    return ngettext(
        "No service in %(place)s for %(need)s; %(num)s borough-wide",
        "No service in %(place)s for %(need)s; %(num)s borough-wide",
        wide,
        place=place,
        need=need,
    )


@dataclass(frozen=True)
class ReportRow:
    code: str
    label: str
    by_level: tuple[int, ...]
    """Services at each of the council's levels, in the council file's order."""
    total: int
    borough_wide: int
    """Of ``total``, how many serve the locality only by serving the whole borough."""


@dataclass(frozen=True)
class LocalityReport:
    locality: str
    locality_name: str
    levels: tuple[tuple[str, str], ...]
    """(code, label) of each level, lowest first."""
    rows: tuple[ReportRow, ...]

    @property
    def largest(self) -> int:
        return max((count for row in self.rows for count in row.by_level), default=0)


def locality_report(search: Search, council: Council, locality: str, today: date) -> LocalityReport:
    """For every need, how many services serving ``locality`` meet it at each level.

    A service at two levels counts at both, so a row's levels may add up to more than its
    total, which counts each service once.
    """
    levels = tuple((term.code, term.label) for term in council.terms("level"))
    rows = []
    for term in council.terms("need"):
        wanted = Filters(needs=(term.code,), localities=(locality,), practitioner_only_too=True)
        both = search(_query(wanted, today, 1))
        local = search(_query(replace(wanted, borough_wide_too=False), today, 1))
        counts = both.facets.get("levels", {})
        rows.append(
            ReportRow(
                code=term.code,
                label=term.label,
                by_level=tuple(counts.get(code, 0) for code, _ in levels),
                total=both.total,
                borough_wide=both.total - local.total,
            )
        )
    place = council.locality(locality)
    return LocalityReport(locality, place.name if place else locality, levels, tuple(rows))


def report_csv(report: LocalityReport) -> str:
    """The report's table as CSV; a cell a spreadsheet would run as a formula starts with a
    quote (labels come from the council file, but a CSV is opened far from it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            gettext("Need"),
            *(spreadsheet_safe(label) for _, label in report.levels),
            gettext("All levels"),
            gettext("Of which borough-wide"),
        ]
    )
    for row in report.rows:
        writer.writerow([spreadsheet_safe(row.label), *row.by_level, row.total, row.borough_wide])
    return out.getvalue()


def _query(filters: Filters, today: date, size: int) -> SearchQuery:
    return SearchQuery(filters=filters, page_size=size, today=today, loosen=False)
