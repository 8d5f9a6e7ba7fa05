"""Counts read right in each language: Polish has three plural forms (1 wynik, 2 wyniki,
5 wyników), and the results heading takes the one the catalogue's Plural-Forms picks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask

from tests.conftest import _load_demo, _shared_app
from tests.support.templates import Template

POLISH_FORMS = ("%(num)s wynik", "%(num)s wyniki", "%(num)s wyników")


def _load_indexed_demo(app: Flask) -> None:
    _load_demo(app)
    app.extensions["search"].rebuild()


INDEXED_DEMO = Template("indexed-demo", _load_indexed_demo)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The demo directory with a small Polish catalogue that has only the count message."""
    directory: Path = tmp_path_factory.mktemp("plurals")
    messages = directory / "translations" / "pl" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalogue = Catalog(locale="pl")
    catalogue.add(("%(num)s result", "%(num)s results"), POLISH_FORMS)
    with (messages / "messages.mo").open("wb") as file:
        write_mo(file, catalogue)
    with _shared_app("sqlite", directory, INDEXED_DEMO) as shared:
        translations = str(directory / "translations")
        shared.config["BABEL_TRANSLATION_DIRECTORIES"] = translations
        shared.extensions["babel"].translation_directories = [translations]
        # Flask-Babel keeps loaded catalogues for the whole process, whichever app loaded
        # them: forget the real (empty) Polish one before, and this one after.
        cache = shared.extensions["babel"].instance.domain_instance.cache
        cache.clear()
        yield shared
        cache.clear()


def _polish_form(count: int) -> str:
    if count == 1:
        return "wynik"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return "wyniki"
    return "wyników"


@pytest.mark.parametrize("query", ["food", "parenting", "stay and play", "Samaritans"])
def test_the_results_count_takes_the_polish_plural_form(app: Flask, query: str) -> None:
    english = app.test_client().get("/find-support", query_string={"q": query})
    count = int(re.search(r'id="results-count">(\d+) result', english.get_data(as_text=True))[1])

    polish = app.test_client().get("/find-support", query_string={"q": query, "lang": "pl"})

    heading = re.search(r'id="results-count">([^<]*)<', polish.get_data(as_text=True))[1]
    assert heading.startswith(f"{count} {_polish_form(count)}"), heading
