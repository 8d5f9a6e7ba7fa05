"""Filling in a page's form the way a browser would send it."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from tests.support.html import _NS, parse_page


def form_values(markup: str, form_index: int = -1) -> MultiDict[str, str]:
    """What the page's form (the last one by default) would send if submitted as it is."""
    document = parse_page(markup)
    forms = [f for f in document.iter(f"{_NS}form") if (f.get("method") or "").lower() == "post"]
    form = forms[form_index]
    values: MultiDict[str, str] = MultiDict()
    for element in form.iter():
        tag = element.tag.replace(_NS, "")
        name = element.get("name")
        if not name:
            continue
        if tag == "input":
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "file"}:
                continue
            if kind in {"checkbox", "radio"}:
                if element.get("checked") is not None:
                    values.add(name, element.get("value") or "on")
                continue
            values.add(name, element.get("value") or "")
        elif tag == "textarea":
            values.add(name, (element.text or "").removeprefix("\n"))
        elif tag == "select":
            options = list(element.iter(f"{_NS}option"))
            chosen = [o for o in options if o.get("selected") is not None] or options[:1]
            for option in chosen:
                values.add(name, option.get("value") or "")
    return values


def form_posting_to(markup: str, action: str) -> MultiDict[str, str]:
    """What the page's form whose action is ``action`` would send if submitted as it is."""
    document = parse_page(markup)
    forms = [f for f in document.iter(f"{_NS}form") if (f.get("method") or "").lower() == "post"]
    for index, form in enumerate(forms):
        if form.get("action") == action:
            return form_values(markup, index)
    raise AssertionError(f"no form posts to {action}")
