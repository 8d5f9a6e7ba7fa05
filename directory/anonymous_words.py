"""The words of a search that may be kept for insights: known words, never a person.

Rather than trying to spot every name, address, date or number in what a family typed,
only words known to carry no person are kept, and every other token is dropped:

- a whole chunk (between spaces) holding a digit, ``@``, ``/``, ``:`` or ``.`` goes: that
  takes every postcode in any spelling (``DY1 1AA``, ``dy11aa``, ``DY1-1AA``, ``DY1 1``),
  phone numbers, email and web addresses, house numbers and dates written in figures;
- a street (a house number or capitalised words before Street, Road, Lane, ...) goes, as do
  the names of months and days;
- a word is then kept only if it is one of the directory's own search words (synonyms,
  the council's taxonomy labels and localities), or a common English word (``wordfreq``'s
  list, which the search's spelling fixer also trusts) that is not a first name
  (``gender-guesser``'s international list) or a surname (``names``' census list).

So a name that is not an English word is dropped by construction (it is in no list of kept
words), and one that is (Rose, Smith) by the name lists; the cost is that a surname which is
also a word ("park") is dropped unless the directory's own vocabulary has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from directory.understanding import common_words
from search.synonyms import SYNONYM_GROUPS

MOST_CHARACTERS = 200
_UNSAFE_CHUNK = re.compile(r"[\d@/:.]")
_SUFFIX = r"(?i:street|st|road|rd|lane|avenue|ave|crescent|terrace|mews|grove|close|drive)\b"
_STREETS = (
    # A house number, up to two words, a street: "12 castle street", "7a Hall Green Road".
    re.compile(r"\b\d+[a-z]?,?\s+(?:[^\W\d_]+\s+){0,2}?" + _SUFFIX, re.IGNORECASE),
    # Capitalised words and a street: "Castle Street", "Hall Green Road".
    re.compile(r"(?:\b[A-Z][^\W\d_]*\s+){1,2}" + _SUFFIX),
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
DATE_WORDS = frozenset(
    (
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    )
)


def kept_words(text: str, directory_words: Iterable[str] = ()) -> str:
    """The words of ``text`` safe to keep, lower case, in order, space separated.

    ``directory_words`` are extra words always kept (the council's own vocabulary)."""
    own = _own_words() | {word.lower() for word in directory_words}
    text = text[: MOST_CHARACTERS * 4]
    for street in _STREETS:
        text = street.sub(" ", text)
    text = " ".join(chunk for chunk in text.split() if not _UNSAFE_CHUNK.search(chunk))
    kept: list[str] = []
    for token in _WORD.findall(text):
        word = token.lower().replace("’", "'")
        if word not in DATE_WORDS | ADDRESS_WORDS and (word in own or _common_word(word)):
            if len(" ".join([*kept, word])) > MOST_CHARACTERS:
                break
            kept.append(word)
    return " ".join(kept)


ADDRESS_WORDS = frozenset(("flat", "apartment", "apt", "dob", "born", "birthday"))
"""Words that only introduce an address or a date of birth."""
SHORT_WORDS = frozenset(
    ("an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "my", "no", "of"),
) | frozenset(("on", "or", "to", "up", "us", "we"))
"""The only words under three letters kept: none is a postcode area (so "ME", "SO" are not)."""


def load_word_lists() -> None:
    """Read every word list now rather than at the first search (a server does so before
    it forks its workers: :mod:`directory.warming`)."""
    _own_words()
    _dictionary()
    _first_names()
    _surnames()


def _common_word(word: str) -> bool:
    if len(word) < 3:
        return word in SHORT_WORDS
    bare = word.replace("'", "")
    return bare in _dictionary() and word not in _first_names() and word not in _surnames()


@cache
def _own_words() -> frozenset[str]:
    phrases = (phrase for group in SYNONYM_GROUPS for entry in group for phrase in entry.split("|"))
    return frozenset(word.lower() for phrase in phrases for word in _WORD.findall(phrase))


def _dictionary() -> frozenset[str]:
    """English words the search counts as real (``wordfreq``'s list), apostrophes dropped."""
    return common_words("en")


@cache
def _first_names() -> frozenset[str]:
    found: set[str] = set()
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    with data.open("r", encoding="iso-8859-1") as lines:
        for line in lines:
            if line.startswith("#") or len(line) < 30:
                continue
            # Columns 4-29 hold the name; "+" joins parts of a compound name.
            for part in re.split(r"[\s+-]+", line[3:29].strip().lower()):
                if part:
                    found.add(part)
    for name in ("dist.female.first", "dist.male.first"):
        found |= _census_names(name)
    return frozenset(found)


@cache
def _surnames() -> frozenset[str]:
    return frozenset(_census_names("dist.all.last"))


def _census_names(name: str) -> set[str]:
    text = (resources.files("names") / name).read_text(encoding="ascii")
    return {line.split()[0].lower() for line in text.splitlines() if line.strip()}
