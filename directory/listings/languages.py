"""Language codes and English names, from Babel's CLDR data plus sign languages it lacks."""

from __future__ import annotations

from functools import cache

from babel import Locale

_SIGN_LANGUAGES = {"bfi": "British Sign Language"}


@cache
def _names() -> dict[str, str]:
    names = {code: name for code, name in Locale("en").languages.items() if "_" not in code}
    names.update(_SIGN_LANGUAGES)
    return names


@cache
def _codes_by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in _names().items()}


def language_name(code: str) -> str:
    return _names().get(code, code)


def spoken_language_name(code: str, english: str, locale: str) -> str:
    """A language a service speaks, named in the page's language ("polski", "پولش"), from
    Babel's CLDR names; its English name where CLDR has none (British Sign Language)."""
    if locale.startswith("en"):
        return english
    return Locale.parse(locale).languages.get(code) or english


def language_code(text: str) -> str | None:
    """The code for a language given by code ("ur") or English name ("Urdu"); None if unknown."""
    cleaned = text.strip()
    if cleaned.lower() in _names():
        return cleaned.lower()
    return _codes_by_name().get(cleaned.casefold())
