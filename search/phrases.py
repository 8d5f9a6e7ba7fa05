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
from typing import Any

from whoosh.analysis import STOP_WORDS, Analyzer, Filter, Token

from search.analysis import MINIMUM_WORD, WORD, cached_stem, clean, stemming_analyzer
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


class IndexAnalyzer(Analyzer):
    """``stemming_analyzer() | PhraseTokenFilter()`` done in one loop, for indexing.

    Whoosh passes each word through a chain of five generators (words, lower case, stop
    words, stems, phrases); indexing a large import spent a tenth of its time handing
    tokens along that chain. This takes the same steps, in the same order, in one loop, and
    the tests hold it to the chain's output. A call that asks for more than the words
    (positions, character offsets, stop words kept, the text as one token) goes through
    the chain itself.
    """

    def __init__(self) -> None:
        self.chain = stemming_analyzer() | PhraseTokenFilter()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndexAnalyzer)

    def __hash__(self) -> int:
        return hash(IndexAnalyzer)

    def __call__(self, value: str, **options: Any) -> Iterator[Token]:  # type: ignore[override]
        if any(options.get(name) for name in _MORE_THAN_WORDS) or not all(
            options.get(name, True) for name in ("removestops", "tokenize")
        ):
            return self.chain(value, **options)
        return self._tokens(value, Token(**options))

    @staticmethod
    def _tokens(value: str, token: Token) -> Iterator[Token]:
        multiword = SYNONYMS.multiword
        last_words = SYNONYMS.phrase_ends
        window: deque[str] = deque(maxlen=SYNONYMS.longest)
        for word in WORD.findall(value):
            word = word.lower()
            if len(word) < MINIMUM_WORD or word in STOP_WORDS:
                continue
            stem = cached_stem(word)
            token.text = stem
            yield token
            window.append(stem)
            if stem not in last_words:
                continue
            recent = tuple(window)
            for length in range(2, len(recent) + 1):
                phrase = recent[-length:]
                if phrase in multiword:
                    token.text = phrase_token(phrase)
                    yield token


_MORE_THAN_WORDS = ("positions", "chars", "keeporiginal")
"""Options asking for more than each token's text: the chain itself answers those."""

INDEX_ANALYZER = IndexAnalyzer()


def index_tokens(text: str) -> list[str]:
    """Every token the index holds for ``text``: stems plus synonym phrase tokens."""
    return [token.text for token in INDEX_ANALYZER(clean(text))]
