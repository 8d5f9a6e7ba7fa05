"""Harm to a child said with nothing of domestic abuse leads with a child's safety and the
family's support, not with domestic abuse groups (issue 17).

A child at risk is met by the help for domestic abuse and for exploitation (the directory
has no need of its own for it). Read from a frightened parent's, a neighbour's or a child's
own words, with no partner violence said, the two listings that lead are those whose own
words are not about domestic abuse (a safeguarding front door, a children's crisis line),
and the family centre, the Early Help front door (the phrasebook's ``beside`` for the
danger), comes third (``search.engine._danger_fit``, ``search.engine._beside``). Where the
words say domestic abuse too, its help is what they ask for beside: no family centre is put
in. Generated here from who does what to whom, not listed sentences.
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
from search.results import SearchResults

WHO = ("my stepdad", "me mom", "my dad", "her mums boyfriend", "my uncle")
DONE = (
    "hits {whom} with a belt and it leaves marks",
    "locks {whom} in the bedroom all day",
    "burns {whom} with cigarettes",
)
WHOM = ("me", "my little brother", "my 6 year old")
TOLD_WITH_ABUSE = (
    "my partner hits me and the kids",
    "my husband beats me and slaps my son",
)
FAMILY_SUPPORT = {"family_centre", "family_hub"}
ABUSE_WORDS = "domestic abuse"
"""Words of a listing's own summary that make it domestic abuse's help."""
LEAST_SHOWN = 0.6
"""The share of the sentences that must read a child at risk alone, so the order cannot
hold by reading none."""


def _search(app: Flask, text: str) -> SearchResults:
    council = app.extensions["council"]
    reader = app.extensions["query_readers"]["en"]
    wanted = parse_search_args({"q": [text]}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(replace(query, page_size=10))


def _sentences() -> list[str]:
    return [
        f"{who} {done.format(whom=whom)}"
        for who, done, whom in product(WHO, DONE, WHOM)
        if not (who == "me mom" and whom == "me" and "locks" in done)
    ]


def _child_at_risk_leads(results: SearchResults) -> bool:
    reading = results.reading
    dangers = [c.code for c in reading.concepts if c.priority] if reading else []
    return dangers == ["child-at-risk"]


def test_harm_to_a_child_leads_with_a_childs_safety_then_the_family_centre(
    search_app: Flask,
) -> None:
    sentences = _sentences()
    read = 0
    misses = []
    with search_app.app_context():
        for text in sentences:
            results = _search(search_app, text)
            if not _child_at_risk_leads(results):
                continue
            read += 1
            hits = results.hits
            found = public_services_by_id([hit.id for hit in hits[:3]], datetime.now().date())
            shown = [found[hit.id] for hit in hits[:3] if hit.id in found]
            kinds = [service.kind for service in shown]
            abuse_groups = [
                service.name for service in shown[:2] if ABUSE_WORDS in service.summary.lower()
            ]
            if abuse_groups or len(kinds) < 3 or kinds[2] not in FAMILY_SUPPORT:
                misses.append((text, kinds, abuse_groups))
            assert results.beside == hits[2].id, text
    assert read >= LEAST_SHOWN * len(sentences), (read, len(sentences))
    assert misses == []


def test_domestic_abuse_said_too_puts_in_no_family_centre(search_app: Flask) -> None:
    with search_app.app_context():
        for text in TOLD_WITH_ABUSE:
            results = _search(search_app, text)
            reading = results.reading
            dangers = {c.code for c in reading.concepts if c.priority} if reading else set()
            assert {"child-at-risk", "domestic-abuse"} <= dangers, text
            assert results.beside is None, text
