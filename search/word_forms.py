"""One form for the ways a word of another language is written, for finding its gloss.

A language's ``[english]`` table (see :func:`search.phrasebook.parse_glosses`) lists its
phrases once; the words a family types are compared with them in a form that takes off
what varies between the ways one word is written:

- Polish: the case and number endings ("banku", "bankach" and "bank"; "świetlicy" and
  "świetlica"; "darmowych" and "darmowe"), after Polish letters are taken off. Only
  endings are cut, and only from words of 5 letters or more, leaving 3 at least.
- Urdu and Punjabi typed in Latin letters (romanised): doubled letters, long vowels
  spelt twice or as a pair ("ee" and "i", "oo" and "u", "au" and "o", "ai" before a
  consonant and "e"), "h" after a consonant, q/k, w/v, z/j and y/i, and the endings -ay,
  -ey, -ai, -ah ("bachay" and "bache", "chhuttiyan" and "chutiyan", "qarza" and "karja",
  "mashwarah" and "mashwara", "doodh" and "dudh", "beemar" and "bimar", "shauhar" and
  "shohar", "paise" and "pese"); and the small words typed short on a phone as the words
  they stand for ("nhi", "ni" and "nahin" are "nahi"; "k" is "ke", "h" "hai", "mn" "mein",
  Punjabi "ch" "vich", "kuj" "kuch" and "nai" "nahi"). Urdu and Gurmukhi script are folded as the
  phrasebooks fold them (:func:`search.phrasebook.compared`).

A word in any other language is compared as the phrasebooks compare it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from search.phrasebook import compared

_ENDINGS = (
    "owie", "iach", "iami", "ami", "ach", "ego", "emu", "ych", "ymi", "imi", "iej", "owi",
    "iem", "ia", "ie", "ii", "iu", "om", "ow", "em", "ej", "ym", "im", "a", "e", "i", "o", "u", "y",
)  # fmt: skip
POLISH_ENDINGS = tuple(sorted(_ENDINGS, key=len, reverse=True))
"""Case and number endings of Polish nouns and adjectives (Polish letters taken off),
longest first."""
MIN_POLISH_STEM = 3
MIN_POLISH_WORD = 5
_DOUBLED = re.compile(r"(.)\1+")
_LONG_VOWELS = (("ee", "i"), ("oo", "u"), ("au", "o"))
_MEDIAL_AI = re.compile(r"a[iy](?=[bcdfghjklmnpqrstvwxz])")
_ASPIRATE = re.compile(r"(?<=[bcdgjkpqrtz])h")
_ROMAN_LETTERS = str.maketrans({"q": "k", "w": "v", "z": "j", "y": "i"})
_ROMAN_ENDINGS = re.compile(r"(?:ay|ey|ai|ae)$")
_GLIDE = re.compile(r"(?<=[^aeiou])e(?=ian?$)")
_GLIDE_ENDING = re.compile(r"(?<=[^aeiou])ea$")
"""The Punjabi perfective and plural endings typed with an "e" glide before them, after
"y" is "i": "mileya", "milea" and "milya"; "dasseya" and "dasya"; "leya", "lea" and "lia";
"bacheyan" and "bachyan" (never "-ean", so English "mean" is no "miyan")."""
_SHORT_FORMS = {
    "nhi": "nahi", "nahin": "nahi", "nhin": "nahi", "nahe": "nahi", "ni": "nahi",
    "k": "ke", "h": "he", "mn": "mein", "me": "mein", "men": "mein", "c": "vic",
    "kuj": "kuc", "nun": "nu",
}  # fmt: skip
"""Folded phone spellings of Urdu and Punjabi small words -> the folded full word."""
_PUNJABI_SHORT_FORMS = {"nai": "nahi"}
WORDS_KEPT = 16384


@lru_cache(maxsize=WORDS_KEPT)
def polish_stem(word: str) -> str:
    """``word`` without Polish letters and without its case or number ending."""
    word = compared(word)
    if len(word) < MIN_POLISH_WORD or not word.isalpha():
        return word
    for ending in POLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_POLISH_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=WORDS_KEPT)
def romanised_fold(word: str) -> str:
    """One spelling for a romanised Urdu or Punjabi word; script words as books fold them."""
    word = compared(word)
    if not word.isascii() or not word.isalpha():
        return word
    word = _ROMAN_ENDINGS.sub("e", word)
    if len(word) > 3 and word.endswith("h"):
        word = word[:-1]
    for long, short in _LONG_VOWELS:
        word = word.replace(long, short)
    word = _MEDIAL_AI.sub("e", word)
    word = _ASPIRATE.sub("", _DOUBLED.sub(r"\1", word)).translate(_ROMAN_LETTERS)
    word = _DOUBLED.sub(r"\1", word)
    word = _GLIDE_ENDING.sub("ia", _GLIDE.sub("", word))
    return _SHORT_FORMS.get(word, word)


@lru_cache(maxsize=WORDS_KEPT)
def punjabi_fold(word: str) -> str:
    """:func:`romanised_fold`, and "nai" as "nahi": in Punjabi it is "not" ("ghar nai
    aayi", "khana nai"), as "new" is "navi" or "nawan"; Urdu keeps "nai" (new) apart."""
    return _PUNJABI_SHORT_FORMS.get(compared(word)) or romanised_fold(word)


_FOLDS: dict[str, Callable[[str], str]] = {
    "pl": polish_stem,
    "ur": romanised_fold,
    "pa": punjabi_fold,
}


_INFLECTIONS = {"pl": 3}
_TAILS = {
    "pl": re.compile(r"i?[aeiy]?(?:l|c|j|m|sz|lam|lem|las|les|lism|lysm)?|ow"),
}
"""What may follow the letters two forms of one Polish word share, on either side (Polish
letters and a case ending already taken off): a verb's person, tense and infinitive
endings ("płakał|a", "płaka|ć"; "wróci|ł", "wróci|ć"; "zamyk|ają"; "zamartw|iam") and the
"-ow-" of an adjective ("autobus|owa")."""
_ONE_WORD_FORMS = frozenset({"pl"})
_DERIVATIONS = {"pl": ("ow", "n")}


def gloss_inflection(language: str) -> int:
    """Letters a word of ``language`` may add to a glossed word's form and still be read as
    it: Polish verb and derived endings past the stem ("krzyczała" and "krzyczeli" are
    "krzyczę"; "psychicznych" is "psychiczne"). Romanised Urdu and Punjabi none: their
    short words differ by a letter or two ("beta", "beti")."""
    return _INFLECTIONS.get(language, 0)


def inflection_tails(language: str) -> re.Pattern[str] | None:
    """The endings by which a word of ``language`` may differ from a glossed word past
    what the two share and still be read as it (:func:`gloss_inflection`), or None for
    any. Polish: a verb's or an adjective's, never other letters, so "naprawdę" (really)
    is not "naprawa" (a repair), "przecież" (after all) not "przeciek" (a leak),
    "ciężarówka" (a lorry) not "ciężarna" (pregnant)."""
    return _TAILS.get(language)


def glosses_one_word(language: str) -> bool:
    """Whether a one-word phrase of ``language``'s own book is read in its other forms
    (:func:`search.phrasebook.own_spellings`): Polish, whose nouns change their endings
    with case and number ("depresja", "depresję", "depresji"). Romanised Urdu and Punjabi
    not: their short words fold onto one another ("beta", "beti")."""
    return language in _ONE_WORD_FORMS


def gloss_derivations(language: str) -> tuple[str, ...]:
    """Endings (in the :func:`gloss_fold` form) that make an adjective of a glossed
    word of ``language`` and keep what it means to a search: Polish "-owy" and "-ny"
    ("alkoholowy" problem of "alkohol", "narkotykowe" of "narkotyki", "szkolny" of
    "szkoła"). None elsewhere."""
    return _DERIVATIONS.get(language, ())


_REFLEXIVE = {"pl": "sie"}


def reordered(language: str) -> Callable[[tuple[str, ...]], tuple[tuple[str, ...], ...]]:
    """The other orders a glossed phrase's words (in their :func:`gloss_fold` form) are
    typed in: Polish "się" stands after its verb or before it ("kłócimy się", "ciągle się
    kłócimy"; "zamartwia się", "się zamartwia"), so it is moved across the word before it
    and across the word after it ("rodzeństwo się bije" is also "rodzeństwo bije się")."""
    reflexive = _REFLEXIVE.get(language)

    def other_orders(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        if reflexive is None or len(key) < 2 or reflexive not in key:
            return ()
        at = key.index(reflexive)
        orders: list[tuple[str, ...]] = []
        for other in (at - 1, at + 1):
            if 0 <= other < len(key):
                words = list(key)
                words[at], words[other] = words[other], words[at]
                orders.append(tuple(words))
        return tuple(orders)

    return other_orders


def gloss_fold(language: str) -> Callable[[str], str]:
    """How ``language``'s words are compared with its ``[english]`` phrases."""
    return _FOLDS.get(language, compared)
