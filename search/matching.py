"""Text matching: which documents a query's words find, and how well (BM25F, synonyms)."""

from __future__ import annotations

from collections.abc import Sequence

from search.query import TermGroup
from search.scoring import idf, saturate
from search.view import IndexView


def match_text(view: IndexView, groups: Sequence[TermGroup], require_all: bool) -> dict[int, float]:
    """Text score of each document matching all (or any) groups.

    An alternative's token is weighed over all text fields together (BM25F, see
    :mod:`search.scoring`), times its boost; the alternatives of a group share the group's
    idf. A group scores its best alternative, not the sum: a listing that says "pantry",
    "larder" and "food club" must not outrank one called a food bank when that is what was
    typed. A document scores the sum over its groups.
    """
    document_count = len(view.all_docs())
    combined: dict[int, float] | None = None
    for group in groups:
        weighed = [
            (alternative.boost, view.term_weights(alternative.token))
            for alternative in group.alternatives
        ]
        holders = set().union(*(weights.keys() for _, weights in weighed))
        group_idf = idf(document_count, len(holders))
        scores: dict[int, float] = {}
        if len(weighed) == 1:  # most groups: one word and no synonym, nothing to choose
            boost = weighed[0][0]
            scores = {
                doc: score * boost
                for doc, score in saturate(weighed[0][1], group_idf).items()
                if score * boost > 0.0
            }
        for boost, weights in weighed if len(weighed) > 1 else ():
            for doc, score in saturate(weights, group_idf).items():
                if score * boost > scores.get(doc, 0.0):
                    scores[doc] = score * boost
        if combined is None:
            combined = scores
        elif require_all:
            combined = {doc: combined[doc] + scores[doc] for doc in combined.keys() & scores}
        else:
            for doc, score in scores.items():
                combined[doc] = combined.get(doc, 0.0) + score
    return combined or {}
