"""The deployment's query readers: the shipped family phrasebooks with the council's additions.

The phrasebook for each language ships in ``councils/phrasebooks/LANG.toml``; a council file
adds phrases (or replaces an entry's) in a ``[phrasebook]`` table of the same shape. Every
need, category and kind the book points at must be one the council file defines, and every
danger one the safety lines know: a wrong code stops the site at start, naming the entry.
Entries for codes this council does not use are dropped, so one shipped book serves every
council.

A page in another language reads the words with that language's book and the English one
together (``pl.toml`` merged into ``en.toml``): families mix languages ("food bank blisko
mnie"), and service names, programme names and slang are often English whatever the page.
Its ``[english]`` table puts its phrases as the English ones they mean before reading, so
"bank żywności" finds food banks first, as "food bank" does.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_request_context
from flask_babel import gettext, ngettext

from directory.council import Council, CouncilFileError
from directory.i18n import page_locale
from directory.learning import learnt_model
from directory.models import ServiceKind
from directory.models.service import PRE_BIRTH_AGE
from directory.names import DAY_NAMES, KIND_NAMES
from directory.reader_cache import cached_readers, reader_key
from directory.safety import SafetyLines, load_safety_lines
from search.cues import CueError, CueLexicon, fold, parse_cues
from search.harm import HarmError, HarmReader, parse_harm
from search.homographs import SmallWords
from search.learnt import LearntModel
from search.learnt_reading import LearntReader
from search.phrasebook import (
    Phrasebook,
    PhrasebookError,
    build_phrasebook,
    joined_phrase_words,
    merge_phrasebook,
    own_spellings,
    parse_glosses,
    parse_phrasebook,
    parse_unglossed,
    phrase_words,
)
from search.romanised import RARE_IN_ENGLISH, RomanisedWords, latin_words, telling_language
from search.understanding import Concept, QueryReader
from search.word_forms import (
    gloss_derivations,
    gloss_fold,
    gloss_inflection,
    glosses_one_word,
    inflection_tails,
    reordered,
)

PHRASEBOOKS = Path(__file__).resolve().parent.parent / "councils" / "phrasebooks"
DEFAULT_LANGUAGE = "en"
ROMANISED = "romanised"
COMMON_ENGLISH = 20_000
"""English words looked at for those common enough (:data:`search.romanised.RARE_IN_ENGLISH`)
that a romanised word typed as one tells nothing."""
"""The folder beside the phrasebooks holding each language's romanised word list."""
REAL_WORD_FREQUENCY = 1e-7
"""How often (per word of text, Zipf 2) a word must occur in ``wordfreq``'s lists to count
as a real word that is never respelled: "bored" stays "bored", "meals" stays "meals". Rarer
entries ("evection", "benifits") are more often a family's typo than what they meant."""
EVERYDAY_ZIPF = (4.5, 5.5)
"""Words at least this common (``wordfreq``'s Zipf scale: 4.5 is "lessons", "swimming";
5.5 "water", "ask") are everyday words: one the reader read nothing from weighs less of
a search's meaning the commoner it is, from 1 at the first figure down to
EVERYDAY_LEAST at the second and above ("one", "after", "together")."""
EVERYDAY_LEAST = 0.25
CUES_FILE = Path(__file__).resolve().parent.parent / "councils" / "safety" / "cues.toml"
HARM_FILE = CUES_FILE.with_name("harm.toml")


def install(app: Flask) -> None:
    """Load (or build) the readers and the safety lines once, when the site starts."""
    council: Council = app.extensions["council"]
    safety = load_safety_lines(council)
    app.extensions["safety_lines"] = safety
    council_file = app.extensions["signpost_config"].council_file
    readers = phrasebook_readers(council, safety, council_file, app.extensions["reader_key"])
    app.extensions["query_reader"] = readers[DEFAULT_LANGUAGE]
    app.extensions["query_readers"] = readers


_IN_PROCESS: dict[str, tuple[LearntModel, dict[str, QueryReader]]] = {}
"""Readers this process has already loaded, by reader key, with the model they point at.

Unpickling the readers recompiles some 1,600 patterns (0.3-0.5 s); a process that makes
many apps from the same files (the test suite, ``flask`` commands that make a second app)
loads them once. Readers are read-only once built, so apps may share them."""


def phrasebook_readers(
    council: Council, safety: SafetyLines, council_file: Path, taken: str
) -> dict[str, QueryReader]:
    """A reader for each phrasebook's language: this process's when it has loaded them
    for the same files and model, else from the reader cache when it is current
    (:mod:`directory.reader_cache`), else built and cached. ``taken`` is the reader key
    (:func:`~directory.reader_cache.reader_key`) taken before ``council`` and ``safety``
    were read from their files."""
    model = learnt_model().model
    kept = _IN_PROCESS.get(taken)
    if kept is not None and kept[0] is model:
        return kept[1]
    readers, current = cached_readers(
        taken,
        lambda: reader_key(council_file),
        lambda: build_readers(council, safety),
        lambda: model,
    )
    _IN_PROCESS.clear()  # one set of files at a time: an older key is never asked for again
    if current:  # readers built while the files changed are no key's
        _IN_PROCESS[taken] = (model, readers)
    return readers


def build_readers(
    council: Council, safety: SafetyLines, directory: Path = PHRASEBOOKS
) -> dict[str, QueryReader]:
    """A reader for each phrasebook's language, built afresh."""
    return {
        language: load_reader(council, safety, directory, language)
        for language in phrasebook_languages(directory)
    }


def page_reader() -> QueryReader:
    """The reader for the page's language (its book and English), English outside a request."""
    readers = current_app.extensions["query_readers"]
    language = page_locale() if has_request_context() else DEFAULT_LANGUAGE
    return readers.get(language, current_app.extensions["query_reader"])


SCRIPTS = {"ur": ("\u0600", "\u06ff"), "pa": ("\u0a00", "\u0a7f")}
"""The Unicode block each language's own script is written in (Arabic for Urdu, Gurmukhi);
in this order, too, romanised words the two share are read (:func:`written_in`)."""


def phrasebook_languages(directory: Path = PHRASEBOOKS) -> list[str]:
    """Every language with a phrasebook file (``en.toml``, ``pl.toml``, ...)."""
    return sorted(path.stem for path in directory.glob("*.toml"))


def load_reader(
    council: Council,
    safety: SafetyLines,
    directory: Path = PHRASEBOOKS,
    language: str = DEFAULT_LANGUAGE,
) -> QueryReader:
    """The English book with the council's additions, and ``language``'s book merged in."""
    path = directory / f"{DEFAULT_LANGUAGE}.toml"
    raw: Mapping[str, Any] = {}
    try:
        shipped, english_raw = _read_book(path.name, path.read_text(encoding="utf-8"))
        book = merge_phrasebook(shipped, council.phrasebook, "[phrasebook]")
        if language != DEFAULT_LANGUAGE:
            own = directory / f"{language}.toml"
            _, raw = _read_book(own.name, own.read_text(encoding="utf-8"))
            book = merge_phrasebook(
                book, {k: v for k, v in raw.items() if k != "language"}, own.name
            )
    except (PhrasebookError, tomllib.TOMLDecodeError) as error:
        raise CouncilFileError(str(error)) from None
    book = _for_council(book, council, safety)
    glosses: dict[tuple[str, ...], str] = {}
    english: dict[tuple[str, ...], str] = {}
    unglossed: frozenset[str] = frozenset()
    if language != DEFAULT_LANGUAGE:
        book = _without_own_small_words(book, raw)
        try:
            english = parse_glosses(raw, own.name, gloss_fold(language), reordered(language))
            glosses = own_spellings(
                raw, english, gloss_fold(language), one_word=glosses_one_word(language)
            )
            unglossed = parse_unglossed(raw, own.name)
        except PhrasebookError as error:
            raise CouncilFileError(str(error)) from None
    holidays = tuple((h.name, h.start, h.end) for h in council.school_holidays)
    needs = frozenset(term.code for term in council.terms("need"))
    learnt = LearntReader(learnt_model().model, book.danger_needs(), needs)
    return QueryReader(
        book,
        holidays,
        real_words(directory),
        everyday=_with_people(everyday_words(language), english_raw, raw),
        cues=danger_cues(CUES_FILE),
        harm=harm_words(HARM_FILE),
        glosses=glosses,
        gloss_fold=gloss_fold(language),
        gloss_inflection=gloss_inflection(language),
        inflection_tails=inflection_tails(language),
        gloss_derivations=gloss_derivations(language),
        exact_glosses=frozenset(key for key in glosses if len(key) == 1 and key not in english),
        unglossed=unglossed,
        learnt=learnt,
        romanised=romanised_words(language, raw, english_raw, directory / ROMANISED),
    )


def romanised_words(
    language: str,
    raw: Mapping[str, Any],
    english_raw: Mapping[str, Any],
    lists: Path = PHRASEBOOKS / "romanised",
) -> RomanisedWords | None:
    """``language``'s words typed in Latin letters (:mod:`search.romanised`), for a
    language with a list of them in ``councils/phrasebooks/romanised/``: the list's, its
    book's (``raw``) and its danger cues' and harm words' Latin words; None for others."""
    path = lists / f"{language}.txt"
    if not path.exists():
        return None
    from wordfreq import top_n_list, zipf_frequency

    listed = [line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    words = latin_words([*listed, *_texts(raw), *_texts(_lists_of(language, CUES_FILE, HARM_FILE))])
    common = [
        word
        for word in top_n_list("en", COMMON_ENGLISH)
        if zipf_frequency(word, "en") >= RARE_IN_ENGLISH
    ]
    return RomanisedWords.of(words, latin_words(_texts(english_raw)), common)


def _texts(value: object) -> list[str]:
    """Every string inside ``value`` (tables and lists of a TOML file), keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [*value.keys(), *(text for item in value.values() for text in _texts(item))]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _lists_of(language: str, *paths: Path) -> list[object]:
    """Every list keyed ``language`` in the TOML files ``paths`` (a cue's or harm class's
    words in that language)."""
    found: list[object] = []

    def walk(value: object) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                if key == language and isinstance(item, list):
                    found.append(item)
                else:
                    walk(item)

    for path in paths:
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


def search_reader(text: str) -> QueryReader:
    """The reader for a search's words: the page's, but on an English page a search in
    Urdu or Gurmukhi script, or in romanised Urdu or Punjabi (:func:`search.romanised.
    telling_language`), is read with that language's book, as on its own page."""
    reader = page_reader()
    if has_request_context() and page_locale() != DEFAULT_LANGUAGE:
        return reader
    readers: Mapping[str, QueryReader] = current_app.extensions["query_readers"]
    language = written_in(text, readers)
    return readers.get(language, reader) if language else reader


def written_in(text: str, readers: Mapping[str, QueryReader]) -> str | None:
    """The language of ``readers`` that ``text`` is written in, told by its script or its
    romanised words, or None (English, or nothing telling)."""
    for language, letters in SCRIPTS.items():
        if language in readers and any(letters[0] <= char <= letters[1] for char in text):
            return language
    lexicons = {
        language: lexicon
        for language in dict.fromkeys([*SCRIPTS, *readers])
        if language in readers and (lexicon := readers[language].romanised) is not None
    }
    return telling_language(phrase_words(text), lexicons) if lexicons else None


def _without_own_small_words(book: Phrasebook, raw: Mapping[str, Any]) -> Phrasebook:
    """The merged book without one-word phrases the page's language calls meaningless:
    Polish "dla" is "for", not the English "DLA" (Disability Living Allowance)."""
    small = {book.stem(word) for word in raw.get("meaningless", {}).get("words", [])}
    keys = {key: entry for key, entry in book.keys.items() if len(key) > 1 or key[0] not in small}
    return replace(book, keys=keys)


LEXICONS_KEPT = 2
"""Lexicons remembered by their files' text (the current and the one before): every
language's reader is built from the same files, and the files are read afresh each time,
so a process that builds again after they change reads the change (the reader cache
stores what a build made under the key of the files it read)."""


def danger_cues(path: Path = CUES_FILE) -> CueLexicon:
    """The weaker danger cues of every shipped language; a malformed pattern stops the site."""
    return _cues(path.name, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=LEXICONS_KEPT)
def _cues(name: str, text: str) -> CueLexicon:
    try:
        return parse_cues(tomllib.loads(text))
    except (CueError, tomllib.TOMLDecodeError) as error:
        raise CouncilFileError(f"{name}: {error}") from None


SmallWordLists = tuple[tuple[str, tuple[str, ...]], ...]
"""Each phrasebook language with its ``[meaningless]`` words, as the files say them now."""


def harm_words(path: Path = HARM_FILE) -> HarmReader:
    """Harm read by co-occurrence, every shipped language's classes, each word in its own
    language (English "i" is never Polish "and"); a malformed file stops the site."""
    return _harm(path.name, path.read_text(encoding="utf-8"), _small_word_lists())


@lru_cache(maxsize=LEXICONS_KEPT)
def _harm(name: str, text: str, small: SmallWordLists) -> HarmReader:
    try:
        return parse_harm(tomllib.loads(text), SmallWords.of(dict(small)))
    except (HarmError, tomllib.TOMLDecodeError) as error:
        raise CouncilFileError(f"{name}: {error}") from None


def small_words(directory: Path = PHRASEBOOKS) -> SmallWords:
    """Each phrasebook language's small words (its ``[meaningless]`` words), which tell
    the language a sentence is written in (:mod:`search.homographs`)."""
    return _small_words(_small_word_lists(directory))


@lru_cache(maxsize=LEXICONS_KEPT)
def _small_words(small: SmallWordLists) -> SmallWords:
    return SmallWords.of(dict(small))


def _small_word_lists(directory: Path = PHRASEBOOKS) -> SmallWordLists:
    """Read afresh on every call, so a build after a phrasebook changes sees the change."""
    lists = []
    for language in phrasebook_languages(directory):
        raw = tomllib.loads((directory / f"{language}.toml").read_text(encoding="utf-8"))
        lists.append((language, tuple(raw.get("meaningless", {}).get("words", []))))
    return tuple(lists)


def real_words(directory: Path = PHRASEBOOKS) -> frozenset[str]:
    """Words never respelled: English and every shipped language's common words (from
    ``wordfreq``) and the phrasebooks' meaningless words (contractions, text-speak), with
    apostrophes dropped as the reader drops them ("don't" is "dont"). A word with Latin
    accents is a word without them too, as families type it on an English keyboard
    (Polish "zniknęła", disappeared, is "zniknela", never "zginela", died). Phrasebook
    phrases are not all words: they list typos on purpose ("parnting class"); only for a
    language ``wordfreq`` has no list for (Punjabi) do its phrasebook's words stand in for
    one."""
    books = []
    for language in sorted({DEFAULT_LANGUAGE, *phrasebook_languages(directory)}):
        path = directory / f"{language}.toml"
        books.append((language, path.read_text(encoding="utf-8") if path.exists() else None))
    return _real_words(tuple(books))


@lru_cache(maxsize=LEXICONS_KEPT)
def _real_words(books: tuple[tuple[str, str | None], ...]) -> frozenset[str]:
    """:func:`real_words` of each language's phrasebook file's text (None: it has none)."""
    words: set[str] = set()
    for language, text in books:
        listed = common_words(language)
        words |= listed
        words.update(fold(word) for word in listed if not word.isascii())
        if text is not None:
            book, _ = _read_book(f"{language}.toml", text)
            words |= book.meaningless if listed else book.vocabulary | book.meaningless
    return frozenset(words)


@lru_cache(maxsize=16)
def _read_book(name: str, text: str) -> tuple[Phrasebook, Mapping[str, Any]]:
    """A phrasebook file's book, checked (its language code and its own phrases), and its
    tables. Remembered by content, as every app start reads the same files; read-only."""
    raw = tomllib.loads(text)
    return parse_phrasebook(raw, name), raw


@cache
def common_words(language: str) -> frozenset[str]:
    """Real words of ``language`` from ``wordfreq``'s shipped lists (none if it has none).

    ``wordfreq`` is imported here: a start that loads its readers from the cache needs
    none of it."""
    from wordfreq import available_languages, get_frequency_dict

    if language not in available_languages():
        return frozenset()
    return frozenset(
        joined_phrase_words(word)
        for word, frequency in get_frequency_dict(language).items()
        if frequency >= REAL_WORD_FREQUENCY
    )


@cache
def everyday_words(language: str) -> Mapping[str, float]:
    """English's and ``language``'s everyday words (:data:`EVERYDAY_ZIPF`) with their
    weight, the commoner of the two languages' figures for a word both have."""
    from wordfreq import available_languages, zipf_frequency

    low, high = EVERYDAY_ZIPF
    weights: dict[str, float] = {}
    for code in dict.fromkeys((DEFAULT_LANGUAGE, language)):
        if code not in available_languages():
            continue
        for word in _commonest(code, low):
            zipf = zipf_frequency(word, code)
            share = min(max((zipf - low) / (high - low), 0.0), 1.0)
            weight = round(1.0 - share * (1.0 - EVERYDAY_LEAST), 2)
            key = joined_phrase_words(word)
            weights[key] = min(weight, weights.get(key, 1.0))
    return weights


def _with_people(everyday: Mapping[str, float], *tables: Mapping[str, Any]) -> Mapping[str, float]:
    """``everyday`` with the one-word people of the books' ``[words] person`` lists at
    EVERYDAY_LEAST: "dad", "nan", "our kid" say whom a search is about, not what help is
    wanted ("mom drinkin since dad left" is not a search for a dads' group)."""
    people = {
        joined_phrase_words(word)
        for table in tables
        for word in table.get("words", {}).get("person", [])
        if " " not in word.strip()
    }
    return {**everyday, **dict.fromkeys(sorted(people), EVERYDAY_LEAST)}


def _commonest(language: str, zipf: float) -> list[str]:
    """``wordfreq``'s words of ``language`` at least ``zipf`` common."""
    from wordfreq import get_frequency_dict

    least = 10 ** (zipf - 9)
    return [word for word, frequency in get_frequency_dict(language).items() if frequency >= least]


def _for_council(book: Phrasebook, council: Council, safety: SafetyLines) -> Phrasebook:
    """Keep the entries this council can use; a council's own entry must name real codes."""
    known = {
        "needs": {t.code for t in council.terms("need")},
        "categories": {t.code for t in council.terms("category")},
        "kinds": {kind.value for kind in ServiceKind},
    }
    own = {
        (section, code)
        for section, tables in council.phrasebook.items()
        if isinstance(tables, Mapping)
        for code in tables
    }
    kept = []
    for entry in book.entries:
        codes = known.get(entry.section)
        if entry.section == "dangers":
            unknown = [n for n in entry.needs if n not in known["needs"]]
            if entry.code not in safety.dangers:
                unknown.append(entry.code)
        else:
            unknown = [entry.code] if codes is not None and entry.code not in codes else []
        if not unknown:
            kept.append(entry)
        elif (entry.section, entry.code) in own:
            raise CouncilFileError(
                f"[phrasebook.{entry.section}.{entry.code}] names {', '.join(unknown)}, "
                "which this council file does not define."
            )
    return build_phrasebook(book.language, kept, sorted(book.meaningless), book.context.raw)


def concept_label(concept: Concept, council: Council, safety: SafetyLines) -> str:
    """What a concept is called where the page says how the words were read."""
    section, code = concept.section, concept.code
    if section == "danger" and code in safety.dangers:
        return safety.dangers[code].label
    if section in ("need", "category"):
        term = council.term(section, code)
        return term.label if term else code
    if section == "kind":
        return str(KIND_NAMES.get(ServiceKind(code), code))
    if section == "age" and concept.ages is not None:
        return _ages(*concept.ages)
    if section == "cost":
        return gettext("Free")
    if concept.session_dates:
        first = concept.session_dates[0]
        holiday = next(
            (
                h
                for h in council.school_holidays
                if h.start.isoformat() <= first <= h.end.isoformat()
            ),
            None,
        )
        if holiday is not None:
            return gettext("In the %(holiday)s", holiday=holiday.name)
    return _time(concept)


def _ages(low: int, high: int) -> str:
    if high == PRE_BIRTH_AGE:
        return gettext("Expecting a baby")
    if low <= 0 and high <= 1:
        return gettext("Babies")
    low = max(low, 0)
    if low == high:
        return ngettext("%(num)s year old", "%(num)s year olds", high)
    return ngettext("Ages %(low)s to %(num)s year", "Ages %(low)s to %(num)s years", high, low=low)


def _time(concept: Concept) -> str:
    days = [str(DAY_NAMES[day]) for day in concept.days]
    if concept.hours is not None:
        start, end = concept.hours
        if start >= 17:
            return gettext("Evenings")
        if start >= 14:
            return gettext("After school")
        return gettext("Mornings") if end <= 13 else gettext("During the day")
    if set(concept.days) == {"SA", "SU"}:
        return gettext("At the weekend")
    if len(days) == 1:
        return gettext("On %(day)s", day=days[0])
    return gettext("On %(days)s", days=", ".join(days))
