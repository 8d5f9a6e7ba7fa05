"""Query understanding: what a family's words say about what they need. Pure code.

"my partner hits me" holds no category name, but the phrasebook knows "hits me" stands for
domestic abuse, and that it is a danger. :func:`read_query` reads a query into
:class:`Concept` values (needs, categories, kinds, ages, times, cost and dangers), each
naming the words it stands for. The engine uses them as strong ranking signals, never as
filters (see :mod:`search.meaning`), and the site shows them so a family can set one aside.

Reading is forgiving: words are stemmed, apostrophes dropped, up to two other words may sit
between the words of a phrase ("can't afford to feed" holds "can't feed"), and a longer
word that is neither a phrasebook word nor a word any listing uses is corrected to the
nearest phrasebook word one edit away (two for long words), as long as both start with the
same letter: "sucidal" reads as "suicidal", while "feed" never becomes "weed". Common words
of the language are never corrected either, since a real word read as a danger word would
be a false alarm ("struggled" is not "strangled", "rated" is not "raped").

Every concept carries its *evidence* (the words that produced it, as typed) and a
*strength*. The phrasebook's context rules (:mod:`search.context`) drop a reading from a word
inside an everyday expression ("of course" is no course) and make a one-word reading in a
frame pointing away from it weak ("ever since Friday"); a weak reading ranks, never chooses
listings. The reading also says who is asking (:class:`Asker`), when the words say.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from search.contractions import contracted
from search.cues import CueLexicon, fold
from search.harm import Finding, HarmReader
from search.phrasebook import (
    LETTER,
    Entry,
    Phrasebook,
    compared,
    holiday_dates,
    phrase_words,
)
from search.romanised import RomanisedWords
from search.spelling import edit_distance
from search.word_forms import romanised_fold

if TYPE_CHECKING:
    from search.learnt_reading import LearntReader

MAX_READ_WORDS = 40  # a long sentence, but not an essay: reading is linear in it
MAX_TEXT_WORDS = 200  # of a listing's own text, read once when it is indexed
MAX_GAP = 2  # other words allowed between two words of a phrase
PHRASE_PREFIX = 5  # letters of each stem a phrase key keeps
MIN_FUZZY_LENGTH = 5
SHORT_ROMANISED = 3
"""Letters up to which a romanised word is read only as typed, never in the book's
spelling: short words fold onto others ("mar" and "maar", "sar" and "saar")."""
FIXES_KEPT = 4096
PAST_DANGER = "domestic-abuse"
"""The danger an abuse said to be past and over (`[ended]` in the cue file) is written
for: its need, not the danger, is read from the words that tell it."""
_TOKEN = re.compile(f"{LETTER}+(?:['’`]{LETTER}+)*")
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
"""An English abbreviation inside another language's sentence ("SEN", "GP", "DLA"):
read as the English it is, never glossed (Polish "sen" is sleep)."""
_STOP = re.compile(r"[.,;:!?]")
_LAUGHTER = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f639\U0001f605]+")
"""Laughing emoji, read as the word "lol" (the harm lexicon's ``joke`` class)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


@dataclass(frozen=True, slots=True)
class Concept:
    """Something the words were read to mean, as what a listing must have to meet it.

    A listing meets a concept when it has any of its needs, categories or kinds, serves an
    age in ``ages``, is free (``free``), opens on ``days`` within ``hours``, or has a session
    on one of ``session_dates``. ``key`` ("need:food", "danger:domestic-abuse") names it
    for the page and for setting it aside. ``words`` are the query words it stands for, as
    the text matcher splits them. A ``priority`` concept (a danger) puts the listings that
    meet it before all others.
    """

    key: str
    words: tuple[str, ...]
    needs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    ages: tuple[int, int] | None = None
    free: bool = False
    days: tuple[str, ...] = ()
    hours: tuple[int, int] | None = None
    session_dates: tuple[str, ...] = ()
    priority: bool = False
    localities: tuple[str, ...] = ()
    """A place named in the words: listings in one of these localities meet it too."""
    evidence: str = ""
    """The words of the query that produced it, as typed (lower case)."""
    strong: bool = True
    """Weak (False): read in a frame that points away from it ("ever since Friday"), or a
    danger only the cue lexicon found. A weak reading ranks, never chooses listings."""
    weakened_by: str = ""
    """The words that made it weak, for ``flask search explain``."""
    phrases: tuple[str, ...] = ()
    """The book phrases it was read from (:func:`phrase_key`): a listing whose own text
    holds one of them fits the words better than one that only meets the need."""
    learnt: float = 0.0
    """The learnt reader's probability when it, not the rules, read this (always weak:
    :mod:`search.learnt_reading`); 0: read by the rules."""
    positions: tuple[int, ...] = ()
    """Where its evidence is among the query's words (0: the first), for telling which
    of two dangers the words sign more specifically."""

    @property
    def strength(self) -> str:
        return "strong" if self.strong else "weak"

    @property
    def section(self) -> str:
        return self.key.partition(":")[0]

    @property
    def code(self) -> str:
        return self.key.partition(":")[2]

    @property
    def is_topic(self) -> bool:
        """Whether it says what the help is about, rather than who, when or what cost."""
        return bool(self.needs or self.categories or self.kinds)


@dataclass(frozen=True, slots=True)
class Asker:
    """Who the search is for: ``"child"`` (a child of the searcher's), ``"young"`` (the
    searcher, a young person) or ``"self"`` (the searcher, an adult), and the words that
    say so."""

    who: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Reading:
    """How a query was read: its concepts, the dangers it signals, and typo fixes made.

    ``dangers`` are signalled strongly (a phrasebook danger phrase, or harm words read
    together with an act or threat: the safety panel); ``cues`` are dangers only weaker
    evidence found (the cue lexicon, or harm words near a person without an act: the
    one-line strip). Both put the listings that meet the danger first (the learnt alarm's
    band 2, ``quiet``, one of them). ``harm`` holds the
    co-occurrence reader's findings (:mod:`search.harm`), for ``flask search explain``.
    """

    concepts: tuple[Concept, ...] = ()
    dangers: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    cues: tuple[str, ...] = ()
    asker: Asker | None = None
    harm: tuple[Finding, ...] = ()
    quiet: tuple[Concept, ...] = ()
    """Dangers the learnt alarm read in its band 2 (:mod:`search.learnt_reading`): their
    strip shows (they are in ``cues``), but they are no concept: one listing meeting them
    leads, the rest in the order they have without them, and a search that finds nothing
    at all shows their listings (:func:`search.engine.search`)."""

    @property
    def quiet_cues(self) -> tuple[str, ...]:
        """The dangers whose strip shows from the learnt alarm's band 2 alone."""
        return tuple(concept.code for concept in self.quiet)

    def without(self, keys: Sequence[str]) -> Reading:
        """The same reading with some concepts set aside (dangers are still signalled)."""
        kept = tuple(concept for concept in self.concepts if concept.key not in keys)
        return replace(self, concepts=kept)


@dataclass(frozen=True, eq=False)
class QueryReader:
    """A phrasebook with what reading needs besides: the council's school holidays."""

    phrasebook: Phrasebook
    holidays: tuple[tuple[str, date, date], ...] = ()
    common_words: frozenset[str] = frozenset()
    """Real words of the language, which typo tolerance must leave as they are."""
    everyday: Mapping[str, float] = field(default_factory=dict)
    """The commonest words of the language and how much of a unit of meaning each is when
    no reading stands for it, below 1 (:attr:`search.query.TermGroup.weight`): a word of
    every conversation ("safe", "together", "one") says little of what help is wanted."""
    cues: CueLexicon | None = None
    """The weaker danger cues (:mod:`search.cues`); None: phrasebook dangers only."""
    harm: HarmReader | None = None
    """Harm read by co-occurrence (:mod:`search.harm`); None: not read so."""
    learnt: LearntReader | None = None
    """Readings learnt from labelled sentences, added where the rules read nothing
    (:mod:`search.learnt_reading`); None: the rules only."""
    glosses: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    """Phrases of the page's language (keys) and the English phrases they mean."""
    gloss_fold: Callable[[str], str] = compared
    """The form in which words are compared with the glosses' keys."""
    gloss_inflection: int = 0
    """Letters a word may have past a glossed word's form and still be that word, as
    Polish verbs and derived words add them to a stem ("krzyczała", "krzyczeli" for
    "krzyczę"); 0: none (:func:`search.word_forms.gloss_inflection`)."""
    inflection_tails: re.Pattern[str] | None = None
    """What a word and the glossed word it is read as may each have past the letters they
    share (:func:`search.word_forms.inflection_tails`); None: any letters."""
    gloss_derivations: tuple[str, ...] = ()
    """Endings that make a word out of a glossed word and keep what it means to a search
    (:func:`search.word_forms.gloss_derivations`): Polish "alkoholowy" of "alkohol"."""
    romanised: RomanisedWords | None = None
    """The page language's words typed in Latin letters, in any spelling or form (Urdu and
    Punjabi: :mod:`search.romanised`): real words, never respelled; a glossed verb's or
    adjective's other agreement is read as it ("marti" as "marta")."""
    exact_glosses: frozenset[tuple[str, ...]] = frozenset()
    """Glosses read only from a word in their own form, never from a misspelling or
    another form of it: a language's own one-word phrases in their other case endings
    (:func:`search.phrasebook.own_spellings`), whose roots make other words ("przeprowadzić",
    to carry out, is not "przeprowadzka", a move)."""
    unglossed: frozenset[str] = frozenset()
    """Words (as :func:`search.phrasebook.compared` makes them) never glossed, whatever
    their form folds onto: Polish number nouns, whose forms fold onto a day's ("piątkę",
    a five or "the five of us", onto "piątki", Fridays), so a day is read only from a
    day's own word."""
    _first: dict[str, list[tuple[str, ...]]] = field(init=False, repr=False)
    _derived: dict[str, frozenset[str]] = field(init=False, repr=False)
    """Stems whose one-word phrases are all nouns made with a suffix (:data:`DERIVED`:
    "housing", "parenting", "reading", "fitness"), with those phrases: the word the stemmer
    makes them one with ("house", "parents", "read", "fit") is weak evidence of them
    (:meth:`_stem_only`)."""
    _fixes: dict[str, str | None] = field(init=False, repr=False)
    """Corrections found so far: a typo's nearest book word is the same on every search."""
    _gloss_longest: int = field(init=False, repr=False)
    _gloss_words: frozenset[str] = field(init=False, repr=False)
    _gloss_fixes: dict[str, str | None] = field(init=False, repr=False)
    _gloss_targets: frozenset[str] = field(init=False, repr=False)
    """Glossed words a misspelling or another form may be read as (not only in
    ``exact_glosses``)."""
    _gloss_starts: dict[str, list[str]] = field(init=False, repr=False)
    _book_spellings: dict[str, str] = field(init=False, repr=False)
    """The book's romanised words by their :func:`search.word_forms.romanised_fold` form,
    so a word typed in another spelling is read in the book's ("maarta" as "marta"),
    never an English word's ("nani" is no "nanny"), and not a word of three letters or
    fewer ("mar", to die, stays no "maar", to hit)."""
    """Glossed words by their first MIN_FUZZY_LENGTH letters, for :meth:`_word_family`."""

    def __post_init__(self) -> None:
        first: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(self.phrasebook.keys, key=len, reverse=True):
            first.setdefault(key[0], []).append(key)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_derived", _derived_stems(self.phrasebook))
        object.__setattr__(self, "_fixes", {})
        object.__setattr__(self, "_gloss_longest", max(map(len, self.glosses), default=0))
        object.__setattr__(self, "_gloss_words", frozenset(w for key in self.glosses for w in key))
        object.__setattr__(self, "_gloss_fixes", {})
        targets = frozenset(w for key in self.glosses if key not in self.exact_glosses for w in key)
        object.__setattr__(self, "_gloss_targets", targets)
        starts: dict[str, list[str]] = {}
        for word in sorted(targets):
            if len(word) >= MIN_FUZZY_LENGTH:
                starts.setdefault(word[:MIN_FUZZY_LENGTH], []).append(word)
        object.__setattr__(self, "_gloss_starts", starts)
        spellings: dict[str, str] = {}
        if self.romanised is not None:
            for word in sorted(self.phrasebook.vocabulary & self.romanised.spellings):
                spellings.setdefault(romanised_fold(word), word)
        object.__setattr__(self, "_book_spellings", spellings)

    @property
    def quiet_words(self) -> frozenset[str]:
        return self.phrasebook.meaningless

    def is_word(self, word: str) -> bool:
        """Whether ``word`` (lower case, no apostrophes) is a real word, never respelled.
        A word typed with Latin accents is one when it is without them, as the word lists
        hold a language's commoner forms: Polish "opiekuję" (I care for) is "opiekuje",
        never the book's "opiekunkę" (a childminder)."""
        if (
            word in self.common_words
            or word in self.phrasebook.meaningless
            or (self.romanised is not None and word in self.romanised)
        ):
            return True
        return not word.isascii() and fold(word) in self.common_words

    def gloss(self, text: str, known_words: Mapping[str, int] | None = None) -> str:
        """``text`` with the page language's phrases put as the English phrases they mean
        ("bank żywności blisko" is "food bank blisko"); as it is when none is in it.

        A misspelt word is read as the glossed word one edit away (two for long words), as
        :meth:`read` corrects towards the book ("swietlca" is "świetlica"); real words and
        ``known_words`` (the index's) never are. Words of a danger phrase or cue, or of an
        abuse said to be over (``[ended]``), are never glossed: the danger is read from them
        as written ("psychological abuse" stays itself though Polish "psycholog" is
        glossed).
        """
        if not self.glosses:
            return text
        tokens = _tokens(text)
        forms = [self._gloss_form(token.key, known_words or {}) for token in tokens]
        alone = [
            self._alone_form(form, self.gloss_fold(token.key))
            for form, token in zip(forms, tokens, strict=True)
        ]
        acronyms = _acronyms(text)
        kept = {
            position
            for position, token in enumerate(tokens)
            if token.key in acronyms or compared(token.key) in self.unglossed
        }
        small = {
            position
            for position, token in enumerate(tokens)
            if token.key in self.phrasebook.meaningless
        }
        typed = [token.key for token in tokens]
        if not self._glossed(forms, kept, small, typed=typed, alone=alone):
            return text
        stems = [self.phrasebook.stem(token.key) for token in tokens]
        matches = self._matches(stems)
        lookalikes = self.cues.ignored_spans(typed) if self.cues is not None else []
        spans = _spans(matches) + [
            (first, last, last - first + 1, None, ())
            for first, last in [*self.phrasebook.context.expression_spans(stems), *lookalikes]
        ]
        # An abuse said to be over is read as typed too, as [ended] is written.
        ended = self.cues.ended(typed) if self.cues is not None else set()
        glossed = self._glossed(
            forms,
            kept | self._danger_positions(tokens, matches) | ended,
            small,
            spans,
            stems,
            typed,
            alone,
        )
        if not glossed:
            return text
        words = [token.key for token in tokens]
        for start, end, english in reversed(glossed):
            words[start:end] = [english]
        return " ".join(words)

    def _gloss_form(self, word: str, known_words: Mapping[str, int]) -> str:
        """The form ``word`` is looked up in the glosses in: a misspelling corrected,
        else another form of a glossed word (:meth:`_word_family`) as that word."""
        form = self.gloss_fold(word)
        if form in self._gloss_words or word in known_words:
            return form
        if not (word in self.phrasebook.vocabulary or self.is_word(word)):
            if form not in self._gloss_fixes:
                if len(self._gloss_fixes) >= FIXES_KEPT:
                    self._gloss_fixes.clear()
                self._gloss_fixes[form] = _correction(form, self._gloss_targets, {})
            fixed = self._gloss_fixes[form]
            if fixed is not None:
                return fixed
        return self._word_family(form) or self._agreeing(form) or form

    def _romanised(self, word: str) -> bool:
        """Whether ``word`` is a romanised word of the page's language, in any spelling,
        and no common English word it looks like ("bat" is not "baat")."""
        return (
            self.romanised is not None
            and word not in self.romanised.lookalikes
            and word in self.romanised
        )

    def _agreeing(self, form: str) -> str | None:
        """The glossed romanised word ``form`` is another agreement of ("marti" of "marta")."""
        if self.romanised is None:
            return None
        return self.romanised.agreeing(form, self._gloss_targets)

    def _alone_form(self, form: str, typed: str) -> str:
        """The form in which ``form`` (of a word ``typed`` in its fold) is looked up as a
        gloss of one word: itself (one of ``exact_glosses`` only as typed), or the
        one-word gloss whose form it starts with (:meth:`_word_family`) when it is
        glossed only inside longer phrases; "" for none. Polish "alkoholowym"
        ("alkoholow", as in "problem alkoholowy") alone is "alkohol"."""
        if (form,) in self.glosses and (form == typed or (form,) not in self.exact_glosses):
            return form
        return self._derived_from(form) or ""

    def _derived_from(self, form: str) -> str | None:
        """The one-word gloss ``form`` is made from with one of ``gloss_derivations``
        ("alkoholow" of "alkohol"); not a word that only starts alike ("rodzeństwo",
        siblings, is no "rodzenie", giving birth)."""
        for ending in self.gloss_derivations:
            word = form.removesuffix(ending)
            if word != form and len(word) >= MIN_FUZZY_LENGTH and (word,) in self.glosses:
                return word
        return None

    def _word_family(self, form: str) -> str | None:
        """The glossed word ``form`` is another form of: the two share their first
        MIN_FUZZY_LENGTH letters at least, and past what they share ``form`` has no more
        than ``gloss_inflection`` letters and the glossed word one, each an ending of
        ``inflection_tails`` ("płakała" and "płakać"; "krzyczeli" and "krzyczę"; not
        "naprawdę" and "naprawa"). The longest shared start wins."""
        if not self.gloss_inflection or len(form) < MIN_FUZZY_LENGTH:
            return None
        best, shared = None, 0
        for word in self._gloss_starts.get(form[:MIN_FUZZY_LENGTH], ()):
            common = _shared_start(form, word)
            if (
                common > shared
                and len(form) - common <= self.gloss_inflection
                and len(word) - common <= 1
                and self._inflected(form[common:], word[common:])
            ):
                best, shared = word, common
        return best

    def _inflected(self, *tails: str) -> bool:
        """Whether each of ``tails`` is an ending two forms of one word may differ by."""
        pattern = self.inflection_tails
        return pattern is None or all(pattern.fullmatch(tail) for tail in tails)

    def _glossed(
        self,
        forms: list[str],
        kept: set[int],
        small: set[int],
        phrases: Sequence[_Span] = (),
        stems: Sequence[str] = (),
        typed: Sequence[str] = (),
        alone: Sequence[str] = (),
    ) -> list[tuple[int, int, str]]:
        """(start, end, English) of each glossed phrase, longest first from the left,
        none touching a position in ``kept``. A small word of the language (``small``:
        its meaningless words) is glossed only inside a longer phrase: Polish "żeby" (so
        that) is not "zęby" (teeth) with its letters taken off; one no gloss uses may sit
        inside a phrase ("ਸੌਂਦਾ ਹੀ ਨਹੀਂ" is "ਸੌਂਦਾ ਨਹੀਂ" with emphasis).

        A gloss yields to a longer book phrase it would undo: none is made that overlaps
        one of ``phrases`` (the book's matches and everyday expressions in the words as
        typed, whose ``stems`` are given) with more words than it glosses, unless the
        phrase's meaning is still read from the gloss and its other words
        (:meth:`_gloss_undoes`). Punjabi "ਮਾਨਸਿਕ ਸਿਹਤ" is the book's mental health, not
        "ਮਾਨਸਿਕ" and the gloss "health"; Polish "umieram ze śmiechu" (dying of laughter)
        is an expression, not a death. ``alone`` is each word's form as a gloss of one
        word (:meth:`_alone_form`), tried where its own form glosses nothing alone."""
        found: list[tuple[int, int, str]] = []
        skippable = {p for p in small if forms[p] not in self._gloss_words}
        position = 0
        while position < len(forms):
            for indexes in (
                range(position, min(position + self._gloss_longest, len(forms))),
                _skipping(position, len(forms), self._gloss_longest, skippable),
            ):
                made = self._gloss_at(
                    forms, list(indexes), kept, small, phrases, stems, typed, alone
                )
                if made is not None:
                    found.append(made)
                    position = made[1]
                    break
            else:
                position += 1
        return found

    def _gloss_at(
        self,
        forms: list[str],
        indexes: list[int],
        kept: set[int],
        small: set[int],
        phrases: Sequence[_Span],
        stems: Sequence[str],
        typed: Sequence[str],
        alone: Sequence[str] = (),
    ) -> tuple[int, int, str] | None:
        """The longest gloss of the words at ``indexes`` (from their first), if one may
        be made there: (start, end, English). A phrase typed as the book writes it
        (``typed``) is left for the book to read, shorter glosses inside it tried."""
        if not indexes:
            return None
        position = indexes[0]
        for length in range(len(indexes), 0, -1):
            if length == 1 and position in small:
                continue
            end = indexes[length - 1] + 1
            english = (
                self.glosses.get((alone[position],))
                if length == 1 and alone
                else self.glosses.get(tuple(forms[i] for i in indexes[:length]))
            )
            if (
                english is not None
                and english != " ".join(typed[i] for i in indexes[:length])
                and kept.isdisjoint(range(position, end))
                and not any(
                    words > end - position
                    and first < end
                    and position <= last
                    and self._gloss_undoes(english, position, end, span, stems)
                    for span in phrases
                    for first, last, words in [span[:3]]
                )
            ):
                return position, end, english
        return None

    def _gloss_undoes(
        self, english: str, start: int, end: int, span: _Span, stems: Sequence[str]
    ) -> bool:
        """Whether glossing the words from ``start`` to ``end`` as ``english`` undoes the
        longer book phrase ``span`` (an everyday expression always is): its meaning is
        no longer read from the gloss and its other words. "ਸਿਹਤ" glossed "health"
        undoes "ਮਾਨਸਿਕ ਸਿਹਤ" (mental health); "muft" glossed "free" leaves "muft khana"
        (free food) read, as "free khana" is still food."""
        positions, entry = span[4], span[3]
        if entry is None:
            return True
        words: list[str] = []
        glossed = False
        for position in positions:
            if not start <= position < end:
                words.append(stems[position])
            elif not glossed:
                words.extend(self.phrasebook.key(english))
                glossed = True
        return all(found is not entry for found, _ in self._matches(words))

    def _danger_positions(
        self, tokens: list[_Token], matches: Sequence[tuple[Entry, tuple[int, ...]]]
    ) -> set[int]:
        """Positions of the words that make a danger phrase (among the book's
        ``matches``) or a danger cue."""
        kept = {
            position
            for entry, positions in matches
            if entry.section == "dangers"
            for position in positions
        }
        if self.cues is not None:
            keys = [token.key for token in tokens]
            ignored = self.cues.ignored(keys)
            for positions in self.cues.find(keys, ignored).values():
                kept.update(positions)
            if self.harm is not None:
                for finding in self.harm.read(keys, ignored):
                    kept.update(finding.positions)
        return kept

    def read(self, text: str, known_words: Mapping[str, int], today: date) -> Reading:
        """Read ``text``; ``known_words`` (the index's words) are never typo-corrected."""
        tokens = _tokens(text)
        book = self.phrasebook
        stems: list[str] = []
        corrections: list[tuple[str, str]] = []
        for token in tokens:
            word = token.key
            fixed = word
            if word not in book.vocabulary and self._romanised(word):
                if len(word) > SHORT_ROMANISED:
                    fixed = self._book_spellings.get(romanised_fold(word), word)
            elif word not in book.vocabulary and not self.is_word(word):
                fixed = (None if word in known_words else self._correction(word)) or word
                if fixed != word:
                    corrections.append((word, fixed))
            stems.append(book.stem(fixed))
        contractions = frozenset(i for i, token in enumerate(tokens) if token.contraction)
        matches = self._matches(stems, contractions)
        keys = [token.key for token in tokens]
        ignored = self.cues.ignored(keys) if self.cues is not None else set()
        # An abuse said to be past and over is the need for support, not a danger now.
        ended = self.cues.ended(keys) if self.cues is not None else set()
        ignored |= ended
        # A danger phrase that is a harm word done to a thing or said in jest is none.
        idle = self.harm.idle(keys, ignored) if self.harm is not None and tokens else set()
        was = [
            _past_need(code, tokens, positions)
            for entry, positions in matches
            if entry.section == "dangers" and not ended.isdisjoint(positions)
            for code in entry.needs
        ]
        if ended and not was:
            # An ended abuse told as what was done ("پہلے شوہر مارتا تھا", used to hit),
            # not by a danger phrase's name: the need of the harm those words read.
            was = self._past_harm(keys, tokens, ignored - ended, ended)
        matches = [
            (entry, positions)
            for entry, positions in matches
            if entry.section != "dangers" or ignored.union(idle).isdisjoint(positions)
        ]
        matches = self._in_context(matches, stems)
        strong = {entry.code for entry, _ in matches if entry.section == "dangers"}
        findings = self.harm.read(keys, ignored) if self.harm is not None and tokens else ()
        harm = self._harm(tokens, findings)
        strong.update(c.code for c in harm if c.strong)
        cued = [*self._cued(tokens, ignored), *harm, *was]
        signs = self.harm.signs(keys, ignored) if self.harm is not None else {}
        concepts = _leading_danger_first(
            self._concepts(matches, tokens, today, cued, stems),
            book.meaningless,
            signs,
            self.harm.breadth if self.harm is not None else None,
        )
        dangers = tuple(c.code for c in concepts if c.priority and c.code in strong)
        cues = tuple(c.code for c in concepts if c.priority and c.code not in strong)
        asked = book.context.asker(stems)
        asker = (
            Asker(asked[0], _evidence(tokens, range(asked[1], asked[2] + 1)))
            if asked is not None
            else None
        )
        reading = Reading(
            concepts, dangers, tuple(dict.fromkeys(corrections)), cues, asker, findings
        )
        if self.learnt is None:
            return reading
        return self.learnt.added(reading, text, lookalike=bool(ignored))

    def _past_harm(
        self, keys: list[str], tokens: list[_Token], ignored: set[int], ended: set[int]
    ) -> list[Concept]:
        """The needs of the domestic abuse the harm words of an ended abuse read, read
        without blanking it (only the domestic abuse [ended] is written for; a child's
        abuse long past, as an adult tells it, is the need the rest of the words say)."""
        found = [
            (finding.danger, finding.positions)
            for finding in (self.harm.read(keys, ignored) if self.harm is not None else ())
        ]
        if self.cues is not None:
            found += list(self.cues.find(keys, ignored).items())
        needs = self.phrasebook.danger_needs()
        return [
            _past_need(code, tokens, sorted(ended.intersection(positions)))
            for danger, positions in found
            if danger == PAST_DANGER and not ended.isdisjoint(positions)
            for code in needs.get(danger, ())
        ][:1]

    def holds_lookalike(self, text: str) -> bool:
        """Whether ``text`` holds a look-alike the cue lexicon knows ("ran off in the
        park", "knife and fork"): the rules have judged those words ordinary, and the
        learnt reader then reads no danger (:mod:`search.learnt_reading`)."""
        return holds_lookalike(self.cues, text)

    def _in_context(
        self, matches: list[tuple[Entry, tuple[int, ...]]], stems: Sequence[str]
    ) -> list[tuple[Entry, tuple[int, ...]]]:
        """The matches that are evidence: none lying inside a longer everyday expression
        ("of course", "dead on my feet"), dangers excepted (see :mod:`search.context`)."""
        spans = self.phrasebook.context.expression_spans(stems)
        if not spans:
            return matches
        return [
            (entry, positions)
            for entry, positions in matches
            if entry.section == "dangers"
            or not any(
                first <= positions[0] and positions[-1] <= last and len(positions) <= last - first
                for first, last in spans
            )
        ]

    def needs_in(self, text: str, limit: int = MAX_TEXT_WORDS) -> tuple[dict[str, int], set[str]]:
        """How often ``text`` (a listing's own words) speaks of each need (strong readings
        of a need, or of a danger's needs, in context, without typo correction), and the
        need, category, kind and danger phrases it uses, as :func:`phrase_key` keys."""
        folded = unicodedata.normalize("NFKC", _CONTROL.sub(" ", text)).casefold()
        stem = self.phrasebook.stem
        stems = [stem("".join(phrase_words(raw))) for raw in _TOKEN.findall(folded)[:limit]]
        context = self.phrasebook.context
        found: dict[str, int] = {}
        phrases: set[str] = set()
        for entry, positions in self._in_context(self._matches(stems), stems):
            if entry.section not in TOPICS:
                continue
            if len(positions) == 1 and context.weakened(
                entry.section, positions[0], stems, entry.code
            ):
                continue
            phrases.add(phrase_key(stems, positions))
            codes = (
                entry.needs
                if entry.section == "dangers"
                else (entry.code,)
                if entry.section == "needs"
                else ()
            )
            for code in codes:
                found[code] = found.get(code, 0) + 1
        return found, phrases

    def _correction(self, word: str) -> str | None:
        if word not in self._fixes:
            if len(self._fixes) >= FIXES_KEPT:
                self._fixes.clear()
            self._fixes[word] = _correction(word, self.phrasebook.vocabulary, {})
        return self._fixes[word]

    def _cued(self, tokens: list[_Token], ignored: set[int]) -> list[Concept]:
        """A danger concept for each danger the cue lexicon finds in the words, none when
        they joke or fill in a form (:meth:`search.harm.HarmReader.set_aside`)."""
        if self.cues is None or not tokens:
            return []
        if self.harm is not None and self.harm.set_aside([t.key for t in tokens], ignored):
            return []
        needs = self.phrasebook.danger_needs()
        return [
            Concept(
                f"danger:{code}",
                tuple(part for p in positions for part in tokens[p].parts),
                needs=needs[code],
                priority=True,
                evidence=_evidence(tokens, positions),
                strong=False,
                positions=tuple(sorted(positions)),
            )
            for code, positions in self.cues.find([t.key for t in tokens], ignored).items()
            if code in needs
        ]

    def _harm(self, tokens: list[_Token], findings: Sequence[Finding]) -> list[Concept]:
        """A danger concept for each danger the harm words read together (strong when
        an act or threat is near: the panel)."""
        needs = self.phrasebook.danger_needs()
        return [
            Concept(
                f"danger:{finding.danger}",
                tuple(part for p in finding.positions for part in tokens[p].parts),
                needs=needs[finding.danger],
                priority=True,
                evidence=_evidence(tokens, finding.positions),
                strong=finding.strong,
                positions=finding.positions,
            )
            for finding in findings
            if finding.danger in needs
        ]

    def _matches(
        self, stems: Sequence[str], contractions: frozenset[int] = frozenset()
    ) -> list[tuple[Entry, tuple[int, ...]]]:
        """Non-overlapping phrase matches: more phrase words first, then the tighter, then
        the earlier ("can't afford" beats "can't ... feed" in "can't afford to feed").
        A phrase holding one of ``contractions`` ("i'll" is no "ill") is read only when it
        signals a danger: the danger phrases write contractions so ("said hed kill me")."""
        found: list[tuple[int, int, int, tuple[int, ...], Entry]] = []
        for start, stem in enumerate(stems):
            for key in self._first.get(stem, ()):
                positions = _match_at(stems, start, key)
                if positions is not None and (
                    contractions.isdisjoint(positions)
                    or self.phrasebook.keys[key].section == "dangers"
                ):
                    span = positions[-1] - start
                    found.append((-len(key), span, start, positions, self.phrasebook.keys[key]))
        found.sort(key=lambda item: item[:3])
        taken: set[int] = set()
        chosen: list[tuple[Entry, tuple[int, ...]]] = []
        for _, _, _, positions, entry in found:
            if taken.isdisjoint(positions):
                taken.update(positions)
                chosen.append((entry, positions))
        chosen.sort(key=lambda item: item[1][0])
        return chosen

    def _concepts(
        self,
        matches: list[tuple[Entry, tuple[int, ...]]],
        tokens: list[_Token],
        today: date,
        cued: Sequence[Concept] = (),
        stems: Sequence[str] = (),
    ) -> tuple[Concept, ...]:
        by_key: dict[str, Concept] = {}
        context = self.phrasebook.context
        read: list[Concept] = []
        derived_at: set[int] = set()
        for entry, positions in matches:
            concept = self._concept(
                entry, tuple(part for p in positions for part in tokens[p].parts), today
            )
            if concept is None:
                continue
            weakened = (
                context.weakened(entry.section, positions[0], stems, entry.code)
                if len(positions) == 1 and entry.section != "dangers"
                else None
            )
            if entry.section == "ages" and len(positions) > 1:
                weakened = context.weakened("ages.span", positions[-1], stems)
            derived = (
                len(positions) == 1
                and weakened is None
                and entry.section in DERIVED_SECTIONS
                and self._stem_only(tokens[positions[0]].key, stems[positions[0]])
            )
            if derived:
                derived_at.add(len(read))
            read.append(
                replace(
                    concept,
                    phrases=(phrase_key(stems, positions),) if stems else (),
                    evidence=_evidence(tokens, positions),
                    strong=weakened is None and not derived,
                    weakened_by=(
                        _evidence(tokens, weakened)
                        if weakened
                        else self._stem_only_note(tokens[positions[0]].key, stems[positions[0]])
                        if derived
                        else ""
                    ),
                    positions=tuple(positions),
                )
            )
        if derived_at and not any(
            concept.strong and concept.needs
            for i, concept in enumerate([*read, *cued])
            if i not in derived_at
        ):
            # nothing else says what is wrong: "support for parents" is parenting
            read = [
                replace(concept, strong=True, weakened_by="") if i in derived_at else concept
                for i, concept in enumerate(read)
            ]
        for concept in [*read, *cued]:
            current = by_key.get(concept.key)
            if current is not None:
                concept = _joined(current, concept)
            by_key[concept.key] = concept
        return _fold_needs_into_dangers(list(by_key.values()))

    def _stem_only(self, word: str, stem: str) -> bool:
        """Whether ``word`` (as typed, its stem ``stem``) only shares its stem with the
        suffixed nouns that are the book's phrases for it: "house" with "housing",
        "parents" with "parenting", "read" with "reading". A person or a thing is no
        evidence of the service named after it ("the house is tense", "a group for
        parents", "what can I read"): the reading is weak, ranking and never choosing,
        where another need is read strongly (alone, "support for parents", it is the
        need). A word corrected towards the phrase (its own stem another) is not judged
        here."""
        forms = self._derived.get(stem)
        if forms is None or word in forms or word.endswith(DERIVED):
            return False
        return self.phrasebook.stem(word) == stem

    def _stem_only_note(self, word: str, stem: str) -> str:
        """What a reading :meth:`_stem_only` made weak says of it (``weakened_by``):
        "parents (not parenting)"."""
        return f"{word} (not {' / '.join(sorted(self._derived[stem]))})"

    def _concept(self, entry: Entry, words: tuple[str, ...], today: date) -> Concept | None:
        """The concept an entry stands for; None for a holiday with no dates to come."""
        key = f"{_SECTION_KEYS[entry.section]}:{entry.code}"
        if entry.section == "dangers":
            return Concept(key, words, needs=entry.needs, priority=True)
        if entry.section == "needs":
            return Concept(key, words, needs=(entry.code,))
        if entry.section == "categories":
            return Concept(key, words, categories=(entry.code,))
        if entry.section == "kinds":
            return Concept(key, words, kinds=(entry.code,))
        if entry.section == "ages":
            return Concept(key, words, ages=entry.ages)
        if entry.section == "cost":
            return Concept(key, words, free=True)
        dates = (
            holiday_dates(entry.holiday, self.holidays, today) if entry.holiday is not None else ()
        )
        if not (dates or entry.days or entry.hours):
            return None
        return Concept(key, words, days=entry.days, hours=entry.hours, session_dates=dates)


TOPICS = frozenset({"needs", "categories", "kinds", "dangers"})
DERIVED = ("ing", "ings", "ness")
"""Suffixes making a noun of a service or state out of another word ("housing",
"parenting", "fitness"), which the stemmer takes off."""
DERIVED_SECTIONS = frozenset({"needs", "categories", "kinds"})


_DERIVED_BY_BOOK: WeakKeyDictionary[Phrasebook, dict[str, frozenset[str]]] = WeakKeyDictionary()
""":func:`_derived_stems` once per phrasebook (a phrasebook never changes once made): a
reader is copied with :func:`dataclasses.replace` per sentence where the alarm's figures
are worked out, and stemming every phrase again for each copy took minutes."""


def _derived_stems(book: Phrasebook) -> dict[str, frozenset[str]]:
    """Stems whose one-word phrases (of needs, categories and kinds) all end in a
    :data:`DERIVED` suffix, with those phrases as the reader compares them."""
    kept = _DERIVED_BY_BOOK.get(book)
    if kept is None:
        kept = _DERIVED_BY_BOOK[book] = _stems_derived(book)
    return kept


def _stems_derived(book: Phrasebook) -> dict[str, frozenset[str]]:
    """:func:`_derived_stems`, worked out."""
    forms: dict[str, set[str]] = {}
    for key, entry in book.keys.items():
        if len(key) != 1 or entry.section not in DERIVED_SECTIONS:
            continue
        for phrase in entry.phrases:
            words = phrase_words(phrase)
            if len(words) == 1 and book.stem(words[0]) == key[0]:
                forms.setdefault(key[0], set()).add(words[0])
    return {
        stem: frozenset(words)
        for stem, words in forms.items()
        if words and all(word.endswith(DERIVED) for word in words)
    }


"""Sections whose phrases say what a listing is about."""

_SECTION_KEYS = {
    "needs": "need",
    "categories": "category",
    "kinds": "kind",
    "ages": "age",
    "times": "time",
    "cost": "cost",
    "dangers": "danger",
}


@dataclass(frozen=True, slots=True)
class _Token:
    key: str  # lower case, apostrophes dropped: "cant"
    parts: tuple[str, ...]  # as the text matcher splits it: ("can", "t", "cant")
    raw: str = ""  # as typed, lower case: "can't"
    contraction: bool = False
    """A contraction spelling another word with its apostrophe dropped ("i'll", "we'd";
    :mod:`search.contractions`): no need, time or other reading but a danger's."""


def _past_need(code: str, tokens: Sequence[_Token], positions: Sequence[int]) -> Concept:
    """The need a danger phrase names when the danger is past and over ("he was abusive,
    we left years ago"): its services rank first, with no panel or strip."""
    return Concept(
        f"need:{code}",
        tuple(part for p in positions for part in tokens[p].parts),
        needs=(code,),
        evidence=_evidence(tokens, positions),
        positions=tuple(positions),
    )


def _skipping(position: int, count: int, longest: int, skippable: set[int]) -> list[int]:
    """Positions from ``position`` on, passing over up to MAX_GAP small words no gloss
    uses (Punjabi "ਹੀ", Urdu "bhi": emphasis), as many as the longest gloss has words;
    none when nothing would be passed over (the words side by side are tried first)."""
    indexes = [position]
    skipped = 0
    for index in range(position + 1, count):
        if len(indexes) == longest:
            break
        if index in skippable and skipped < MAX_GAP:
            skipped += 1
            continue
        indexes.append(index)
    return indexes if skipped and len(indexes) > 1 else []


_Span = tuple[int, int, int, Entry | None, tuple[int, ...]]
"""(first, last, words, entry, positions) of a book phrase in a query; entry None: an
everyday expression."""


def _spans(matches: Sequence[tuple[Entry, tuple[int, ...]]]) -> list[_Span]:
    """(first, last, words, entry, positions) of each book phrase match of two words or
    more."""
    return [
        (positions[0], positions[-1], len(positions), entry, positions)
        for entry, positions in matches
        if len(positions) > 1
    ]


def _shared_start(one: str, other: str) -> int:
    """How many letters ``one`` and ``other`` begin with in common."""
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        count += 1
    return count


def _acronyms(text: str) -> frozenset[str]:
    """Words typed as English abbreviations (capitals, 2 to 5 letters), lower case; none
    when the whole text is in capitals, as then capitals say nothing."""
    if not any(character.islower() for character in text):
        return frozenset()
    return frozenset(word.casefold() for word in _ACRONYM.findall(text))


def holds_lookalike(cues: CueLexicon | None, text: str) -> bool:
    """Whether ``text`` holds a look-alike ``cues`` knows (:meth:`QueryReader.holds_lookalike`)."""
    if cues is None:
        return False
    return bool(cues.ignored([token.key for token in _tokens(text)]))


def _tokens(text: str) -> list[_Token]:
    folded = unicodedata.normalize("NFKC", _CONTROL.sub(" ", text[:2048])).casefold()
    folded = _LAUGHTER.sub(" lol ", folded)
    found = list(_TOKEN.finditer(folded))[:MAX_READ_WORDS]
    raws = [match.group() for match in found]
    keys = ["".join(phrase_words(raw)) for raw in raws]
    stops = [
        bool(_STOP.search(folded[found[i - 1].end() : match.start()])) if i else False
        for i, match in enumerate(found)
    ]
    contractions = contracted(keys, raws, stops)
    tokens: list[_Token] = []
    for position, (raw, key) in enumerate(zip(raws, keys, strict=True)):
        parts = tuple(dict.fromkeys((*re.findall(r"\w+", raw), key)))
        tokens.append(_Token(key, parts, raw, position in contractions))
    return tokens


@functools.lru_cache(maxsize=16)
def danger_phrases(book: Phrasebook) -> dict[str, frozenset[str]]:
    """Each danger's phrases as :func:`phrase_key` keys, the terms a listing's own words
    are indexed under when they use one (:meth:`QueryReader.needs_in`)."""
    found: dict[str, set[str]] = {}
    for words, entry in book.keys.items():
        if entry.section == "dangers":
            found.setdefault(entry.code, set()).add(phrase_key(words, range(len(words))))
    return {code: frozenset(keys) for code, keys in found.items()}


def phrase_key(stems: Sequence[str], positions: Sequence[int]) -> str:
    """A matched phrase as one keyword term: its stems cut to PHRASE_PREFIX letters and
    joined ("debt~advic"), so a listing's "autistic" fits a search's "autism"."""
    return "~".join(stems[p][:PHRASE_PREFIX] for p in positions)


def _evidence(tokens: Sequence[_Token], positions: Sequence[int]) -> str:
    """The query's words from the first to the last of ``positions``, as typed."""
    if not positions:
        return ""
    return " ".join(token.raw for token in tokens[min(positions) : max(positions) + 1])


def _joined(current: Concept, other: Concept) -> Concept:
    """One concept read twice: its words and evidence together, strong if either is."""
    evidence = " / ".join(dict.fromkeys(e for e in (current.evidence, other.evidence) if e))
    strong = current.strong or other.strong
    return replace(
        current,
        words=tuple(dict.fromkeys(current.words + other.words)),
        phrases=tuple(dict.fromkeys(current.phrases + other.phrases)),
        evidence=evidence,
        strong=strong,
        weakened_by="" if strong else current.weakened_by,
        positions=tuple(sorted({*current.positions, *other.positions})),
    )


def _match_at(stems: Sequence[str], start: int, key: tuple[str, ...]) -> tuple[int, ...] | None:
    """Positions of ``key``'s words from ``start``, each at most MAX_GAP words after the last."""
    positions = [start]
    for word in key[1:]:
        last = positions[-1]
        for position in range(last + 1, min(last + 2 + MAX_GAP, len(stems))):
            if stems[position] == word:
                positions.append(position)
                break
        else:
            return None
    return tuple(positions)


def _correction(word: str, vocabulary: frozenset[str], known: Mapping[str, int]) -> str | None:
    """The phrasebook word a misspelt ``word`` stands for, if exactly one is nearest."""
    if len(word) < MIN_FUZZY_LENGTH or not word.isalpha() or word in known:
        return None
    limit = 1 if len(word) < 8 else 2
    best: list[str] = []
    best_distance = limit + 1
    for candidate in vocabulary:
        if candidate[0] != word[0] or abs(len(candidate) - len(word)) > limit:
            continue
        distance = edit_distance(word, candidate, limit)
        if distance > limit:
            continue
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance:
            best.append(candidate)
    return best[0] if len(best) == 1 else None


def _leading_danger_first(
    concepts: tuple[Concept, ...],
    quiet: frozenset[str],
    signs: Mapping[int, frozenset[str]] | None = None,
    breadth: Mapping[str, int] | None = None,
) -> tuple[Concept, ...]:
    """Dangers first, the most specific leading: the one whose evidence holds more words
    that are a sign of it alone (``signs``: position -> the dangers the harm lexicon's
    class words there sign), so "they said if i stop running for them theyll hurt my
    mum" leads with exploitation ("running for", its sign alone) before a child at risk
    (the threat, a sign of several). Then the one with the most words of evidence (words
    that say something: not "me", "when" or "he"): "dad hits me when he is drunk" reads
    a child at risk (dad, hits) before domestic abuse (hits). On equal evidence the danger
    meeting more needs leads (a child at risk's services include domestic abuse ones),
    then the order of the words."""
    signed = signs or {}
    narrow = breadth or {}

    def specific(concept: Concept) -> tuple[int, int]:
        own = any(signed.get(p) == {concept.code} for p in concept.positions)
        return (-1, narrow.get(concept.code, 0)) if own else (0, 0)

    def evidence(concept: Concept) -> int:
        return len({word for word in concept.words if word not in quiet})

    dangers = sorted(
        (c for c in concepts if c.priority),
        key=lambda c: (*specific(c), -evidence(c), -len(c.needs)),
    )
    return (*dangers, *(c for c in concepts if not c.priority))


def _fold_needs_into_dangers(concepts: list[Concept]) -> tuple[Concept, ...]:
    """A need a danger already stands for ("domestic abuse refuge") joins the danger."""
    dangers = [c for c in concepts if c.priority]
    kept: list[Concept] = []
    for concept in concepts:
        home = next(
            (
                d
                for d in dangers
                if concept.section == "need" and set(concept.needs) <= set(d.needs)
            ),
            None,
        )
        if home is None:
            kept.append(concept)
            continue
        index = dangers.index(home)
        dangers[index] = _joined(home, replace(concept, strong=home.strong))
    by_key = {d.key: d for d in dangers}
    return tuple(by_key.get(c.key, c) for c in kept)
