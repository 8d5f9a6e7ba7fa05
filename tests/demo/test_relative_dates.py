"""Dates the demo file writes relative to the day of the load."""

from __future__ import annotations

from datetime import date

import pytest

from directory.council import SchoolHoliday
from directory.demo.relative_dates import LoadDay, RelativeDateError, resolve_date, resolve_rows

MONDAY = date(2026, 11, 23)
HOLIDAYS = (
    SchoolHoliday("Christmas holidays", date(2026, 12, 21), date(2027, 1, 1)),
    SchoolHoliday("February half term", date(2027, 2, 15), date(2027, 2, 19)),
    SchoolHoliday("Easter holidays", date(2027, 3, 29), date(2027, 4, 9)),
    SchoolHoliday("October half term", date(2026, 10, 26), date(2026, 10, 30)),
)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("today", MONDAY),
        ("today-45", date(2026, 10, 9)),
        ("today + 14", date(2026, 12, 7)),
        ("today+3w", date(2026, 12, 14)),
        ("today Mon", MONDAY),
        ("today Tue", date(2026, 11, 24)),
        ("today+3w Tue +5w", date(2027, 1, 19)),
        ("Today+1 sunday", date(2026, 11, 29)),
        ("24 Dec", date(2026, 12, 24)),
        ("23 Nov", MONDAY),
        ("22 Nov", date(2027, 11, 22)),
        ("1 Nov before 24 Dec", date(2026, 11, 1)),
        ("15 Jun before 15 Sep", date(2027, 6, 15)),
        ("1 January before 24 Dec", date(2026, 1, 1)),
    ],
)
def test_dates_are_resolved_against_the_day_of_the_load(expression: str, expected: date) -> None:
    assert resolve_date(expression, MONDAY) == expected


def test_a_season_moves_to_next_year_once_it_is_over() -> None:
    boxing_day = date(2026, 12, 26)
    assert resolve_date("24 Dec", boxing_day) == date(2027, 12, 24)
    assert resolve_date("1 Nov before 24 Dec", boxing_day) == date(2027, 11, 1)


def test_session_anchors_use_the_first_and_last_session_or_nothing() -> None:
    sessions = [date(2026, 12, 22), date(2027, 2, 16)]
    assert resolve_date("first session -6w", MONDAY, sessions) == date(2026, 11, 10)
    assert resolve_date("last session", MONDAY, sessions) == date(2027, 2, 16)
    assert resolve_date("last session", MONDAY, []) is None


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("yesterday", "is not a date the demo can resolve"),
        ("today * 2", "has a step it cannot take"),
        ("today+2 Mon-Fri", "has a step it cannot take"),
        ("today+2 someday", "'someday', which is not one day"),
        ("31 Feb", "'31 feb' is not a day like 24 Dec"),
    ],
)
def test_expressions_it_cannot_read_are_refused_with_their_place(
    expression: str, message: str
) -> None:
    with pytest.raises(RelativeDateError, match=message) as raised:
        resolve_date(expression, MONDAY, where="Line 7, column visible_to")
    assert str(raised.value).startswith("Line 7, column visible_to: ")


HEADER = (1, ["service_id", "Sessions", "visible_from", "visible_to", "opening_times", "summary"])


def _row(key: str, sessions: str = "", *, opening_times: str = "", **dated: str) -> list[str]:
    """A row under ``HEADER``: visible_from and visible_to, or the summary, in ``dated``."""
    return [
        key,
        sessions,
        dated.get("visible_from", ""),
        dated.get("visible_to", ""),
        opening_times,
        dated.get("summary", ""),
    ]


def _resolve(rows: list[list[str]], today: date = MONDAY) -> list[list[str]]:
    numbered = [HEADER, *((n, row) for n, row in enumerate(rows, start=2))]
    resolved = resolve_rows(numbered, LoadDay.of(today, HOLIDAYS))
    assert resolved[0] == HEADER
    return [row for _, row in resolved[1:]]


def test_a_holiday_week_becomes_a_session_a_day_named_after_the_holiday() -> None:
    [row] = _resolve(
        [_row("club", "{holiday 1 week 2 on Tue-Thu} 10:00-15:00 | places 24 | {holiday}")]
    )
    assert row[1] == (
        "2026-12-29 10:00-15:00 | places 24 | Christmas holidays; "
        "2026-12-30 10:00-15:00 | places 24 | Christmas holidays; "
        "2026-12-31 10:00-15:00 | places 24 | Christmas holidays"
    )


def test_holidays_count_from_the_next_one_and_weeks_from_the_days_left() -> None:
    """Past holidays are not counted; a week past the last gives the last; Christmas Eve
    counts but Christmas Day and New Year's Day never have sessions."""
    [row] = _resolve(
        [_row("club", "{holiday 1 week 9 on Thu, Fri} 09:00-12:00")], today=date(2026, 12, 24)
    )
    assert row[1] == "2026-12-31 09:00-12:00"
    [row] = _resolve([_row("club", "{holiday 2 week 1 on Mon} 09:00-12:00")])
    assert row[1] == "2027-02-15 09:00-12:00"


def test_a_holiday_beyond_the_last_to_come_gives_no_sessions() -> None:
    [row] = _resolve([_row("club", "{holiday 4 week 1 on Tue} 09:00-12:00")])
    assert row[1] == ""


def test_every_long_holiday_skips_half_terms_and_the_days_already_gone() -> None:
    haf = _row("haf", "{every long holiday on Tue, Thu} 10:00-14:00 | {holiday}: lunch")
    [row] = _resolve([haf], today=date(2026, 12, 29))
    days = [item.split(" ")[0] for item in row[1].split("; ")]
    assert days == [
        *("2026-12-29", "2026-12-31"),
        *("2027-03-30", "2027-04-01", "2027-04-06", "2027-04-08"),
    ]
    assert "Easter holidays: lunch" in row[1]


def test_visible_dates_follow_the_service_sessions_on_any_of_its_rows() -> None:
    window = {"visible_from": "{first session -6w}", "visible_to": "{last session}"}
    rows = _resolve(
        [
            _row("club", **window, summary="{today}"),
            _row("club", "{holiday 3 week 1 on Wed} 10:00-12:00"),
            _row("other", "2027-02-17 10:00-12:00", **window),
            _row("none", **window),
        ]
    )
    assert rows[0][2:4] == ["2027-02-17", "2027-03-31"]
    assert rows[0][5] == "{today}", "only the date columns are read for expressions"
    assert rows[2][2:4] == ["2027-01-06", "2027-02-17"]
    assert rows[3][2:4] == ["", ""]


def test_opening_times_can_start_and_end_relative_to_the_day() -> None:
    course = "Tue 09:30-11:30 | from {today+3w Tue} | until {today+3w Tue +5w}"
    [row] = _resolve([_row("course", opening_times=course)])
    assert row[4] == "Tue 09:30-11:30 | from 2026-12-15 | until 2027-01-19"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("{holiday 0 week 1 on Tue} 10:00-12:00", "counted from 1"),
        ("{holiday 1 week 1 on Someday} 10:00-12:00", "is not days like"),
        ("{holidays 1 week 1 on Tue} 10:00-12:00", "is not a date the demo can resolve"),
    ],
)
def test_a_session_choice_it_cannot_read_is_refused_with_its_line(cell: str, message: str) -> None:
    with pytest.raises(RelativeDateError, match=f"Line 2, column sessions: .*{message}"):
        _resolve([_row("club", cell)])
