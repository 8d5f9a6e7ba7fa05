"""Which language a page is shown in, and how links keep it.

The order: a ``lang`` parameter in the address (a shared link carries the sharer's language),
then the visitor's choice (a cookie set by the language switcher), then their browser's
``Accept-Language``, then English. Staff pages under ``/manage`` are always in English.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Flask, Response, current_app, has_request_context, request

from directory.page_text import page_locale_code
from directory.public_address import public_url

LOCALE_COOKIE = "signpost_locale"
LANG_PARAMETER = "lang"
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ps", "ur", "yi"})
"""Languages written right to left (of those a council might add)."""


def install(app: Flask) -> None:
    app.url_defaults(_carry_language)
    app.after_request(_vary_by_language)


def _vary_by_language(response: Response) -> Response:
    """A page's language follows the cookie and the browser's languages: say so to caches."""
    if response.mimetype == "text/html" and not is_staff_page():
        response.vary.update(("Accept-Language", "Cookie"))
    return response


def available_locales(app: Flask | None = None) -> list[str]:
    """English plus every language with a compiled catalogue in ``translations/``."""
    return list(compiled_locales((app or current_app).config["BABEL_TRANSLATION_DIRECTORIES"]))


@lru_cache(maxsize=8)
def compiled_locales(root: str) -> tuple[str, ...]:
    """The languages of the catalogues compiled in ``root``, read once per process: every
    link a page draws asks (a results page about 240 times), and catalogues change only
    with a release. A process that compiles one while running clears this
    (``compiled_locales.cache_clear()``)."""
    found = sorted(path.parent.parent.name for path in Path(root).glob("*/LC_MESSAGES/*.mo"))
    return ("en", *[code for code in found if code != "en"])


def is_staff_page() -> bool:
    return has_request_context() and request.path.startswith("/manage")


def select_locale() -> str:
    """The page's language; outside a request (the ``flask`` commands) the default, English."""
    if not has_request_context() or is_staff_page():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    locales = available_locales()
    asked = linked_locale(locales)
    if asked:
        return asked
    chosen = request.cookies.get(LOCALE_COOKIE)
    if chosen in locales:
        return chosen
    return request.accept_languages.best_match(locales) or "en"


def linked_locale(locales: list[str] | None = None) -> str | None:
    """The language the address asks for (``?lang=pl``), if it is one the site has."""
    asked = request.args.get(LANG_PARAMETER, "").strip().lower()
    return asked if asked in (locales or available_locales()) else None


def page_locale() -> str:
    """The page's language code ("en", "pl"), looked up once a page (``page_text``)."""
    return page_locale_code()


def text_direction(code: str) -> str:
    """``rtl`` for a language written right to left, else ``ltr``."""
    return "rtl" if code.split("_")[0] in RIGHT_TO_LEFT else "ltr"


def _carry_language(endpoint: str, values: dict[str, Any]) -> None:
    """A page reached by a link with ``lang=`` keeps it in every family link it draws, so a
    family opening a shared link stays in that language while they search and page."""
    if endpoint == "static" or endpoint.startswith(("manage", "site.choose_language")):
        return
    if not has_request_context() or is_staff_page():
        return
    asked = linked_locale()
    if asked:
        values.setdefault(LANG_PARAMETER, asked)


def shareable_url(endpoint: str, **values: Any) -> str:
    """A full address to share that opens in the page's language (``lang=`` added, except
    for English, the default)."""
    locale = page_locale()
    if locale != "en":
        values.setdefault(LANG_PARAMETER, locale)
    return public_url(endpoint, **values)


def without_language(path: str) -> str:
    """``path`` without its ``lang`` parameter: where the switcher sends a visitor back to,
    so the language they chose is not overruled by the one in the address."""
    parts = urlsplit(path)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != LANG_PARAMETER
    ]
    return urlunsplit(("", "", parts.path, urlencode(query), parts.fragment))
