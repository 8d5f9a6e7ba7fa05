"""Urdu and Punjabi typed in Latin letters: which words are words of the language, and
whether a search is written in it.

Romanised Urdu and Punjabi have no fixed spelling ("paise", "paisay", "pese"; "bachay",
"bache", "bachche") and a verb or adjective changes its last letters with person, gender,
number and tense ("marta", "marti", "marte", "marna", "mara", "marega"; Punjabi "marda",
"mardi", "mardian"). A word is compared in one form (:func:`search.word_forms.romanised_fold`:
doubled letters, "h" after a consonant, q/k, w/v, z/j, y/i and the -ay/-ey endings made
one), and is a word of the language when that form is a known word or a known word's stem
with one of the language's endings (:data:`ENDINGS`). The known words are every romanised
word of the language's phrasebook, of its danger cues and harm words, and of a list of the
words of every sentence (``councils/phrasebooks/romanised/LANG.txt``: pronouns,
postpositions, everyday verbs and nouns), so a word typed in any spelling or form of a word
listed once is a word, never respelled as an English typo ("behen" is no "been", "mahine"
no "machine", "maarta" no "marta" corrected).

A search is romanised Urdu or Punjabi (:meth:`RomanisedWords.evidence`) when enough of its
words are that language's and rarely English ("mujhe", "chahiye", "nahi"; not "main",
"bus", "bat" or "gap", which English uses far more): the page then reads it with that
language's book.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from search.word_forms import romanised_fold

ENDINGS = tuple(
    sorted(
        {
            # habitual (Urdu -ta, Punjabi -da), infinitive, perfective, in each agreement
            "ta", "ti", "te", "tian", "da", "di", "de", "dian", "na", "ni", "ne", "nu",
            "ia", "ie", "ian", "a", "i", "e",
            # future and subjunctive
            "unga", "ungi", "enge", "ega", "egi", "oge", "ogi", "anga", "angi", "ange",
            "un", "on", "en", "ein", "o",
            # causative ("karwana", "karvaya")
            "va", "vana", "vani", "vane", "vaia", "vai", "vate", "vata", "vati",
            # noun plurals and oblique ("bachon", "betian", Punjabi "gallan")
            "ion", "an",
            # -wala ("gharwale", "dudhwala")
            "vala", "vali", "vale",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
"""Endings of romanised Urdu and Punjabi verbs, adjectives and nouns, in the
:func:`romanised_fold` form, longest first."""
MIN_STEM = 3
"""Letters a stem keeps: shorter ones ("de", "ja") would make any short word a word."""
_WORD = re.compile(r"[a-z]+")
_AGREEMENT = re.compile(r"(?:(?<=[tdn])(?:ian|a|i|e)|(?P<perfective>ia|ie))$")
_VOWELS = ("a", "i", "e", "ian")
_PERFECTIVE = ("ia", "ie", "i")
RARE_IN_ENGLISH = 4.0
"""Zipf frequency in English below which a romanised word says a search is not English
("nahi" 2.3, "mujhe" 1.9, "hai" 3.6; "main" 5.2, "bus" 4.8, "gap" 4.5, "bat" 4.3)."""


def latin_words(texts: Iterable[str]) -> set[str]:
    """The Latin-letter words of ``texts`` (phrases, cue patterns), lower case; pattern
    words with ``*`` left out, as they are stems and not words."""
    words: set[str] = set()
    for text in texts:
        for part in text.casefold().replace("/", " ").split():
            if "*" not in part:
                words.update(_WORD.findall(part))
    return words


def _stem_of(form: str) -> str | None:
    """``form`` without the longest of :data:`ENDINGS` that leaves a stem, if any."""
    for ending in ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= MIN_STEM:
            return form[: -len(ending)]
    return None


@dataclass(frozen=True)
class RomanisedWords:
    """The romanised words of one language (Urdu or Punjabi), in their folded forms."""

    forms: frozenset[str]
    """Each known word in its :func:`romanised_fold` form."""
    stems: frozenset[str]
    """Each known word's form with one of :data:`ENDINGS` off (and each form itself)."""
    telling: frozenset[str]
    """Forms of known words that tell a search is in this language: rare in English and
    never a word of the English phrasebook (not "school", "bill", "ration")."""

    spellings: frozenset[str] = frozenset()
    """The known words as they are listed (not the English phrasebook's)."""
    lookalikes: frozenset[str] = frozenset()
    """Common English words typed as some telling word folds ("bat" as "baat", talk):
    they tell nothing."""

    @classmethod
    def of(
        cls, words: Iterable[str], english: Iterable[str], common_english: Iterable[str]
    ) -> RomanisedWords:
        """The language's ``words`` (Latin letters), less the English phrasebook's words
        (``english``: the book lists some English, "school", "bill"), given the English
        words common enough to tell nothing (:data:`RARE_IN_ENGLISH`)."""
        common = set(common_english)
        english_words = set(english)
        own = {
            word
            for word in words
            if word.isascii() and word.isalpha() and word not in english_words
        }
        forms = frozenset(romanised_fold(word) for word in own - common)
        stems = {stem for form in forms if (stem := _stem_of(form)) is not None}
        telling = frozenset(forms - {romanised_fold(word) for word in english_words})
        lookalikes = frozenset(word for word in common if romanised_fold(word) in telling)
        return cls(forms, frozenset(stems | forms), telling, frozenset(own), lookalikes)

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` (lower case, Latin letters) is a word of the language in any
        spelling or form: a known word, or a known stem with an ending."""
        if not isinstance(word, str) or not word.isascii() or not word.isalpha():
            return False
        form = romanised_fold(word)
        if form in self.forms:
            return True
        return any(
            form.endswith(ending)
            and len(form) - len(ending) >= MIN_STEM
            and form[: -len(ending)] in self.stems
            for ending in ENDINGS
        )

    def evidence(self, words: Sequence[str]) -> int:
        """How many of ``words`` tell the search is in this language (:attr:`telling`):
        0 unless two do, or one that is the whole search. English words beside them change
        nothing, as the language's reader reads English too ("my son is bullied, mujhe
        kya karna chahiye")."""
        told = sum(
            1
            for word in words
            if word not in self.lookalikes and romanised_fold(word) in self.telling
        )
        return told if told >= 2 or (told == 1 and len(words) == 1) else 0

    @staticmethod
    def agreeing(form: str, known: frozenset[str]) -> str | None:
        """The form of ``known`` (glossed words) that ``form`` is another agreement of: the
        same verb or adjective for another gender or number ("marti", "marte" of "marta";
        Punjabi "kardi" of "karda"; "gayi" of "gaya"), if one is known. Only after a stem
        of four letters or more with its -t-, -d- or -n-, so "beti" (daughter) is never
        "beta" (son)."""
        match = _AGREEMENT.search(form)
        if match is None:
            return None
        stem = form[: match.start()]
        endings = _PERFECTIVE if match.group("perfective") else _VOWELS
        if len(stem) < (MIN_STEM - 1 if match.group("perfective") else MIN_STEM + 1):
            return None
        for ending in endings:
            if stem + ending != form and stem + ending in known:
                return stem + ending
        return None


def telling_language(words: Sequence[str], lexicons: Mapping[str, RomanisedWords]) -> str | None:
    """The language of ``lexicons`` whose romanised words ``words`` are written in, or None
    (English, or nothing telling). Urdu and Punjabi share many words ("ghar", "nahi",
    "khana"), so the words only one of them has decide ("mein", "chahiye"; "vich",
    "mainu", "chahidi"), then the most telling words, then the order of ``lexicons``."""
    best, score = None, (0, 0)
    for language, lexicon in lexicons.items():
        told = lexicon.evidence(words)
        if not told:
            continue
        others = [other for name, other in lexicons.items() if name != language]
        own = sum(
            1
            for word in words
            if romanised_fold(word) in lexicon.telling and not any(word in o for o in others)
        )
        if (own, told) > score:
            best, score = language, (own, told)
    return best
