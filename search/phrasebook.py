"""The family phrasebook: the words families use, cross-referenced to the terms we index by.

The idea is the 211 Human Services Indexing System's "use references": "hits me", "weed" or
"sofa surfing" are not our category names, but each stands for one (domestic abuse, drugs
and alcohol, housing). A phrasebook is data, one file per language: needs, categories and
kinds it points at, ages, times and cost it reads, words that mean nothing here, and the
phrases that signal danger. A council can add to the shipped book or replace entries.

Phrases are compared as *keys*: lower case, apostrophes dropped inside words ("can't" is
"cant"), and each word reduced by the language's stemmer (English: Porter, so "hitting"
and "hits" are one; Porter2, as Whoosh's original Porter leaves "hitting" as "hitt").
Latin accents are taken off first, so Polish "żywność" and "zywnosc" are one word, and the
spellings of one Urdu or Punjabi word are made one (:func:`script_fold`); languages without
a stemmer compare words so folded.

A language's book may also say which English phrase its own phrases mean (an ``[english]``
table, :func:`parse_glosses`): "bank żywności" is "food bank". A search is then read, and
its words matched, as the English would be, so it finds what the English words find, in the
same order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from whoosh.lang import has_stemmer, stemmer_for_language

from search.context import Context, ContextError, merge_context, parse_context
from search.cues import fold
from search.query import DAYS

TOPIC_SECTIONS = ("needs", "categories", "kinds")
WHOM = ("", "young")
"""Whose a danger is where the words do not say who asks (``Entry.whom``): nobody's in
particular (""), or a child's ("young")."""
ENTRY_SECTIONS = (*TOPIC_SECTIONS, "ages", "times", "cost", "dangers")
GLOSSES = "english"
UNGLOSSED = "unglossed"
WORDS = "words"
_WORD_LIST = re.compile(r"@([a-z0-9_]+)")
_SCRIPT_FOLDS: dict[str | int, str | None] = {
    # Arabic letters typed for the Urdu ones on Arabic keyboards and phones: yeh, alef
    # maksura -> Farsi yeh; kaf -> keheh; heh, do-chashmi heh, teh marbuta -> heh goal;
    # alef with madda or hamza -> alef.
    "\u064a": "\u06cc",
    "\u0649": "\u06cc",
    "\u0643": "\u06a9",
    "\u0647": "\u06c1",
    "\u06be": "\u06c1",
    "\u0629": "\u06c1",
    "\u06c3": "\u06c1",
    "\u0622": "\u0627",
    "\u0623": "\u0627",
    "\u0625": "\u0627",
    "\u0a70": "\u0a02",  # Gurmukhi tippi -> bindi: the same nasal, either is typed
    **dict.fromkeys(range(0x064B, 0x0660)),  # zer, zabar, pesh, shadd...: optional
    0x0670: None,  # superscript alef
    0x0640: None,  # tatweel
    0x0A3C: None,  # Gurmukhi nukta: ja/za, sa/sha, kha/khha are typed either way
    0x0A71: None,  # Gurmukhi addak (doubling), often left out
    # Urdu, Arabic and Gurmukhi digits are the digits of "3 year"
    **{0x06F0 + n: str(n) for n in range(10)},
    **{0x0660 + n: str(n) for n in range(10)},
    **{0x0A66 + n: str(n) for n in range(10)},
}
_SCRIPT_FOLD = str.maketrans(_SCRIPT_FOLDS)
_APOSTROPHES = re.compile(r"(?<=\w)['’`](?=\w)")
_PLAIN_WORD = re.compile("[a-z0-9]+")
"""Lower-case ASCII letters and digits: already as the reader compares them."""
LETTER = r"(?:\w|[\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0963\u0966-\u0dff])"
"""A letter of a word, with the combining marks ``\\w`` leaves out: Gurmukhi and other
Indic vowel signs ("ਘਰੇਲੂ" is one word, not "ਘਰ" and "ਲ") and Arabic-script diacritics."""
_WORD = re.compile(LETTER + "+")
_CODE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
STEMS_KEPT = 65536
"""Stems remembered per language: the books repeat their words thousands of times."""


@cache
def stemmer(language: str) -> Callable[[str], str] | None:
    """The Snowball stemmer Whoosh ships for ``language`` (English: Porter2), if any.

    Stemming is pure and slow (Porter2 in Python), and every app start stems each book's
    phrases once per language it merges them into, so each word's stem is remembered.
    """
    if not has_stemmer(language):
        return None
    return lru_cache(maxsize=STEMS_KEPT)(stemmer_for_language(language))


class PhrasebookError(ValueError):
    """A phrasebook entry is malformed; the message names the entry and what to fix."""


def script_fold(word: str) -> str:
    """One spelling for the ways an Urdu or Punjabi word is typed: with Arabic yeh, kaf and
    heh for the Urdu letters, with or without zer, zabar and pesh; Gurmukhi with or without
    nukta and addak, with tippi or bindi; their digits as 0 to 9.
    Latin letters are as :func:`search.cues.fold` leaves them."""
    return word if word.isascii() else word.translate(_SCRIPT_FOLD)


def compared(word: str) -> str:
    """A word as phrasebooks compare it before stemming: accents and script variants off."""
    return script_fold(fold(word))


def phrase_words(text: str) -> list[str]:
    """Words as the reader compares them before stemming: folded, lower case, no apostrophes."""
    return list(_phrase_words(text))


def joined_phrase_words(word: str) -> str:
    """One listed word (a word list's entry, "don't") as the reader compares it, its parts
    joined ("dont"). Not remembered: word lists hold hundreds of thousands of words, each
    seen once, that would push the phrases out of :func:`phrase_words`' memory."""
    if _PLAIN_WORD.fullmatch(word):
        return word
    return "".join(_split_phrase(word))


def _split_phrase(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return tuple(_WORD.findall(_APOSTROPHES.sub("", folded)))


# Remembered, as each app start builds its books from the same phrases many times.
_phrase_words = lru_cache(maxsize=STEMS_KEPT)(_split_phrase)


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning in the book, with the phrases that express it.

    ``section`` is one of :data:`ENTRY_SECTIONS`; ``code`` the need, category or kind code,
    or the book's own name for an age band, time, cost or danger. What a section reads
    from its entries:

    - ages: ``ages`` (years; -1 is pregnancy)
    - times: ``days``, ``hours`` (open at an hour h with start <= h < end) and ``holiday``
      (part of the name of a council school holiday; "" is the next holiday of any name)
    - dangers: ``needs``, whose services come first when the danger is read, ``whom``
      ("young": a child's danger where the words do not say who asks, as a child at risk
      is; "": the asker's alone) and ``beside`` (kinds of family support that follow them)
    """

    section: str
    code: str
    phrases: tuple[str, ...]
    ages: tuple[int, int] | None = None
    days: tuple[str, ...] = ()
    hours: tuple[int, int] | None = None
    holiday: str | None = None
    needs: tuple[str, ...] = ()
    whom: str = ""
    beside: tuple[str, ...] = ()
    """A danger's: the kinds of listing for the family's support beside the danger's own
    help (a child at risk: the family centre, the Early Help front door), of which the
    best one follows the danger's leading listings when the words signal no other danger
    (:func:`search.engine._beside`)."""


@dataclass(frozen=True, eq=False)
class Phrasebook:
    """A language's phrasebook, ready for matching (compared by identity)."""

    language: str
    entries: tuple[Entry, ...]
    meaningless: frozenset[str]
    keys: Mapping[tuple[str, ...], Entry] = field(repr=False)
    """Each phrase's stemmed word sequence and the entry it belongs to."""
    vocabulary: frozenset[str] = field(repr=False)
    """Every word the phrases use, unstemmed: what typo tolerance may correct towards."""
    context: Context = field(default_factory=Context, repr=False)
    """When a phrase means what it says, and who is asking (:mod:`search.context`)."""

    @property
    def longest(self) -> int:
        return max((len(key) for key in self.keys), default=0)

    def stem(self, word: str) -> str:
        stem = stemmer(self.language)
        return stem(compared(word)) if stem else compared(word)

    def key(self, text: str) -> tuple[str, ...]:
        return tuple(self.stem(word) for word in phrase_words(text))

    def entry(self, section: str, code: str) -> Entry | None:
        return next((e for e in self.entries if e.section == section and e.code == code), None)

    def danger_needs(self) -> dict[str, tuple[str, ...]]:
        """Danger code -> the needs whose services meet it."""
        return {e.code: e.needs for e in self.entries if e.section == "dangers"}


def build_phrasebook(
    language: str,
    entries: Sequence[Entry],
    meaningless: Sequence[str],
    context: Mapping[str, Any] | None = None,
) -> Phrasebook:
    """Index phrases by key; a phrase may stand for one meaning only."""
    stem = stemmer(language)
    keys: dict[tuple[str, ...], Entry] = {}
    vocabulary: set[str] = set()
    for entry in entries:
        for phrase in entry.phrases:
            words = _phrase_words(phrase)
            if not words:
                raise PhrasebookError(f"[{entry.section}.{entry.code}] has an empty phrase.")
            words_key = tuple(stem(compared(word)) if stem else compared(word) for word in words)
            other = keys.get(words_key)
            if other is not None and other is not entry:
                raise PhrasebookError(
                    f"The phrase {phrase!r} is in [{entry.section}.{entry.code}] and in "
                    f"[{other.section}.{other.code}]; a phrase may have one meaning only."
                )
            keys[words_key] = entry
            vocabulary.update(words)
    quiet = frozenset(word for text in meaningless for word in _phrase_words(text))

    def key(text: str) -> tuple[str, ...]:
        return tuple(
            stem(compared(word)) if stem else compared(word) for word in _phrase_words(text)
        )

    try:
        rules = parse_context(context, key, language)
    except ContextError as error:
        raise PhrasebookError(str(error)) from None
    return Phrasebook(language, tuple(entries), quiet, keys, frozenset(vocabulary), rules)


def parse_phrasebook(raw: Mapping[str, Any], where: str = "phrasebook") -> Phrasebook:
    """A phrasebook from its TOML tables (see ``councils/phrasebooks/en.toml``)."""
    language = raw.get("language")
    if not isinstance(language, str) or not _CODE.match(language):
        raise PhrasebookError(f"{where}: language must be a code like 'en'.")
    entries = parse_entries(raw, where)
    meaningless = _strings(raw.get("meaningless", {}).get("words", []), f"{where} [meaningless]")
    return build_phrasebook(language, entries, meaningless, raw.get("context"))


def parse_entries(raw: Mapping[str, Any], where: str) -> list[Entry]:
    """Every entry of the entry sections present in ``raw``, its ``@name`` phrases
    written out with the file's ``[words]`` lists (:func:`expand_words`)."""
    lists = _word_lists(raw.get(WORDS, {}), where)
    entries: list[Entry] = []
    for section in ENTRY_SECTIONS:
        tables = raw.get(section, {})
        if not isinstance(tables, Mapping):
            raise PhrasebookError(f"{where}: [{section}] must be a table of tables.")
        for code, table in tables.items():
            entry = _entry(section, code, table, f"{where} [{section}.{code}]")
            phrases = expand_words(entry.phrases, lists, f"{where} [{section}.{code}]")
            entries.append(_with_phrases(entry, phrases) if phrases != entry.phrases else entry)
    unknown = set(raw) - {
        *ENTRY_SECTIONS,
        GLOSSES,
        UNGLOSSED,
        WORDS,
        "language",
        "meaningless",
        "replace",
        "context",
    }
    if unknown:
        raise PhrasebookError(f"{where}: unknown section(s) {', '.join(sorted(unknown))}.")
    return entries


def merge_phrasebook(base: Phrasebook, additions: Mapping[str, Any], where: str) -> Phrasebook:
    """The shipped book with a council's additions.

    An entry in ``additions`` adds its phrases to the entry of the same section and code (or
    becomes a new entry). Listing ``"section.code"`` in ``replace`` drops the shipped
    phrases of that entry first. ``[meaningless] words`` and ``[context]`` lists are added
    to the shipped ones.
    """
    replaced = set(_strings(additions.get("replace", []), f"{where} replace"))
    merged = {(e.section, e.code): e for e in base.entries}
    for name in replaced:
        section, _, code = name.partition(".")
        if (section, code) not in merged:
            raise PhrasebookError(f"{where} replace names {name!r}, which is not in the book.")
        merged[(section, code)] = _with_phrases(merged[(section, code)], ())
    for entry in parse_entries(additions, where):
        current = merged.get((entry.section, entry.code))
        if current is None:
            merged[(entry.section, entry.code)] = entry
            continue
        phrases = tuple(dict.fromkeys((*current.phrases, *entry.phrases)))
        merged[(entry.section, entry.code)] = Entry(
            section=entry.section,
            code=entry.code,
            phrases=phrases,
            ages=entry.ages or current.ages,
            days=entry.days or current.days,
            hours=entry.hours or current.hours,
            holiday=entry.holiday if entry.holiday is not None else current.holiday,
            needs=entry.needs or current.needs,
            whom=entry.whom or current.whom,
            beside=entry.beside or current.beside,
        )
    quiet = _strings(additions.get("meaningless", {}).get("words", []), f"{where} [meaningless]")
    context = additions.get("context", {})
    if not isinstance(context, Mapping):
        raise PhrasebookError(f"{where} [context] must be a table.")
    return build_phrasebook(
        base.language,
        list(merged.values()),
        [*base.meaningless, *quiet],
        merge_context(base.context.raw, context),
    )


def expand_words(
    phrases: Sequence[str], lists: Mapping[str, Sequence[str]], where: str
) -> tuple[str, ...]:
    """``phrases`` with each ``@name`` written out as every phrase of the ``[words]`` list
    ``name``: "@relative passed" is "mum passed", "me mom passed", "our kid passed"...
    so a sign is written once for everyone it can be said of. Done when the book is
    built: reading matches the written-out phrases as any other."""
    written: list[str] = []
    for phrase in phrases:
        names = _WORD_LIST.findall(phrase)
        if not names:
            written.append(phrase)
            continue
        missing = [name for name in names if name not in lists]
        if missing:
            raise PhrasebookError(
                f"{where}: {phrase!r} names @{missing[0]}, which [words] does not list."
            )
        forms = [phrase]
        for name in dict.fromkeys(names):
            forms = [form.replace(f"@{name}", word) for form in forms for word in lists[name]]
        written.extend(forms)
    return tuple(dict.fromkeys(written))


def _word_lists(raw: object, where: str) -> dict[str, list[str]]:
    if not isinstance(raw, Mapping):
        raise PhrasebookError(f"{where}: [{WORDS}] must map names to lists of words.")
    lists = {}
    for name, words in raw.items():
        if not _WORD_LIST.fullmatch(f"@{name}"):
            raise PhrasebookError(
                f"{where} [{WORDS}]: {name!r} must be lower-case letters, digits or _."
            )
        lists[name] = _strings(words, f"{where} [{WORDS}.{name}]")
    return lists


def parse_glosses(
    raw: Mapping[str, Any],
    where: str,
    fold: Callable[[str], str] = compared,
    reordered: Callable[[tuple[str, ...]], tuple[tuple[str, ...], ...]] | None = None,
) -> dict[tuple[str, ...], str]:
    """The ``[english]`` table of a language's book: each phrase's words, each in its
    ``fold`` form (:mod:`search.word_forms`), and the English phrase it means
    (``"food bank" = ["bank żywności", "banku żywności"]``).

    A phrase may mean one English phrase only, in any of the forms ``fold`` makes one.
    With ``reordered``, a phrase is also read in the other orders it gives for its words
    (Polish "się kłócimy" as "kłócimy się": :func:`search.word_forms.reordered`), unless
    a phrase of the table is so written.
    """
    table = raw.get(GLOSSES, {})
    if not isinstance(table, Mapping):
        raise PhrasebookError(f"{where}: [{GLOSSES}] must map English phrases to lists.")
    glosses: dict[tuple[str, ...], str] = {}
    for english, phrases in table.items():
        if not phrase_words(english):
            raise PhrasebookError(f"{where} [{GLOSSES}]: {english!r} has no words.")
        for phrase in _strings(phrases, f"{where} [{GLOSSES}] {english!r}"):
            key = tuple(fold(word) for word in phrase_words(phrase))
            if not key:
                raise PhrasebookError(f"{where} [{GLOSSES}]: {phrase!r} has no words.")
            if glosses.get(key, english) != english:
                raise PhrasebookError(
                    f"{where} [{GLOSSES}]: {phrase!r} means both {glosses[key]!r} and "
                    f"{english!r}; a phrase may mean one English phrase only."
                )
            glosses[key] = english
    if reordered is not None:
        for key, english in list(glosses.items()):
            for other in reordered(key):
                glosses.setdefault(other, english)
    return glosses


def parse_unglossed(raw: Mapping[str, Any], where: str) -> frozenset[str]:
    """The ``[unglossed]`` words of a language's book, as :func:`compared` makes them:
    words never glossed, whatever their form folds onto (Polish number nouns: "piątkę", a
    five, folds onto "piątki", Fridays)."""
    table = raw.get(UNGLOSSED, {})
    if not isinstance(table, Mapping):
        raise PhrasebookError(f"{where}: [{UNGLOSSED}] must be a table with a words list.")
    return frozenset(
        compared(word) for word in _strings(table.get("words", []), f"{where} [{UNGLOSSED}]")
    )


def own_spellings(
    raw: Mapping[str, Any],
    glosses: Mapping[tuple[str, ...], str],
    fold: Callable[[str], str] = compared,
    one_word: bool = False,
) -> dict[tuple[str, ...], str]:
    """``glosses`` with each phrase of the language's own entries as the gloss of the
    other ways it is written: its words in their ``fold`` form, read as the phrase as the
    book writes it. Romanised "school se nikaal" is the book's "school se nikal", Polish
    "przemocą domową" its "przemoc domowa", so a phrase listed in one spelling or form
    is read in any. The ``[english]`` glosses come first; a form two phrases of different
    entries share is left as typed. Only phrases of two words or more that say something
    (not the language's meaningless words) are so glossed: one such word alone is read
    as its own gloss or phrase ("chuttiyon mein" is the holidays, "chuttiyon").

    With ``one_word`` (a language whose words change their endings:
    :func:`search.word_forms.glosses_one_word`), a phrase of one such word is so glossed
    too, danger phrases excepted: Polish "depresję" and "depresji" are the book's
    "depresja", "zadłużeniem" its "zadłużenie"."""
    small = {fold(word) for word in raw.get("meaningless", {}).get("words", [])}
    written: dict[tuple[str, ...], str] = {}
    owners: dict[tuple[str, ...], str] = {}
    lists = _word_lists(raw.get(WORDS, {}), "spellings")
    for section in ENTRY_SECTIONS:
        tables = raw.get(section, {})
        for code, table in tables.items() if isinstance(tables, Mapping) else ():
            phrases = table.get("phrases", []) if isinstance(table, Mapping) else []
            for phrase in expand_words(phrases, lists, f"[{section}.{code}]"):
                words = phrase_words(phrase)
                key = tuple(fold(word) for word in words)
                owner = f"{section}.{code}"
                if len(set(key) - small) < (1 if one_word and section != "dangers" else 2):
                    continue
                if not key or key in glosses or owners.get(key, owner) != owner:
                    if owners.get(key, owner) != owner:
                        written[key] = ""
                    continue
                owners[key] = owner
                written.setdefault(key, " ".join(words))
    return {**{k: v for k, v in written.items() if v}, **glosses}


def holiday_dates(
    holiday: str, holidays: Sequence[tuple[str, date, date]], today: date
) -> tuple[str, ...]:
    """ISO dates of the next (or current) school holiday whose name contains ``holiday``."""
    wanted = holiday.casefold()
    upcoming = [
        (start, end)
        for name, start, end in holidays
        if end >= today and wanted in name.casefold().replace("-", " ")
    ]
    if not upcoming:
        return ()
    start, end = min(upcoming)
    start = max(start, today)
    return tuple(
        date.fromordinal(day).isoformat() for day in range(start.toordinal(), end.toordinal() + 1)
    )


def _with_phrases(entry: Entry, phrases: tuple[str, ...]) -> Entry:
    return Entry(
        entry.section,
        entry.code,
        phrases,
        entry.ages,
        entry.days,
        entry.hours,
        entry.holiday,
        entry.needs,
        entry.whom,
        entry.beside,
    )


def _entry(section: str, code: object, table: object, where: str) -> Entry:
    if not isinstance(code, str) or not _CODE.match(code):
        raise PhrasebookError(f"{where}: the code must be lower-case letters, digits, - or _.")
    if not isinstance(table, Mapping):
        raise PhrasebookError(f"{where} must be a table with phrases = [...].")
    phrases = tuple(_strings(table.get("phrases", []), where))
    ages = _pair(table.get("ages") or _min_max(table), where, "ages", -1, 25)
    hours = _pair(table.get("hours"), where, "hours", 0, 24)
    days = tuple(_strings(table.get("days", []), where))
    if set(days) - set(DAYS):
        raise PhrasebookError(f"{where}: days must be among {', '.join(DAYS)}.")
    holiday = table.get("holiday")
    if holiday is not None and not isinstance(holiday, str):
        raise PhrasebookError(f"{where}: holiday must be text (part of a holiday's name).")
    needs = tuple(_strings(table.get("needs", []), where))
    if section == "ages" and ages is None:
        raise PhrasebookError(f"{where}: an age band needs min and max (years, -1 = pregnancy).")
    if section == "times" and not (days or hours or holiday is not None):
        raise PhrasebookError(f"{where}: a time needs days, hours or holiday.")
    if section == "dangers" and not needs:
        raise PhrasebookError(f"{where}: a danger needs the needs whose services help.")
    whom = table.get("whom", "")
    if whom not in WHOM:
        raise PhrasebookError(f"{where}: whom must be one of {', '.join(map(repr, WHOM))}.")
    beside = tuple(_strings(table.get("beside", []), where))
    if beside and section != "dangers":
        raise PhrasebookError(f"{where}: only a danger has beside (kinds of family support).")
    return Entry(section, code, phrases, ages, days, hours, holiday, needs, whom, beside)


def _min_max(table: Mapping[str, Any]) -> list[int | None] | None:
    if "min" in table or "max" in table:
        return [table.get("min"), table.get("max")]
    return None


def _pair(value: object, where: str, name: str, low: int, high: int) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or not low <= value[0] <= value[1] <= high
    ):
        raise PhrasebookError(f"{where}: {name} must be two whole numbers from {low} to {high}.")
    return (value[0], value[1])


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PhrasebookError(f"{where}: expected a list of non-empty texts.")
    return [v.strip() for v in value]
