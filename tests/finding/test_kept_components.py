"""GOV.UK components kept drawn (``gov_component``) are the macro's own HTML, byte for
byte, as a property: any parameters (text with HTML's special characters, the same
characters as HTML, classes, missing keys), asked in any order and again, never give
another parameters' HTML."""

from __future__ import annotations

from flask import Flask, current_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from directory.forms import drawing
from directory.forms.drawing import COMPONENTS, gov_component

_TEXT = st.text(alphabet=st.sampled_from([*"ab &<>\"'{}%#\n ", "é", "ع"]), max_size=10)
_SAME = ["<b>Go</b>", "a &amp; b", "Search"]
"""The same characters as text and as HTML, asked often, so a key that told them apart by
anything less than their types would be caught serving one for the other."""
_WORDS = st.one_of(
    st.sampled_from([*_SAME, *(Markup(words) for words in _SAME)]), _TEXT, st.builds(Markup, _TEXT)
)
_PARAMS = st.one_of(
    st.fixed_dictionaries(
        {}, optional={"text": _WORDS, "html": _WORDS, "classes": st.sampled_from(["", "x"])}
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "text": _WORDS,
            "html": _WORDS,
            "classes": st.sampled_from(["", "govuk-button--secondary"]),
            "href": st.sampled_from(["#main-content", "/a?b=1&c=2"]),
            "redirectUrl": st.sampled_from(["https://www.bbc.co.uk/weather", "/x"]),
            "activatedText": _WORDS,
            "isStartButton": st.booleans(),
        },
    ),
)


def _macro(component: str, params: dict[str, object]) -> str:
    module = current_app.jinja_env.get_template(
        f"govuk_frontend_jinja/components/{component}/macro.html"
    ).module
    return str(getattr(module, COMPONENTS[component])(params))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    asked=st.lists(st.tuples(st.sampled_from(sorted(COMPONENTS)), _PARAMS), min_size=2, max_size=12)
)
def test_a_kept_component_is_the_macro_s_own(
    search_app: Flask, asked: list[tuple[str, dict[str, object]]]
) -> None:
    with search_app.test_request_context("/"):
        drawing._kept_components.clear()
        twins = [(component, _twin(params)) for component, params in asked]
        for component, params in [*asked, *twins, *asked, *twins]:
            assert gov_component(component, params) == _macro(component, params), params


def _twin(params: dict[str, object]) -> dict[str, object]:
    """The same parameters with every text as HTML of the same characters, and the other
    way round."""
    return {
        key: (str(value) if isinstance(value, Markup) else Markup(value))
        if isinstance(value, str) and key not in ("classes", "href", "redirectUrl")
        else value
        for key, value in params.items()
    }
