"""Families search in their own words, in Polish, Urdu or Punjabi, and read the council's
words and the safety lines in their language (the demo directory on SQLite)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from directory.extensions import db
from directory.models import Service
from directory.safety import SAFETY_FILE
from tests.conftest import SEARCHABLE_DEMO, _shared_app
from tests.support.html import fragment_text

NATIONAL = tomllib.loads(SAFETY_FILE.read_text(encoding="utf-8"))["dangers"]

OWN_WORDS = [
    ("pl", "bank żywności", "food"),
    ("pl", "nie mamy co jeść", "food"),
    ("pl", "kłopoty z długami komornik", "money-and-debt"),
    ("pl", "depresja", "mental-health-and-wellbeing"),
    ("pl", "samotność", "loneliness"),
    ("ur", "کھانا", "food"),
    ("ur", "khana chahiye", "food"),
    ("ur", "قرض", "money-and-debt"),
    ("ur", "zehni sehat", "mental-health-and-wellbeing"),
    ("ur", "اسکول نہیں جاتا", "school-and-attendance"),
    ("pa", "ਖਾਣਾ", "food"),
    ("pa", "rashan", "food"),
    ("pa", "ਕਰਜ਼ਾ", "money-and-debt"),
    ("pa", "ਮਾਨਸਿਕ ਸਿਹਤ", "mental-health-and-wellbeing"),
    ("pa", "school nahi janda", "school-and-attendance"),
]

DANGER_WORDS = {
    "pl": {
        "domestic-abuse": "przemoc domowa",
        "suicide-and-self-harm": "myśli samobójcze",
        "child-at-risk": "krzywdzi dziecko",
        "forced-marriage": "małżeństwo z przymusu",
        "exploitation": "handel ludźmi",
    },
    "ur": {
        "domestic-abuse": "گھریلو تشدد",
        "suicide-and-self-harm": "khudkushi",
        "child-at-risk": "بچے کو مارتا ہے",
        "forced-marriage": "زبردستی کی شادی",
        "exploitation": "گینگ",
    },
    "pa": {
        "domestic-abuse": "ਘਰੇਲੂ ਹਿੰਸਾ",
        "suicide-and-self-harm": "ਖ਼ੁਦਕੁਸ਼ੀ",
        "child-at-risk": "bacha khatre vich",
        "forced-marriage": "zabardasti viah",
        "exploitation": "ਸ਼ੋਸ਼ਣ",
    },
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    directory: Path = tmp_path_factory.mktemp("languages")
    with _shared_app("sqlite", directory, SEARCHABLE_DEMO) as shared:
        yield shared


def _page(app: Flask, path: str, **query: str) -> str:
    response = app.test_client().get(path, query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _panel(markup: str) -> str:
    found = re.search(r'<div class="app-safety-panel".*?</div>', markup, re.S)
    return fragment_text(found.group(0)) if found else ""


def _top_needs(app: Flask, markup: str) -> list[set[str]]:
    ids = re.findall(
        r'<h3 class="govuk-heading-m[^"]*" lang="en" dir="ltr">\s*'
        r'<a class="govuk-link" href="/services/([^"?]+)',
        markup,
    )
    with app.app_context():
        services = [db.session.get(Service, service_id) for service_id in ids[:3]]
        return [{term.code for term in s.terms("need")} for s in services if s]


@pytest.mark.parametrize(("language", "words", "need"), OWN_WORDS)
def test_a_search_in_a_familys_own_words_finds_that_need(
    app: Flask, language: str, words: str, need: str
) -> None:
    markup = _page(app, "/find-support", q=words, lang=language)

    top = _top_needs(app, markup)
    assert top and all(need in held for held in top), (words, top)
    label = app.extensions["council_languages"][language].term("need", need).label
    assert label in fragment_text(markup.split('class="app-understood', 1)[1][:2000])


@pytest.mark.parametrize("language", sorted(DANGER_WORDS))
@pytest.mark.parametrize("danger", sorted(NATIONAL))
def test_the_safety_panel_in_each_language(app: Flask, language: str, danger: str) -> None:
    markup = _page(app, "/find-support", q=DANGER_WORDS[language][danger], lang=language)

    panel = _panel(markup)
    translated = app.extensions["safety_languages"][language].dangers[danger]
    assert translated.label != NATIONAL[danger]["label"]
    assert translated.label in panel and translated.advice in panel
    for line in translated.lines:
        assert line.name in panel
        assert (line.phone or line.text) in panel
    services = app.extensions["council_languages"][language].children_services
    assert services.name in panel and services.phone in panel
    assert markup.index("app-safety-panel") < markup.index("app-search")


def test_przemoc_domowa_finds_domestic_abuse_support_first(app: Flask) -> None:
    markup = _page(app, "/find-support", q="przemoc domowa", lang="pl")

    assert "domestic-abuse" in _top_needs(app, markup)[0]
    assert "govuk-exit-this-page" in markup


def test_an_english_page_reads_english_only(app: Flask) -> None:
    """The page's language decides which book is read with English: an English page does
    not read Polish (it would take every language's book to, and their phrases collide)."""
    assert _panel(_page(app, "/find-support", q="przemoc domowa")) == ""
    assert "app-safety-panel" in _page(app, "/find-support", q="my partner hits me", lang="pl")


@pytest.mark.parametrize(
    ("language", "need_label", "event_label", "help_line"),
    [
        ("pl", "Jedzenie", "Kłopoty z pieniędzmi", "Centra rodzinne w Dudley"),
        ("ur", "کھانا", "پیسوں کی پریشانی", "ڈڈلی فیملی سینٹرز"),
        ("pa", "ਖਾਣਾ", "ਪੈਸੇ ਦੀ ਚਿੰਤਾ", "ਡਡਲੀ ਫੈਮਿਲੀ ਸੈਂਟਰ"),
    ],
)
def test_the_home_page_has_the_councils_words_in_the_language(
    app: Flask, language: str, need_label: str, event_label: str, help_line: str
) -> None:
    markup = _page(app, "/", lang=language)

    assert f">{need_label}</a>" in markup
    assert f">{event_label}</a>" in markup
    assert help_line in markup


def test_results_and_service_pages_say_listings_are_in_english(app: Flask) -> None:
    results = _page(app, "/find-support", q="food", lang="pl")
    service_id = re.search(r'href="/services/([^"?]+)', results).group(1)
    service = _page(app, f"/services/{service_id}", lang="pl")

    assert 'class="app-source-language"' in results
    assert 'class="app-source-language"' in service
    assert re.search(r'<h1 class="govuk-heading-xl" lang="en" dir="ltr">', service)
    assert 'class="app-source-language"' not in _page(app, "/find-support", q="food")


def test_spoken_languages_and_needs_are_named_in_the_page_language(app: Flask) -> None:
    from babel import Locale

    from directory.queries.services import language_names

    with app.app_context():
        spoken = language_names()
    code = next(c for c in sorted(spoken) if Locale("pl").languages.get(c))
    markup = _page(app, "/find-support", q="food", lang="pl")
    assert Locale("pl").languages[code] in markup

    service_id = re.search(r'href="/services/([^"?]+)', markup).group(1)
    service = _page(app, f"/services/{service_id}", lang="pl")
    assert "Jedzenie" in service
