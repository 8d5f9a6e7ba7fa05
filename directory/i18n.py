"""Which language a page is shown in: the visitor's choice (a cookie), then their browser's."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, has_request_context, request

LOCALE_COOKIE = "signpost_locale"


def available_locales() -> list[str]:
    """English plus every language with a compiled catalogue in ``translations/``."""
    root = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
    compiled = sorted(path.parent.parent.name for path in root.glob("*/LC_MESSAGES/*.mo"))
    return ["en", *[code for code in compiled if code != "en"]]


def select_locale() -> str:
    """The page's language; outside a request (the ``flask`` commands) the default, English."""
    if not has_request_context() or request.path.startswith("/manage"):
        # Staff pages are in English whatever the visitor's browser prefers.
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    locales = available_locales()
    named = request.args.get("lang")  # a shared list's link names its language
    if named in locales:
        return named
    chosen = request.cookies.get(LOCALE_COOKIE)
    if chosen in locales:
        return chosen
    return request.accept_languages.best_match(locales) or "en"
