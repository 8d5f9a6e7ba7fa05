"""What every template can use: the council, the language choices and GOV.UK template settings."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import MutableMapping
from datetime import date
from functools import lru_cache
from typing import Any

from babel import Locale
from flask import Flask, current_app, url_for
from flask_babel import format_date
from govuk_frontend_wtf.main import wtforms_errors
from jinja2 import Environment

from directory import page_parts, page_text
from directory.council_language import english, own_language, page_council
from directory.i18n import (
    available_locales,
    is_staff_page,
    linked_locale,
    page_locale,
    shareable_url,
    text_direction,
)

# GOV.UK style for dates: "23 November 2026"
GOVUK_DATE_FORMAT = "d MMMM y"


def register(app: Flask) -> None:
    app.context_processor(template_context)
    app.add_template_filter(govuk_date)
    app.add_template_filter(language_name)
    app.add_template_filter(own_language)
    app.add_template_filter(english)
    app.add_template_global(shareable_url)
    app.add_template_global(wtforms_errors)
    # One look-up of the catalogue a page, not one a ``_()`` (``directory.page_text``).
    page_text.install(app.jinja_env)
    use_page_globals(app.jinja_env)
    # The header and footer drawn once per language, not per request (``page_parts``).
    page_parts.install(app)


class TemplateGlobals(ChainMap[str, Any]):
    """A template's globals (Jinja's own ``ChainMap``: the template's over the
    environment's) whose ``keys()`` is a set.

    Every ``{% from ... import ... %}`` and ``{% import %}`` asks Jinja which of the page's
    globals the imported template lacks (``Template._get_default_module``:
    ``context.globals_keys - template.globals.keys()``). With a ``ChainMap``'s keys view
    that is a Python loop over every global, each looked up in both maps; a results page
    makes about 25 imports. A set makes it one C operation, with the same answer.
    """

    def keys(self) -> set[str]:  # type: ignore[override]
        return set().union(*self.maps)


def use_page_globals(environment: Environment) -> None:
    """Templates loaded from now on keep their globals in a :class:`TemplateGlobals`,
    made as Jinja makes them (``Environment.make_globals``)."""
    if environment.cache:
        environment.cache.clear()  # none is loaded before the app is made; to be sure

    def make_globals(own: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return TemplateGlobals({} if own is None else own, environment.globals)

    environment.make_globals = make_globals  # type: ignore[method-assign,assignment]


def template_context() -> dict[str, Any]:
    council = page_council()
    locale = page_locale()
    return {
        "council": council,
        "service_name": council.service_name,
        "available_locales": available_locales(),
        "current_locale": locale,
        "text_direction": text_direction(locale),
        "staff_page": is_staff_page(),
        # A page opened with ?lang= keeps it in its GET forms (links get it from url_for).
        "linked_language": None if is_staff_page() else linked_locale(),
        # Read by govuk_frontend_jinja's template for its one inline script.
        "cspNonce": _csp_nonce(),
        "assetPath": url_for("static", filename="dist"),
    }


def _csp_nonce() -> str:
    """This response's script nonce, from the function Flask-Talisman puts in the globals."""
    nonce = current_app.jinja_env.globals["csp_nonce"]
    if not callable(nonce):
        raise TypeError("csp_nonce in the template globals is not Flask-Talisman's function")
    return str(nonce())


def govuk_date(value: date) -> str:
    """A date the GOV.UK way ("23 November 2026"), in the page's language."""
    return format_date(value, GOVUK_DATE_FORMAT)


@lru_cache(maxsize=64)
def language_name(code: str) -> str:
    """A language's name in that language ("Cymraeg"), as a language switcher shows it;
    worked out once per code (the same answer for every page)."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]
