"""The demo records themselves, before any database is involved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import Council, load_council
from directory.demo.checks import check_dataset
from directory.demo.loader import DemoLoadError, demo_dataset
from directory.demo.postcodes import demo_postcodes
from directory.demo.records import DemoDataset, ServiceRecord
from tests.demo import LOAD_DAY


@pytest.fixture(scope="module")
def council() -> Council:
    return load_council(DEFAULT_COUNCIL_FILE)


@pytest.fixture(scope="module")
def dataset(council: Council) -> DemoDataset:
    return demo_dataset(council, LOAD_DAY)


def test_the_same_day_always_gives_the_same_dataset(council: Council, dataset: DemoDataset) -> None:
    assert demo_dataset(council, LOAD_DAY) == dataset
    check_dataset(council, dataset)


def test_a_later_day_changes_only_the_dates(council: Council, dataset: DemoDataset) -> None:
    def undated(service: ServiceRecord) -> ServiceRecord:
        return replace(service, openings=(), sessions=(), visible_from=None, visible_to=None)

    later = demo_dataset(council, date(2027, 5, 1))
    assert [undated(s) for s in later.services] == [undated(s) for s in dataset.services]
    assert later.venues == dataset.venues


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
    dataset: DemoDataset,
) -> None:
    for service in dataset.services:
        if not service.is_sample:
            continue
        for phone in service.phones:
            assert phone.number.startswith("01632 960"), phone.number
        for link in (service.url, service.referral_url, *(s.booking_url for s in service.sessions)):
            assert link is None or link.startswith("https://example.org/"), link


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"needs": ("dragons",)}, "need 'dragons'"),
        ({"venues": ("nowhere",)}, "unknown venue 'nowhere'"),
        ({"organisation": "nobody"}, "unknown organisation 'nobody'"),
        ({"languages": ("xx",)}, "unknown language code 'xx'"),
        ({"key": "dudley-fc-halesowen"}, "more than one service keyed 'dudley-fc-halesowen'"),
    ],
)
def test_checks_name_the_broken_record(
    council: Council, dataset: DemoDataset, change: dict[str, object], message: str
) -> None:
    broken = replace(dataset.services[-1], **{"key": "sample-broken", **change})  # type: ignore[arg-type]
    with pytest.raises(DemoLoadError, match=message):
        check_dataset(council, replace(dataset, services=(*dataset.services, broken)))


def test_checks_refuse_a_venue_outside_the_postcode_list(
    council: Council, dataset: DemoDataset
) -> None:
    venue = replace(dataset.venues[0], key="far-away", postcode="SW1A 1AA")
    with pytest.raises(DemoLoadError, match="SW1A 1AA, which is not in"):
        check_dataset(council, replace(dataset, venues=(*dataset.venues, venue)))
