"""The council's words in each language: complete for Dudley, English (marked) where a
translation is missing, and a wrong code in a translation file stops the site at start."""

from __future__ import annotations

from dataclasses import fields

import pytest
from flask import Flask
from markupsafe import Markup

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import Council, CouncilFileError, load_council
from directory.council_language import (
    COUNCIL_TRANSLATIONS,
    English,
    own_language,
    read_translation,
    translate_council,
    translate_safety,
)
from directory.safety import SAFETY_FILE, load_safety_lines

LANGUAGES = ("pl", "ur", "pa")


def _untranslated(council: Council) -> list[str]:
    texts = [
        ("name", council.name),
        ("service_name", council.service_name),
        ("help_line.name", council.help_line.name),
        ("help_line.hours", council.help_line.hours),
    ]
    if council.children_services:
        texts += [
            (f"children_services.{f.name}", getattr(council.children_services, f.name))
            for f in fields(council.children_services)
            if f.name in {"name", "hours", "out_of_hours"}
        ]
    texts += [(f"localities.{loc.code}", loc.name) for loc in council.localities]
    texts += [(f"taxonomy.{t.scheme}.{t.code}", t.label) for t in council.taxonomy]
    texts += [
        (f"taxonomy.{t.scheme}.{t.code}.description", t.description)
        for t in council.taxonomy
        if t.description
    ]
    texts += [(f"life_events.{e.label}", e.label) for e in council.life_events]
    texts += [(f"school_holidays.{h.name}", h.name) for h in council.school_holidays]
    return [where for where, text in texts if isinstance(text, English)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_dudley_has_every_council_text_in_the_language(language: str) -> None:
    council = load_council(DEFAULT_COUNCIL_FILE)
    table = read_translation(COUNCIL_TRANSLATIONS / f"dudley.{language}.toml")

    translated = translate_council(council, table)

    # Place names that are the same in Polish are given as written, so none is English.
    assert _untranslated(translated) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_safety_line_is_in_the_language(language: str) -> None:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    national = read_translation(SAFETY_FILE.with_suffix(f".{language}.toml"))

    translated = translate_safety(safety, national, {})

    untranslated = [
        (danger.code, text)
        for danger in translated.dangers.values()
        for text in (
            danger.label,
            danger.advice,
            *(line.name for line in danger.lines),
            *(line.hours for line in danger.lines),
        )
        if isinstance(text, English)
    ]
    assert untranslated == []
    assert {d.code: [line.phone for line in d.lines] for d in translated.dangers.values()} == {
        d.code: [line.phone for line in d.lines] for d in safety.dangers.values()
    }


def test_missing_text_stays_english_and_is_marked(site_app) -> None:  # type: ignore[no-untyped-def]
    council = load_council(DEFAULT_COUNCIL_FILE)
    partial = translate_council(council, {"taxonomy": {"need": {"food": {"label": "Jedzenie"}}}})

    assert partial.term("need", "food").label == "Jedzenie"
    housing = partial.term("need", "housing").label
    assert isinstance(housing, English) and housing == "Housing"
    app: Flask = site_app()
    with app.test_request_context("/?lang=pl"):
        assert own_language(housing) == Markup('<span lang="en" dir="ltr">Housing</span>')
        assert own_language(partial.term("need", "food").label) == "Jedzenie"
    with app.test_request_context("/"):
        assert own_language(housing) == "Housing"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"taxonomy": {"need": {"pizza": {"label": "Pizza"}}}}, "[taxonomy.need.pizza]"),
        ({"localities": {"atlantis": {"name": "Atlantyda"}}}, "[localities.atlantis]"),
        ({"help_line": "Telefon"}, "[help_line] must be a table"),
    ],
)
def test_a_wrong_translation_file_is_refused(table: dict, message: str) -> None:
    with pytest.raises(CouncilFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        translate_council(load_council(DEFAULT_COUNCIL_FILE), table)


def test_a_danger_the_site_does_not_know_is_refused() -> None:
    safety = load_safety_lines(load_council(DEFAULT_COUNCIL_FILE))

    with pytest.raises(CouncilFileError, match="not a known danger"):
        translate_safety(safety, {"dangers": {"alien-invasion": {"label": "Inwazja"}}}, {})


def test_a_council_without_translations_is_shown_in_english_marked(site_app) -> None:  # type: ignore[no-untyped-def]
    """Doncaster has no Polish file: its needs and help line are English, marked for voices."""
    from directory.config import PROJECT_ROOT

    app: Flask = site_app(council_file=PROJECT_ROOT / "councils" / "doncaster.toml")
    doncaster = load_council(PROJECT_ROOT / "councils" / "doncaster.toml")
    need = doncaster.terms("need")[0].label

    page = app.test_client().get("/?lang=pl").get_data(as_text=True)

    assert f'<span lang="en" dir="ltr">{need}</span>' in page
    assert f'<span lang="en" dir="ltr">{doncaster.help_line.name}</span>' in page
    assert '<html lang="pl"' in page
