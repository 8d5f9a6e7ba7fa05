"""The base form: white space stripped, and building a form leaves the form class as it was."""

from __future__ import annotations

from flask import Flask
from werkzeug.datastructures import MultiDict

from directory.forms.search import SearchForm


def _form(**data: str) -> SearchForm:
    return SearchForm(formdata=MultiDict(data))


def test_the_base_form_strips_white_space() -> None:
    with Flask(__name__).test_request_context():
        form = _form(q="  food bank \n", postcode=" ")
    assert form.q.data == "food bank"
    assert form.postcode.data == ""


def test_building_many_forms_does_not_grow_the_filter_list() -> None:
    before = list(SearchForm.q.kwargs.get("filters", ()))
    with Flask(__name__).test_request_context():
        for _ in range(500):
            form = _form(q=" play ")
    assert list(SearchForm.q.kwargs.get("filters", ())) == before
    assert len(form.q.filters) == len(before) + 1
    assert form.q.data == "play"
