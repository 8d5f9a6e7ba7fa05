"""The learnt alarm's two bands on results and pages (issue 17).

Band 1 (the strict threshold) shows the strip and puts the danger's listings first; band 2
(the lower threshold calibrated against a false-alarm budget) shows the strip and puts one
listing meeting the danger first (``search.engine.BAND2_LEADS``): every result after it is
one the search finds without the danger, in the same order; a search that would find
nothing shows the danger's listings. The band-2 sentences checked are the validation
share's (never learnt from) that the deployed model reads in band 2, in every shipped
language, and the ordinary sentences of the look-alike sets it reads there (its false
alarms), so the checks follow the model as it is retrained.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import cache
from urllib.parse import urlencode

import pytest
from flask import Flask

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.learning import learnt_model, training_cases
from directory.queries.services import public_services_by_id
from directory.safety import cued_dangers, load_safety_lines, signalled_dangers
from search.examples import split
from search.phrasebook import phrase_words
from search.results import SearchResults
from search.understanding import QueryReader
from tests.finding.test_danger_properties import EVERY_ORDINARY

LANGUAGES = ("en", "pl", "ur", "pa")
PER_LANGUAGE = 4
"""Band-2 validation sentences checked per language (the first by the split's order)."""


@cache
def _band2_candidates(language: str) -> tuple[str, ...]:
    """Validation sentences of ``language`` whose alarm is in band 2 (the model alone:
    whether the rules read nothing in them is checked on the search's own reading)."""
    model = learnt_model().model
    found = []
    for case in split(training_cases())[1]:
        if case.language != language:
            continue
        guess = model.danger(case.query)
        if guess is not None and model.strip_least <= guess.probability < model.danger_least:
            found.append(case.query)
    return tuple(found)


def _search(
    app: Flask, text: str, reader: QueryReader, extra: dict[str, list[str]] | None = None
) -> SearchResults:
    council = app.extensions["council"]
    wanted = parse_search_args({"q": [text], **(extra or {})}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(replace(query, page_size=30))


def _band1_only(reader: QueryReader) -> QueryReader:
    assert reader.learnt is not None
    return replace(reader, learnt=replace(reader.learnt, strip_least=reader.learnt.alarm_least))


def _band2_read(app: Flask, language: str) -> list[tuple[str, SearchResults]]:
    """Up to PER_LANGUAGE band-2 sentences of ``language`` and their results, as searched."""
    reader = app.extensions["query_readers"][language]
    read = []
    for text in _band2_candidates(language):
        results = _search(app, text, reader)
        if results.reading is not None and results.reading.quiet:
            read.append((text, results))
        if len(read) == PER_LANGUAGE:
            break
    return read


def test_the_deployed_model_has_a_band_2_below_band_1() -> None:
    model = learnt_model().model
    assert model.strip_least <= model.danger_least
    assert model.strip_least < model.danger_least, "band 2 is empty: its budget reads nothing"


def _one_listing_leads(app: Flask, text: str, results: SearchResults, reader: QueryReader) -> None:
    """A band-2 search's first result meets its danger; every result after it is the
    search's without the danger (band 1 alone), in the same order, that listing left out."""
    council = app.extensions["council"]
    reading = results.reading
    assert reading is not None and reading.quiet, text
    assert not reading.dangers, text  # never the panel
    assert not any(c.priority for c in reading.concepts), text
    assert reading.cues == reading.quiet_cues, text
    assert cued_dangers(reading, signalled_dangers(reading, (), council)), text
    without = _search(app, text, _band1_only(reader))
    assert without.reading is not None and not without.reading.cues, text
    assert results.total > 0 and results.danger_only is None, text
    first = results.hits[0]
    held = {
        term.code
        for service in public_services_by_id([first.id], datetime.now().date()).values()
        for term in service.terms("need")
    }
    assert held & set(reader.phrasebook.danger_needs()[reading.quiet_cues[0]]), text
    if without.total:
        kept = [hit.id for hit in without.hits if hit.id != first.id]
        assert [hit.id for hit in results.hits[1:]] == kept[: len(results.hits) - 1], text
        assert results.total - without.total in (0, 1), text  # the first joined, or not
        if results.total > without.total:  # counted in the facets too, each search its own
            assert results.facets != without.facets, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_band_2_puts_one_listing_of_its_danger_first_and_keeps_the_rest_in_their_order(
    search_app: Flask, language: str
) -> None:
    with search_app.app_context():
        reader = search_app.extensions["query_readers"][language]
        read = _band2_read(search_app, language)
        assert read, f"no validation sentence of {language} reads in band 2"
        for text, results in read:
            _one_listing_leads(search_app, text, results, reader)


def test_an_ordinary_search_band_2_flags_keeps_its_own_results_after_the_first(
    search_app: Flask,
) -> None:
    """The alarm's false alarms: ordinary sentences of the look-alike sets (labelled no
    danger) that the deployed model reads in band 2. Each shows one listing of the danger
    first and then exactly the results it has without the alarm, in their order."""
    model = learnt_model().model
    flagged = []
    for text in EVERY_ORDINARY:
        guess = model.danger(text)
        if guess is not None and model.strip_least <= guess.probability < model.danger_least:
            flagged.append(text)
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        checked = 0
        for text in flagged:
            results = _search(search_app, text, reader)
            if results.reading is None or not results.reading.quiet or results.reading.dangers:
                continue  # the rules read it otherwise
            _one_listing_leads(search_app, text, results, reader)
            checked += 1
    assert checked, "no ordinary sentence reads in band 2: nothing checked"


def test_a_band_2_danger_that_finds_nothing_shows_its_listings(search_app: Flask) -> None:
    """Words no listing holds, under a filter for something else (food), with the learnt
    alarm's band 2 set just at the sentence's probability (band 1 above it): the strip
    shows and the search still ends at the danger's listings, first."""
    text = "qqxzv he smashes things when he doesnt get his way zzkq"
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        assert reader.learnt is not None
        guess = reader.learnt.model.danger(text)
        assert guess is not None
        banded = replace(
            reader,
            learnt=replace(reader.learnt, strip_least=guess.probability, danger_least=1.0),
        )
        assert banded.learnt is not None and banded.learnt.band(guess.probability) == 2
        results = _search(search_app, text, banded, {"need": ["food"]})
        assert results.reading is not None and guess.code in results.reading.cues
        assert not any(c.priority for c in results.reading.concepts)
        assert results.total > 0
        first = public_services_by_id([results.hits[0].id], datetime.now().date())
        held = {t.code for service in first.values() for t in service.terms("need")}
        assert held & set(reader.phrasebook.danger_needs()[guess.code])


def _strip(markup: str) -> str:
    found = re.search(r'<div class="govuk-warning-text app-danger-strip".*?</div>', markup, re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_band_2_strip_shows_on_every_language_page(search_app: Flask, language: str) -> None:
    safety = load_safety_lines(load_council(DEFAULT_COUNCIL_FILE))
    with search_app.app_context():
        read = _band2_read(search_app, language)
    assert read, f"no validation sentence of {language} reads in band 2"
    text, results = read[0]
    assert results.reading is not None
    danger = results.reading.cues[0]
    response = search_app.test_client().get(
        f"/find-support?{urlencode({'q': text, 'lang': language})}"
    )
    assert response.status_code == 200
    markup = response.get_data(as_text=True)
    strip = _strip(markup)
    shown = safety.strip(list(results.reading.cues), phrase_words(text))
    assert shown is not None
    _, line = shown
    assert f'data-danger="{danger}"' in strip
    assert "999" in strip and (line.phone or line.text) in strip
    assert "app-safety-panel" not in markup


def test_explain_shows_the_band_and_the_probability(search_app: Flask) -> None:
    with search_app.app_context():
        read = _band2_read(search_app, "en")
    assert read
    text, results = read[0]
    assert results.reading is not None
    probability = results.reading.quiet[0].learnt
    output = search_app.test_cli_runner().invoke(args=["search", "explain", text]).output
    line = next(line for line in output.splitlines() if line.startswith("Learnt alarm:"))
    assert f"alarm p={probability:.4f}" in line and "alarm band 2" in line
    assert "Danger strip:" in output and "Safety panel: not shown" in output
