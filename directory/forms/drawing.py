"""Form fields drawn with the GOV.UK macros inside the page's own template render.

Calling a field (``{{ field() }}``) makes its govuk-frontend-wtf widget render a whole
template of its own (``flask.render_template``: every context processor, a template
lookup, the ``template_rendered`` signal), once per field. A panel of a dozen fields paid
that a dozen times. ``gov_field`` asks the same widget for the same parameters and calls
the GOV.UK macro directly, from the page's render.

The GOV.UK macros are pure (their HTML depends on their parameters alone: no globals, no
translations), and a panel's fields are drawn with the same parameters again and again
(the distance choices, a filter's options with the same counts), so the HTML is kept by
its parameters, in a small cache per process.
"""

from __future__ import annotations

import copy
import json
import threading
from collections import OrderedDict
from typing import Any

from flask import current_app
from markupsafe import Markup
from wtforms import Field

MACROS = {
    "govuk_frontend_wtf/input.html": ("input", "govukInput"),
    "govuk_frontend_wtf/select.html": ("select", "govukSelect"),
    "govuk_frontend_wtf/checkboxes.html": ("checkboxes", "govukCheckboxes"),
}
"""The widget templates drawn this way: the GOV.UK component and macro each one calls."""
MOST_KEPT = 2000
"""Drawn fields kept per process (a few kilobytes each), the least recently used dropped."""

_kept: OrderedDict[str, Markup] = OrderedDict()
_lock = threading.Lock()


def gov_params(field: Field, **kwargs: Any) -> dict[str, Any]:
    """The GOV.UK macro's parameters exactly as ``field(**kwargs)`` would render them.

    The widget's own ``__call__`` builds them (values, ticks, items, errors) and ends by
    rendering them; a copy of the widget whose ``render`` keeps them instead lets the
    library do all of it, so nothing here can drift from what ``field()`` draws.
    """
    if getattr(field.widget, "template", None) not in MACROS:
        raise TypeError(f"{field.name} has no GOV.UK macro to draw it with")
    kept: list[dict[str, Any]] = []
    widget = copy.copy(field.widget)
    widget.render = kept.append
    widget(field, **kwargs)
    return kept[0]


def gov_field(field: Field, **kwargs: Any) -> Markup:
    """The field drawn by its GOV.UK macro, as ``field(**kwargs)`` draws it."""
    component, macro = MACROS[field.widget.template]
    params = gov_params(field, **kwargs)
    key = component + json.dumps(params, sort_keys=True, default=_typed)
    with _lock:
        html = _kept.get(key)
        if html is not None:
            _kept.move_to_end(key)
            return html
    module = current_app.jinja_env.get_template(
        f"govuk_frontend_jinja/components/{component}/macro.html"
    ).module
    html = Markup(getattr(module, macro)(params))
    with _lock:
        _kept[key] = html
        while len(_kept) > MOST_KEPT:
            _kept.popitem(last=False)
    return html


def _typed(value: object) -> list[str]:
    """Text that is not a plain string (HTML, a lazy translation), keyed with its type:
    HTML and the same characters as text draw differently."""
    return [type(value).__name__, str(value)]
