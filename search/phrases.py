"""Synonym phrases as single index tokens.

Whoosh's phrase matching walks positions in Python and took most of the query time, so
multi-word synonym phrases ("food bank", "stay and play") are recognised when text is
indexed and stored as one extra token each ("food~bank"). A phrase in a query then costs a
single term lookup, and no positions need storing. Every multi-word phrase ending at a word
is emitted, so "holiday activity and food" also indexes "holiday activity". Stop words leave
no gap, as in queries: "food at the bank" holds "food bank". Changing the synonym groups
therefore needs an index rebuild.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from whoosh.analysis import Filter, Token

from search.analysis import clean, stemming_analyzer
from search.synonyms import SYNONYMS

JOINER = "~"  # never produced by the word tokenizer, so a phrase token cannot clash


def phrase_token(stems: Sequence[str]) -> str:
    """The index token for a stemmed phrase (the stem itself for one word)."""
    return JOINER.join(stems)


class PhraseTokenFilter(Filter):
    """Passes stems through and adds a token after each known multi-word phrase."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        multiword = SYNONYMS.multiword
        last_words = SYNONYMS.phrase_ends
        window: deque[str] = deque(maxlen=SYNONYMS.longest)
        for token in tokens:
            yield token
            window.append(token.text)
            if token.text not in last_words:
                continue
            recent = tuple(window)
            for length in range(2, len(recent) + 1):
                phrase = recent[-length:]
                if phrase in multiword:
                    token.text = phrase_token(phrase)
                    yield token


INDEX_ANALYZER = stemming_analyzer() | PhraseTokenFilter()


def index_tokens(text: str) -> list[str]:
    """Every token the index holds for ``text``: stems plus synonym phrase tokens."""
    return [token.text for token in INDEX_ANALYZER(clean(text))]
