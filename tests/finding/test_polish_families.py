"""Polish family searches, with and without diacritics, find fitting services in the top 3.

Written for this module (not from the relevance sets): everyday Polish situations (food,
money and debt, housing, childcare, SEND, mental health, parenting, school, activities),
each once as a parent types it with Polish letters and once without them, searched with
the Polish page's reader over the Dudley demo directory.
"""

from __future__ import annotations

import pytest
from flask import Flask

from bench.relevance import Case, evaluate
from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader

SITUATIONS = [
    ("nie mam co dać dzieciom jeść", "nie mam co dac dzieciom jesc", "food"),
    ("pusta lodówka do wypłaty", "pusta lodowka do wyplaty", "food"),
    ("długi i komornik pomoc", "dlugi i komornik pomoc", "money-and-debt"),
    ("nie stać mnie na prąd", "nie stac mnie na prad", "money-and-debt"),
    ("eksmisja z mieszkania", "eksmisja z mieszkania", "housing"),
    ("pleśń w mieszkaniu i właściciel nic nie robi", "plesn w mieszkaniu", "housing"),
    ("żłobek dla syna", "zlobek dla syna", "early-years-and-childcare"),
    ("darmowe godziny w przedszkolu", "darmowe godziny w przedszkolu", "early-years-and-childcare"),
    ("córka ma autyzm", "corka ma autyzm", "send"),
    ("syn nie mówi a ma trzy lata", "syn nie mowi a ma trzy lata", "send"),
    (
        "pomoc psychologiczna dla nastolatka",
        "pomoc psychologiczna dla nastolatka",
        "mental-health-and-wellbeing",
    ),
    ("depresja po porodzie", "depresja po porodzie", "mental-health-and-wellbeing"),
    ("problemy z zachowaniem syna", "problemy z zachowaniem syna", "parenting"),
    ("nie radzę sobie z dzieckiem", "nie radze sobie z dzieckiem", "parenting"),
    ("syn nie chce chodzić do szkoły", "syn nie chce chodzic do szkoly", "school-and-attendance"),
    ("dokuczają mu w szkole", "dokuczaja mu w szkole", "school-and-attendance"),
    ("zajęcia dla dzieci w wakacje", "zajecia dla dzieci w wakacje", "activities"),
    ("klub dla młodzieży", "klub dla mlodziezy", "activities"),
]
CASES = [
    Case(query=text, needs=(need,), language="pl")
    for with_letters, without, need in SITUATIONS
    for text in dict.fromkeys((with_letters, without))
]


@pytest.mark.parametrize("case", CASES, ids=[case.query for case in CASES])
def test_a_polish_family_search_finds_a_fitting_service(search_app: Flask, case: Case) -> None:
    with search_app.app_context():
        (outcome,) = evaluate(search_app, [case]).outcomes
    assert outcome.success, outcome.top
    assert not (outcome.dangers or outcome.cues)


def test_polish_letters_are_optional_in_the_phrasebook() -> None:
    council = load_council(DEFAULT_COUNCIL_FILE)
    reader = load_reader(council, load_safety_lines(council), language="pl")
    book = reader.phrasebook
    assert book.key("żywności") == book.key("zywnosci")
    assert book.key("żłobek") == book.key("zlobek")


def test_a_polish_small_word_is_not_an_english_acronym() -> None:
    """Polish "dla" (for) is not the English "DLA" (Disability Living Allowance)."""
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    polish = load_reader(council, safety, language="pl").phrasebook
    english = load_reader(council, safety).phrasebook
    assert ("dla",) not in polish.keys
    assert ("dla",) in english.keys
