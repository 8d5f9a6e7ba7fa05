"""A checkboxes field put together from kept items and its kept frame is the GOV.UK
macro's own HTML, byte for byte: any items (labels with HTML's special characters and
line breaks, HTML labels, counts, ticked or not), in any order and mix of kept and new,
in every language the panel is drawn in."""

from __future__ import annotations

import pytest
from flask import Flask, current_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from directory.forms import drawing
from directory.forms.drawing import gov_field, gov_params
from directory.forms.search import CodesField
from directory.views.find import FAMILY_DOOR, PRACTITIONER_DOOR, results_page

LANGUAGES = ("en", "pl", "ur", "pa")
_WORDS = st.sampled_from(
    ["Food", "Money & debt", "<b>Tea</b>", 'Say "hi"', "it's", "Żłobek", "کھانا", "ਭੋਜਨ", ""]
)
_TEXT = st.text(
    alphabet=st.sampled_from([*"ab &<>\"'\\{}%#\n\r\t\x0b\x0c\x1c\x85\u2028 ", "é", "ع"]),
    max_size=12,
)
_LABEL = st.one_of(
    st.builds(lambda words, count: f"{words} ({count})", _WORDS, st.integers(0, 40)),
    _TEXT,
    st.builds(
        Markup, st.sampled_from(["<b>x</b>", "a &amp; b", '<div class="govuk-checkboxes__item">'])
    ),
)
_VALUES = st.sampled_from(["food", "money", "send", "a-b", "x_1", "9", "tea&toast", "<q>"])
CHOICES = st.lists(st.tuples(_VALUES, _LABEL, st.booleans()), max_size=14, unique_by=lambda c: c[0])


def _macro(params: dict[str, object]) -> str:
    module = current_app.jinja_env.get_template(
        "govuk_frontend_jinja/components/checkboxes/macro.html"
    ).module
    return str(module.govukCheckboxes(params))


@pytest.fixture(
    scope="module", params=[FAMILY_DOOR, PRACTITIONER_DOOR], ids=["family", "practitioner"]
)
def door(request: pytest.FixtureRequest) -> object:
    return request.param


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(language=st.sampled_from(LANGUAGES), choices=CHOICES, which=st.integers(0, 10))
def test_a_filter_put_together_from_kept_items_is_the_macro_s_own(
    search_app: Flask, door: object, language: str, choices: list[tuple[str, str, bool]], which: int
) -> None:
    with search_app.test_request_context(f"/find-support?need=food&lang={language}"):
        fields = [f for f in results_page(door)["filter_fields"] if type(f) is CodesField]  # type: ignore[arg-type]
        field = fields[which % len(fields)]
        field.choices = [(value, label) for value, label, _ in choices]
        field.data = [value for value, _, ticked in choices if ticked]
        params = gov_params(field)
        expected = _macro(params)
        assert str(field()) == expected
        assert str(drawing._assembled(params)) == expected  # kept items (or drawn now)
        assert str(drawing._assembled(gov_params(field))) == expected  # all kept now
        assert str(gov_field(field)) == expected


@settings(max_examples=80, deadline=None)
@given(
    items=st.lists(
        st.tuples(_VALUES, _LABEL, st.booleans(), st.one_of(st.none(), _TEXT)),
        max_size=6,
        unique_by=lambda c: c[0],
    ),
    fieldset=st.booleans(),
    hint=st.one_of(st.none(), _TEXT),
    error=st.one_of(st.none(), _TEXT),
)
def test_any_checkboxes_frame_and_items_put_together_are_the_macro_s_own(
    search_app: Flask,
    items: list[tuple[str, str, bool, str | None]],
    fieldset: bool,
    hint: str | None,
    error: str | None,
) -> None:
    """Items with hints, fields with or without a fieldset, a hint, an error (which the
    items' ``aria-describedby`` names when there is no fieldset)."""
    params: dict[str, object] = {
        "name": "flag",
        "idPrefix": "filter-flag",
        "classes": "govuk-checkboxes--small",
        "hint": {"text": hint} if hint is not None else None,
        "formGroup": {"classes": "govuk-!-margin-bottom-2"},
        "items": [
            {"text": label, "value": value, "id": f"filter-flag-{value}"}
            | ({"checked": True} if ticked else {})
            | ({"hint": {"text": item_hint}} if item_hint is not None else {})
            for value, label, ticked, item_hint in items
        ],
    }
    if fieldset:
        params["fieldset"] = {"legend": {"text": "Flags <&>"}}
    if error is not None:
        params["errorMessage"] = {"text": error}
    with search_app.test_request_context("/find-support"):
        expected = _macro(params)
        assert str(drawing._assembled(params)) == expected
        assert str(drawing._assembled(params)) == expected


def test_items_are_kept_by_their_own_parameters(search_app: Flask) -> None:
    """A field with one count changed draws only that item anew: the rest are kept."""
    with search_app.test_request_context("/find-support?need=food"):
        field = next(f for f in results_page(FAMILY_DOOR)["filter_fields"] if type(f) is CodesField)  # type: ignore[arg-type]
        field.choices = [
            ("food", "Food (3031)"),
            ("money", "Money (9090)"),
            ("send", "SEND (1212)"),
        ]
        field.data = ["money"]
        drawing._kept_items.clear()
        first = drawing._assembled(gov_params(field))
        before = len(drawing._kept_items)
        field.choices = [
            ("food", "Food (4041)"),
            ("money", "Money (9090)"),
            ("send", "SEND (1212)"),
        ]
        second = drawing._assembled(gov_params(field))
        assert len(drawing._kept_items) == before + 1 == 4
        assert "Food (4041)" in second and "Food (3031)" in first
        assert str(second) == _macro(gov_params(field))
