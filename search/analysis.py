"""The one text analyser both backends use, so a word matches the same way in each.

Whoosh's ``StemmingAnalyzer`` (lowercase, English stop words, Porter stemming) is used
directly rather than re-implemented: the in-memory backend then tokenises, drops stop words
and renumbers phrase positions exactly as the Whoosh index does.
"""

from __future__ import annotations

import re
import unicodedata

from whoosh.analysis import StemmingAnalyzer

WORD_PATTERN = r"\w+(?:\.?\w+)*"
ANALYZER = StemmingAnalyzer(expression=WORD_PATTERN)

_WORD = re.compile(WORD_PATTERN)


def clean(text: str) -> str:
    """Fold compatibility characters (ligatures, full-width letters) before analysis."""
    return unicodedata.normalize("NFKC", text)


def words(text: str) -> list[str]:
    """Lower-cased words before stemming: the spelling vocabulary and the query's terms."""
    return _WORD.findall(clean(text).lower())


def stems(text: str) -> list[str]:
    """The indexed tokens of ``text``: stop words removed, the rest stemmed."""
    return [token.text for token in ANALYZER(clean(text))]


def positioned_stems(text: str) -> list[tuple[int, str]]:
    """Tokens with the positions phrase matching uses (stop words do not leave gaps)."""
    return [(token.pos, token.text) for token in ANALYZER(clean(text), positions=True)]


def stem_word(word: str) -> str | None:
    """The token one query word becomes, or None for a stop word or single letter."""
    tokens = stems(word)
    return tokens[0] if len(tokens) == 1 else None
