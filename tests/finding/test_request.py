"""Reading the search page's address and building the engine query: pure, no index."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from werkzeug.datastructures import MultiDict

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.request import (
    DEFAULT_RADIUS_MILES,
    METRES_PER_MILE,
    SearchRequest,
    build_query,
    next_school_holiday,
    parse_search_args,
)
from search import PageOutOfRange

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)


def parse(**pairs: object) -> SearchRequest:
    args = MultiDict()
    for key, value in pairs.items():
        for one in value if isinstance(value, list) else [value]:
            args.add(key, str(one))
    return parse_search_args(args, COUNCIL)


def test_an_empty_address_is_an_empty_search() -> None:
    assert parse() == SearchRequest()


def test_known_codes_are_kept_and_unknown_ones_ignored() -> None:
    request = parse(
        need=["food", "no-such-need", "food"],
        kind=["pantry", "rocket"],
        locality=["halesowen", "atlantis"],
        day=["SA", "XX", "MO"],
        language=["pl", "not a code"],
        utm_source="newsletter",
    )
    assert request.needs == ("food",)
    assert request.kinds == ("pantry",)
    assert request.localities == ("halesowen",)
    assert request.days == ("MO", "SA")
    assert request.languages == ("pl",)


def test_words_are_capped_at_256_characters() -> None:
    request = parse(q="a" * 5000)
    assert len(request.text) == 256


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("-1", -1), ("pre-birth", -1), ("0", 0), ("25", 25), ("26", None), ("ten", None)],
)
def test_age_accepts_pre_birth_to_25(raw: str, expected: int | None) -> None:
    assert parse(age=raw).age == expected


def test_radius_must_be_one_of_the_offered_distances() -> None:
    assert parse(radius="10").radius_miles == 10
    assert parse(radius="7").radius_miles == DEFAULT_RADIUS_MILES
    assert parse(radius="-3").radius_miles == DEFAULT_RADIUS_MILES


@pytest.mark.parametrize("page", ["0", "-1", "abc", "501", "1e3"])
def test_an_impossible_page_is_refused(page: str) -> None:
    with pytest.raises(PageOutOfRange):
        parse(page=page)


def test_params_round_trip_and_leave_out_defaults() -> None:
    request = parse(q="stay and play", postcode="DY1 1AE", need="parenting", free="yes", page="2")
    params = request.to_params()
    assert params == {
        "q": "stay and play",
        "postcode": "DY1 1AE",
        "need": ["parenting"],
        "free": "yes",
        "page": 2,
    }
    assert parse(**params) == request


def test_taking_off_a_filter_goes_back_to_page_one() -> None:
    request = parse(need=["food", "housing"], free="yes", page="3")
    assert request.without("needs", "food").needs == ("housing",)
    assert request.without("free").free is False
    assert request.without("free").page == 1


def test_query_uses_metres_and_the_searchers_locality() -> None:
    request = parse(q="pantry", postcode="DY1 1AE", radius="5", sort="nearest")
    query = build_query(
        request, COUNCIL, datetime(2026, 11, 24, 14, 30), (394000.0, 290000.0), ("dudley-central",)
    )
    assert query.radius_m == pytest.approx(5 * METRES_PER_MILE)
    assert query.origin_localities == ("dudley-central",)
    assert query.sort == "nearest"


def test_nearest_sort_needs_a_postcode() -> None:
    query = build_query(parse(sort="nearest"), COUNCIL, datetime(2026, 11, 24, 9))
    assert query.sort == "relevance"
    assert query.radius_m is None


def test_open_now_is_todays_weekday_and_hour() -> None:
    query = build_query(parse(open_now="yes"), COUNCIL, datetime(2026, 11, 24, 14, 30))
    assert query.filters.open_slot == "TU14"


def test_school_holiday_filter_covers_every_day_of_the_next_holiday() -> None:
    query = build_query(parse(holiday="yes"), COUNCIL, datetime(2026, 11, 24, 9))
    dates = query.filters.session_dates
    assert dates[0] == "2026-12-21"
    assert dates[-1] == "2027-01-01"
    assert len(dates) == 12


def test_next_holiday_is_the_current_one_while_it_runs() -> None:
    assert next_school_holiday(COUNCIL, date(2026, 12, 28)).name == "Christmas holidays"
    assert next_school_holiday(COUNCIL, date(2027, 1, 4)).name == "February half term"
    assert next_school_holiday(COUNCIL, date(2027, 9, 2)) is None
