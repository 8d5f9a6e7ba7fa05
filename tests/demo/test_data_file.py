"""The demo file read by the importer, before any database is involved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import Council, load_council
from directory.demo.checks import DemoLoadError, check_council_fits
from directory.demo.loader import demo_geocoder, read_demo
from directory.demo.postcodes import demo_postcodes
from directory.listings.validation import check_dataset
from importers.problems import Problems
from importers.records import Dataset, ServiceRecord
from importers.result import ReadResult
from tests.demo import LOAD_DAY
from tests.demo.helpers import Rows, edited_demo_file, service_rows


@pytest.fixture(scope="module")
def council() -> Council:
    return load_council(DEFAULT_COUNCIL_FILE)


@pytest.fixture(scope="module")
def result(council: Council) -> ReadResult:
    return read_demo(council, LOAD_DAY)


def test_the_file_reads_without_a_problem_and_the_same_day_gives_the_same_records(
    council: Council, result: ReadResult
) -> None:
    assert not result.problems.errors and not result.problems.warnings
    assert read_demo(council, LOAD_DAY).dataset == result.dataset
    check_council_fits(council, result.dataset)
    services = result.dataset.services
    assert len(services) == 315
    assert sum(service.is_sample for service in services) == 279


def test_the_write_path_only_warns_that_sample_numbers_are_not_in_use(
    council: Council, result: ReadResult
) -> None:
    """Ofcom keeps 01632 960xxx for drama, so no real family is ever rung by mistake."""
    problems = Problems()
    check_dataset(result.dataset, council, demo_geocoder(), problems)
    assert not problems.errors
    assert problems.warnings
    for warning in problems.warnings:
        assert warning.message.startswith("'01632 960") and "not a number in use" in str(warning)


def test_a_later_day_changes_only_the_dates(council: Council, result: ReadResult) -> None:
    def undated(service: ServiceRecord) -> ServiceRecord:
        return replace(
            service,
            openings=tuple(replace(o, valid_from=None, valid_to=None) for o in service.openings),
            sessions=(),
            assured_date=None,
            visible_from=None,
            visible_to=None,
        )

    later = read_demo(council, date(2027, 5, 1)).dataset
    assert [undated(s) for s in later.services] == [undated(s) for s in result.dataset.services]
    assert later.venues == result.dataset.venues
    assert later.organisations == result.dataset.organisations
    assert [s.assured_date for s in later.services] != [
        s.assured_date for s in result.dataset.services
    ]


def test_the_postcode_list_covers_every_locality_with_real_points(council: Council) -> None:
    postcodes = demo_postcodes()
    assert 150 <= len(postcodes) <= 170
    by_locality: dict[str, int] = {}
    for point in postcodes.values():
        locality = council.locality_for(point.district, point.sector)
        assert locality is not None, point.postcode
        by_locality[locality.code] = by_locality.get(locality.code, 0) + 1
        assert 385_000 < point.easting < 400_000 and 280_000 < point.northing < 297_000
    assert set(by_locality) == {loc.code for loc in council.localities}
    assert min(by_locality.values()) >= 25
    assert postcodes["DY2 8LJ"].sector == "DY2 8"


def test_sample_phone_numbers_are_drama_numbers_and_links_are_examples(
    result: ReadResult,
) -> None:
    for service in result.dataset.services:
        if not service.is_sample:
            continue
        assert service.name.endswith(" (sample)"), service.name
        for phone in service.phones:
            assert phone.number.startswith("01632 960"), phone.number
        for link in (service.url, service.referral_url, *(s.booking_url for s in service.sessions)):
            assert link is None or link.startswith("https://example.org/"), link


def _last_service_with(rows: Rows, change: dict[str, str]) -> Rows:
    last = rows[-1]["service_id"]
    return [{**row, **change} if row["service_id"] == last else row for row in rows]


def test_a_term_the_council_file_lacks_is_refused(council: Council, tmp_path: Path) -> None:
    path = edited_demo_file(tmp_path, lambda rows: _last_service_with(rows, {"needs": "dragons"}))
    dataset = read_demo(council, LOAD_DAY, path).dataset
    with pytest.raises(DemoLoadError, match=r"\(Row \d+\) has the need 'dragons'"):
        check_council_fits(council, dataset)


def test_a_council_without_the_family_centres_is_refused(
    council: Council, result: ReadResult
) -> None:
    first, *others = council.localities
    elsewhere = replace(
        council, localities=(replace(first, family_centre="another-centre"), *others)
    )
    with pytest.raises(DemoLoadError, match="'another-centre', which the demo data does not"):
        check_council_fits(elsewhere, result.dataset)
    check_council_fits(council, Dataset(services=result.dataset.services))


def test_a_date_the_demo_cannot_resolve_names_its_line_and_column(
    council: Council, tmp_path: Path
) -> None:
    def edit(rows: Rows) -> Rows:
        [centre] = service_rows(rows, "dudley-fc-halesowen")
        centre["assured_date"] = "{yesterday}"
        return rows

    path = edited_demo_file(tmp_path, edit)
    with pytest.raises(DemoLoadError, match=r"Line 5, column assured_date: \{yesterday\}"):
        read_demo(council, LOAD_DAY, path)
