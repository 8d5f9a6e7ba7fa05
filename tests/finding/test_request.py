"""Reading the search page's address and building the engine query: no index."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from werkzeug.datastructures import MultiDict

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.filters import BY_PARAM, FAMILY_FILTERS, FILTERS, Codes
from directory.finding.request import (
    DEFAULT_RADIUS_MILES,
    METRES_PER_MILE,
    SearchRequest,
    build_query,
    next_school_holiday,
)
from directory.forms.search import PractitionerSearchForm, SearchForm, parse_search_args
from search import PageOutOfRange

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
pytestmark = pytest.mark.usefixtures("babel_request")


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
        event=["food-this-week", "no-such-event"],
        utm_source="newsletter",
    )
    assert request.values("need") == ("food",)
    assert request.values("kind") == ("pantry",)
    assert request.values("locality") == ("halesowen",)
    assert request.values("day") == ("MO", "SA")
    assert request.values("language") == ("pl",)
    assert request.values("event") == ("food-this-week",)


def test_a_plain_mapping_of_lists_reads_like_an_address() -> None:
    assert parse_search_args({"q": ["food"], "need": ["food"]}, COUNCIL) == parse(
        q="food", need="food"
    )


def test_words_are_capped_at_256_characters() -> None:
    request = parse(q="a" * 5000)
    assert len(request.text) == 256
    assert request.raw_text_cut


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("-1", -1), ("pre-birth", -1), ("0", 0), ("25", 25), ("26", None), ("ten", None)],
)
def test_age_accepts_pre_birth_to_25(raw: str, expected: int | None) -> None:
    values = parse(age=raw).values("age")
    assert (int(values[0]) if values else None) == expected


@pytest.mark.parametrize(
    ("raw", "on"), [("yes", True), ("on", True), ("TRUE", True), ("no", False)]
)
def test_flags_accept_the_usual_ways_of_saying_yes(raw: str, on: bool) -> None:
    assert (parse(free=raw).values("free") == ("yes",)) is on


def test_radius_must_be_one_of_the_offered_distances() -> None:
    assert parse(radius="10").radius_miles == 10
    assert parse(radius="7").radius_miles == DEFAULT_RADIUS_MILES
    assert parse(radius="-3").radius_miles == DEFAULT_RADIUS_MILES


@pytest.mark.parametrize("page", ["0", "-1", "abc", "501", "1e3"])
def test_an_impossible_page_is_refused(page: str) -> None:
    with pytest.raises(PageOutOfRange):
        parse(page=page)


def test_params_round_trip_and_leave_out_defaults() -> None:
    request = parse(
        q="stay and play",
        postcode="DY1 1AE",
        need="parenting",
        free="yes",
        age="pre-birth",
        page="2",
        as_typed="yes",
    )
    params = request.to_params()
    assert params == {
        "q": "stay and play",
        "postcode": "DY1 1AE",
        "free": "yes",
        "age": "-1",
        "need": ["parenting"],
        "as_typed": "yes",
        "page": 2,
    }
    assert parse(**params) == request


def test_old_bookmarks_keep_working() -> None:
    old = parse(q="club", need=["food", "housing"], free="y", age="2", open_now="1", x="y")
    assert old.values("need") == ("food", "housing")
    assert old.values("free") == ("yes",) and old.values("open_now") == ("yes",)
    assert old.values("age") == ("2",)


def test_taking_off_a_filter_goes_back_to_page_one() -> None:
    request = parse(need=["food", "housing"], free="yes", page="3")
    assert request.without("need", "food").values("need") == ("housing",)
    assert request.without("free").values("free") == ()
    assert request.without("free").page == 1
    assert request.without("free").has_filters
    assert not request.without("free").without("need").has_filters


def test_a_life_event_ranks_but_is_not_a_filter() -> None:
    request = parse(need="food", event="food-this-week")
    assert not request.without("need").has_filters
    query = build_query(request, COUNCIL, datetime(2026, 11, 24, 9))
    assert query.filters.needs == ("food",)
    keys = [concept.key for concept in query.prefer]
    assert keys == ["event:food-this-week", "time:open-within-7-days"]
    fits, soon = query.prefer
    assert "food-support" in fits.categories and "pantry" in fits.kinds
    assert soon.session_dates[0] == "2026-11-24" and len(soon.session_dates) == 7
    assert set(soon.days) == {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
    assert build_query(parse(need="food"), COUNCIL, datetime(2026, 11, 24, 9)).prefer == ()


def test_every_filter_is_a_field_of_the_search_form() -> None:
    form = SearchForm(formdata=MultiDict(), meta={"council": COUNCIL})
    assert [field.name for field in form.filter_fields()] == [row.param for row in FAMILY_FILTERS]
    assert "level" not in form and "level" not in [row.param for row in FAMILY_FILTERS]
    door = PractitionerSearchForm(formdata=MultiDict(), meta={"council": COUNCIL})
    assert [field.name for field in door.filter_fields()] == [row.param for row in FILTERS]
    assert {row.param for row in FILTERS if isinstance(row, Codes)} >= {"need", "day"}
    assert BY_PARAM["need"].facet == "needs"


def test_the_practitioners_level_of_need_becomes_its_engine_term() -> None:
    request = parse_search_args(
        {"level": ["targeted", "nonsense"], "need": ["housing"]}, COUNCIL, for_practitioners=True
    )
    query = build_query(request, COUNCIL, datetime(2026, 11, 24, 9), for_practitioners=True)
    assert query.filters.levels == ("targeted",)
    assert query.filters.practitioner_only_too
    family = parse_search_args({"level": ["targeted"]}, COUNCIL)
    assert family.chosen == ()


def test_every_filter_becomes_its_engine_term() -> None:
    request = parse(
        need="food",
        category="food-support",
        kind="pantry",
        locality="halesowen",
        language="pl",
        day="SA",
        age="2",
        free="yes",
    )
    filters = build_query(request, COUNCIL, datetime(2026, 11, 24, 9)).filters
    assert not filters.practitioner_only_too
    assert filters.needs == ("food",) and filters.categories == ("food-support",)
    assert filters.kinds == ("pantry",) and filters.localities == ("halesowen",)
    assert filters.languages == ("pl",) and filters.days == ("SA",)
    assert filters.age == 2 and filters.free_only


def test_query_uses_metres_and_the_searchers_locality() -> None:
    request = parse(q="pantry", postcode="DY1 1AE", radius="5", sort="nearest")
    query = build_query(
        request, COUNCIL, datetime(2026, 11, 24, 14, 30), (394000.0, 290000.0), ("dudley-central",)
    )
    assert query.radius_m == pytest.approx(5 * METRES_PER_MILE)
    assert query.origin_localities == ("dudley-central",)
    assert query.sort == "nearest"


def test_words_as_typed_are_not_respelt() -> None:
    assert build_query(parse(q="parnting"), COUNCIL, datetime(2026, 11, 24)).correct_spelling
    query = build_query(parse(q="parnting", as_typed="yes"), COUNCIL, datetime(2026, 11, 24))
    assert not query.correct_spelling


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
