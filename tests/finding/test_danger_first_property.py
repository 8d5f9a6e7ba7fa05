"""Whenever a danger is read, the first result meets it: a property over generated searches.

The searches are generated, not listed: every danger phrase of every language's book (a
deterministic sample of each danger's), alone and inside everyday words that find other
listings ("... and a food bank", a place, a level at the practitioners' door), searched on
that language's page at both doors; and sentences only the learnt model reads as a danger
(its training part, read with the strip's threshold lowered to their probability). Where
the safety panel or the strip shows a danger, the first result's stated needs meet the
danger shown first (the one the results lead with) whenever any listing the searcher may
see does.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

import pytest
from flask import Flask

from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.learning import TRAINING, training_files
from directory.queries.services import practitioner_services_by_id, public_services_by_id
from directory.safety import cued_dangers, signalled_dangers
from search.examples import read_cases, split
from search.understanding import QueryReader

LANGUAGES = ("en", "pl", "ur", "pa")
PHRASES_EACH = 8
"""Phrases sampled from each danger of each language's book (every one of them in turn
over a few seeds; a fixed seed keeps a run repeatable)."""
LEARNT_SENTENCES = 60
AROUND = (
    "{}",
    "{} and we need a food bank",
    "help please {} stourbridge",
    "nursery place, {}",
)
"""Everyday words around a danger phrase: ones that find listings of their own."""
AT_PRACTITIONERS = ("{}", "level 2 {} halesowen", "{} - lvl 3 - kingswinford")


def _first_meets(
    app: Flask, text: str, reader: QueryReader, practitioners: bool
) -> tuple[str, str] | None:
    """None when the search shows no danger or its first result meets the danger shown
    first; else (the danger, why not)."""
    council = app.extensions["council"]
    wanted = parse_search_args({"q": [text]}, council, practitioners)
    query = build_query(
        wanted, council, datetime.now(), reader=reader, for_practitioners=practitioners
    )
    results = site_search().search(replace(query, page_size=3))
    panel = signalled_dangers(results.reading, wanted.needs, council)
    shown = panel or cued_dangers(results.reading, panel)
    if not shown:
        return None
    needs = set(reader.phrasebook.danger_needs()[shown[0]])
    found = (practitioner_services_by_id if practitioners else public_services_by_id)(
        [hit.id for hit in results.hits], datetime.now().date()
    )
    top = [found[hit.id] for hit in results.hits if hit.id in found]
    if top and needs & {term.code for term in top[0].terms("need")}:
        return None
    if not _any_listing_meets(app, needs, practitioners):
        return None
    return shown[0], top[0].name if top else "no results"


def _any_listing_meets(app: Flask, needs: set[str], practitioners: bool) -> bool:
    council = app.extensions["council"]
    wanted = parse_search_args({"need": sorted(needs)}, council, practitioners)
    query = build_query(wanted, council, datetime.now(), for_practitioners=practitioners)
    return site_search().search(replace(query, page_size=1)).total > 0


def _danger_phrases(reader: QueryReader, seed: str) -> list[str]:
    phrases = []
    for entry in reader.phrasebook.entries:
        if entry.section == "dangers":
            own = sorted(entry.phrases)
            phrases += random.Random(f"{seed}:{entry.code}").sample(
                own, min(PHRASES_EACH, len(own))
            )
    return phrases


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_result_meets_the_danger_read_from_any_book_phrase(
    search_app: Flask, language: str
) -> None:
    misses = []
    with search_app.app_context():
        reader = search_app.extensions["query_readers"][language]
        for number, phrase in enumerate(_danger_phrases(reader, language)):
            family = AROUND[number % len(AROUND)].format(phrase)
            practitioner = AT_PRACTITIONERS[number % len(AT_PRACTITIONERS)].format(phrase)
            for text, practitioners in ((family, False), (practitioner, True)):
                miss = _first_meets(search_app, text, reader, practitioners)
                if miss is not None:
                    misses.append((text, practitioners, *miss))
    assert misses == []


def test_the_first_result_meets_a_danger_only_the_learnt_model_reads(search_app: Flask) -> None:
    """Sentences of the training part in four languages that the rules read no danger in:
    read with the strip's band-1 threshold at their own probability, the learnt danger leads."""
    misses = []
    checked = 0
    with search_app.app_context():
        readers = search_app.extensions["query_readers"]
        cases = [c for path in training_files(TRAINING) for c in read_cases(path)]
        dangerous = [c for c in split(cases)[0] if c.danger and c.danger != "none"]
        for case in random.Random(17).sample(dangerous, len(dangerous)):
            reader = readers.get(case.language, readers["en"])
            assert reader.learnt is not None
            rules = replace(reader, learnt=None).read(case.query, {}, datetime.now().date())
            guess = reader.learnt.model.danger(case.query)
            if rules.dangers or rules.cues or guess is None or guess.probability < 0.5:
                continue
            # Band 1 from its own probability, and no band 2 (the strip and one listing:
            # tests/finding/test_alarm_bands.py) below it for the glossed words.
            least = guess.probability
            eager = replace(
                reader, learnt=replace(reader.learnt, danger_least=least, strip_least=least)
            )
            if not eager.read(case.query, {}, datetime.now().date()).cues:
                continue  # a look-alike the rules know: no learnt danger
            for practitioners in (False, True):
                miss = _first_meets(search_app, case.query, eager, practitioners)
                if miss is not None:
                    misses.append((case.query, practitioners, *miss))
            checked += 1
            if checked == LEARNT_SENTENCES:
                break
    assert checked == LEARNT_SENTENCES
    assert misses == []
