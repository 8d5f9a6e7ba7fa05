"""The word-level text analysis shared by indexing, querying and the synonym table.

Whoosh's ``StemmingAnalyzer`` (lowercase, English stop words, Porter stemming) is used
directly rather than re-implemented, so the in-memory backend and the query builder cut and
stem words exactly as the Whoosh index does. :mod:`search.phrases` adds synonym phrases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import StemmingAnalyzer
from whoosh.lang.porter import stem

STEMMER_DISTRIBUTION = "whoosh-reloaded"
"""The installed package whose stemmers the readers use (its version keys their cache)."""
WORD_PATTERN = r"\w+(?:\.?\w+)*"
WORD = re.compile(WORD_PATTERN)
MINIMUM_WORD = 2
"""Shorter words are dropped, as Whoosh's stop filter drops them by default."""


@lru_cache(maxsize=50_000)
def cached_stem(word: str) -> str:
    """Porter's stem of ``word``, remembered.

    Whoosh's own stem cache is written in Python and cost more than the stemming it saved;
    ``lru_cache`` is the same idea in C. At module level, so an index's pickled schema can
    name it.
    """
    return stem(word)


def stemming_analyzer() -> StemmingAnalyzer:
    """Whoosh's ``StemmingAnalyzer`` with our word pattern and the C stem cache."""
    return StemmingAnalyzer(
        expression=WORD_PATTERN, minsize=MINIMUM_WORD, stemfn=cached_stem, cachesize=None
    )


STEMMER = stemming_analyzer()


def clean(text: str) -> str:
    """Fold compatibility characters (ligatures, full-width letters) before analysis."""
    return unicodedata.normalize("NFKC", text)


def words(text: str) -> list[str]:
    """Lower-cased words before stemming: the spelling vocabulary and the query's terms."""
    return WORD.findall(clean(text).lower())


def stems(text: str) -> list[str]:
    """Stop words removed, the rest stemmed."""
    return [token.text for token in STEMMER(clean(text))]


def stem_word(word: str) -> str | None:
    """The stem one query word becomes, or None for a stop word or single letter."""
    found = stems(word)
    return found[0] if len(found) == 1 else None
