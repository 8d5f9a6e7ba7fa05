"""A danger said beside another need leads the results with the danger's help (issue 17).

A frightened sentence often names money, a home, a bill, food, school or a court beside the
harm ("he hits me and put all the loans in my name"), and those words find listings of their
own. Generated here, not listed: harm said plainly by an adult, a child, someone at risk of
taking their life, a teenager being used to run drugs and one being married against their
will, each before and after words of another need, in two constructions. For every sentence
whose words show a danger (the panel, or the strip from the rules or either band of the
learnt alarm), the first result meets the danger shown first, and the listings of the other
need follow later in the results. Only the two best of the danger's listings lead; the
learnt alarm's band 2 leads with one, every other result in its order without the danger
(tests/finding/test_alarm_bands.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from itertools import product

from flask import Flask

from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.queries.services import public_services_by_id
from directory.safety import cued_dangers, signalled_dangers
from search.results import SearchResults

HARM = {
    "adult": (
        "my husband hits me",
        "my partner has threatened to kill me",
        "he put his hands round my neck last night",
        "my boyfriend beats me when he drinks",
        "my ex says he will stab me",
    ),
    "child": (
        "my mums boyfriend hits me",
        "my stepdad punches me and im 12",
        "dad hits me with his belt",
    ),
    "suicide": (
        "i want to kill myself",
        "i keep cutting myself",
        "i dont want to be alive anymore",
    ),
    "exploitation": (
        "older lads are making my son sell drugs for them",
        "my son is being groomed to carry drugs",
    ),
    "marriage": ("my parents are forcing me to marry my cousin",),
}
OTHER_NEEDS = (
    "all the loans are in my name",
    "he checks every call on the phone bill",
    "the benefits go into his account",
    "we are behind on the rent and could lose the house",
    "there is no food in the cupboards",
    "the electric meter has run out",
    "it happens at every contact handover the court ordered",
    "i keep missing school",
    "i need a job",
)
CONSTRUCTIONS = ("{harm} and {other}", "{other}, {harm}")
LEAST_SHOWN = 0.75
"""The share of these sentences that must show a danger, so the property cannot hold by
reading none (each harm phrase is said plainly: the rules read it alone)."""


def _search(app: Flask, text: str, page_size: int = 10) -> SearchResults:
    council = app.extensions["council"]
    reader = app.extensions["query_readers"]["en"]
    wanted = parse_search_args({"q": [text]}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(replace(query, page_size=page_size))


def _needs(app: Flask, ids: list[str]) -> list[set[str]]:
    found = public_services_by_id(ids, datetime.now().date())
    return [{term.code for term in found[i].terms("need")} for i in ids if i in found]


def _sentences() -> list[str]:
    return [
        construction.format(harm=harm, other=other)
        for phrases in HARM.values()
        for harm, other, construction in product(phrases, OTHER_NEEDS, CONSTRUCTIONS)
    ]


def test_a_danger_read_beside_another_need_leads_with_its_help(search_app: Flask) -> None:
    council = search_app.extensions["council"]
    danger_needs = search_app.extensions["query_reader"].phrasebook.danger_needs()
    sentences = _sentences()
    shown = 0
    misses = []
    with search_app.app_context():
        for text in sentences:
            results = _search(search_app, text)
            reading = results.reading
            panel = signalled_dangers(reading, (), council)
            dangers = panel or cued_dangers(reading, panel)
            if not dangers:
                continue
            shown += 1
            wanted = set(danger_needs[dangers[0]])
            needs = _needs(search_app, [hit.id for hit in results.hits])
            if not needs or not needs[0] & wanted:
                misses.append((text, dangers[0], sorted(needs[0]) if needs else []))
    assert shown >= LEAST_SHOWN * len(sentences), (shown, len(sentences))
    assert misses == []


def test_the_other_need_still_shows_after_the_danger(search_app: Flask) -> None:
    """A danger said with money ("my husband hits me and the benefits go into his
    account"): its help leads, and a listing for money is still among the results, after
    it."""
    with search_app.app_context():
        for harm in HARM["adult"][:2]:
            text = f"{harm} and the benefits go into his account"
            results = _search(search_app, text, page_size=50)
            needs = _needs(search_app, [hit.id for hit in results.hits])
            assert needs and "domestic-abuse" in needs[0], text
            money = [i for i, held in enumerate(needs) if "money-and-debt" in held]
            assert money and money[0] > 0, text


def test_only_the_two_best_of_a_dangers_listings_lead(search_app: Flask) -> None:
    """The first two results meet the danger shown first (``search.engine.DANGER_LEADS``)
    and the rest rank by their score, so a listing of the other need can come third; a
    danger only the learnt alarm's band 2 read leads with one
    (tests/finding/test_alarm_bands.py)."""
    council = search_app.extensions["council"]
    danger_needs = search_app.extensions["query_reader"].phrasebook.danger_needs()
    checked = 0
    with search_app.app_context():
        for text in _sentences()[::5]:
            results = _search(search_app, text)
            reading = results.reading
            panel = signalled_dangers(reading, (), council)
            dangers = panel or cued_dangers(reading, panel)
            if not dangers:
                continue
            band2 = reading is not None and set(dangers) <= set(reading.quiet_cues)
            leads = 1 if band2 else 2
            wanted = set(danger_needs[dangers[0]])
            needs = _needs(search_app, [hit.id for hit in results.hits[:leads]])
            assert len(needs) == leads and all(held & wanted for held in needs), text
            assert not any(hit.ahead for hit in results.hits[leads:]), text
            checked += 1
    assert checked >= 0.75 * len(_sentences()[::5])
