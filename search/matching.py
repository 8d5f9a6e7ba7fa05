"""Text matching: which documents a query's words find, and how well (BM25F, synonyms)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from search.query import TermGroup
from search.remembering import LastUsed
from search.scoring import K1, TermArrays, idf, saturate
from search.view import IndexView


def match_text(
    view: IndexView, groups: Sequence[TermGroup], require_all: bool
) -> Mapping[int, float]:
    """Text score of each document matching all (or any) groups.

    An alternative's token is weighed over all text fields together (BM25F, see
    :mod:`search.scoring`), times its boost; the alternatives of a group share the group's
    idf. A group scores its best alternative, not the sum: a listing that says "pantry",
    "larder" and "food club" must not outrank one called a food bank when that is what was
    typed. A document scores the sum over its groups.
    """
    combined: Mapping[int, float] | None = None
    for group in groups:
        scores = group_scores(view, group)
        if combined is None:
            combined = scores
        elif require_all:
            combined = {doc: combined[doc] + scores[doc] for doc in combined.keys() & scores}
        else:
            summed = dict(combined)
            for doc, score in scores.items():
                summed[doc] = summed.get(doc, 0.0) + score
            combined = summed
    return combined or {}


def group_scores(view: IndexView, group: TermGroup) -> Mapping[int, float]:
    """One group's text score per document holding it (never to be changed: views that
    never change, a Whoosh snapshot, remember it, as they remember a term's weights)."""
    remembered: LastUsed[Mapping[int, float]] | None = getattr(view, "group_scores", None)
    if remembered is None:
        return _group_scores(view, group)
    return remembered.get(group, lambda: _group_scores(view, group))


def _group_scores(view: IndexView, group: TermGroup) -> dict[int, float]:
    arrays: Callable[[str], TermArrays] | None = getattr(view, "term_arrays", None)
    if arrays is not None:
        return _group_arrays(view, group, arrays)
    weighed = [
        (alternative.boost, view.term_weights(alternative.token))
        for alternative in group.alternatives
    ]
    group_idf = idf(*_frequency(view, group, weighed))
    if len(weighed) == 1:  # most groups: one word and no synonym, nothing to choose
        boost = weighed[0][0]
        return {
            doc: score * boost
            for doc, score in saturate(weighed[0][1], group_idf).items()
            if score * boost > 0.0
        }
    scores: dict[int, float] = {}
    for boost, weights in weighed:
        for doc, score in saturate(weights, group_idf).items():
            if score * boost > scores.get(doc, 0.0):
                scores[doc] = score * boost
    return scores


def _frequency(
    view: IndexView, group: TermGroup, weighed: list[tuple[float, Mapping[int, float]]]
) -> tuple[int, int]:
    """(documents, documents holding the group): the view's own, unless it holds only some
    of the index's documents and says the whole index's (a tantivy candidate view)."""
    whole_index = getattr(view, "group_frequency", None)
    if whole_index is not None:
        return whole_index(group)
    holders = set().union(*(weights.keys() for _, weights in weighed))
    return len(view.all_docs()), len(holders)


def _group_arrays(
    view: IndexView, group: TermGroup, arrays: Callable[[str], TermArrays]
) -> dict[int, float]:
    """:func:`_group_scores` from a view that gives a term's weights as arrays (a Whoosh
    snapshot): the same steps in the same order on each weight, so the same scores, but
    vectorised, a Python step a listing only to hand the scores on."""
    weighed = [(alternative.boost, arrays(alternative.token)) for alternative in group.alternatives]
    size = max((int(docs[-1]) + 1 for _, (docs, _) in weighed if len(docs)), default=0)
    whole_index = getattr(view, "group_frequency", None)
    if whole_index is not None:
        group_idf = idf(*whole_index(group))
    elif len(weighed) == 1:
        group_idf = idf(len(view.all_docs()), len(weighed[0][1][0]))
    else:
        holding = np.zeros(size, dtype=bool)
        for _, (docs, _) in weighed:
            holding[docs] = True
        group_idf = idf(len(view.all_docs()), int(np.count_nonzero(holding)))
    scale = group_idf * (K1 + 1)
    if len(weighed) == 1:
        boost, (docs, weights) = weighed[0]
        scores = scale * weights / (weights + K1) * boost
        kept = scores > 0.0
        return dict(zip(docs[kept].tolist(), scores[kept].tolist(), strict=True))
    best = np.zeros(size)
    for boost, (docs, weights) in weighed:
        if len(docs):
            best[docs] = np.maximum(best[docs], scale * weights / (weights + K1) * boost)
    found = np.flatnonzero(best > 0.0)
    return dict(zip(found.tolist(), best[found].tolist(), strict=True))
