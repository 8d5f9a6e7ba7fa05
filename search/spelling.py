"""Spelling correction for "did you mean": nearest known word by edit distance.

The same code serves both backends; each supplies its vocabulary (word -> document count).
Candidates must share the first letter (people rarely mistype it, and it keeps the scan
cheap) and lie within one edit for short words, two for longer ones. Ties go to the more
common word.
"""

from __future__ import annotations

from collections.abc import Mapping

MIN_CORRECTABLE = 3


def max_edits(word: str) -> int:
    """How many edits a correction of ``word`` may make."""
    if len(word) < MIN_CORRECTABLE:
        return 0
    return 1 if len(word) <= 4 else 2


def edit_distance(left: str, right: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit).

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``.
    """
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, char in enumerate(left, 1):
        current = [i]
        for j, other in enumerate(right, 1):
            cost = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (char != other),
            )
            if i > 1 and j > 1 and char == right[j - 2] and left[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def best_correction(word: str, *vocabularies: Mapping[str, int]) -> str | None:
    """The closest, then most common, known word to ``word``; None if nothing is close."""
    limit = max_edits(word)
    if not limit:
        return None
    best: tuple[int, int, str] | None = None
    for vocabulary in vocabularies:
        for candidate, frequency in vocabulary.items():
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -frequency, candidate)
                if best is None or key < best:
                    best = key
    return best[2] if best else None
