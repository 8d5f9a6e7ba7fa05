"""The shared analyser, synonym table and phrase tokens."""

from __future__ import annotations

import pytest
from whoosh.analysis import StemmingAnalyzer

from search.analysis import WORD_PATTERN, stems
from search.phrases import INDEX_ANALYZER, index_tokens, phrase_token
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


def _chain_tokens(text: str) -> list[str]:
    """What Whoosh's own chain of filters makes of ``text``."""
    return [token.text for token in INDEX_ANALYZER.chain(text)]


def _demo_texts() -> list[str]:
    import csv

    from directory.demo.loader import DEMO_FILE

    with DEMO_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row[column] for row in rows for column in ("name", "summary", "description")]


ODD_TEXTS = (
    "",
    "a I x 1",
    "St. Mary's e.g. www.example.org 01384 812345 U.K.",
    "\uff26\uff35\uff2c\uff2c-width \ufb01ne ligatures",
    "Café naïve résumé ŁÓDŹ Zażółć",
    "کھانا بینک ਭੋਜਨ ਬੈਂਕ",
    "THE AND of to FOOD    BANK!!! food-bank foodbank",
    "holiday activity and food holiday activities and food programme",
)


@pytest.mark.parametrize("source", ["demo", "odd", "phrases"])
def test_the_one_loop_analyser_gives_what_whooshs_chain_gives(source: str) -> None:
    texts = {
        "demo": _demo_texts,
        "odd": lambda: list(ODD_TEXTS),
        "phrases": lambda: [p for group in SYNONYM_GROUPS for p in "|".join(group).split("|")],
    }[source]()
    assert texts
    for text in texts:
        assert [token.text for token in INDEX_ANALYZER(text)] == _chain_tokens(text), text


def test_a_call_asking_for_positions_goes_through_the_chain() -> None:
    text = "Stay and play at the food bank"
    ours = [(t.text, t.pos) for t in INDEX_ANALYZER(text, positions=True)]
    chain = [(t.text, t.pos) for t in INDEX_ANALYZER.chain(text, positions=True)]
    assert ours == chain
    assert [pos for _, pos in ours][:2] == [0, 1]
