"""The search page tried as an attacker would: odd digits, long words, nothing breaks."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.request import DEFAULT_RADIUS_MILES
from directory.forms.search import parse_search_args
from search import PageOutOfRange

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
# Characters str.isdigit() accepts but int() refuses, or reads as a number in another script.
UNICODE_DIGITS = ["²", "①", "\u0661", "\uff15", "1²"]  # ..., Arabic-Indic 1, full-width 5


@pytest.mark.parametrize("raw", UNICODE_DIGITS)
@pytest.mark.usefixtures("babel_request")
def test_a_unicode_digit_is_not_a_page_number(raw: str) -> None:
    with pytest.raises(PageOutOfRange):
        parse_search_args(MultiDict({"page": raw}), COUNCIL)


@pytest.mark.parametrize("raw", [*UNICODE_DIGITS, "\u0661\u0660"])
@pytest.mark.usefixtures("babel_request")
def test_a_unicode_digit_is_not_a_radius(raw: str) -> None:
    request = parse_search_args(MultiDict({"radius": raw}), COUNCIL)
    assert request.radius_miles == DEFAULT_RADIUS_MILES


@pytest.mark.parametrize("raw", UNICODE_DIGITS)
@pytest.mark.usefixtures("babel_request")
def test_a_unicode_digit_is_not_an_age(raw: str) -> None:
    assert parse_search_args(MultiDict({"age": raw}), COUNCIL).values("age") == ()


@pytest.mark.parametrize("query", ["age=%C2%B2", "age=%D9%A1", "need=%D9%A1", "event=%C2%B2"])
def test_a_unicode_filter_value_is_ignored(search_app: Flask, query: str) -> None:
    response = search_app.test_client().get(f"/find-support?q=food&{query}")
    assert response.status_code == 200
    assert "Filters:" not in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["page=%C2%B2", "page=%E2%91%A0", "page=%D9%A1"])
def test_a_unicode_page_number_is_not_found_not_a_crash(search_app: Flask, query: str) -> None:
    assert search_app.test_client().get(f"/find-support?q=food&{query}").status_code == 404


@pytest.mark.parametrize("raw", ["%C2%B2", "%E2%91%A0", "%D9%A1%D9%A0"])
def test_a_unicode_radius_falls_back_to_the_usual_distance(search_app: Flask, raw: str) -> None:
    response = search_app.test_client().get(f"/find-support?q=food&postcode=DY1+1AE&radius={raw}")
    assert response.status_code == 200
    assert "within 3 miles of DY1 1AE" in response.get_data(as_text=True)


def test_the_search_box_shows_only_the_words_searched(search_app: Flask) -> None:
    words = "parenting " + "x" * 600
    markup = search_app.test_client().get(f"/find-support?q={words}").get_data(as_text=True)
    box = re.search(r'<input[^>]*\bname="q"[^>]*>', markup)
    assert box is not None
    shown = re.search(r'value="([^"]*)"', box.group(0))
    assert shown is not None
    assert shown.group(1) == words[:256]
