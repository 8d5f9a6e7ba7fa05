"""The base form: white space stripped, and building a form leaves the form class as it was."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.forms.search import SearchForm

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
pytestmark = pytest.mark.usefixtures("babel_request")


def _form(**data: str) -> SearchForm:
    return SearchForm(formdata=MultiDict(data), meta={"council": COUNCIL})


def test_the_base_form_strips_white_space() -> None:
    form = _form(q="  food bank \n", postcode=" ", need=" food ")
    assert form.q.data == "food bank"
    assert form.postcode.data == ""
    assert form["need"].data == ["food"]


def test_building_many_forms_does_not_grow_the_filter_list() -> None:
    before = list(SearchForm.q.kwargs.get("filters", ()))
    for _ in range(500):
        form = _form(q=" play ")
    assert list(SearchForm.q.kwargs.get("filters", ())) == before
    assert len(form.q.filters) == len(before) + 1
    assert form.q.data == "play"
