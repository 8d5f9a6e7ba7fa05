"""bench/alarm_groups.py's fold features are the shipped vectorisers' (issue 17).

The grouped measure counts every text's n-grams once and takes each fold's vocabulary and
idf from that fold's examples; the figures are only honest if that is what
:func:`search.learnt.train`'s fitted vectorisers would give the same examples.
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bench.alarm_groups import Counts, Variant, tfidf, word_forms_of
from search.learnt import letter_grams, normalised, word_grams

VOCABULARY = [
    "he hit me again last night",
    "he hit the ball over the fence",
    "my son wont go to school",
    "my son wont go to school",
    "she keeps me locked in the flat",
    "we need a food bank near tipton",
]
UNSEEN = ["he locked the kids in the car", "food bank for my son", "zzz qqq"]


def test_fold_features_are_the_fitted_vectorisers() -> None:
    texts = [normalised(t) for t in dict.fromkeys([*VOCABULARY, *UNSEEN])]
    counts = Counts.of(texts, Variant())
    ours = tfidf(counts, [normalised(t) for t in VOCABULARY], Variant())(UNSEEN).toarray()
    vectorisers = [
        TfidfVectorizer(
            analyzer=letter_grams, sublinear_tf=True, lowercase=False, min_df=2, dtype=np.float32
        ),
        TfidfVectorizer(analyzer=word_grams, sublinear_tf=True, lowercase=False, dtype=np.float32),
    ]
    theirs = []
    for vectoriser in vectorisers:
        vectoriser.fit([normalised(t) for t in VOCABULARY])
        order = np.argsort(np.array(vectoriser.get_feature_names_out()), kind="stable")
        theirs.append(vectoriser.transform([normalised(t) for t in UNSEEN]).toarray()[:, order])
    assert ours.shape == np.hstack(theirs).shape
    assert np.allclose(ours, np.hstack(theirs), atol=1e-6)


def _word_block(variant: Variant, sources: list[str], texts: list[str]) -> np.ndarray:
    """The word block of ``texts`` fitted on VOCABULARY written by ``sources``."""
    every = [normalised(t) for t in dict.fromkeys([*VOCABULARY, *UNSEEN, *texts])]
    counts = Counts.of(every, variant)
    counts.blocks = {"word": counts.blocks["word"]}
    return tfidf(counts, [normalised(t) for t in VOCABULARY], variant, sources)(texts).toarray()


def test_min_writers_keeps_only_words_more_than_one_source_wrote() -> None:
    # "son" and "school" come from one writer only (both "my son wont go to school" are
    # theirs); "hit" from two.
    sources = ["a", "b", "c", "c", "d", "phrasebook en"]
    one = _word_block(Variant(), sources, ["son school", "hit"])
    two = _word_block(Variant(min_writers=2), sources, ["son school", "hit"])
    assert one[0].any() and one[1].any()
    assert not two[0].any() and two[1].any()


def test_binary_tf_counts_a_repeated_word_once() -> None:
    sources = [str(i) for i in range(len(VOCABULARY))]
    once, thrice = _word_block(Variant(binary=True), sources, ["son", "son son son"])
    assert np.allclose(once, thrice)
    once, thrice = _word_block(Variant(), sources, ["son", "son son son"])
    assert np.allclose(once, thrice)  # one word alone: l2-normalised either way
    once, thrice = _word_block(Variant(binary=True), sources, ["son hit", "son son son hit"])
    _, sublinear = _word_block(Variant(), sources, ["son hit", "son son son hit"])
    assert np.allclose(once, thrice) and not np.allclose(once, sublinear)


def test_word_forms_give_two_writers_spellings_a_shared_feature() -> None:
    assert "beat" in word_forms_of("beats") and "beat" in word_forms_of("beating")
    assert set(word_forms_of("maarta")) & set(word_forms_of("marta"))
    assert set(word_forms_of("bankach")) & set(word_forms_of("banku"))
