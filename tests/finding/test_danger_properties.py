"""Danger is never missed and ordinary words never alarm: properties over whole lists.

For every danger sentence of ``tests/search/danger_sentences.py``,
``danger_sentences_fresh.py`` and ``danger_sentences_indirect.py``, searched on the page of
every shipped language (families type in any language on any page): the safety panel or
the one-line strip names the danger, the search finds something, and the first result
meets one of that danger's needs. Where two dangers read, the one with more evidence
leads the panel or strip and the results. For every ordinary sentence that merely shares
a word with harm, on every page: no panel and no strip.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path

import pytest
from flask import Flask

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import CouncilFileError, load_council
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.queries.services import public_services_by_id
from directory.safety import SAFETY_FILE, cued_dangers, load_safety_lines, signalled_dangers
from search.calibration import STRIP_BUDGET
from search.results import SearchResults
from tests.search.danger_sentences import DANGER, LEADING, ORDINARY
from tests.search.danger_sentences_fresh import (
    FIFTH_DANGER,
    FIFTH_ORDINARY,
    FOURTH_DANGER,
    FOURTH_ORDINARY,
    FRESH_DANGER,
    FRESH_ORDINARY,
    OUT_OF_SAMPLE_DANGER,
    OUT_OF_SAMPLE_ORDINARY,
)
from tests.search.danger_sentences_indirect import INDIRECT_DANGER
from tests.search.lookalikes_broad import BROAD_LOOKALIKES

LANGUAGES = ("en", "pl", "ur", "pa")
DANGER_LISTS = (
    DANGER,
    FRESH_DANGER,
    OUT_OF_SAMPLE_DANGER,
    FOURTH_DANGER,
    FIFTH_DANGER,
    INDIRECT_DANGER,
)
EVERY_DANGER = {
    code: [text for lists in DANGER_LISTS for text in lists.get(code, [])]
    for code in {code: None for lists in DANGER_LISTS for code in lists}
}
EVERY_ORDINARY = [
    *ORDINARY,
    *FRESH_ORDINARY,
    *OUT_OF_SAMPLE_ORDINARY,
    *FOURTH_ORDINARY,
    *FIFTH_ORDINARY,
    *(text for texts in BROAD_LOOKALIKES.values() for text in texts),
]


def _search(app: Flask, text: str, language: str) -> tuple[SearchResults, list[str], list[str]]:
    """The results as the page gets them, the panel's dangers and the strip's."""
    council = app.extensions["council"]
    reader = app.extensions["query_readers"][language]
    wanted = parse_search_args({"q": [text]}, council)
    results = site_search().search(build_query(wanted, council, datetime.now(), reader=reader))
    panel = signalled_dangers(results.reading, wanted.needs, council)
    return results, panel, cued_dangers(results.reading, panel)


def _first_needs(results: SearchResults) -> set[str]:
    first = public_services_by_id([results.hits[0].id], datetime.now().date())
    return {term.code for service in first.values() for term in service.terms("need")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_danger_sentence_shows_its_danger_and_leads_with_its_help(
    search_app: Flask, language: str
) -> None:
    misses = []
    with search_app.app_context():
        needs = search_app.extensions["query_readers"][language].phrasebook.danger_needs()
        for danger, texts in EVERY_DANGER.items():
            for text in texts:
                results, panel, strip = _search(search_app, text, language)
                if danger not in panel + strip:
                    misses.append(f"not read as {danger}: {text!r} ({panel}, {strip})")
                elif results.total == 0:
                    misses.append(f"no results: {text!r}")
                elif not _first_needs(results) & set(needs[danger]):
                    misses.append(f"first result not for {danger}: {text!r}")
    assert misses == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_danger_with_more_evidence_leads(search_app: Flask, language: str) -> None:
    with search_app.app_context():
        needs = search_app.extensions["query_readers"][language].phrasebook.danger_needs()
        for text, danger in LEADING:
            results, panel, strip = _search(search_app, text, language)
            assert (panel or strip)[0] == danger, text
            assert _first_needs(results) & set(needs[danger]), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_ordinary_sentences_raise_no_panel_and_no_strip(search_app: Flask, language: str) -> None:
    """No panel and no strip from the rules or the learnt alarm's band 1; the alarm's band 2
    (the strip and one listing first, calibrated against a false-alarm budget on the
    calibration set these sentences belong to: :data:`search.calibration.STRIP_BUDGET`)
    within that budget."""
    with search_app.app_context():
        alarms = []
        band2 = []
        for text in EVERY_ORDINARY:
            results, panel, strip = _search(search_app, text, language)
            if results.reading is not None and results.reading.quiet and not panel:
                band2.append(text)
            elif panel or strip:
                alarms.append((text, panel, strip))
    assert alarms == []
    assert len(band2) <= math.ceil(STRIP_BUDGET * len(EVERY_ORDINARY)), band2


def test_a_danger_search_in_a_place_with_no_such_listing_still_finds_help(
    search_app: Flask,
) -> None:
    """Bad input on purpose: words no listing holds, around a danger cue, still find the
    danger's services rather than nothing."""
    with search_app.app_context():
        results, panel, strip = _search(
            search_app, "qqxzv zvkqq he said hed kill me xqzzk vvqzx", "en"
        )
    assert "domestic-abuse" in panel + strip
    assert results.total > 0


FITTING_LINES = [
    ("someone keeps following me home from work", "0808 802 0300"),  # stalking
    ("my 14 year old has run away again since friday", "116 000"),  # a missing child
    ("they are taking my daughter on holiday to be cut", "0800 028 3550"),  # FGM
    ("my grandson keeps taking money from my purse and shoving me", "0808 808 8141"),
    ("my daughter has been scratching her arms with a compass", "0800 068 4141"),
    ("my nephew watches far right videos and hates muslims", "0800 789 321"),
    ("he said he would burn the house down with me in it", "0808 2000 247"),
    ("my dad chucked me out of the house cos im pregnant", "0800 1111"),  # put out by a parent
]


@pytest.mark.parametrize(("text", "number"), FITTING_LINES)
def test_the_strip_shows_the_line_that_fits_the_search(
    search_app: Flask, text: str, number: str
) -> None:
    """The strip when only a weaker cue reads; harm read with an act or threat ("said he
    would burn the house down", "shoving me") opens the panel, which lists the line too."""
    response = search_app.test_client().get("/find-support", query_string={"q": text})
    markup = response.get_data(as_text=True)
    strip = re.search(r'<div class="govuk-warning-text app-danger-strip".*?</div>', markup, re.S)
    panel = re.search(r'<div class="app-safety-panel".*?</ul>', markup, re.S)
    assert strip is not None or panel is not None, text
    assert number in (strip or panel).group(0), text


def test_a_line_with_a_malformed_sign_stops_the_site(tmp_path: Path) -> None:
    national = tmp_path / "national.toml"
    national.write_text(
        SAFETY_FILE.read_text(encoding="utf-8").replace(
            'signs = [\n  "stalk*', 'signs = [\n  ".. stalk*', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(CouncilFileError, match="signs"):
        load_safety_lines(load_council(DEFAULT_COUNCIL_FILE), national)


def test_danger_words_whose_search_meets_no_danger_service_show_the_danger_services(
    search_app: Flask,
) -> None:
    """A filter that keeps only food services cannot leave a threat to life with a food
    bank first: the listings that meet the danger are shown, and the page says why."""
    council = search_app.extensions["council"]
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        needs = reader.phrasebook.danger_needs()["domestic-abuse"]
        wanted = parse_search_args({"q": ["my partner hits me"], "need": ["food"]}, council)
        results = site_search().search(build_query(wanted, council, datetime.now(), reader=reader))
        assert results.danger_only == "domestic-abuse"
        assert results.total > 0
        assert _first_needs(results) & set(needs)
        plain = parse_search_args({"q": ["food bank"], "need": ["food"]}, council)
        ordinary = site_search().search(build_query(plain, council, datetime.now(), reader=reader))
        assert ordinary.danger_only is None
    markup = (
        search_app.test_client()
        .get("/find-support", query_string={"q": "my partner hits me", "need": "food"})
        .get_data(as_text=True)
    )
    assert 'class="govuk-inset-text app-danger-only" data-danger="domestic-abuse"' in markup
    assert "so the services that do come first" in markup


def test_a_danger_search_never_answers_zero_results(search_app: Flask) -> None:
    """Words no listing holds, under a filter for something else: a danger still finds
    its help first."""
    council = search_app.extensions["council"]
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        needs = reader.phrasebook.danger_needs()
        for text, danger in (
            ("qqxzv my stepdad touches me zzkq", "child-at-risk"),
            ("qqxzv i took a whole packet of pills", "suicide-and-self-harm"),
        ):
            wanted = parse_search_args({"q": [text], "need": ["food"]}, council)
            results = site_search().search(
                build_query(wanted, council, datetime.now(), reader=reader)
            )
            assert results.total > 0, text
            assert _first_needs(results) & set(needs[danger]), text
