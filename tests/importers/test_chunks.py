"""Readers hand records on a chunk at a time, so a large file is never held all at once."""

from __future__ import annotations

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from importers.limits import FileRefused, Limits
from importers.oruk import read_services
from importers.tabular import read_rows

HEADER = ["service_id", "name", "organisation_name", "venue_name", "postcode", "opening_times"]


def _rows(*rows: list[str]):  # type: ignore[no-untyped-def]
    numbered = list(enumerate([HEADER, *rows], start=1))
    calls = []

    def again():  # type: ignore[no-untyped-def]
        calls.append(1)
        return iter(numbered)

    return again, calls


def test_services_come_in_chunks_each_when_its_last_row_is_read() -> None:
    rows, calls = _rows(
        ["a", "Toy library", "Parents Group", "Hall", "DY2 0BH", "Tue 09:30-11:30"],
        ["b", "Book club", "Parents Group", "", "", ""],
        ["c", "Stay and play", "Play Trust", "Hall", "DY2 0BH", ""],
        ["a", "", "", "Library", "DY1 1QJ", "Thu 13:00-15:00"],
        ["d", "Youth club", "Play Trust", "", "", ""],
    )
    result = read_rows(rows, {}, Limits(), "csv", chunk_size=2)
    assert result.rows == 5 and len(calls) == 1, "the rows were looked over once, up front"
    chunks = list(result.chunks())
    assert len(calls) == 2
    assert [[s.key for s in chunk.services] for chunk in chunks] == [["b", "c"], ["a", "d"]]
    assert [[o.key for o in chunk.organisations] for chunk in chunks] == [
        ["parents-group", "play-trust"],
        [],
    ]
    # Venues with no id get stand-in keys, never made of their name or postcode.
    assert [[(v.name, v.key_given) for v in chunk.venues] for chunk in chunks] == [
        [("Hall", False)],
        [("Library", False)],
    ]
    toys = chunks[1].services[0]
    assert toys.venues == tuple(v.key for chunk in chunks for v in chunk.venues)
    assert [o.days for o in toys.openings] == [("TU",), ("TH",)]
    with pytest.raises(RuntimeError, match="read already"):
        result.chunks()


def test_a_file_with_too_many_rows_is_refused_before_any_record_is_read() -> None:
    rows, calls = _rows(*([f"s{n}", "Group", "Org", "", "", ""] for n in range(5)))
    with pytest.raises(FileRefused, match="more than 4 rows"):
        read_rows(rows, {}, Limits(rows=4), "csv")
    assert len(calls) == 1


def test_an_oruk_feed_gives_every_organisation_first_and_services_in_chunks() -> None:
    council = load_council(DEFAULT_COUNCIL_FILE)
    services = [{"id": f"s{n}", "name": f"Group {n}", "organization_id": "org-1"} for n in range(3)]
    services.append(
        {"id": "s3", "name": "Group 3", "organization": {"id": "org-1", "name": "Parents Group"}}
    )
    result = read_services(services, council, Limits(), chunk_size=3)
    chunks = list(result.chunks())
    assert [[s.key for s in c.services] for c in chunks] == [["s0", "s1", "s2"], ["s3"]]
    assert [[o.key for o in c.organisations] for c in chunks] == [["org-1"], []]
    assert chunks[0].organisations[0].origin == "Service 's3'"
