"""Words two shipped languages spell alike, read in the language a sentence is in. Pure code.

A word of a lexicon is written under its language: English "i" is the searcher in the harm
classes, and Polish spells its "and" the same ("mąż mnie bije i dzieci"), as it does "we"
(in) and "im" (to them). Such a word is a *false friend*: a language's word that is one
of another language's small words (the ``[meaningless]`` words of its phrasebook) and
that this other language does not list with the same meaning. A false friend is read by
its meaning only when the sentence is not written in the language it would belong to
otherwise: a sentence is in the language that has the most of its words among its small
words alone (a word shared by two languages' small lists tells neither). With no clear
language (as many or none), every word is read as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from search.cues import fold


@dataclass(frozen=True, slots=True)
class SmallWords:
    """Each language's small words (folded); the words and letters only one language has."""

    by_language: Mapping[str, frozenset[str]]
    _alone: Mapping[str, str] = field(default_factory=dict, repr=False)
    _letters: Mapping[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, lists: Mapping[str, Iterable[str]]) -> SmallWords:
        """From each language's small words, as the phrasebooks write them. A letter
        outside ASCII that only one language's small words hold ("ł", "ż", a Gurmukhi
        letter) tells that language too, as words are folded without Polish letters."""
        written = {
            language: [word.lower() for word in words if " " not in word]
            for language, words in lists.items()
        }
        by_language = {
            language: frozenset(fold(word) for word in words) for language, words in written.items()
        }
        return cls(
            by_language,
            _owned({language: set(words) for language, words in by_language.items()}),
            _owned(
                {
                    language: {char for word in words for char in word if not char.isascii()}
                    for language, words in written.items()
                }
            ),
        )

    def written_in(
        self, typed: Sequence[str], unsure: Collection[str] = (), votes: Iterable[str] = ()
    ) -> str | None:
        """The language the words ``typed`` (lower case, as typed) are written in: the
        one with the most words among its small words alone, or with a letter only it
        has, or among ``votes`` (a language per word told another way); a word in
        ``unsure`` tells nothing. None when no language has more than every other."""
        counts: Counter[str] = Counter(votes)
        for word in typed:
            folded = fold(word)
            if folded in unsure:
                continue
            language = self._alone.get(folded) or next(
                (self._letters[c] for c in word if c in self._letters), None
            )
            if language is not None:
                counts[language] += 1
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def false_friends(
        self, word: str, language: str, same: Mapping[str, Sequence[str]]
    ) -> frozenset[str]:
        """The languages other than ``language`` whose small words hold ``word`` (folded)
        while their own list ``same`` (language -> words of the same meaning) does not."""
        return frozenset(
            other
            for other, words in self.by_language.items()
            if other != language
            and word in words
            and word not in {fold(w.lower()) for w in same.get(other, ())}
        )


def _owned(items: Mapping[str, set[str]]) -> dict[str, str]:
    """Each item that only one language has -> that language."""
    owners: dict[str, set[str]] = {}
    for language, held in items.items():
        for item in held:
            owners.setdefault(item, set()).add(language)
    return {item: next(iter(langs)) for item, langs in owners.items() if len(langs) == 1}
