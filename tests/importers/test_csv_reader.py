"""Reading CSV files in the import template, with the mess real files have."""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from importers.limits import FileRefused, Limits
from importers.reading import read_file
from importers.records import Cost, Opening
from importers.result import ReadResult
from tests.support.apps import FIXTURES

IMPORTS = FIXTURES / "imports"


def _by_key(result: ReadResult) -> dict[str, object]:
    return {service.key: service for service in result.dataset.services}


@pytest.mark.parametrize("name", ["fis_listings.csv", "fis_messy_bom.csv", "fis_windows_1252.csv"])
def test_the_same_listings_come_out_of_every_encoding_and_delimiter(name: str) -> None:
    expected = read_file(IMPORTS / "fis_listings.csv").dataset
    result = read_file(IMPORTS / name)
    assert result.dataset == expected
    assert not result.problems.errors
    assert result.rows == 5


def test_a_template_file_gives_services_venues_and_times() -> None:
    result = read_file(IMPORTS / "fis_listings.csv")
    services = _by_key(result)
    toys = services["fis-001"]
    assert toys.organisation == "netherton-parents-group"
    assert toys.needs == ("activities", "Parenting") and toys.languages == ("en", "Urdu")
    assert toys.costs == (Cost("Free", Decimal(0)),)
    assert toys.openings == (Opening(("TU",), time(9, 30), time(11, 30), venue=toys.venues[0]),)
    play = services["fis-002"]
    assert len(play.venues) == 2
    assert [o.days for o in play.openings] == [("MO", "WE"), ("FR",)]
    assert play.openings[1].venue == play.venues[1]
    club = services["fis-003"]
    [session] = club.sessions
    assert session.starts_at == datetime(2026, 12, 22, 10)
    assert (session.places, session.booking_url) == (20, "https://example.org/book")
    helpline = services["fis-004"]
    assert helpline.venues == () and helpline.openings[0].venue is None
    assert helpline.openings[0].days == ("MO", "TU", "WE", "TH", "FR")
    assert {venue.postcode for venue in result.dataset.venues} == {"DY2 0AA", "DY1 1AE", "DY1 1DA"}


def test_a_windows_1252_file_keeps_its_pound_signs() -> None:
    club = _by_key(read_file(IMPORTS / "fis_windows_1252.csv"))["fis-003"]
    assert club.costs[1].description == "£5 a day"


def test_title_rows_above_the_header_are_skipped_with_a_warning() -> None:
    result = read_file(IMPORTS / "fis_messy_bom.csv")
    assert [str(w) for w in result.problems.warnings] == [
        "Row 2: the column names are on row 2; the 1 rows above were skipped"
    ]


def test_a_mapping_reads_a_councils_own_headers() -> None:
    import json

    mapping = json.loads((IMPORTS / "other_headers_mapping.json").read_text())
    result = read_file(IMPORTS / "other_headers.csv", mapping)
    assert result.dataset == read_file(IMPORTS / "fis_listings.csv").dataset
    assert result.problems.column_labels["postcode"] == "Post Code"


def test_missing_required_columns_refuse_the_file() -> None:
    with pytest.raises(FileRefused, match="organisation_name"):
        read_file(IMPORTS / "missing_columns.csv")


def test_a_file_that_is_not_what_its_name_says_is_refused() -> None:
    with pytest.raises(FileRefused, match="a PNG image, not a CSV, XLSX or JSON file"):
        read_file(IMPORTS / "not_a_spreadsheet.csv")


def test_a_csv_named_xlsx_is_read_as_csv_with_a_warning(tmp_path: Path) -> None:
    renamed = tmp_path / "listings.xlsx"
    renamed.write_bytes((IMPORTS / "fis_listings.csv").read_bytes())
    result = read_file(renamed)
    assert result.rows == 5
    assert "the name ends .xlsx, but the file is CSV" in str(result.problems.warnings[0])


def test_a_cell_that_cannot_be_read_is_an_error_at_its_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "ages.csv"
    path.write_text(
        "Ref,Service Name,Org Name,Age From,Opening Times\n"
        "a1,Toddler Time,Parents Group,five,Someday 9-5\n",
        encoding="utf-8",
    )
    mapping = {
        "Ref": "service_id",
        "Service Name": "name",
        "Org Name": "organisation_name",
        "Age From": "minimum_age",
    }
    result = read_file(path, mapping)
    assert not result.problems.errors, "problems are found as the records are read"
    [service] = result.dataset.services
    assert service.minimum_age is None
    assert [str(e) for e in result.problems.errors] == [
        "Row 2, column Opening Times: 'Someday' is not days like Mon-Fri or Tue, Thu",
        "Row 2, column Age From: 'five' is not a whole number",
    ]


def test_a_repeated_id_that_disagrees_is_an_error() -> None:
    result = read_file(IMPORTS / "fis_with_errors.csv")
    assert result.dataset.services
    assert any(
        str(e).startswith("Row 4, column name: service 'fis-001' is also on row 2")
        for e in result.problems.errors
    )


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    header = "service_id,name,organisation_name\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header)
        handle.writelines(f"s{n},Group {n},Organisation {n % 50}\n" for n in range(400_000))
    with pytest.raises(FileRefused, match=r"The file is 1\d\.\d MB; at most 10 MB"):
        read_file(path)
    with pytest.raises(FileRefused, match="more than 100000 rows"):
        read_file(path, limits=Limits(bytes=100 * 1024 * 1024))


def test_too_many_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        "service_id,name,organisation_name," + ",".join(f"extra {n}" for n in range(300)) + "\n"
    )
    with pytest.raises(FileRefused, match="303 columns; at most 200"):
        read_file(path)
