"""What the learnt reader does to results: its needs only rank, its danger shows the strip
and leads with the listings that meet it, and ``flask search explain`` shows its evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from flask import Flask

from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.queries.services import public_services_by_id
from directory.safety import cued_dangers, signalled_dangers
from search.results import SearchResults
from search.understanding import QueryReader

NEEDS_READ = [
    "can i get help with nursery fees",
    "my little one wont stop crying and im at the end of my rope",
    "she cut her fringe herself and it looks awful",
]
DANGER_UNREAD = "he smashes things when he doesnt get his way"
"""Intimidation the rules read no danger in (written for this test; not in the training data)."""


def _search(app: Flask, text: str, reader: QueryReader, page: int = 1) -> SearchResults:
    council = app.extensions["council"]
    wanted = parse_search_args({"q": [text]}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(replace(query, page_size=100, page=page))


def _every_id(app: Flask, text: str, reader: QueryReader) -> set[str]:
    first = _search(app, text, reader)
    pages = [first] + [
        _search(app, text, reader, page) for page in range(2, -(-first.total // 100) + 1)
    ]
    found = {hit.id for results in pages for hit in results.hits}
    assert len(found) == first.total
    return found


def test_a_learnt_need_never_drops_a_listing(search_app: Flask) -> None:
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        rules = replace(reader, learnt=None)
        checked = 0
        for text in NEEDS_READ:
            learnt = _search(search_app, text, reader)
            assert learnt.reading is not None
            if not any(c.learnt for c in learnt.reading.concepts):
                continue  # retrained on more data, the model may add nothing here
            checked += 1
            assert _every_id(search_app, text, rules) <= _every_id(search_app, text, reader)
        assert checked >= len(NEEDS_READ) // 2, "the learnt reader adds too few needs to check"


def test_a_learnt_need_alone_never_chooses_the_listings(search_app: Flask) -> None:
    """Words the search leaves out as saying little ("family") leave only what the learnt
    reader read: that weak reading ranks every listing the words alone find, never only
    the listings meeting it."""
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        rules = replace(reader, learnt=None)
        read = [
            word
            for word in sorted(reader.quiet_words)
            if (found := _search(search_app, word, reader).reading) is not None
            and any(c.learnt for c in found.concepts)
        ][:5]
        assert read, "no quiet word the learnt reader reads a need in"
        for word in read:
            assert _every_id(search_app, word, rules) <= _every_id(search_app, word, reader)


def test_a_learnt_danger_shows_the_strip_not_the_panel_and_its_listings_first(
    search_app: Flask,
) -> None:
    council = search_app.extensions["council"]
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        assert reader.learnt is not None
        rules = replace(reader, learnt=None).read(DANGER_UNREAD, {}, datetime.now().date())
        assert not (rules.dangers or rules.cues)
        guess = reader.learnt.model.danger(DANGER_UNREAD)
        assert guess is not None and guess.code == "domestic-abuse"
        eager = replace(reader, learnt=replace(reader.learnt, danger_least=guess.probability))
        results = _search(search_app, DANGER_UNREAD, eager)
        panel = signalled_dangers(results.reading, (), council)
        assert panel == []
        assert cued_dangers(results.reading, panel) == ["domestic-abuse"]
        first = public_services_by_id([results.hits[0].id], datetime.now().date())
        needs = {t.code for service in first.values() for t in service.terms("need")}
        assert "domestic-abuse" in needs
        quiet = replace(reader, learnt=replace(reader.learnt, danger_least=1.0, strip_least=1.0))
        assert _search(search_app, DANGER_UNREAD, quiet).reading.cues == ()


def test_explain_shows_learnt_evidence_beside_the_rules(search_app: Flask) -> None:
    runner = search_app.test_cli_runner()
    result = runner.invoke(args=["search", "explain", "can i get help with nursery fees"])
    assert result.exit_code == 0, result.output
    assert "[category:childcare] evidence 'nursery' (strong" in result.output
    learnt = next(
        line for line in result.output.splitlines() if "[need:early-years-and-childcare]" in line
    )
    assert "learnt evidence p=0." in learnt and "weak: ranks, never chooses" in learnt
    assert "'nurse" in learnt or "'nursery" in learnt


LEARNT_ONLY = [
    ("qqxzv he smashes things when he doesnt get his way zzkq", "domestic-abuse"),
    ("qqxzv she says nobody would notice if she was gone zzkq", None),
]
"""Dangers only the learnt reader reads, in words no listing holds (None: whichever it reads)."""


def test_a_learnt_danger_never_answers_zero_results(search_app: Flask) -> None:
    """Words no listing holds, under a filter for something else (food), read as a danger
    by the learnt reader alone: the search still finds that danger's help, first."""
    council = search_app.extensions["council"]
    with search_app.app_context():
        reader = search_app.extensions["query_readers"]["en"]
        assert reader.learnt is not None
        needs = reader.phrasebook.danger_needs()
        for text, danger in LEARNT_ONLY:
            rules = replace(reader, learnt=None).read(text, {}, datetime.now().date())
            assert not (rules.dangers or rules.cues), text
            guess = reader.learnt.model.danger(text)
            assert guess is not None and (danger is None or guess.code == danger), text
            eager = replace(reader, learnt=replace(reader.learnt, danger_least=guess.probability))
            wanted = parse_search_args({"q": [text], "need": ["food"]}, council)
            results = site_search().search(
                build_query(wanted, council, datetime.now(), reader=eager)
            )
            assert results.reading is not None and guess.code in results.reading.cues, text
            assert results.total > 0, text
            first = public_services_by_id([results.hits[0].id], datetime.now().date())
            held = {t.code for service in first.values() for t in service.terms("need")}
            assert held & set(needs[guess.code]), text
