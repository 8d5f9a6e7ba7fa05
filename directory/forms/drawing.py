"""Form fields drawn with the GOV.UK macros inside the page's own template render.

Calling a field (``{{ field() }}``) makes its govuk-frontend-wtf widget render a whole
template of its own (``flask.render_template``: every context processor, a template
lookup, the ``template_rendered`` signal), once per field. A panel of a dozen fields paid
that a dozen times. ``gov_field`` asks the same widget for the same parameters and calls
the GOV.UK macro directly, from the page's render.

The GOV.UK macros are pure (their HTML depends on their parameters alone: no globals, no
translations), and a panel's fields are drawn in the same state again and again (the
distance choices, a filter's options with the same counts and ticks). A field class
registered with ``keep_drawn`` is one whose widget's parameters depend on nothing but
what ``_state`` reads (its class and widget, name, id, label, hint, errors, data,
choices, whether it is required, and what the template passes): its HTML is kept by
that state, so a field drawn as before costs one look-up, not the widget building its
parameters (a sub-field per checkbox) and a key made from them. A text box registered
with ``typed=True`` (the words and postcode a family typed) is kept drawn around a
stand-in for its value, and its own value, escaped as the drawing escaped the stand-in,
is put in on each page: what a family typed is never kept (a box with an error, which
may quote it, is drawn afresh). Fields of other classes are drawn every
time.

A kept checkboxes field drawn in a new state (a filter's options with the counts of a
query seen for the first time) is put together from kept parts rather than drawn whole:
each checkbox item's HTML is kept by its own parameters (with the field's frame: name,
legend, classes), and the field's frame (everything but the items) once per frame. The
macro draws items one after the other, each from its own line, each with an id of its
own, so the field is its frame's head, its items' HTML in order and its frame's tail;
items not kept are drawn together by the macro in one call (with the frame, which gives
the frame too) and cut at their openings; a plain new item (a label of one line of text,
a value, an id, ticked or not) is not drawn at all but filled into its frame's item drawn
once around stand-ins, each escaped as the macro escapes it. A field whose items have no
id of their own, or whose drawing does not cut cleanly into one piece an item, is drawn
whole.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from flask import current_app
from markupsafe import Markup, escape
from wtforms import Field

MACROS = {
    "govuk_frontend_wtf/input.html": ("input", "govukInput"),
    "govuk_frontend_wtf/select.html": ("select", "govukSelect"),
    "govuk_frontend_wtf/checkboxes.html": ("checkboxes", "govukCheckboxes"),
}
"""The widget templates drawn this way: the GOV.UK component and macro each one calls."""
MOST_KEPT = 2000
"""Drawn fields kept per process (a few kilobytes each), the least recently used dropped."""
MOST_KEPT_ITEMS = 20000
"""Drawn checkbox items kept per process (about 400 bytes each)."""

_kept: OrderedDict[tuple[object, ...], Markup] = OrderedDict()
_kept_items: OrderedDict[tuple[str, str], str] = OrderedDict()
_frames: OrderedDict[str, tuple[str, str]] = OrderedDict()
_CHECKBOXES = "govuk_frontend_wtf/checkboxes.html"
_ITEM_OPENING = '<div class="govuk-checkboxes__item">'
_lock = threading.Lock()
_keyed: set[type[Field]] = set()
_typed_in: set[type[Field]] = set()
_STAND_IN = "0stand0in0&<>\"'0"
"""Drawn in place of a text box's value, with every character HTML escapes: how the
drawing shows it is how it shows the value (the input macro escapes it once)."""
ESCAPES = (1, 0, 2, 3)
"""How many times the stand-in may have been escaped, the macro's own count first."""
_INPUT = "govuk_frontend_wtf/input.html"


def keep_drawn(*field_classes: type[Field], typed: bool = False) -> None:
    """Let fields of these classes be kept by their state (see the module's note): their
    widgets must read nothing of the field but what ``_state`` reads. ``typed``: text
    boxes (a GOV.UK input) whose value is what someone typed, kept without it."""
    (_typed_in if typed else _keyed).update(field_classes)


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
    if type(field) in _typed_in:
        if field.errors or field.widget.template != _INPUT or "value" in kwargs:
            return _drawn(field, kwargs)  # an error may quote what was typed
        around = str(_kept_drawn(field, kwargs, _state(field, kwargs, data=False), typed=True))
        for times in ESCAPES:
            stand_in = _escaped(_STAND_IN, times)
            if around.count(stand_in) == 1:
                return Markup(around.replace(stand_in, _escaped(field._value(), times)))
        return _drawn(field, kwargs)
    if type(field) not in _keyed:
        return _drawn(field, kwargs)
    return _kept_drawn(field, kwargs, _state(field, kwargs))


COMPONENTS = {
    "button": "govukButton",
    "exit-this-page": "govukExitThisPage",
    "skip-link": "govukSkipLink",
}
"""The GOV.UK components ``gov_component`` draws: component folder -> its macro."""
MOST_KEPT_COMPONENTS = 500
"""Drawn components kept per process (under a kilobyte each), the least recently used
dropped first."""
_kept_components: OrderedDict[Hashable, Markup] = OrderedDict()


def gov_component(component: str, params: dict[str, Any]) -> Markup:
    """``govukButton(params)`` (or another of ``COMPONENTS``) as its macro draws it, kept
    by the component and every parameter with its type (``_typed``: HTML and the same
    characters as text draw differently). The macros are pure, and a page's buttons, its
    skip link and "Exit this page" are drawn with the same parameters page after page (in
    each language its own words): kept, each costs a look-up, not a macro call."""
    key = (component, _typed(params))
    with _lock:
        html = _kept_components.get(key)
        if html is not None:
            _kept_components.move_to_end(key)
            return html
    module = current_app.jinja_env.get_template(
        f"govuk_frontend_jinja/components/{component}/macro.html"
    ).module
    html = Markup(getattr(module, COMPONENTS[component])(params))
    with _lock:
        _kept_components[key] = html
        while len(_kept_components) > MOST_KEPT_COMPONENTS:
            _kept_components.popitem(last=False)
    return html


def _escaped(value: str, times: int) -> str:
    for _ in range(times):
        value = str(escape(value))
    return value


def _kept_drawn(
    field: Field, kwargs: dict[str, Any], state: tuple[object, ...], typed: bool = False
) -> Markup:
    """The field as kept by its ``state``, drawn and kept if it is not (a ``typed`` text
    box drawn around the stand-in for its value)."""
    key = (typed, *state)
    with _lock:
        html = _kept.get(key)
        if html is not None:
            _kept.move_to_end(key)
            return html
    if typed:
        html = _drawn(field, {**kwargs, "value": _STAND_IN})
    elif field.widget.template == _CHECKBOXES:
        html = _assembled(gov_params(field, **kwargs))
    else:
        html = _drawn(field, kwargs)
    with _lock:
        _kept[key] = html
        while len(_kept) > MOST_KEPT:
            _kept.popitem(last=False)
    return html


def _drawn(field: Field, kwargs: dict[str, Any]) -> Markup:
    return _macro(field.widget.template, gov_params(field, **kwargs))


def _macro(template: str, params: dict[str, Any]) -> Markup:
    component, macro = MACROS[template]
    module = current_app.jinja_env.get_template(
        f"govuk_frontend_jinja/components/{component}/macro.html"
    ).module
    return Markup(getattr(module, macro)(params))


def _assembled(params: dict[str, Any]) -> Markup:
    """The checkboxes macro's HTML for ``params``, put together from its frame and its
    items as kept (see the module's note); the items not kept drawn in one call."""
    items = params.get("items") or []
    if not items or not all(type(item) is dict and item.get("id") for item in items):
        return _macro(_CHECKBOXES, params)
    frame = json.dumps(
        {name: value for name, value in params.items() if name != "items"},
        sort_keys=True,
        default=_json_typed,
    )
    keys = [(frame, json.dumps(item, sort_keys=True, default=_json_typed)) for item in items]
    with _lock:
        kept = [_kept_items.get(key) for key in keys]
        ends = _frames.get(frame)
    missing = [index for index, html in enumerate(kept) if html is None]
    if missing and ends is not None:
        filled = [(index, _filled(frame, params, items[index])) for index in missing]
        missing = [index for index, piece in filled if piece is None]
        with _lock:
            for index, piece in filled:
                if piece is not None:
                    kept[index] = _kept_items[keys[index]] = piece
    if missing or ends is None:
        drawn = str(_macro(_CHECKBOXES, {**params, "items": [items[i] for i in missing]}))
        cut = _cut(drawn, len(missing), params, ends)
        if cut is None:
            return _macro(_CHECKBOXES, params)
        ends, pieces = cut
        with _lock:
            _frames[frame] = ends
            while len(_frames) > MOST_KEPT:
                _frames.popitem(last=False)
            for index, piece in zip(missing, pieces, strict=True):
                kept[index] = piece
                _kept_items[keys[index]] = piece
            while len(_kept_items) > MOST_KEPT_ITEMS:
                _kept_items.popitem(last=False)
    else:
        with _lock:
            for key in keys:
                if key in _kept_items:
                    _kept_items.move_to_end(key)
    head, tail = ends
    return Markup(head + "".join(kept) + tail)  # type: ignore[arg-type]


_ITEM_STAND_INS = {"text": "0text0in0&<>\"'0", "value": "0value0in0&<>\"'0", "id": "0id0in0&<>\"'0"}
"""Drawn in place of a plain item's label, value and id, with every character HTML
escapes (the macro escapes each once)."""
_item_forms: OrderedDict[tuple[str, bool], str | None] = OrderedDict()
_STAND_IN_FOUND = re.compile("|".join(re.escape(str(escape(s))) for s in _ITEM_STAND_INS.values()))
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _filled(frame: str, params: dict[str, Any], item: dict[str, Any]) -> str | None:
    """A plain item's HTML (a label of one line of text, a value, an id, ticked or
    not) from its frame's item drawn around stand-ins, with its own label, value and id
    escaped as the macro escapes them; None for any other item (drawn by the macro)."""
    ticked = "checked" in item
    if len(item) != 3 + ticked or (ticked and item["checked"] is not True):
        return None
    text, value, id_ = item.get("text"), item.get("value"), item.get("id")
    if type(text) is not str or type(value) is not str or type(id_) is not str:
        return None
    if not text or text.strip() != text or not _LINE_BREAKS.isdisjoint(text):
        return None
    with _lock:
        known = (frame, ticked) in _item_forms
        around = _item_forms.get((frame, ticked))
    if not known:
        around = _item_form(params, ticked)
        with _lock:
            _item_forms[(frame, ticked)] = around
            while len(_item_forms) > MOST_KEPT:
                _item_forms.popitem(last=False)
    if around is None:
        return None
    own = {
        str(escape(_ITEM_STAND_INS["text"])): str(escape(text)),
        str(escape(_ITEM_STAND_INS["value"])): str(escape(value)),
        str(escape(_ITEM_STAND_INS["id"])): str(escape(id_)),
    }
    return _STAND_IN_FOUND.sub(lambda found: own[found.group(0)], around)


def _item_form(params: dict[str, Any], ticked: bool) -> str | None:
    """The frame's item drawn around the stand-ins, if each shows only escaped once."""
    item: dict[str, Any] = dict(_ITEM_STAND_INS)
    if ticked:
        item["checked"] = True
    cut = _cut(str(_macro(_CHECKBOXES, {**params, "items": [item]})), 1, params, None)
    if cut is None:
        return None
    around = cut[1][0]
    for stand_in in _ITEM_STAND_INS.values():
        marker = stand_in.split("&", 1)[0]
        if around.count(str(escape(stand_in))) != around.count(marker) or marker not in around:
            return None
    return around


def _cut(
    drawn: str, count: int, params: dict[str, Any], ends: tuple[str, str] | None
) -> tuple[tuple[str, str], list[str]] | None:
    """``drawn`` (the macro's HTML for ``count`` items) as its frame's head and tail and
    one piece an item, each piece from the start of its item's line; None if it does not
    cut so (then the field is drawn whole). The frame's ``ends`` if they are kept, else
    the macro draws the frame with no items."""
    if drawn.count(_ITEM_OPENING) != count:
        return None
    if ends is not None:
        bare = ends[0] + ends[1]
    elif count == 0:
        bare = drawn
    else:
        bare = str(_macro(_CHECKBOXES, {**params, "items": []}))
    starts = []
    at = 0
    for _ in range(count):
        at = drawn.index(_ITEM_OPENING, at)
        start = drawn.rfind("\n", 0, at) + 1
        if drawn[start:at].strip(" "):
            return None
        starts.append(start)
        at += len(_ITEM_OPENING)
    head = ends[0] if ends is not None else _head(drawn, starts, bare)
    if head is None or not bare.startswith(head) or not drawn.startswith(head):
        return None
    if starts and starts[0] != len(head):
        return None
    tail = bare[len(head) :]
    if not drawn.endswith(tail) or len(head) + len(tail) > len(drawn):
        return None
    stops = [*starts[1:], len(drawn) - len(tail)]
    pieces = [drawn[start:stop] for start, stop in zip(starts, stops, strict=True)]
    if any(not piece.endswith("\n") for piece in pieces):
        return None
    return (head, tail), pieces


def _head(drawn: str, starts: list[int], bare: str) -> str | None:
    return drawn[: starts[0]] if starts else _bare_head(bare)


def _bare_head(bare: str) -> str | None:
    """The frame's head in the macro's HTML with no items: up to the line after the
    checkboxes' own opening."""
    at = bare.find('data-module="govuk-checkboxes">')
    if at < 0:
        return None
    end = bare.find("\n", at)
    return None if end < 0 else bare[: end + 1]


def _state(field: Field, kwargs: dict[str, Any], data: bool = True) -> tuple[object, ...]:
    """Everything a kept field's widget reads to make its parameters (but its data, for a
    text box whose value is put in)."""
    return (
        type(field),
        field.widget,
        field.name,
        field.id,
        "required" in field.flags,
        _typed(field.label.text),
        _typed(field.description),
        _typed(list(field.errors)),
        _typed(field.data) if data else None,
        _typed(getattr(field, "choices", None)),
        getattr(field, "coerce", None),
        json.dumps(kwargs, sort_keys=True, default=_json_typed) if kwargs else "",
    )


def _typed(value: object) -> Hashable:
    """``value`` as a key in which its types count: HTML (``Markup``) and the same
    characters as text draw differently, a lazy translation is its words now, and
    ``True`` is not ``1``."""
    kind = type(value)
    if kind is str or value is None:
        return value  # type: ignore[return-value]
    if kind is tuple or kind is list:
        if all(type(item) is tuple and _plain_pair(item) for item in value):  # type: ignore[attr-defined]
            return (kind.__name__, tuple(value))  # type: ignore[arg-type]  # choices of plain text
        return (kind.__name__, *(_typed(item) for item in value))  # type: ignore[attr-defined]
    if kind is dict:
        return ("dict", *((_typed(k), _typed(v)) for k, v in value.items()))  # type: ignore[attr-defined]
    if kind is int or kind is bool or kind is float:
        return (kind.__name__, value)
    return (kind.__name__, str(value))


def _plain_pair(item: tuple[object, ...]) -> bool:
    return len(item) == 2 and type(item[0]) is str and type(item[1]) is str


def _json_typed(value: object) -> list[str]:
    """Text that is not a plain string (HTML, a lazy translation), keyed with its type."""
    return [type(value).__name__, str(value)]
