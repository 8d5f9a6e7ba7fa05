"""A results page's links to its own search, made from one ``url_for`` a page, are the
addresses ``url_for`` itself makes, whatever the parameters and the carried language."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask, url_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.presenters.links import search_link

ENDPOINTS = ("find.find_support", "practitioners.search")
PAGES = (
    "/find-support",
    "/find-support?lang=pl",
    "/find-support?lang=ur&q=x",
    "/find-support?lang=zz",
)

_words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_values = st.one_of(
    st.none(),
    _words,
    st.integers(-5, 500),
    st.lists(st.one_of(_words, st.none()), max_size=4),
    st.tuples(_words, _words),
)
_params = st.dictionaries(
    st.sampled_from(["q", "postcode", "need", "page", "lang", "sort", "not", "kind", "x y", "é"]),
    _values,
    max_size=6,
)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=_params)
def test_a_search_link_is_what_url_for_makes(
    search_app: Flask, endpoint: str, page: str, params: dict[str, Any]
) -> None:
    with search_app.test_request_context(page):
        assert search_link(endpoint, dict(params)) == url_for(endpoint, **params)
        assert search_link(endpoint, dict(params)) == url_for(endpoint, **params), "kept"


def test_what_url_for_reads_itself_goes_through_it(search_app: Flask) -> None:
    with search_app.test_request_context("/find-support?lang=pl"):
        assert search_link("find.find_support", {"q": "tea", "_anchor": "results"}) == url_for(
            "find.find_support", q="tea", _anchor="results"
        )
        assert search_link("public.service", {"service_id": "a b"}) == url_for(
            "public.service", service_id="a b"
        )
        assert search_link("find.find_support", {}) == "/find-support?lang=pl"
