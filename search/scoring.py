"""BM25F text scoring, shared by both backends so their scores agree.

A term's frequency in each field is scaled by the field's weight and normalised by the
field's length, the fields are summed, and only then saturated::

    weight(doc)  = sum over fields f of  w_f * tf_f / (1 - B + B * len_f / avglen_f)
    score(doc)   = idf * weight * (K1 + 1) / (weight + K1)
    idf          = log(N / (df + 1)) + 1        (df: documents with the term in any field)

The alternatives of a synonym group share one idf, that of the whole group (documents with
any of them), as a search engine's synonym query does: otherwise the rarest synonym would
outscore the word the searcher actually typed.

Summing saturated per-field scores instead (what Whoosh does for a query over several
fields) let a listing that repeats a word in its name, taxonomy, organisation and
description outscore one whose name is exactly what was asked for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

B = 0.75
K1 = 1.2

TermArrays = tuple[np.ndarray, np.ndarray]
"""A term's postings as two arrays: its documents in increasing order (int64) and their
weights (float64), a compact form of ``{document: weight}``."""
NO_POSTINGS: TermArrays = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def field_weights(
    postings: Iterable[tuple[int, float]], lengths: Mapping[int, int], average_length: float
) -> dict[int, float]:
    """Length-normalised weight per document from (document, boosted term frequency)."""
    flat = 1 - B
    per_length = B / (average_length or 1.0)
    return {doc: weight / (flat + per_length * lengths[doc]) for doc, weight in postings}


def length_norms(lengths: Sequence[int], average_length: float) -> list[float]:
    """What :func:`field_weights` divides a document's weight by, for each of ``lengths``:
    worked out once per index generation, the same floating-point steps."""
    flat = 1 - B
    per_length = B / (average_length or 1.0)
    return [flat + per_length * length for length in lengths]


def sum_fields(per_field: Iterable[Mapping[int, float]]) -> dict[int, float]:
    """Add up one term's field weights per document."""
    total: dict[int, float] = {}
    for weights in per_field:
        for doc, weight in weights.items():
            total[doc] = total.get(doc, 0.0) + weight
    return total


def idf(document_count: int, document_frequency: int) -> float:
    # An empty index (every listing withdrawn or rolled back) counts as one document, so
    # the logarithm stays defined and a search finds nothing instead of failing.
    return math.log(max(document_count, 1) / (document_frequency + 1)) + 1


def saturate(weights: Mapping[int, float], term_idf: float) -> dict[int, float]:
    """Score per document from a term's weights summed over fields."""
    scale = term_idf * (K1 + 1)
    return {doc: scale * weight / (weight + K1) for doc, weight in weights.items()}
