"""Who is asking, in a crisis: an adult asking for themselves finds the adult crisis
services above children's, and a parent asking about their child (or a young person giving
their age) the children's and young people's above the adults', on the demo directory.

Sentences are generated: each way of saying who is asking, with each way of saying a
crisis (suicide and self-harm, domestic abuse). The demo's crisis listings are named by
what they are for; whom each is for is decided when it is indexed, from its ages where they
say and else from its own words (``search.audience``). Audience only re-orders the listings
that meet the danger: none is dropped. Only the danger's best listings lead
(``search.engine.DANGER_LEADS``): those are the asker's, before any for someone else.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from itertools import product

import pytest
from flask import Flask

from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.queries.services import public_services_by_id
from search.audience import ADULT, YOUNG
from search.engine import DANGER_LEADS
from search.meaning import asked_for
from search.results import SearchResults

FOR_ADULTS = {
    "suicide-and-self-harm": ("Adult Mental Health Crisis Line (sample)",),
    "domestic-abuse": (
        "Safe Haven Refuge (sample)",
        "Cedar House Refuge (sample)",
        "Domestic Abuse Outreach and Advocacy (sample)",
    ),
}
FOR_YOUNG = {
    "suicide-and-self-harm": (
        "Children's Crisis Helpline (sample)",
        "Young People's Self-Harm Support (sample)",
        "CAMHS Positive Steps",
    ),
    "domestic-abuse": (
        "Children's Crisis Helpline (sample)",
        "Barnardo's support for children affected by domestic abuse",
        "Women's Aid support for children and young people",
        "Children's Domestic Abuse Recovery Group, Brierley Hill (sample)",
    ),
}
CHILD_AT_RISK = "child-at-risk"
"""Abuse at home said of a child is read as a child at risk, whose listings include those
meeting domestic abuse."""
# (crisis said of oneself, said of someone else), by danger.
CRISES = {
    "suicide-and-self-harm": [
        ("I keep self harming", "keeps self harming"),
        ("I feel suicidal", "is feeling suicidal"),
        ("I want to end my life", "says they want to end their life"),
        ("I have been cutting myself", "has been cutting herself"),
    ],
    "domestic-abuse": [
        ("I am being hit at home", "is being hit at home"),
        ("I'm scared of being beaten up at home", "is scared of being beaten up at home"),
        ("I get strangled and threatened at home", "sees me get strangled at home"),
    ],
}
SELF = [
    "{own} - it's for myself",
    "I'm a single mum and {own}",
    "{own}, need help for me",
    "my partner knows {own}",
]
CHILD = ["my son {other}", "my daughter {other}", "my 14 year old {other}", "our kid {other}"]
YOUNG_SELF = [
    "I'm 15 and {own}",
    "im 13 {own}",
    "im in year 9 and {own}",
    "im a teenager and {own}",
]


def _search(app: Flask, text: str, page_size: int = 100) -> SearchResults:
    council = app.extensions["council"]
    reader = app.extensions["query_readers"]["en"]
    wanted = parse_search_args({"q": [text]}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(replace(query, page_size=page_size))


def _meeting_the_danger(app: Flask, results: SearchResults) -> tuple[str, set[str]]:
    """The danger the results lead with, and every result meeting it."""
    assert results.reading is not None
    danger = next(c.code for c in results.reading.concepts if c.priority)
    wanted = set(app.extensions["query_reader"].phrasebook.danger_needs()[danger])
    found = public_services_by_id([hit.id for hit in results.hits], datetime.now().date())
    meeting = {
        doc for doc, service in found.items() if wanted & {t.code for t in service.terms("need")}
    }
    return danger, meeting


def _places(results: SearchResults) -> dict[str, int]:
    """Each result's place, by its name (the demo's ids are made when it loads)."""
    found = public_services_by_id([hit.id for hit in results.hits], datetime.now().date())
    return {
        found[hit.id].name: number for number, hit in enumerate(results.hits) if hit.id in found
    }


def _sentences(frames: list[str]) -> list[tuple[str, str]]:
    return [
        (danger, frame.format(own=own, other=other))
        for danger, said in CRISES.items()
        for frame, (own, other) in product(frames, said)
    ]


def _check(app: Flask, sentences: list[tuple[str, str]], whom: str) -> list[str]:
    misses = []
    with app.app_context():
        for danger, text in sentences:
            results = _search(app, text)
            reading = results.reading
            assert reading is not None
            if asked_for(reading.asker, reading.concepts) != whom:
                misses.append(f"not read as asking for {whom}: {text!r}")
                continue
            read = (*reading.dangers, *reading.cues)
            if danger not in read and not (danger == "domestic-abuse" and CHILD_AT_RISK in read):
                misses.append(f"{danger} not read: {text!r}")
                continue
            place = _places(results)
            own, other = (
                (FOR_ADULTS[danger], FOR_YOUNG[danger])
                if whom == ADULT
                else (FOR_YOUNG[danger], FOR_ADULTS[danger])
            )
            dropped = [doc for doc in (*own, *other) if doc not in place]
            if dropped:
                misses.append(f"dropped {dropped}: {text!r}")
                continue
            # None for someone else leads (DANGER_LEADS do), and the asker's come first.
            leading = sum(1 for hit in results.hits[:DANGER_LEADS] if hit.ahead)
            first_other = min(place[doc] for doc in other)
            if not leading or first_other < leading or min(place[d] for d in own) > first_other:
                misses.append(f"a listing for someone else before one for the asker: {text!r}")
    return misses


def test_an_adult_asking_for_themselves_finds_adult_crisis_services_first(
    search_app: Flask,
) -> None:
    sentences = _sentences(SELF)
    assert len(sentences) >= 25
    misses = _check(search_app, sentences, ADULT)
    assert misses == [], "\n".join(misses)


def test_a_parent_asking_about_their_child_finds_childrens_crisis_services_first(
    search_app: Flask,
) -> None:
    sentences = _sentences(CHILD)
    assert len(sentences) >= 25
    misses = _check(search_app, sentences, YOUNG)
    assert misses == [], "\n".join(misses)


def test_a_young_person_giving_their_age_finds_young_peoples_crisis_services_first(
    search_app: Flask,
) -> None:
    misses = _check(search_app, _sentences(YOUNG_SELF), YOUNG)
    assert misses == [], "\n".join(misses)


@pytest.mark.parametrize(
    "text",
    ["my partner hits me", "I want to end my life", "my son is self harming"],
)
def test_audience_never_drops_a_listing_meeting_the_danger(search_app: Flask, text: str) -> None:
    """The same listings meet the danger whoever asks: only their order changes (which two
    lead, too: search.engine.DANGER_LEADS)."""
    with search_app.app_context():
        asked = _search(search_app, text, page_size=100)
        plain = _search(
            search_app, text.replace("my partner", "someone").replace("son", "x"), page_size=100
        )
        danger, meeting = _meeting_the_danger(search_app, asked)
        assert meeting and (danger, meeting) == _meeting_the_danger(search_app, plain)
    for results in (asked, plain):
        assert [bool(hit.ahead) for hit in results.hits[:3]] == [True, True, False]
