"""The council's own words in each language: needs, categories, localities, life events,
help line and safety lines.

A council file is written in English. Each other language is a file beside it,
``councils/translations/<council code>.<lang>.toml``, and the national safety lines have
``councils/safety/national.<lang>.toml``. A translation file mirrors the council file's
shape, keyed by code where the council file has codes and by the English text where it has
none (life events, school holidays, safety lines)::

    [taxonomy.need.food]
    label = "Jedzenie"
    description = "Banki żywności, ..."

    [localities.halesowen]
    name = "Halesowen"

    [life_events]
    "Money worries" = "Kłopoty z pieniędzmi"

Anything a file does not give stays in English, as an :class:`English` string, so the page
can mark it ``lang="en"`` and a screen reader reads it in an English voice. A file naming
a code the council does not define stops the site at start.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_request_context
from flask_babel import gettext
from markupsafe import Markup, escape

from directory.council import Council, CouncilFileError
from directory.i18n import page_locale
from directory.safety import SAFETY_FILE, Danger, SafetyLine, SafetyLines

COUNCIL_TRANSLATIONS = Path(__file__).resolve().parent.parent / "councils" / "translations"


class English(str):
    """Council text shown untranslated on a page in another language."""

    __slots__ = ()
    lang = "en"


def install(app: Flask, languages: list[str]) -> None:
    """Build the council and safety lines once per language, when the site starts."""
    council: Council = app.extensions["council"]
    safety: SafetyLines = app.extensions["safety_lines"]
    councils, lines = {"en": council}, {"en": safety}
    for language in languages:
        if language == "en":
            continue
        table = read_translation(COUNCIL_TRANSLATIONS / f"{council.code}.{language}.toml")
        national = read_translation(SAFETY_FILE.with_suffix(f".{language}.toml"))
        councils[language] = translate_council(council, table)
        lines[language] = translate_safety(safety, national, table)
    app.extensions["council_languages"] = councils
    app.extensions["safety_languages"] = lines


def page_council() -> Council:
    """The council in the page's language (English outside a request)."""
    councils = current_app.extensions["council_languages"]
    language = page_locale() if has_request_context() else "en"
    return councils.get(language, councils["en"])


def page_safety_lines() -> SafetyLines:
    lines = current_app.extensions["safety_languages"]
    language = page_locale() if has_request_context() else "en"
    return lines.get(language, lines["en"])


def own_language(value: object) -> object:
    """Jinja filter: English left in a page in another language, marked ``lang="en"``."""
    if isinstance(value, English) and has_request_context() and page_locale() != "en":
        return Markup('<span lang="en" dir="ltr">%s</span>') % escape(str(value))
    return value


def english(value: Any) -> Any:
    """Jinja filter: a listing's own words (listings are written in English), marked
    ``lang="en"`` on a page in another language so a screen reader voices them in English
    (WCAG 3.1.2). An English page is left as it was."""
    if value and has_request_context() and page_locale() != "en":
        return Markup('<span lang="en" dir="ltr">%s</span>') % value
    return value


def with_english(message: str, **parts: object) -> str:
    """``gettext(message, **parts)`` whose parts may be marked English (:func:`english`):
    the marks are kept and everything else is escaped."""
    if any(isinstance(part, Markup) for part in parts.values()):
        return Markup(escape(gettext(message))) % parts
    return gettext(message, **parts)


def read_translation(path: Path) -> dict[str, Any]:
    """A translation file's tables, or none when the language has no file."""
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CouncilFileError(f"{path.name} is not valid TOML: {error}") from None


def translate_council(council: Council, table: dict[str, Any]) -> Council:
    """``council`` with every text ``table`` gives in its language; the rest :class:`English`."""
    where = "council translation"
    taxonomy = _section(table, "taxonomy", where)
    known = {(t.scheme, t.code) for t in council.taxonomy}
    for scheme in taxonomy:
        for code in _section(taxonomy, scheme, f"[taxonomy.{scheme}]"):
            if (scheme, code) not in known:
                raise CouncilFileError(f"{where} [taxonomy.{scheme}.{code}] is not a council term.")
    localities = _section(table, "localities", where)
    for code in localities:
        if council.locality(code) is None:
            raise CouncilFileError(f"{where} [localities.{code}] is not a council locality.")
    help_line = _section(table, "help_line", where)
    children = _section(table, "children_services", where)
    events = _section(table, "life_events", where)
    holidays = _section(table, "school_holidays", where)
    council_texts = _section(table, "council", where)
    return replace(
        council,
        name=_text(council_texts, "name", council.name),
        area_name=_text(council_texts, "area_name", council.area_name),
        service_name=_text(council_texts, "service_name", council.service_name),
        help_line=replace(
            council.help_line,
            name=_text(help_line, "name", council.help_line.name),
            hours=_text(help_line, "hours", council.help_line.hours),
        ),
        children_services=council.children_services
        and replace(
            council.children_services,
            name=_text(children, "name", council.children_services.name),
            hours=_text(children, "hours", council.children_services.hours),
            out_of_hours=_text(children, "out_of_hours", council.children_services.out_of_hours),
        ),
        localities=tuple(
            replace(loc, name=_text(_section(localities, loc.code, where), "name", loc.name))
            for loc in council.localities
        ),
        taxonomy=tuple(
            replace(
                term,
                label=_text(_term(taxonomy, term.scheme, term.code), "label", term.label),
                description=_text(
                    _term(taxonomy, term.scheme, term.code), "description", term.description
                ),
            )
            for term in council.taxonomy
        ),
        life_events=tuple(
            replace(event, label=_text(events, event.label, event.label))
            for event in council.life_events
        ),
        school_holidays=tuple(
            replace(holiday, name=_text(holidays, holiday.name, holiday.name))
            for holiday in council.school_holidays
        ),
    )


def translate_safety(
    safety: SafetyLines, national: dict[str, Any], council_table: dict[str, Any]
) -> SafetyLines:
    """Safety lines in one language: the council's translation first, then the national one."""
    dangers_national = _section(national, "dangers", "safety translation")
    dangers_council = _section(council_table, "safety", "council translation")
    lines = {
        **_section(national, "lines", "safety translation"),
        **_section(council_table, "safety_lines", "council translation"),
    }
    for code in (*dangers_national, *dangers_council):
        if code not in safety.dangers:
            raise CouncilFileError(f"safety translation [dangers.{code}] is not a known danger.")

    def danger(d: Danger) -> Danger:
        texts = {**_section(dangers_national, d.code, ""), **_section(dangers_council, d.code, "")}
        return Danger(
            d.code,
            _text(texts, "label", d.label),
            _text(texts, "advice", d.advice),
            tuple(line_in(line) for line in d.lines),
        )

    def line_in(line: SafetyLine) -> SafetyLine:
        texts = _section(lines, line.name, "")
        return replace(
            line, name=_text(texts, "name", line.name), hours=_text(texts, "hours", line.hours)
        )

    return SafetyLines({code: danger(d) for code, d in safety.dangers.items()})


def _term(taxonomy: dict[str, Any], scheme: str, code: str) -> dict[str, Any]:
    return _section(_section(taxonomy, scheme, ""), code, "")


def _section(table: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise CouncilFileError(f"{where} [{key}] must be a table.")
    return value


def _text(table: dict[str, Any], key: str, english: str) -> str:
    value = table.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return English(english) if english else english
