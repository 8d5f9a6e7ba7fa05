"""What an editor changed: the form as it came back, against the form as it was shown.

The listing's form shows some of the import template's columns, reworded (one item a line,
checkboxes, "yes"/"no"). Saving the form's rows as they are would write every column it
shows, reworded, and blank every column it does not show (an organisation's description,
say, which every listing of that organisation shares). So a save starts from the stored
rows and takes from the form only the cells whose value differs from what the form showed
for them: a cell the editor did not touch keeps its stored value exactly, and a column the
form does not show is never written.

Rows here are in the form's layout: the listing's own row (its columns and the times and
sessions held at no venue), then one row per venue with the times and sessions held there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from importers.template import ROW_COLUMNS

Row = dict[str, str]


def form_layout(stored: Sequence[Mapping[str, str]]) -> list[Row]:
    """Stored template rows (as an export writes them) in the form's layout."""
    if not stored:
        return []
    own = {name: value for name, value in stored[0].items() if name not in ROW_COLUMNS}
    at_no_venue = [row for row in stored if not row.get("venue_id")]
    own["opening_times"] = at_no_venue[0].get("opening_times", "") if at_no_venue else ""
    own["sessions"] = at_no_venue[0].get("sessions", "") if at_no_venue else ""
    venues = [
        {
            "service_id": row.get("service_id", own.get("service_id", "")),
            **{name: row.get(name, "") for name in ROW_COLUMNS},
        }
        for row in stored
        if row.get("venue_id")
    ]
    return [own, *venues]


def changed_rows(
    stored: Sequence[Mapping[str, str]],
    shown: Sequence[Mapping[str, str]],
    returned: Sequence[Mapping[str, str]],
) -> list[Row] | None:
    """The rows to save: ``stored`` (form layout) with the cells of ``returned`` that differ
    from ``shown`` (both the form's rows). None when the editor changed nothing at all."""
    if not stored:
        return [dict(row) for row in returned]
    shown_venues = {row.get("venue_id"): row for row in shown[1:] if row.get("venue_id")}
    stored_venues = {row["venue_id"]: row for row in stored[1:]}
    rows = [_merged(stored[0], shown[0] if shown else {}, returned[0])]
    for row in returned[1:]:
        key = row.get("venue_id", "")
        if key in stored_venues and key in shown_venues:
            rows.append(_merged(stored_venues[key], shown_venues[key], row))
        else:
            rows.append(dict(row))
    if rows == [dict(row) for row in stored]:
        return None
    return rows


def _merged(
    stored: Mapping[str, str], shown: Mapping[str, str], returned: Mapping[str, str]
) -> Row:
    row = dict(stored)
    for name, value in returned.items():
        if value != shown.get(name, ""):
            row[name] = value
    return row
