"""The Polish, Urdu and Punjabi catalogues are complete, settled and keep every placeholder.

Placeholders are ``%(name)s`` (Flask-Babel's) and ``{name}``; a translation must use the
same ones as the English, and a plural message needs as many forms as the language's
Plural-Forms says (Polish three, Urdu and Punjabi two). The catalogues must also hold every
string the code has today: extraction runs here, in the test, against the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from directory.config import PROJECT_ROOT

LANGUAGES = ("pl", "ur", "pa")
TRANSLATIONS = PROJECT_ROOT / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")
EXPECTED_PLURAL_FORMS = {"pl": 3, "ur": 2, "pa": 2}


def _catalogue(language: str) -> Catalog:
    path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        return read_po(file, locale=language)


def _messages(catalogue: Catalog) -> Iterator[Message]:
    return (message for message in catalogue if message.id)


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def problems(catalogue: Catalog) -> list[str]:
    """What is wrong with a catalogue's messages: missing, fuzzy, wrong placeholders or forms."""
    found = []
    forms = catalogue.num_plurals
    for message in _messages(catalogue):
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = message.string if isinstance(message.string, tuple) else (message.string,)
        name = english[0][:60]
        if message.fuzzy:
            found.append(f"fuzzy: {name!r}")
        if not all(translated):
            found.append(f"not translated: {name!r}")
            continue
        if isinstance(message.id, tuple) and len(translated) != forms:
            found.append(f"{len(translated)} plural forms, not {forms}: {name!r}")
        wanted = set().union(*(placeholders(text) for text in english))
        used = [placeholders(text) for text in translated]
        if set().union(*used) != wanted or any(not one <= wanted for one in used):
            found.append(
                f"placeholders {sorted(set().union(*used))} not {sorted(wanted)}: {name!r}"
            )
    return found


def source_messages() -> set[str]:
    """Every msgid the code has now, extracted as ``make translations`` does."""
    with (PROJECT_ROOT / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    keywords = {
        "_": None,
        "gettext": None,
        "ngettext": (1, 2),
        "lazy_gettext": None,
        "lazy_ngettext": (1, 2),
    }
    return {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(
            str(PROJECT_ROOT), method_map, options_map, keywords=keywords
        )
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_settled_and_keeps_placeholders(language: str) -> None:
    assert problems(_catalogue(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_the_languages_plural_forms(language: str) -> None:
    catalogue = _catalogue(language)

    assert catalogue.num_plurals == EXPECTED_PLURAL_FORMS[language]
    assert catalogue.plural_expr == get_plural(language).plural_expr


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_holds_every_string_in_the_code(language: str) -> None:
    held = {m.id if isinstance(m.id, str) else m.id[0] for m in _messages(_catalogue(language))}

    missing = sorted(source_messages() - held)

    assert missing == [], f"run make translations and translate: {missing[:20]}"


def test_problems_are_found() -> None:
    """The completeness check can fail: each kind of problem in a small catalogue is named."""
    catalogue = Catalog(locale="pl")
    catalogue.add("Good", "Dobrze")
    catalogue.add("Missing", "")
    catalogue.add("Fuzzy", "Niepewne", flags=["fuzzy"])
    catalogue.add("Hello %(name)s", "Cześć %(imie)s")
    catalogue.add("{count} left", "zostało")
    catalogue.add(("%(num)s result", "%(num)s results"), ("%(num)s wynik", "%(num)s wyniki"))
    buffer = BytesIO()
    write_po(buffer, catalogue)
    buffer.seek(0)

    found = problems(read_po(buffer, locale="pl"))

    assert found == [
        "not translated: 'Missing'",
        "fuzzy: 'Fuzzy'",
        "placeholders ['imie'] not ['name']: 'Hello %(name)s'",
        "placeholders [] not ['count']: '{count} left'",
        "not translated: '%(num)s result'",  # read_po pads it to the 3 forms Polish has
    ]


def test_catalogue_files_exist() -> None:
    assert all((TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").exists() for code in LANGUAGES)
