"""Wording helpers: times, ages, costs and phone links."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest

from directory.models import CostOption
from directory.presenters.formatting import age_range, clock_time, cost_lines, telephone_href

pytestmark = pytest.mark.usefixtures("babel_request")


@pytest.mark.parametrize(
    ("value", "words"),
    [(time(9), "9am"), (time(17, 30), "5:30pm"), (time(12), "midday"), (time(0), "midnight")],
)
def test_clock_time_is_in_govuk_style(value: time, words: str) -> None:
    assert clock_time(value) == words


@pytest.mark.parametrize(
    ("minimum", "maximum", "words"),
    [
        (None, None, "All ages"),
        (-1, 4, "Pregnancy to 4 years"),
        (-1, None, "From pregnancy"),
        (0, 4, "Up to 4 years"),
        (5, 11, "5 to 11 years"),
        (16, None, "From 16 years"),
        (0, 25, "Up to 25 years"),
    ],
)
def test_age_range_in_words(minimum: int | None, maximum: int | None, words: str) -> None:
    assert age_range(minimum, maximum) == words


def _cost(option: str, amount: str | None, description: str = "") -> CostOption:
    return CostOption(
        option=option,
        amount=None if amount is None else Decimal(amount),
        amount_description=description,
    )


def test_cost_lines_say_who_pays_what_without_repeating_themselves() -> None:
    assert cost_lines(
        [
            _cost("Free", "0"),
            _cost("", "0"),
            _cost("Each session", "3.50", "£3.50 a session"),
            _cost("Other children", "5", "£5.00 a session"),
            _cost("Children on free school meals", "0", "Free"),
            _cost("", "12.5"),
            _cost("Ask when you call", None),
        ]
    ) == [
        "Free",
        "Free",
        "£3.50 a session",
        "Other children: £5.00 a session",
        "Children on free school meals: Free",
        "£12.50",
        "Ask when you call",
    ]


def test_funded_hours_are_one_line_of_their_own_never_free() -> None:
    assert cost_lines(
        [
            _cost("Funded early education hours", "0", "Free for eligible children"),
            _cost("Extra hours", "5.50", "£5.50 an hour"),
            _cost("Funded early education hours", "0"),
        ]
    ) == ["Extra hours: £5.50 an hour", "Funded hours (2, 3 and 4 year olds)"]


def test_telephone_links_keep_only_digits() -> None:
    assert telephone_href("01384 818 780") == "tel:01384818780"
    assert telephone_href("+44 (0)1384 818780") == "tel:+441384818780"
