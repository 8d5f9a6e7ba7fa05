"""Query building: caps, synonym grouping and validation, without any index."""

from __future__ import annotations

import pytest

from search import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_TERMS,
    MAX_TEXT_CHARS,
    Filters,
    InvalidQuery,
    PageOutOfRange,
    SearchQuery,
    expand_synonyms,
    normalise_text,
    plan_text,
)
from search.phrases import phrase_token


def tokens_of(text: str) -> list[set[str]]:
    return [{alt.token for alt in group.alternatives} for group in plan_text(text).groups]


def test_normalise_text_keeps_at_most_twelve_terms() -> None:
    text = " ".join(f"word{n}" for n in range(40))
    assert normalise_text(text).split() == [f"word{n}" for n in range(MAX_TERMS)]


def test_normalise_text_caps_length_at_a_word_boundary() -> None:
    text = normalise_text("x" * 100 + " " + "y" * 100 + " " + "z" * 100)
    assert len(text) <= MAX_TEXT_CHARS
    assert text == "x" * 100 + " " + "y" * 100


def test_normalise_text_cuts_a_single_overlong_word() -> None:
    assert normalise_text("a" * 5000) == "a" * MAX_TEXT_CHARS


def test_normalise_text_strips_control_and_invisible_characters() -> None:
    assert normalise_text("food\x00bank\u200b\x1b[31m NEAR\tme\n") == "food bank 31m near me"


def test_normalise_text_bounds_work_on_huge_input() -> None:
    assert normalise_text("help " * 200_000).split() == ["help"] * MAX_TERMS


def test_normalise_text_folds_case_and_punctuation() -> None:
    assert normalise_text("Stay-and-Play!!  (Dudley)") == "stay and play dudley"


def test_multi_word_synonym_matches_every_phrase_in_its_group() -> None:
    (group,) = expand_synonyms(["food", "bank"])
    found = {alt.token for alt in group.alternatives}
    assert {
        phrase_token(["food", "bank"]),
        "pantri",
        "larder",
        phrase_token(["food", "parcel"]),
        phrase_token(["food", "club"]),
    } <= found
    assert group.words == ("food", "bank")


def test_synonym_typed_phrase_outweighs_its_synonyms() -> None:
    (group,) = expand_synonyms(["larder"])
    boosts = {alt.token: alt.boost for alt in group.alternatives}
    assert boosts["larder"] == 1.0
    assert boosts["pantri"] < 1.0


def test_spelling_variants_count_as_fully_as_the_typed_phrase() -> None:
    (group,) = expand_synonyms(["foodbank"])
    boosts = {alt.token: alt.boost for alt in group.alternatives}
    assert boosts[phrase_token(["food", "bank"])] == 1.0
    assert boosts["pantri"] < 1.0
    (group,) = expand_synonyms(["behavior"])
    assert {alt.token: alt.boost for alt in group.alternatives}["behaviour"] == 1.0


def test_an_everyday_word_weighs_what_the_language_gives_it() -> None:
    """A word of every conversation is less of the search's meaning than a rare one; a
    synonym phrase weighs as its most telling word, and a word not listed one unit."""
    everyday = {"together": 0.25, "safe": 0.6, "dad": 0.25}
    groups = expand_synonyms(["safe", "calpol", "together", "dad"], everyday=everyday)
    assert {group.words: group.weight for group in groups} == {
        ("safe",): 0.6,
        ("calpol",): 1.0,
        ("together",): 0.25,
        ("dad",): 0.25,
    }
    (bank,) = expand_synonyms(["food", "bank"], everyday={"food": 0.3})
    assert bank.synonym and bank.weight == 1.0
    assert all(group.weight == 1.0 for group in expand_synonyms(["safe", "dad"]))


def test_single_word_expands_to_multi_word_phrases() -> None:
    (found,) = tokens_of("HAF")
    assert phrase_token(["holidai", "club"]) in found
    assert phrase_token(["holidai", "activ", "food"]) in found


def test_longest_synonym_phrase_wins() -> None:
    groups = plan_text("holiday activity and food in Sedgley").groups
    assert [group.words for group in groups] == [("holiday", "activity", "food"), ("sedgley",)]


def test_stop_words_and_punctuation_do_not_break_a_phrase() -> None:
    assert tokens_of("stay & play") == tokens_of("stay and play")
    assert phrase_token(["toddler", "group"]) in tokens_of("stay and play")[0]


def test_plurals_match_synonym_phrases() -> None:
    assert tokens_of("food banks") == tokens_of("food bank")


def test_required_uk_synonyms_are_grouped() -> None:
    pairs = [
        ("send", "ehcp"),
        ("senco", "special educational needs"),
        ("parenting course", "parenting programme"),
        ("counselling", "talking therapy"),
        ("dv", "domestic abuse"),
        ("anxiety", "feeling low"),
        ("cost of living", "debt"),
        ("behavior", "tantrums"),
        ("nursery", "early years"),
        ("newborn", "antenatal"),
        ("eviction", "homeless"),
        ("grief", "bereavement"),
        ("exclusion", "attendance"),
        ("teenagers", "youth club"),
        ("toddler group", "play group"),
    ]
    for left, right in pairs:
        assert tokens_of(left) == tokens_of(right), (left, right)


def test_filler_words_are_dropped_but_not_inside_phrases() -> None:
    assert [group.words for group in plan_text("food bank near me").groups] == [("food", "bank")]
    assert [group.words for group in plan_text("special needs").groups] == [("special", "needs")]


def test_empty_or_filler_only_text_matches_everything() -> None:
    assert plan_text("  near me ").groups == ()
    assert plan_text("!!!").groups == ()


@pytest.mark.parametrize(
    ("page", "page_size"), [(0, 20), (-1, 20), (MAX_PAGE + 1, 20), (1, 0), (1, MAX_PAGE_SIZE + 1)]
)
def test_out_of_range_pages_are_refused(page: int, page_size: int) -> None:
    with pytest.raises(PageOutOfRange):
        SearchQuery(page=page, page_size=page_size)


def test_page_errors_are_invalid_queries_and_value_errors() -> None:
    assert issubclass(PageOutOfRange, InvalidQuery)
    assert issubclass(InvalidQuery, ValueError)


@pytest.mark.parametrize(
    "fields",
    [
        {"radius_m": 1000.0},
        {"origin": (1.0, 2.0), "radius_m": 0.0},
        {"origin": (1.0, 2.0), "radius_m": 500_000.0},
        {"origin": (float("nan"), 2.0)},
        {"sort": "nearest"},
        {"sort": "alphabetical"},
        {"origin_localities": ("has space",)},
    ],
)
def test_invalid_query_values_are_refused(fields: dict) -> None:
    with pytest.raises(InvalidQuery):
        SearchQuery(**fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"age": -2},
        {"age": 26},
        {"days": ("XX",)},
        {"open_slot": "TU24"},
        {"open_slot": "tuesday"},
        {"session_dates": ("2026-13-01",)},
        {"needs": ("",)},
        {"needs": tuple(f"n{i}" for i in range(51))},
    ],
)
def test_invalid_filters_are_refused(fields: dict) -> None:
    with pytest.raises(InvalidQuery):
        Filters(**fields)


def test_pre_birth_age_is_a_valid_filter() -> None:
    assert Filters(age=-1).age == -1


def test_filters_accept_lists_and_store_tuples() -> None:
    filters = Filters(needs=["food", "send"], days={"MO", "TU"})
    assert filters.needs == ("food", "send")
    assert filters.days == ("MO", "TU")
