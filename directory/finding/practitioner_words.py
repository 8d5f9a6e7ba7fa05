"""Practitioners' words for levels of need and places, read from a search's words.

A practitioner types "lvl 2 parenting support stourbridge" or "EHA needed - school refusal
- halesowen": a level of need, a need and a place in one line. Levels and places come from
the council file, never from a list in the code:

- each ``[[taxonomy.level]]`` is named by its label (before and after a colon: "Blue",
  "universal"), its code ("early help"), its place in the list, lowest first ("level 2",
  "lvl 2", "tier 2", "step two"), and its own ``words`` ("EHA", "team around the family");
- each ``[[localities]]`` by its name and its ``places`` (towns, wards, well-known areas).

A council file without ``words`` or ``places`` still has its labels, codes and names. A
phrase may stand for more than one level ("EHA": early help or targeted). Words are matched
whole and in order, after lower-casing, dropping apostrophes and accents, and splitting
letters from digits ("lvl2" is "lvl 2"); the longest phrase wins.

A place that is also an everyday word ("Central", "North", "Rugby") is read only after a
word that locates ("in", "near", "around"...), before one that names an area ("locality",
"cluster"), or written with a capital inside the search. Words the family phrasebook
reads as part of a longer phrase ("universal credit") or as a danger are
never taken: meaning and safety come first.

What is read is taken out of the words searched as text, so "level 2 parenting Brierley
Hill" searches "parenting" among level 2 services in Brierley Hill. At the practitioners'
door a level or place filters (``directory.finding.request.build_query``); at the family
door only places are read, and they rank a locality's own listings first, never filter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from directory.council import Council, Locality, TaxonomyTermConfig
from directory.finding.shorthand import level_wordings
from search.phrasebook import script_fold
from search.spelling import edit_distance
from search.understanding import QueryReader

LEVEL, LOCALITY = "level", "locality"
LEVEL_PREFIXES = ("level", "lvl", "lv", "l", "tier", "step")
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
"""Levels by Roman numeral ("level iii", "tier II"); "i" only after "level" or "tier"."""
LOCATING_WORDS = frozenset(
    {
        "in", "near", "nr", "nearby", "around", "round", "across", "covering", "covers",
        "serving", "within", "from", "at",
    }
)  # fmt: skip
AREA_WORDS = frozenset({"locality", "cluster", "area", "patch", "side", "way"})
"""Words after a place that name it as an area; taken with it ("Halesowen cluster")."""
ORDINARY_ZIPF = 3.9
"""A one-word place at least this common in English (wordfreq's Zipf scale) is also an
everyday word ("central", "north", "rugby", "intake"), so it needs a locating word."""
MAX_WORDS_READ = 40
MIN_RESPELT = 5
"""A place word is read from a misspelling ("stourbrige", "hailsowen") only this long or
longer: one edit away up to 7 letters, two from 8 (:meth:`Vocabulary.respelt`)."""
COLOURS = frozenset(
    {
        "red", "amber", "yellow", "green", "blue", "orange", "purple", "pink", "white",
        "grey", "gray", "black", "brown", "gold", "silver", "violet", "indigo", "turquoise",
    }
)  # fmt: skip
"""Colour words. A council may name its levels by colour (Warwickshire's steps), and
practitioners rate by RAG colours ("amber"), but a colour is everyday text too ("yellow
class", "red book" the child health record, "green space"): one is read as a level only
where it stands as a label (:meth:`Vocabulary.read`)."""
LEVEL_WORDS = ("level", "step", "threshold")
"""Words that make a colour next to them a level: "level yellow", "green step"."""
JOINING = frozenset("/-\u2013")
"""What may join a practitioner's own colour to a level reading: "amber/level 3"."""
LABEL_MARKS = frozenset(":-/,;|()[].\u2013\u2014")
"""Punctuation after a colour (or before one ending the search) that makes it a label."""
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0963\u0966-\u0dff"
"""Combining marks ``\\w`` leaves out (Gurmukhi vowel signs, Urdu diacritics), so a place
written in Gurmukhi or Urdu script is one word ("ਕੋਸਲੀ"), as the phrasebook reads it."""
_TOKEN = re.compile(f"(?:[^\\W_]|[{_MARKS}])+(?:['’`](?:[^\\W_]|[{_MARKS}])+)*")
_PIECE = re.compile(f"(?:[^\\W\\d_]|[{_MARKS}])+|\\d+")


@dataclass(frozen=True)
class WordsRead:
    """A level of need or a locality read from the words, and the words it was read from."""

    param: str
    """The filter it sets: "level" or "locality"."""
    code: str
    said: str
    """The words as typed: "lvl 2", "Brierley Hill"."""
    start: int
    end: int
    """Where ``said`` lies in the search's words."""

    @property
    def key(self) -> str:
        """How a searcher sets it aside (``not=locality:halesowen``)."""
        return f"{self.param}:{self.code}"


@dataclass(frozen=True)
class _Token:
    key: str
    start: int
    end: int
    capital: bool


@dataclass(frozen=True)
class Vocabulary:
    """The council's level and place phrases, as word tuples, with what each stands for."""

    phrases: dict[tuple[str, ...], tuple[tuple[str, str], ...]]
    ordinary: frozenset[tuple[str, ...]]
    """One-word places that are everyday words too."""
    colours: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Colours that name a level, read only as a label (see :meth:`read`)."""
    place_words: frozenset[str] = frozenset()
    """The words of every place phrase in Latin letters, which a misspelling is read as."""

    def respelt(self, keys: Sequence[str], reader: QueryReader) -> list[str]:
        """``keys`` with each non-word close to one place word put as that word: "brierly
        hill" is "brierley hill", "sedgeley" "sedgley". A word the reader knows (any
        shipped language's, a phrasebook's) or close to two place words stays as it is."""
        respelt = list(keys)
        for position, key in enumerate(keys):
            if len(key) < MIN_RESPELT or not key.isascii() or not key.isalpha():
                continue
            if key in self.place_words or reader.is_word(key):
                continue
            limit = 1 if len(key) < 8 else 2
            close = {
                word
                for word in self.place_words
                if word[0] == key[0]
                and abs(len(word) - len(key)) <= limit
                and edit_distance(key, word, limit) <= limit
            }
            if len(close) == 1:
                respelt[position] = close.pop()
        return respelt

    def read(
        self,
        text: str,
        levels: bool = True,
        set_aside: Iterable[str] = (),
        reader: QueryReader | None = None,
        today: date | None = None,
    ) -> tuple[tuple[WordsRead, ...], str]:
        """What ``text`` names (levels only when ``levels``), and the words left to search.

        A reading whose key is ``set_aside`` is not made: its words are searched as text.
        With a ``reader``, words it reads as a danger or inside a longer phrase stay text.
        """
        tokens = _tokens(text)
        if not tokens:
            return (), text
        aside = set(set_aside)
        longest = max(len(key) for key in self.phrases) if self.phrases else 0
        found: list[_Found] = []
        position = 0
        keys = [token.key for token in tokens]
        if reader is not None and self.place_words:
            keys = self.respelt(keys, reader)
        while position < len(tokens):
            for length in range(min(longest, len(tokens) - position), 0, -1):
                phrase = tuple(keys[position : position + length])
                meaning = self.phrases.get(phrase)
                if meaning is None:
                    continue
                meaning = tuple(
                    (param, code)
                    for param, code in meaning
                    if (levels or param != LEVEL) and f"{param}:{code}" not in aside
                )
                if _numbered_after(phrase, keys, position + length):
                    continue  # "yellow/level 3": the number names the level
                if meaning and (phrase not in self.ordinary or _located(tokens, position)):
                    end = position + length + _inward(phrase, keys, position + length)
                    while end < len(tokens) and keys[end] in AREA_WORDS and _is_place(meaning):
                        end += 1
                    found.append(_Found(position, end, meaning, _lead(keys, position, meaning)))
                    position = end
                    break
            else:
                colour = self._colour(text, tokens, position, levels, aside)
                if colour is not None:
                    found.append(colour)
                position += 1
        if found and reader is not None:
            found = _not_meant_otherwise(found, tokens, text, reader, today or date.today())
            found = [
                one
                for one in found
                if not one.unmarked
                or _need_follows(one, tokens, text, reader, today or date.today())
            ]
        found = [one for one in found if reader is not None or not one.unmarked]
        found = _with_joined_colours(found, tokens, text)
        read: list[WordsRead] = []
        for one in found:
            start, stop = tokens[one.first].start, tokens[one.end - 1].end
            for param, code in one.meaning:
                if all((r.param, r.code) != (param, code) for r in read):
                    read.append(WordsRead(param, code, text[start:stop], start, stop))
        spans = [(tokens[one.cut].start, tokens[one.end - 1].end) for one in found]
        return tuple(read), _without(text, spans)

    def _colour(
        self, text: str, tokens: Sequence[_Token], position: int, levels: bool, aside: set[str]
    ) -> _Found | None:
        """A colour naming a level, at ``position``, read as one where it is a label: with
        punctuation after it ("Yellow: school refusal", "yellow - anxiety", "(amber)"),
        alone, or last after punctuation ("school refusal - yellow"); or, *unmarked*,
        first in the search or after punctuation and before words the family phrasebook
        reads as a need ("green parenting"), which :meth:`read` checks with its reader."""
        meaning = tuple(
            (param, code)
            for param, code in self.colours.get(tokens[position].key, ())
            if levels and f"{param}:{code}" not in aside
        )
        if not meaning:
            return None
        after = _between(text, tokens, position, position + 1)
        before = _between(text, tokens, position - 1, position) if position else "|"
        last = position + 1 == len(tokens)
        if _marked(after) or (last and _marked(before)):
            return _Found(position, position + 1, meaning, position)
        if not last and not after.strip() and _marked(before):
            return _Found(position, position + 1, meaning, position, unmarked=True)
        return None


@dataclass(frozen=True)
class _Found:
    first: int
    end: int
    meaning: tuple[tuple[str, str], ...]
    cut: int
    """The first word taken out of the text: ``first``, or the "in (the)" before a place."""
    unmarked: bool = False
    """A colour read only if a need follows it (:meth:`Vocabulary._colour`)."""


def _numbered_after(phrase: Sequence[str], keys: Sequence[str], end: int) -> bool:
    """Whether a phrase ending in a level word ("yellow level") is followed by a number,
    which makes the level word part of "level 3" instead."""
    return (
        phrase[-1] in LEVEL_PREFIXES
        and len(phrase) > 1
        and end < len(keys)
        and (keys[end].isdigit() or keys[end] in NUMBER_WORDS or keys[end] in ROMAN[1:])
    )


def _postcode_part(key: str) -> bool:
    """Whether a word is a postcode's letters ("dy", "wv", "b")."""
    return key.isascii() and key.isalpha() and len(key) <= 2


def _inward(phrase: Sequence[str], keys: Sequence[str], end: int) -> int:
    """How many words after a postcode district or sector ("DY5", "DY9 7") are the rest of
    a full postcode ("DY5 3AB": "3", "ab"; "DY9 7AB": "ab"), read with it."""
    if not (_postcode_part(phrase[0]) and all(key.isdigit() for key in phrase[1:])):
        return 0
    rest = keys[end : end + 2]
    if len(phrase) == 2 and len(rest) == 2 and len(rest[0]) == 1 and rest[0].isdigit():
        return 2 if _postcode_part(rest[1]) and len(rest[1]) == 2 else 0
    if len(phrase) == 3 and rest and _postcode_part(rest[0]) and len(rest[0]) == 2:
        return 1
    return 0


def _between(text: str, tokens: Sequence[_Token], left: int, right: int) -> str:
    """The text between two tokens (to the end of the text past the last)."""
    start = tokens[left].end
    end = tokens[right].start if right < len(tokens) else len(text)
    return text[start:end]


def _marked(gap: str) -> bool:
    """Whether the text between two words holds label punctuation."""
    return any(char in LABEL_MARKS for char in gap)


def _with_joined_colours(found: list[_Found], tokens: Sequence[_Token], text: str) -> list[_Found]:
    """Level readings with a colour joined to them by a slash or dash taken with them
    ("amber/level 3", "level 3 - amber"), though the council does not name a level by it:
    the practitioner's own scale, written beside the council's."""
    joined = []
    taken = {position for one in found for position in range(one.first, one.end)}
    for one in found:
        first, end = one.first, one.end
        if one.meaning and all(param == LEVEL for param, _ in one.meaning):
            if first > 0 and _joined_colour(tokens, text, first - 1, taken):
                first -= 1
            if end < len(tokens) and _joined_colour(tokens, text, end, taken):
                end += 1
        joined.append(replace(one, first=first, end=end, cut=min(one.cut, first)))
    return joined


def _joined_colour(tokens: Sequence[_Token], text: str, position: int, taken: set[int]) -> bool:
    """Whether the word at ``position``, beside a level reading, is a colour not read
    otherwise that nothing but a slash or dash joins to the reading."""
    if tokens[position].key not in COLOURS or position in taken:
        return False
    left = position if position + 1 in taken else position - 1
    return set(_between(text, tokens, left, left + 1).strip()) <= JOINING


def _need_follows(
    one: _Found, tokens: Sequence[_Token], text: str, reader: QueryReader, today: date
) -> bool:
    """Whether the family phrasebook reads a need from the words right after a colour."""
    rest = text[tokens[one.end].start :]
    following = set(_parts(text[tokens[one.end].start : tokens[one.end].end]))
    return any(
        concept.needs and following & set(concept.words)
        for concept in reader.read(rest, {}, today).concepts
    )


def _lead(keys: Sequence[str], position: int, meaning: Sequence[tuple[str, str]]) -> int:
    """Where a place's words begin once its "in", "near the"... are counted with it."""
    if not _is_place(meaning):
        return position
    begin = position - 1 if position > 0 and keys[position - 1] == "the" else position
    return begin - 1 if begin > 0 and keys[begin - 1] in LOCATING_WORDS else position


def _is_place(meaning: Sequence[tuple[str, str]]) -> bool:
    return all(param == LOCALITY for param, _ in meaning)


def _located(tokens: Sequence[_Token], position: int) -> bool:
    """Whether an everyday word at ``position`` is used as a place name: after a locating
    word ("in", "in the"), before an area word, or with a capital inside the search."""
    before = [t.key for t in tokens[max(0, position - 2) : position]]
    if before and before[-1] in LOCATING_WORDS:
        return True
    if before == [*before[:1], "the"] and len(before) == 2 and before[0] in LOCATING_WORDS:
        return True
    after = tokens[position + 1].key if position + 1 < len(tokens) else None
    return after in AREA_WORDS or (position > 0 and tokens[position].capital)


def _not_meant_otherwise(
    found: list[_Found], tokens: Sequence[_Token], text: str, reader: QueryReader, today: date
) -> list[_Found]:
    """Readings whose words the family phrasebook does not read as a danger, or as part of
    a longer phrase ("universal credit" is money, not the universal level).

    A level named by its number ("step 2", "level two") is no part of a longer phrase
    ("step 2 parenting" is not step-parenting). Nor is a reading the phrasebook reads the
    same without ("early help" before "family support worker": the book reads both as
    one family-hub concept, and "family support worker" alone still reads it, with all its
    words; "budgeting help universal credit" is money without "universal" only through
    "budgeting", so "universal" stays text), nor one
    longer than the phrase it shares a word with ("team around the family" before
    "family support worker")."""
    reading = reader.read(text, {}, today)
    kept = []
    for one in found:
        own = {part for t in tokens[one.first : one.end] for part in _parts(text[t.start : t.end])}
        numbered = _numbered([t.key for t in tokens[one.first : one.end]])
        taken = False
        for concept in reading.concepts:
            theirs = set(concept.words)
            if not own & theirs:
                continue
            if concept.priority:
                taken = True
            elif not theirs <= own and not numbered and len(theirs) >= len(own):
                rest = _without(text, [(tokens[one.first].start, tokens[one.end - 1].end)])
                taken = not _still_read(concept.key, theirs - own, rest, reader, today)
            if taken:
                break
        if not taken:
            kept.append(one)
    return kept


def _numbered(keys: Sequence[str]) -> bool:
    """Whether words are a level by its number: "step 2", "tier two"."""
    return (
        len(keys) == 2
        and keys[0] in LEVEL_PREFIXES
        and (keys[1].isdigit() or keys[1] in NUMBER_WORDS or keys[1] in ROMAN)
    )


def _still_read(key: str, others: set[str], text: str, reader: QueryReader, today: date) -> bool:
    """Whether the phrasebook reads ``key`` from ``text`` with every one of ``others`` (the
    phrase's words besides the reading's): "family support worker" is still read without
    "early help", but "credit" is no money phrase without "universal", even where another
    word ("budgeting") reads money too."""
    return any(
        c.key == key and c.words and others <= set(c.words)
        for c in reader.read(text, {}, today).concepts
    )


def _parts(raw: str) -> set[str]:
    """A word as the phrasebook reader splits it (its pieces and the whole, no apostrophes)."""
    folded = raw.casefold()
    return {*re.findall(r"\w+", folded), re.sub(r"['’`]", "", folded)}


def _without(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the spans taken out, and the spaces and dashes left around them."""
    if not spans:
        return text
    kept, last = [], 0
    for start, end in spans:
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    joined = " ".join(part.strip() for part in kept if part.strip())
    joined = re.sub(r"\(\s*\)|\[\s*\]", " ", joined)
    return re.sub(r"\s+", " ", joined).strip(" -,;:/\u2013\u2014")


def without_said(
    read: Sequence[WordsRead], text: str, dropped: WordsRead
) -> tuple[str, tuple[WordsRead, ...]]:
    """``text`` without one reading's words, and the other readings placed in the new text."""
    cut = dropped.end - dropped.start
    kept = []
    for other in read:
        if (other.start, other.end) == (dropped.start, dropped.end):
            continue
        shift = cut if other.start >= dropped.end else 0
        kept.append(
            WordsRead(other.param, other.code, other.said, other.start - shift, other.end - shift)
        )
    return text[: dropped.start] + text[dropped.end :], tuple(kept)


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text[:2048]):
        raw = match.group()
        for piece in _PIECE.finditer(raw):
            word = _fold(piece.group())
            if word:
                start = match.start() + piece.start()
                tokens.append(
                    _Token(word, start, match.start() + piece.end(), piece.group()[0].isupper())
                )
        if len(tokens) >= MAX_WORDS_READ:
            break
    return tokens[:MAX_WORDS_READ]


def _fold(word: str) -> str:
    """Lower case, without apostrophes or accents: "St James's" -> "st jamess"; an Urdu or
    Gurmukhi word in one spelling (:func:`search.phrasebook.script_fold`)."""
    plain = unicodedata.normalize("NFKD", script_fold(word.casefold().replace("&", " and ")))
    return "".join(c for c in plain if not unicodedata.combining(c) and c not in "'’`")


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the words it is matched by."""
    return tuple(t.key for t in _tokens(phrase.replace("&", " and ")))


def vocabulary(council: Council) -> Vocabulary:
    """The council's vocabulary, built once for each council file's levels and places."""
    return _vocabulary(council.terms("level"), council.localities)


@lru_cache(maxsize=8)
def _vocabulary(
    levels: tuple[TaxonomyTermConfig, ...], localities: tuple[Locality, ...]
) -> Vocabulary:
    phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def add(phrase: str, param: str, code: str) -> None:
        key = phrase_key(phrase)
        if key and (param, code) not in phrases.setdefault(key, []):
            phrases[key].append((param, code))

    colours: dict[str, list[tuple[str, str]]] = {}
    for number, level in enumerate(levels, start=1):
        for phrase in level_phrases(level, number):
            add(phrase, LEVEL, level.code)
        for colour in level_colours(level, number):
            if (LEVEL, level.code) not in colours.setdefault(colour, []):
                colours[colour].append((LEVEL, level.code))
            for marked in (
                *(f"{w} {colour}" for w in LEVEL_WORDS),
                *(f"{colour} {w}" for w in LEVEL_WORDS),
            ):
                add(marked, LEVEL, level.code)
    for colour in colours:
        phrases.pop((colour,), None)
    for said, codes in _shorthand_levels(phrases).items():
        for code in codes:
            add(said, LEVEL, code)
    from wordfreq import zipf_frequency  # here: most processes never need wordfreq

    ordinary = set()
    place_words: set[str] = set()
    for locality in localities:
        for phrase in (locality.name, *locality.places):
            add(phrase, LOCALITY, locality.code)
            key = phrase_key(phrase)
            if len(key) == 1 and zipf_frequency(key[0], "en") >= ORDINARY_ZIPF:
                ordinary.add(key)
            if len(key) > 1 and "".join(key).isascii():
                add("".join(key), LOCALITY, locality.code)  # "quarrybank", "brierleyhill"
            place_words.update(word for word in key if word.isascii() and word.isalpha())
        for postcode in _postcode_places(locality, localities):
            add(postcode, LOCALITY, locality.code)
    return Vocabulary(
        {k: tuple(v) for k, v in phrases.items()},
        frozenset(ordinary),
        {colour: tuple(meaning) for colour, meaning in colours.items()},
        frozenset(word for word in place_words if len(word) >= MIN_RESPELT),
    )


def _postcode_places(locality: Locality, localities: Sequence[Locality]) -> list[str]:
    """The postcode districts and sectors that name a locality ("DY5", "B63", "DY9 7"), and
    the district of each of its sectors that no locality holds whole ("DY9": Halesowen's
    and Stourbridge's), as the council file defines them."""
    whole = {district for other in localities for district in other.postcode_districts}
    split = [sector.split()[0] for sector in locality.postcode_sectors if sector.split()]
    return [
        *locality.postcode_districts,
        *locality.postcode_sectors,
        *(district for district in split if district not in whole),
    ]


def _shorthand_levels(
    phrases: dict[tuple[str, ...], list[tuple[str, str]]],
) -> dict[str, tuple[str, ...]]:
    """The levels each practitioners' level wording or shorthand ("statutory", "CIN") is
    read as, from the first of its wordings the council's own level phrases name
    (``directory.finding.shorthand``); none for a wording the council names itself."""
    levels = {
        key: tuple(code for param, code in meaning if param == LEVEL)
        for key, meaning in phrases.items()
    }
    found = {}
    for said, wordings in level_wordings():
        if levels.get(phrase_key(said)):
            continue
        for wording in wordings:
            codes = levels.get(phrase_key(wording))
            if codes:
                found[said] = codes
                break
    return found


def level_colours(level: TaxonomyTermConfig, number: int) -> set[str]:
    """The colours that name a level: a colour that is one of its phrases on its own
    (Warwickshire's label "Yellow: targeted early help"), or next to a level word
    ("level yellow", "yellow threshold")."""
    found = set()
    for phrase in level_phrases(level, number):
        key = phrase_key(phrase)
        if len(key) == 1 and key[0] in COLOURS:
            found.add(key[0])
        elif len(key) == 2 and key[0] in LEVEL_WORDS and key[1] in COLOURS:
            found.add(key[1])
        elif len(key) == 2 and key[1] in LEVEL_WORDS and key[0] in COLOURS:
            found.add(key[0])
    return found


def level_phrases(level: TaxonomyTermConfig, number: int) -> list[str]:
    """What names a level: its label (whole, before and, if short, after a colon), its
    code, its place in the list ("level 2", "tier two") and its own words."""
    before, colon, after = level.label.partition(":")
    phrases = [level.label, before, level.code.replace("-", " ")]
    if colon and len(after.split()) <= 3:
        phrases.append(after)
    named = [str(number)] + ([NUMBER_WORDS[number - 1]] if number <= len(NUMBER_WORDS) else [])
    phrases += [f"{prefix} {n}" for prefix in LEVEL_PREFIXES for n in named]
    if number <= len(ROMAN):
        prefixes = LEVEL_PREFIXES if number > 1 else ("level", "tier")
        phrases += [f"{prefix} {ROMAN[number - 1]}" for prefix in prefixes]
    return [*phrases, *level.words]
