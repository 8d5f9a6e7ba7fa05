"""The shared analyser, synonym table and phrase tokens."""

from __future__ import annotations

import pytest
from whoosh.analysis import StemmingAnalyzer

from search.analysis import WORD_PATTERN, stems
from search.phrases import index_tokens, phrase_token
from search.synonyms import SYNONYM_GROUPS, SYNONYMS, SynonymTable


def test_stems_are_those_of_whooshs_stemming_analyzer() -> None:
    text = "Parents' parenting courses: Stay & Play for toddlers, and the café's menus."
    whoosh = [token.text for token in StemmingAnalyzer(expression=WORD_PATTERN)(text)]
    assert stems(text) == whoosh


def test_index_tokens_add_phrase_tokens_after_the_words() -> None:
    tokens = index_tokens("Our food bank and community larder")
    assert tokens[:3] == ["our", "food", "bank"]
    assert phrase_token(["food", "bank"]) in tokens
    assert "larder" in tokens


def test_every_phrase_ending_at_a_word_is_indexed() -> None:
    tokens = index_tokens("Holiday activity and food programme")
    assert phrase_token(["holidai", "activ"]) in tokens
    assert phrase_token(["holidai", "activ", "food"]) in tokens


def test_words_split_by_other_words_are_not_a_phrase() -> None:
    tokens = index_tokens("food parcels at the bank")
    assert phrase_token(["food", "parcel"]) in tokens
    assert phrase_token(["food", "bank"]) not in tokens


def test_stop_words_between_words_do_not_split_a_phrase() -> None:
    # Stop words leave no gap, in indexed text as in queries ("stay and play").
    assert phrase_token(["food", "bank"]) in index_tokens("food at the bank")


def test_each_synonym_phrase_belongs_to_one_group() -> None:
    seen: dict[tuple[str, ...], int] = {}
    for index, group in enumerate(SYNONYMS.groups):
        for phrase in group:
            assert seen.setdefault(phrase, index) == index


def test_a_phrase_in_two_groups_is_refused() -> None:
    with pytest.raises(ValueError, match="two groups"):
        SynonymTable([("food bank", "pantry"), ("pantries|larder",)])


def test_a_phrase_of_stop_words_is_refused() -> None:
    with pytest.raises(ValueError, match="stop words"):
        SynonymTable([("food bank", "and the")])


def test_variants_are_told_apart_from_other_synonyms() -> None:
    table = SynonymTable([("food bank|foodbank", "pantry")])
    assert table.variants(("food", "bank"), ("foodbank",))
    assert not table.variants(("food", "bank"), ("pantri",))


def test_synonym_vocabulary_holds_unstemmed_words() -> None:
    assert {"senco", "ehcp", "behaviour", "parenting"} <= SYNONYMS.vocabulary
    assert len(SYNONYM_GROUPS) >= 18
