"""Whose danger it is and what it is decide which of its listings comes first (issue 17).

- A child's danger (a missing child, a child hurt, neglected or groomed) leads with a
  listing for children or families whose own words speak of it, never with an adult's
  service (the Domestic Abuse Helpline for "mera beta ghayab hai", my son is missing);
  an adult's with one not for children alone; self-harm with a listing whose words speak
  of self-harm. Only the listings' needs, ages and words decide: no name is known to the
  code (``search.engine._danger_fit``).
- FGM reads as a child at risk in every language, as the training files label it (25 of
  their 32 FGM sentences; the other 7 say forced-marriage): its panel offers the NSPCC
  FGM line and the children's lines, and a forced-marriage panel led by marriage or
  honour offers the FGM line too where FGM is said.
- A thing gone missing is no missing child: "phone ghayab ho gaya", "my keys are
  missing", "ਮੇਰਾ ਫੋਨ ਗੁੰਮ ਹੋ ਗਿਆ" raise nothing, while "mera beta ghayab hai" still
  reads a child at risk (the cue file's ``@thing`` look-alikes, by class).

The sentences are generated from templates written for these tests, not taken from any set.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from itertools import product

import pytest
from flask import Flask

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.models import Service
from directory.queries.services import public_services_by_id
from directory.safety import load_safety_lines
from search.audience import ADULT, YOUNG, first_sentence, inferred_audience
from search.indexing import ADULT_FROM
from search.meaning import asked_for
from search.phrasebook import PhrasebookError, parse_entries
from search.results import SearchResults
from search.understanding import QueryReader, danger_phrases
from tests.finding.test_danger_choice import read, shown

# ----------------------------------------------------------------- things gone missing

THINGS = {
    "en": (
        ["my {thing} {verb} missing", "{thing} {verb} missing again"],
        ["phone", "keys", "purse", "wallet", "passport", "bike", "car keys", "laptop"],
        ["is", "are", "has gone", "went", "have gone"],
    ),
    "ur": (
        ["mera {thing} {verb}", "meri {thing} {verb}", "{thing} kahin {verb}"],
        ["phone", "mobile", "batwa", "chabi", "chabiyan", "kitab", "passport", "cycle"],
        ["ghayab ho gaya", "ghayab hai", "gum ho gaya", "gum ho gayi", "gayab ho gayi"],
    ),
    "pa": (
        ["mera {thing} {verb}", "{thing} {verb}"],
        ["phone", "mobile", "purse", "chabi", "cycle"],
        ["gayab ho gaya", "gum ho gaya", "gum hai"],
    ),
    "pa-gurmukhi": (
        ["ਮੇਰਾ {thing} {verb}", "{thing} {verb}"],
        ["ਫੋਨ", "ਬਟੂਆ", "ਚਾਬੀਆਂ", "ਮੋਬਾਈਲ"],
        ["ਗੁੰਮ ਹੋ ਗਿਆ", "ਗਾਇਬ ਹੋ ਗਿਆ"],
    ),
    "pl": (
        ["{thing} {verb}", "mój {thing} {verb}"],
        ["telefon", "portfel", "klucze", "rower", "paszport", "plecak"],
        ["zaginął", "zniknął", "zaginęły"],
    ),
}
URDU_SCRIPT_THINGS = ["میرا فون غائب ہو گیا", "میری چابیاں گم ہو گئیں", "پرس غائب ہے"]
CHILDREN = {
    "en": (
        ["my {child} {verb} missing", "my {child} {verb} missing since last night"],
        ["son", "daughter", "14 year old", "little boy", "girl"],
        ["is", "has gone", "went"],
    ),
    "ur": (
        ["mera {child} {verb}", "meri {child} {verb}", "{child} kal se {verb}"],
        ["beta", "beti", "bacha", "bachi"],
        ["ghayab hai", "ghayab ho gaya", "ghayab ho gayi", "lapata hai"],
    ),
    "pa": (
        ["mera {child} {verb}", "meri {child} {verb}"],
        ["putt", "dhee", "munda", "kudi"],
        ["gayab ho gaya", "gayab hai", "gum ho gaya"],
    ),
    "pa-gurmukhi": (
        ["ਮੇਰਾ {child} {verb}", "ਮੇਰੀ {child} {verb}"],
        ["ਪੁੱਤ", "ਧੀ", "ਮੁੰਡਾ"],
        ["ਗੁੰਮ ਹੋ ਗਿਆ", "ਗਾਇਬ ਹੈ"],
    ),
    "pl": (["{verb} {child}", "{child} {verb}"], ["mój syn", "moja córka", "syn"], ["zaginął"]),
}
URDU_SCRIPT_CHILDREN = ["میرا بیٹا غائب ہو گیا", "میری بیٹی گم ہو گئی", "بچہ غائب ہے"]


def _written(table: dict, slot: str) -> list[tuple[str, str]]:
    """Every sentence of the templates, with its language (a script's key, "pa-gurmukhi",
    is its language's)."""
    return [
        (key.partition("-")[0], frame.format(**{slot: word, "verb": verb}))
        for key, (frames, words, verbs) in table.items()
        for frame, word, verb in product(frames, words, verbs)
    ]


OBJECT_SENTENCES = [*_written(THINGS, "thing"), *(("ur", t) for t in URDU_SCRIPT_THINGS)]
CHILD_SENTENCES = [*_written(CHILDREN, "child"), *(("ur", t) for t in URDU_SCRIPT_CHILDREN)]


def test_the_templates_cover_every_language_in_number() -> None:
    for sentences in (OBJECT_SENTENCES, CHILD_SENTENCES):
        languages = {language for language, _ in sentences}
        assert languages == {"en", "ur", "pa", "pl"}
        assert len(sentences) >= 60


def test_a_thing_gone_missing_raises_nothing_on_any_page() -> None:
    """Read on its own language's page and on the English one (every page reads every
    language's cues): no panel, no strip."""
    alarms = [
        (page, text, shown(read(text, page)))
        for language, text in OBJECT_SENTENCES
        for page in dict.fromkeys((language, "en"))
        if shown(read(text, page))
    ]
    assert alarms == []


def test_a_child_gone_missing_still_reads_a_child_at_risk() -> None:
    missed = [
        (language, text, shown(read(text, language)))
        for language, text in CHILD_SENTENCES
        if "child-at-risk" not in shown(read(text, language))
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "mera phone band hai aur beta ghayab hai",
        "beta school se ghar nahi aaya phone band hai",
        "my sons phone is off and he has gone missing",
    ],
)
def test_a_phone_beside_a_missing_child_does_not_hide_the_child(text: str) -> None:
    language = "en" if "sons" in text else "ur"
    assert "child-at-risk" in shown(read(text, language)), text


# ----------------------------------------------------------------- FGM


FGM = [
    ("en", "worried my daughter will be cut, fgm"),
    ("en", "they are taking my little girl to somalia to be circumcised"),
    ("en", "my in laws want khatna for my daughter"),
    ("en", "female genital mutilation"),
    ("ur", "meri beti ki khatna karwana chahte hain"),
    ("ur", "وہ میری بیٹی کا ختنہ کروانا چاہتے ہیں"),
    ("pa", "ਉਹ ਮੇਰੀ ਧੀ ਦੀ ਸੁੰਨਤ ਕਰਵਾਉਣਾ ਚਾਹੁੰਦੇ ਹਨ"),
    ("pl", "chcą zrobić obrzezanie córki za granicą"),
]


@pytest.mark.parametrize(("language", "text"), FGM)
def test_fgm_reads_as_a_child_at_risk(language: str, text: str) -> None:
    """As most of the training files label it, in every language."""
    assert shown(read(text, language))[:1] == ["child-at-risk"], text


def test_the_fgm_panel_offers_the_fgm_line_and_the_childrens_lines() -> None:
    safety = load_safety_lines(load_council(DEFAULT_COUNCIL_FILE))
    said = ["they", "want", "to", "cut", "my", "daughter"]
    (child,) = safety.panel(["child-at-risk"])
    names = [line.name for line in child.lines]
    assert "NSPCC FGM Helpline" in names
    assert any("worried about a child" in name for name in names)
    assert any(name.startswith("Childline") for name in names)
    strip = safety.strip(["child-at-risk"], said)
    assert strip is not None and strip[1].name == "NSPCC FGM Helpline"
    (marriage,) = safety.panel(["forced-marriage"])
    assert "NSPCC FGM Helpline" in [line.name for line in marriage.lines]
    strip = safety.strip(["forced-marriage"], said)
    assert strip is not None and strip[1].name == "NSPCC FGM Helpline"
    plain = safety.strip(["forced-marriage"], ["they", "are", "forcing", "me", "to", "marry"])
    assert plain is not None and plain[1].name == "Forced Marriage Unit"


# ----------------------------------------------------------------- the first listing

CHILD_DANGERS = [
    ("en", "my son is missing"),
    ("en", "my daughter hasnt come home since yesterday and her phone is off"),
    ("en", "my neighbours kids are always hungry and dirty and left alone"),
    ("en", "my ex hits our son, he came back with bruises"),
    ("en", "an older man is grooming my daughter online"),
    ("en", "child neglect"),
    ("en", "im 14 and my dad hits me"),
    ("ur", "mera beta ghayab hai"),
    ("ur", "meri beti kal se ghar nahi aayi"),
    ("ur", "میرا بیٹا غائب ہو گیا"),
    ("pa", "mera putt gayab ho gaya"),
    ("pa", "ਮੇਰਾ ਪੁੱਤ ਗੁੰਮ ਹੋ ਗਿਆ"),
    ("pl", "zaginął mój syn"),
    ("pl", "ojczym bije moją córkę"),
]
ADULT_DANGERS = [
    ("en", "my partner hits me"),
    ("en", "my husband strangled me last night"),
    ("ur", "mera shohar mujhe maarta hai"),
    ("pa", "ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ"),
    ("pl", "mąż mnie bije"),
]
SELF_HARM_CHILD = [
    ("en", "my son is self harming"),
    ("en", "my 15 year old daughter has been cutting herself"),
]


def _search(app: Flask, language: str, text: str) -> SearchResults:
    council = app.extensions["council"]
    reader = app.extensions["query_readers"][language]
    wanted = parse_search_args({"q": [text]}, council)
    query = build_query(wanted, council, datetime.now(), reader=reader)
    return site_search().search(replace(query, page_size=10))


class _Listing:
    """What a listing's own fields say: the dangers its words speak of, whom it is for."""

    def __init__(self, service: Service, reader: QueryReader) -> None:
        codes: dict[str, set[str]] = {}
        for code, keys in danger_phrases(reader.phrasebook).items():
            for key in keys:
                codes.setdefault(key, set()).add(code)
        self.name = service.name
        self.speaks: set[str] = set()
        for text in (service.name, service.summary or "", service.description or ""):
            for key in reader.needs_in(text)[1]:
                self.speaks |= codes.get(key, set())
        low, high = service.minimum_age, service.maximum_age
        ages = range(low or 0, (high if high is not None else 25) + 1)
        summary = service.summary or first_sentence(service.description or "")
        words, _ = inferred_audience(service.name, summary, service.kind or "", ages)
        self.adults_only = (low is not None and low >= ADULT_FROM) or (
            low is None and words == ADULT
        )
        self.young_only = (high is not None and high < ADULT_FROM) or (
            high is None and words == YOUNG
        )


def _first(app: Flask, language: str, text: str) -> tuple[SearchResults, _Listing]:
    results = _search(app, language, text)
    assert results.hits, text
    hit = results.hits[0]
    service = public_services_by_id([hit.id], datetime.now().date())[hit.id]
    return results, _Listing(service, app.extensions["query_reader"])


def _leading(results: SearchResults) -> str:
    reading = results.reading
    assert reading is not None
    return next(c.code for c in reading.concepts if c.priority)


def test_every_childs_danger_leads_with_a_listing_meeting_a_childs_need(
    search_app: Flask,
) -> None:
    """Property: for every danger read whose subject is a child (a child at risk, or any
    danger asked about one's child or by a young person), the first listing meets it, is
    not for adults only, and its own words speak of that danger (the demo holds such a
    listing for each danger here)."""
    book = search_app.extensions["query_reader"].phrasebook
    faults = []
    with search_app.app_context():
        for language, text in CHILD_DANGERS + SELF_HARM_CHILD:
            results, first = _first(search_app, language, text)
            reading = results.reading
            assert reading is not None
            danger = _leading(results)
            entry = book.entry("dangers", danger)
            child = (entry is not None and entry.whom == YOUNG) or asked_for(
                reading.asker, reading.concepts
            ) == YOUNG
            assert child, (text, danger)
            if not results.hits[0].ahead:
                faults.append(f"does not meet {danger}: {text!r} -> {first.name}")
            elif first.adults_only:
                faults.append(f"for adults: {text!r} -> {first.name}")
            elif danger not in first.speaks:
                faults.append(
                    f"about {sorted(first.speaks)} not {danger}: {text!r} -> {first.name}"
                )
    assert faults == [], "\n".join(faults)


def test_an_adults_danger_leads_with_a_listing_not_for_children_alone(
    search_app: Flask,
) -> None:
    faults = []
    with search_app.app_context():
        for language, text in ADULT_DANGERS:
            results, first = _first(search_app, language, text)
            danger = _leading(results)
            if first.young_only or danger not in first.speaks or not results.hits[0].ahead:
                faults.append(f"{danger}: {text!r} -> {first.name}")
    assert faults == [], "\n".join(faults)


def test_a_missing_child_is_never_led_by_another_dangers_service(search_app: Flask) -> None:
    """The fault reported: "mera beta ghayab hai" led with the Domestic Abuse Helpline, a
    listing meeting a child at risk only through its domestic abuse need."""
    with search_app.app_context():
        for language, text in [("ur", "mera beta ghayab hai"), ("en", "my son is missing")]:
            results, first = _first(search_app, language, text)
            assert _leading(results) == "child-at-risk"
            assert "child-at-risk" in first.speaks, (text, first.name)
            assert first.speaks <= {"child-at-risk"} or not first.adults_only


# ----------------------------------------------------------------- the phrasebook's whom


def test_a_dangers_whom_is_read_and_a_wrong_one_stops_the_book() -> None:
    """``whom = "young"`` marks a child's danger; any other value is a mistake the site
    refuses at start, never a danger quietly read as nobody's."""
    table = {"dangers": {"x": {"needs": ["food"], "phrases": ["p"], "whom": "young"}}}
    (entry,) = parse_entries(table, "test")
    assert entry.whom == YOUNG
    (plain,) = parse_entries({"dangers": {"x": {"needs": ["food"], "phrases": ["p"]}}}, "t")
    assert plain.whom == ""
    with pytest.raises(PhrasebookError, match="whom"):
        parse_entries({"dangers": {"x": {"needs": ["food"], "whom": "children"}}}, "test")
    assert read("child neglect").concepts  # the shipped book loads with its whom
