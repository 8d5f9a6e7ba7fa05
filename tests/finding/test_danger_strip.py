"""Danger in two grades on the results page, and no dead ends for sentences.

A weaker cue (a pattern, or harm words near a person without an act or threat: "he said
he'd finish me off" opens the panel, "took my bank card" shows the strip) shows the one-line
"call 999" strip with the danger's first national line,
in every shipped language; look-alikes show nothing; a search with any danger cue finds the
listings that meet the danger; a sentence of three or more words never answers zero while
any of its words or readings matches something, and says it loosened.
"""

from __future__ import annotations

import random
import re
from datetime import datetime
from urllib.parse import urlencode

import pytest
from flask import Flask

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.queries.services import public_services_by_id
from directory.safety import load_safety_lines
from search.phrasebook import phrase_words
from tests.search.test_cues import CUED, LOOK_ALIKES

WEAK = {
    "en": ("husband took my bank card and my phone", "domestic-abuse"),
    "pl": ("nie pozwala mi wychodzić z domu", "domestic-abuse"),
    "ur": ("میرا بچہ لاپتہ ہے", "child-at-risk"),
    "ur-latn": ("ghar wale zabardasti shaadi karwa rahe hain", "forced-marriage"),
    # "ਉਸਨੇ ਮੇਰਾ ਗਲਾ ਘੁੱਟਿਆ" (he strangled me) now opens the panel: "ਮੇਰਾ" reads as the searcher.
    "pa": ("ਪਤੀ ਮੇਰਾ ਫ਼ੋਨ ਚੈੱਕ ਕਰਦਾ", "domestic-abuse"),
    "pa-latn": ("pati mera phone check karda", "domestic-abuse"),
}


def _page(app: Flask, **params: str) -> str:
    response = app.test_client().get(f"/find-support?{urlencode(params)}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _strip(markup: str) -> str:
    found = re.search(r'<div class="govuk-warning-text app-danger-strip".*?</div>', markup, re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("case", sorted(WEAK))
def test_a_weak_cue_shows_the_strip_with_its_line_in_every_language(
    search_app: Flask, case: str
) -> None:
    text, danger = WEAK[case]
    markup = _page(search_app, q=text, lang=case.partition("-")[0])
    strip = _strip(markup)
    # The line that fits the words ("my child is missing": Missing People), else the first.
    _, line = load_safety_lines(load_council(DEFAULT_COUNCIL_FILE)).strip(
        [danger], phrase_words(text)
    ) or (None, None)
    assert line is not None
    number = line.phone or line.text
    assert f'data-danger="{danger}"' in strip
    assert "999" in strip and number in strip
    assert "app-safety-panel" not in markup  # the panel is for strong signals
    assert "govuk-exit-this-page" in markup
    assert markup.index("app-danger-strip") < markup.index("app-search")


def test_a_strong_signal_shows_the_panel_and_no_strip(search_app: Flask) -> None:
    markup = _page(search_app, q="my partner hits me and said he'd kill me")
    assert "app-safety-panel" in markup
    assert _strip(markup) == ""


@pytest.mark.parametrize("text", LOOK_ALIKES[:12])
def test_look_alikes_show_no_strip_and_no_panel(search_app: Flask, text: str) -> None:
    markup = _page(search_app, q=text)
    assert _strip(markup) == ""
    assert "app-safety-panel" not in markup


def test_a_danger_cue_never_answers_zero_and_leads_with_the_danger(search_app: Flask) -> None:
    with search_app.app_context():
        council = search_app.extensions["council"]
        reader = search_app.extensions["query_readers"]["en"]
        danger_needs = reader.phrasebook.danger_needs()
        now = datetime.now()
        for danger, texts in CUED.items():
            for text in texts:
                wanted = parse_search_args({"q": [text]}, council)
                results = site_search().search(build_query(wanted, council, now, reader=reader))
                assert results.total > 0, text
                first = public_services_by_id([results.hits[0].id], now.date())
                held = {term.code for s in first.values() for term in s.terms("need")}
                assert held & set(danger_needs[danger]), text


def test_sentences_loosen_instead_of_answering_zero(search_app: Flask) -> None:
    rng = random.Random(3)
    known = ["swimming", "breastfeeding", "benefits", "football", "autism", "debt", "food"]
    nonsense = ["qqxzv", "zvkqq", "xqzzk", "vvqzx", "kqxzz"]
    for _ in range(12):
        words = [rng.choice(known), *rng.sample(nonsense, rng.randint(2, 3))]
        rng.shuffle(words)
        markup = _page(search_app, q=" ".join(words))
        assert "No results" not in markup.split("<h1", 1)[1].split("</h1>", 1)[0], words
        assert "app-service-list" in markup, words
        # Found through what a word was read to mean, or by loosening, which it says.
        assert (
            "Showing help with:" in markup
            or "Nothing matched all your words, so these results match some of them." in markup
        ), words


def test_a_reading_alone_keeps_a_sentence_from_a_dead_end(search_app: Flask) -> None:
    markup = _page(search_app, q="free on saturday qqxzv zvkqq")
    assert "app-service-list" in markup
    assert "Nothing matched all your words" in markup
