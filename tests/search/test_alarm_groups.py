"""bench/alarm_groups.py's fold features are the shipped vectorisers' (issue 17).

The grouped measure counts every text's n-grams once and takes each fold's vocabulary and
idf from that fold's examples; the figures are only honest if that is what
:func:`search.learnt.train`'s fitted vectorisers would give the same examples.
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bench.alarm_groups import Counts, Variant, tfidf
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
