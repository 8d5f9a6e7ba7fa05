"""Harm read by co-occurrence: classes of words near each other, not sentences. Pure code.

Patterns (:mod:`search.cues`) are written from sentences and miss the next sentence that
says the same in other words. This reader looks for the *parts* of a danger instead: a
harm word (a class: violence, weapons, sexual contact, being kept in, wanting to die,
grooming signs, marriage abroad, honour, cutting of girls...) near a person word (the
searcher, a partner, a child of theirs, a known adult, a stranger online), within
``window`` words. Ordered rules (``councils/safety/harm.toml``) say which harm and person
classes make which danger, what else must be near (``also``), and which person classes
turn a rule off (``unless``): "my partner hits me" is domestic abuse, "my stepdad hits
me" a child at risk, "my son hits me" child-to-parent abuse (domestic abuse).

The grade: *strong* (the safety panel) when an explicit act or threat is near too (a word
of an ``act`` class: "threatened", "tried", or a harm word that is itself an act: "hit",
"strangled"); *weak* (the one-line strip) otherwise.

Look-alikes raise nothing: the cue lexicon's ``[ignore]`` words are blanked before reading
("knife and fork", "killing time"); a harm word whose neighbour is an ``object`` word is
an idiom about a thing ("phone died", "cut the budget", "kill an hour"); a sentence with
a ``form`` word (homework, consent form, an awareness course) is not read by
co-occurrence at all, nor one whose laughter ("lol", "jk") is over hyperbole alone
(:meth:`HarmReader.set_aside`).

Words are matched whole after :func:`search.cues.fold`; ``*`` at the end of a word is any
letters (Polish inflections: ``bij*``); a list entry may be several words ("private
parts"). Everything is compiled once, when the site starts; a search costs a few
dictionary look-ups per word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from search.cues import fold
from search.homographs import SmallWords

DEFAULT_WINDOW = 5
WORDS_KEPT = 8192
"""Words whose class entries are remembered: a word's entries are the same on every search."""
FOUND_KEPT = 64
"""Queries whose class words are remembered (:meth:`HarmReader.words`): one reading asks
for the same words four or five times (the idle words, the findings, the signs, whether
to set the cues aside)."""
_SPECIAL = frozenset({"act", "object", "joke", "form", "hyperbole", "real_threat"})
REMOVAL = "removal"
"""The classes of being put out of somewhere (``removal``, ``removal_self``...: "kicked
out", "wyrzucił", "nikal diya"): their words are read as the removal, never as the blow
one of them names ("kicked")."""
_OUT_OF_REACH = frozenset({"missing_sign", "unreachable"})
"""Classes whose words say someone cannot be reached ("phone off", "فون بند"): the thing
they name is no object of a harm word beside them."""
_SKIPPED = frozenset(
    {
        "the",
        "a",
        "an",
        "my",
        "his",
        "her",
        "their",
        "our",
        "your",
        "this",
        "that",
        "by",
        "off",
        "z",
        "old",
        "new",
    }
)
"""Words passed over when looking for the thing a harm word acts on: "cut *the* budget"."""
_OWNERS = frozenset(
    {
        "dads",
        "mums",
        "moms",
        "mams",
        "nans",
        "grans",
        "friends",
        "neighbours",
        "sisters",
        "brothers",
    }
)
"""Whose thing it is, passed over too: "scared of her *dads* dog"."""
_SKIPPED_BEFORE = _SKIPPED | {
    "have",
    "has",
    "had",
    "is",
    "are",
    "was",
    "were",
    "keep",
    "keeps",
    "got",
}
"""And, before it, the words that say what befell the thing: "shoes *have* gone missing"."""


TEXT_SPEAK = {
    "nite": "night",
    "nites": "nights",
    "wi": "with",
    "wiv": "with",
    "n": "and",
    "ur": "your",
    "bout": "about",
    "wat": "what",
    "wot": "what",
    "nxt": "next",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "ar": "our",
    "wkend": "weekend",
    "gunna": "gonna",
    "av": "have",
    "ave": "have",
    "tho": "though",
    "b4": "before",
    "2nite": "tonight",
    "2day": "today",
    "some1": "someone",
    "sum1": "someone",
    "any1": "anyone",
    "no1": "no one",
    "ppl": "people",
    "pls": "please",
    "bc": "because",
    "yr": "year",
    "yrs": "years",
    "wen": "when",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "cor": "cant",
    "follers": "follows",
    "foller": "follow",
    "follered": "followed",
    "bein": "being",
    "goin": "going",
    "nuthin": "nothing",
    "summat": "something",
    "sumthin": "something",
    "sumthing": "something",
    "ne1": "anyone",
    "every1": "everyone",
    "evry1": "everyone",
    "kno": "know",
    "knw": "know",
    "dnt": "dont",
    "cnt": "cant",
    "tht": "that",
    "thru": "through",
    "hme": "home",
    "skl": "school",
    "skool": "school",
    "jus": "just",
    "juss": "just",
}
"""Text-speak, and Black Country and West Midlands spellings, as the lexicon writes them
(its "me" for "my" is matched in :func:`_fits`)."""


class HarmError(ValueError):
    """The harm word file is malformed; the message names the entry."""


@dataclass(frozen=True, slots=True)
class Rule:
    """Harm words of ``harm`` near a person word of ``person`` make ``danger``.

    ``also``: classes that must each have a word near too ("a|b": a word of either);
    ``unless``: person classes
    that, anywhere in the words, turn the rule off; ``min_harm``: distinct harm words
    needed (grooming reads from two signs together: "older lads" and "money")."""

    danger: str
    harm: frozenset[str]
    person: frozenset[str]
    also: tuple[str, ...] = ()
    unless: frozenset[str] = frozenset()
    min_harm: int = 1
    can_be_strong: bool = True
    window: int | None = None
    """Words either side counted as near, when not the file's ``window``: signs of
    grooming or a forced marriage are spread over a whole sentence."""
    after: bool = False
    """The person word must follow the harm word: the one it is done to ("smacks her
    kids", "hits my son"), not the one doing it ("my son hits me")."""
    sure: bool = False
    """Strong with no act near: a weapon or a threat to life beside an abuser and the one
    threatened is plain danger in itself ("hes got a knife", "a gun in the loft"; Women's
    Aid and Refuge: threats to kill and weapons are high-risk signs)."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word (or phrase) of the query found in a class: its positions and its class."""

    text: str
    cls: str
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A danger read by co-occurrence, its grade and the words that made it."""

    danger: str
    strong: bool
    words: tuple[Word, ...]

    @property
    def grade(self) -> str:
        return "strong" if self.strong else "weak"

    @property
    def positions(self) -> tuple[int, ...]:
        return tuple(sorted({p for word in self.words for p in word.positions}))

    def describe(self) -> str:
        """``hit (violence), me (self), threatened (act)``: for ``flask search explain``."""
        return ", ".join(f"{word.text} ({word.cls})" for word in self.words)


_Entry = tuple[tuple[str, ...], str]
"""A class word: its words (a final ``*`` is a prefix) and its class."""


@dataclass(frozen=True, eq=False)
class HarmReader:
    """The compiled word classes and rules."""

    rules: tuple[Rule, ...]
    acts: frozenset[str]
    """Classes whose words are acts themselves (``act`` and any with ``act = true``)."""
    window: int
    exact: Mapping[str, tuple[_Entry, ...]]
    prefixes: Mapping[str, tuple[_Entry, ...]]
    longest_prefix: int
    signals: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Class -> the dangers its words are a sign of: those of the rules that use it as
    harm or as what must be near (``also``), never as the person ("me", "my son") nor an
    ``act`` ("threatened"), which say nothing of which danger."""
    breadth: Mapping[str, int] = field(default_factory=dict)
    """Danger -> how many classes sign it: the fewer, the narrower the danger (wanting
    to die, a forced marriage) against the broad ones (domestic abuse, a child at risk)."""
    small_words: SmallWords = field(default_factory=lambda: SmallWords.of({}))
    """Each shipped language's small words, which tell the language a sentence is in."""
    false_friends: Mapping[_Entry, frozenset[str]] = field(default_factory=dict)
    """A one-word class entry -> the languages in which its word is another word
    (:mod:`search.homographs`): English "i" (the searcher) is Polish "and"."""
    languages: Mapping[_Entry, str] = field(default_factory=dict)
    """A class entry -> its language, for an entry only one language lists."""
    _seen: dict[str, tuple[_Entry, ...]] = field(default_factory=dict, repr=False)
    _found: dict[tuple[tuple[str, ...], frozenset[int]], tuple[Word, ...]] = field(
        init=False, repr=False, compare=False
    )
    """What :meth:`words` found for the latest queries (FOUND_KEPT of them), by words and
    skipped positions; a copy made with :func:`dataclasses.replace` starts its own, as
    what it finds depends on its false friends."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_found", {})

    def words(self, keys: Sequence[str], skipped: set[int] | None = None) -> list[Word]:
        """Every class word in ``keys`` (the query's words, lower case, apostrophes
        dropped), none at a ``skipped`` position (a look-alike) but a removal's."""
        key = (tuple(keys), frozenset(skipped or ()))
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= FOUND_KEPT:
                self._found.clear()
            found = self._found[key] = tuple(self._words(keys, skipped))
        return list(found)

    def _words(self, keys: Sequence[str], skipped: set[int] | None) -> list[Word]:
        """:meth:`words`, worked out."""
        folded = [self._spoken(fold(key)) for key in keys]
        blanked = skipped or set()
        found: list[Word] = []
        # A look-alike's words read as nothing, except as a removal: the cue lexicon
        # blanks "kicked me out" so that it is no blow, and it is still being put out, of
        # the one its own words name (the "me"), out of what the look-alike names ("out
        # of the club", "out the rubbish"), by whoever is near.
        shut = blanked - self._opened(folded, blanked)
        matched: list[tuple[int, int, _Entry]] = []
        for start, word in enumerate(folded):
            for entry in self._candidates(word):
                words = entry[0]
                end = start + len(words)
                if start in shut or (
                    end > start + 1
                    and (
                        end > len(folded)
                        or not shut.isdisjoint(range(start + 1, end))
                        or not all(map(_fits, words[1:], folded[start + 1 : end]))
                    )
                ):
                    continue
                matched.append((start, end, entry))
        if self.false_friends:
            written = self._written_in(keys, matched)
            matched = [m for m in matched if written not in self.false_friends.get(m[2], ())]
        for start, end, (_, cls) in matched:
            found.append(Word(" ".join(keys[start:end]), cls, tuple(range(start, end))))
        return found

    def _written_in(
        self, keys: Sequence[str], matched: Sequence[tuple[int, int, _Entry]]
    ) -> str | None:
        """The language of ``keys`` (:meth:`SmallWords.written_in`), told also by the
        class words found, each of one language's list only; a false friend tells none."""
        unsure = {entry[0][0] for _, _, entry in matched if entry in self.false_friends}
        told: dict[int, set[str]] = {}
        for start, _, entry in matched:
            language = self.languages.get(entry)
            if entry not in self.false_friends and language is not None:
                told.setdefault(start, set()).add(language)
        votes = [next(iter(langs)) for langs in told.values() if len(langs) == 1]
        return self.small_words.written_in(keys, unsure, votes)

    def _opened(self, folded: Sequence[str], blanked: set[int]) -> set[int]:
        """The blanked words of a removal and those after it, what it names ("out of the
        club", "out the rubbish"): never the look-alike before it ("murder me if i")."""
        if not blanked:
            return set()  # what is opened is only ever blanked words
        opened: set[int] = set()
        for start, word in enumerate(folded):
            for words, cls in self._candidates(word):
                end = start + len(words)
                if (
                    not cls.startswith(REMOVAL)
                    or blanked.isdisjoint(range(start, end))
                    or end > len(folded)
                    or not all(map(_fits, words[1:], folded[start + 1 : end]))
                ):
                    continue
                opened.update(range(start, end))
        for position in sorted(opened):
            after = position + 1
            while after in blanked and after not in opened:
                opened.add(after)
                after += 1
        return opened & blanked

    def _spoken(self, word: str) -> str:
        """A word typed as it is said, as the lexicon writes it: text-speak ("nite",
        "wi", "bout") and a dropped g ("takin", "sayin", "threatenin") when only the
        "-ing" form is a class word."""
        word = TEXT_SPEAK.get(word, word)
        if (
            len(word) > 3
            and word.endswith("in")
            and not self._candidates(word)
            and self._candidates(word + "g")
        ):
            return word + "g"
        return word

    def _candidates(self, word: str) -> tuple[_Entry, ...]:
        """The class entries that can begin at ``word``: its own, and those of every
        prefix of it written with ``*``."""
        found = self._seen.get(word)
        if found is None:
            entries = list(self.exact.get(word, ()))
            for end in range(1, min(len(word), self.longest_prefix) + 1):
                entries.extend(self.prefixes.get(word[:end], ()))
            if len(self._seen) >= WORDS_KEPT:
                self._seen.clear()
            found = self._seen[word] = tuple(entries)
        return found

    def signs(
        self, keys: Sequence[str], skipped: set[int] | None = None
    ) -> dict[int, frozenset[str]]:
        """Position -> the dangers the class words there are a sign of: "marry" of a
        forced marriage alone, "hit" of domestic abuse and of a child at risk alike. A
        reading holding a word that signs its danger alone is the more specific one."""
        found: dict[int, frozenset[str]] = {}
        for word in self.words(keys, skipped):
            dangers = self.signals.get(word.cls)
            if dangers:
                for position in word.positions:
                    found[position] = found.get(position, frozenset()) | dangers
        return found

    def set_aside(self, keys: Sequence[str], skipped: set[int] | None = None) -> bool:
        """Whether the words fill in a form (homework, a drama) or joke in hyperbole
        (:meth:`_joking`): then no danger is read from co-occurrence, and the cue
        lexicon's weak cues are set aside too."""
        words = self.words(keys, skipped)
        return self._aside(words, _harm_words(words, keys))

    def idle(self, keys: Sequence[str], skipped: set[int] | None = None) -> set[int]:
        """Positions of one-word harm words that say no harm here: done to a thing named
        after them ("strangle the printer", "killing my queen"), or hyperbole under
        laughter ("could strangle him lol", :meth:`_joking`). The phrasebook's one-word
        danger phrases ("strangled") are not read there, as the co-occurrence reading
        reads none of these (the cues keep their own look-alikes: "smashed my phone" is
        still control)."""
        words = self.words(keys, skipped)
        harm = _harm_words(words, keys)
        if self._joking(words, harm):
            return {p for word in words if word.cls == "hyperbole" for p in word.positions}
        reach = {p for word in words if word.cls in _OUT_OF_REACH for p in word.positions}
        objects = {p for w in words if w.cls == "object" for p in w.positions} - reach
        said_of_things = {
            p
            for word in words
            if word.cls in self.signals
            and len(word.positions) == 1
            and _object_after(word, objects, keys)
            for p in word.positions
        }
        return said_of_things - {p for word in harm for p in word.positions}

    def _aside(self, words: Sequence[Word], harm: Sequence[Word]) -> bool:
        # A form word inside a harm entry of several words is that entry's, not a form:
        # "to teach her a lesson" is a blow, not a lesson.
        held = {p for word in harm if len(word.positions) > 1 for p in word.positions}
        filled = any(word.cls == "form" and not held.issuperset(word.positions) for word in words)
        return filled or self._joking(words, harm)

    def _joking(self, words: Sequence[Word], harm: Sequence[Word]) -> bool:
        """Laughter ("lol", "haha", "xD") over hyperbole only: every harm word is one said
        in jest ("gonna kill", "dying", "zabije": class ``hyperbole``, never a past act,
        "strangled") and nothing says the threat is real (class ``real_threat``: a
        condition of leaving or telling, "if i leave", "agar bataya", or a threat named
        as one). "gonna kill my daughter she drew on the walls lol" is a joke; "he said
        he'd kill me if i leave lol", "stepdad keeps touching me lol" are not, and nor is
        laughter with no hyperbole in the words at all ("prob nothing lol but i keep
        thinking about not being here": Samaritans, a disclosure wrapped in a joke)."""
        if not any(word.cls == "joke" for word in words):
            return False
        if any(word.cls == "real_threat" for word in words):
            return False
        said = {p for word in words if word.cls == "hyperbole" for p in word.positions}
        if not said:
            return False
        return all(set(word.positions) <= said for word in harm if word.cls in self.signals)

    def read(self, keys: Sequence[str], skipped: set[int] | None = None) -> tuple[Finding, ...]:
        """The dangers the words' classes read together, the first rule winning each
        harm word; none when the words joke or fill in a form."""
        words = self.words(keys, skipped)
        harm = _harm_words(words, keys)
        if self._aside(words, harm):
            return ()
        # Who acts is read from every word, a look-alike's too: "landlord threatening"
        # is blanked as a look-alike, and the landlord still turns a rule off (`unless`).
        present = {word.cls for word in (self.words(keys) if skipped else words)}
        harmful = {word.cls for word in harm}
        used: set[int] = set()
        findings: dict[str, Finding] = {}
        for rule in self.rules:
            if rule.harm.isdisjoint(harmful) or not rule.unless.isdisjoint(present):
                continue
            hits = [w for w in harm if w.cls in rule.harm]
            for word in hits:
                if used.intersection(word.positions):
                    continue
                span = rule.window or self.window
                near = [w for w in words if w is not word and _near(w, word, span)]
                inside = [w for w in words if _inside(w, word) and w.cls in rule.person]
                person = _closest(
                    word,
                    [
                        w
                        for w in near
                        if w.cls in rule.person
                        and (not rule.after or min(w.positions) > max(word.positions))
                    ],
                ) or (inside[0] if inside and not rule.after else None)
                if rule.person and person is None:
                    continue
                also = [
                    _closest(word, [w for w in near if w.cls in either.split("|")])
                    for either in rule.also
                ]
                if None in also:
                    continue
                others = [w for w in hits if w is not word and _near(w, word, span)]
                if len({w.text for w in (word, *others)}) < rule.min_harm:
                    continue
                act = _closest(word, [w for w in near if w.cls == "act"])
                strong = rule.can_be_strong and (
                    rule.sure or word.cls in self.acts or act is not None
                )
                kept = [word, *others, *(w for w in (person, *also, act) if w is not None)]
                used.update(p for w in (word, *others) for p in w.positions)
                findings[rule.danger] = _merged(
                    findings.get(rule.danger), Finding(rule.danger, strong, tuple(kept))
                )
        return tuple(findings.values())


def _harm_words(words: Sequence[Word], keys: Sequence[str]) -> list[Word]:
    """The class words that may be harm: none special, none said of a thing ("cut the
    budget"), none inside a removal but the removal ("kicked" of "kicked me out")."""
    # A phone said to be off is a person out of reach, not a thing a harm word acts
    # on: "school se nahi aaya, phone band hai" is a child missing.
    reach = {p for word in words if word.cls in _OUT_OF_REACH for p in word.positions}
    objects = {p for word in words if word.cls == "object" for p in word.positions} - reach
    removed = [set(word.positions) for word in words if word.cls.startswith(REMOVAL)]
    return [
        word
        for word in words
        if word.cls not in _SPECIAL
        and not _acts_on_object(word, objects, keys)
        and not (
            not word.cls.startswith(REMOVAL)
            and any(span >= set(word.positions) for span in removed)
        )
    ]


def _near(one: Word, other: Word, window: int) -> bool:
    """Whether two words (not overlapping) are at most ``window`` words apart."""
    if set(one.positions) & set(other.positions):
        return False
    return min(abs(p - q) for p in one.positions for q in other.positions) <= window


def _inside(one: Word, other: Word) -> bool:
    """Whether ``one`` is a word inside the longer entry ``other``: the "me" of "went
    for me" is the person it was done to."""
    return len(one.positions) < len(other.positions) and set(one.positions) < set(other.positions)


def _fits(want: str, got: str) -> bool:
    if want.endswith("*"):
        return got.startswith(want[:-1])
    return (
        want == got
        or (want == "my" and got == "me")
        or (want.endswith("ing") and got == want[:-1])  # a dropped g: "tired of bein alive"
    )


def _object_after(word: Word, objects: set[int], keys: Sequence[str]) -> bool:
    """Whether the word after the harm word (past "the", "my"...) is an object."""
    after = max(word.positions) + 1
    while after < len(keys) and (keys[after] in _SKIPPED or keys[after] in _OWNERS):
        after += 1
    return after in objects


def _acts_on_object(word: Word, objects: set[int], keys: Sequence[str]) -> bool:
    """Whether the harm word is said of a thing: the word after it (past "the", "my"...)
    or the word before it is an object ("cut the budget", "my phone died")."""
    if not objects:
        return False
    after = max(word.positions) + 1
    while after < len(keys) and (keys[after] in _SKIPPED or keys[after] in _OWNERS):
        after += 1
    before = min(word.positions) - 1
    while before > 0 and keys[before] in _SKIPPED_BEFORE:
        before -= 1
    return after in objects or before in objects


def _closest(word: Word, candidates: list[Word]) -> Word | None:
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda w: min(abs(p - q) for p in w.positions for q in word.positions),
    )


def _merged(current: Finding | None, other: Finding) -> Finding:
    if current is None:
        return other
    words = {(w.positions, w.cls): w for w in (*current.words, *other.words)}
    return Finding(current.danger, current.strong or other.strong, tuple(words.values()))


def build_reader(
    classes: Mapping[str, Sequence[str]],
    rules: Sequence[Rule],
    acts: Sequence[str] = (),
    window: int = DEFAULT_WINDOW,
) -> HarmReader:
    """Compile ``classes`` (name -> words) and ``rules``; a rule naming an unknown class
    raises :class:`HarmError` naming it."""
    for rule in rules:
        either = (name for group in rule.also for name in group.split("|"))
        for name in (*rule.harm, *rule.person, *either, *rule.unless):
            if name not in classes:
                raise HarmError(f"a rule for {rule.danger} names the unknown class {name!r}.")
    exact: dict[str, list[_Entry]] = {}
    prefixes: dict[str, list[_Entry]] = {}
    for cls, items in classes.items():
        for item in items:
            words = _entry_words(item)
            if not words or any(w in ("", "*") or "*" in w[:-1] for w in words):
                raise HarmError(f"[classes.{cls}] {item!r}: '*' may only end a word.")
            first = words[0]
            if first.endswith("*"):
                prefixes.setdefault(first[:-1], []).append((words, cls))
            else:
                exact.setdefault(first, []).append((words, cls))
    signals: dict[str, set[str]] = {}
    for rule in rules:
        for name in rule.harm:
            signals.setdefault(name, set()).add(rule.danger)
    return HarmReader(
        tuple(rules),
        frozenset({"act", *acts}),
        window,
        {word: tuple(entries) for word, entries in exact.items()},
        {head: tuple(entries) for head, entries in prefixes.items()},
        max(map(len, prefixes), default=0),
        {name: frozenset(dangers) for name, dangers in signals.items()},
        Counter(danger for dangers in signals.values() for danger in dangers),
    )


def parse_harm(raw: Mapping[str, object], small_words: SmallWords | None = None) -> HarmReader:
    """The reader of a harm word file's tables: ``window``, ``[classes.NAME]`` (words per
    language, ``act = true`` where its words are acts) and ``[[rules]]``. With
    ``small_words`` (each shipped language's), a one-word entry that is another
    language's small word is read only in a sentence not written in that language."""
    window = raw.get("window", DEFAULT_WINDOW)
    if not isinstance(window, int) or window < 1:
        raise HarmError("window must be a whole number of words, 1 or more.")
    tables = raw.get("classes", {})
    if not isinstance(tables, Mapping):
        raise HarmError("[classes] must hold one table per class.")
    classes: dict[str, list[str]] = {}
    acts: list[str] = []
    by_language: dict[str, Mapping[str, list[str]]] = {}
    for name, table in tables.items():
        if not isinstance(table, Mapping):
            raise HarmError(f"[classes.{name}] must be a table of languages.")
        words: list[str] = []
        for language, items in table.items():
            if language == "act":
                if items is True:
                    acts.append(name)
                continue
            if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
                raise HarmError(f"[classes.{name}] {language} must be a list of words.")
            words.extend(items)
        classes[name] = words
        by_language[name] = {k: v for k, v in table.items() if k != "act"}
    for name in _SPECIAL:
        classes.setdefault(name, [])
    rules = [_rule(item) for item in _list(raw.get("rules", []))]
    reader = build_reader(classes, rules, acts, window)
    if small_words is None:
        return reader
    return replace(
        reader,
        small_words=small_words,
        false_friends=_false_friends(by_language, small_words),
        languages=_languages(by_language),
    )


def _languages(by_language: Mapping[str, Mapping[str, list[str]]]) -> dict[_Entry, str]:
    """Each class entry that one language alone lists -> that language."""
    held: dict[_Entry, set[str]] = {}
    for cls, table in by_language.items():
        for language, items in table.items():
            for item in items:
                held.setdefault((_entry_words(item), cls), set()).add(language)
    return {entry: next(iter(langs)) for entry, langs in held.items() if len(langs) == 1}


def _entry_words(item: str) -> tuple[str, ...]:
    """A class entry's words as :func:`build_reader` compiles them."""
    return tuple(fold(w.replace("'", "").replace("’", "")) for w in item.lower().split())


def _false_friends(
    by_language: Mapping[str, Mapping[str, list[str]]], small_words: SmallWords
) -> dict[_Entry, frozenset[str]]:
    """Each one-word class entry that another language spells as a small word of its
    own, with those languages (:meth:`SmallWords.false_friends`)."""
    found: dict[_Entry, frozenset[str]] = {}
    for cls, table in by_language.items():
        for language, items in table.items():
            for item in items:
                words = _entry_words(item)
                if len(words) != 1 or words[0].endswith("*"):
                    continue
                word = words[0]
                others = small_words.false_friends(word, language, table)
                if others:
                    found[((word,), cls)] = found.get(((word,), cls), frozenset()) | others
    return found


def _list(raw: object) -> list[Mapping[str, object]]:
    if not isinstance(raw, list) or not all(isinstance(item, Mapping) for item in raw):
        raise HarmError("[[rules]] must be a list of tables.")
    return raw


def _rule(raw: Mapping[str, object]) -> Rule:
    danger = raw.get("danger")
    if not isinstance(danger, str) or not danger:
        raise HarmError("every [[rules]] entry needs a danger.")

    def names(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise HarmError(f"[[rules]] for {danger}: {key} must be a list of class names.")
        return tuple(value)

    if not names("harm"):
        raise HarmError(f"[[rules]] for {danger}: harm names no class.")
    min_harm = raw.get("min_harm", 1)
    strong = raw.get("strong", True)
    after = raw.get("after", False)
    sure = raw.get("sure", False)
    window = raw.get("window")
    if (
        not isinstance(min_harm, int)
        or not isinstance(strong, bool)
        or not isinstance(after, bool)
        or not isinstance(sure, bool)
        or not (window is None or (isinstance(window, int) and window > 0))
    ):
        raise HarmError(
            f"[[rules]] for {danger}: min_harm and window are numbers, strong, after and"
            " sure true or false."
        )
    return Rule(
        danger,
        frozenset(names("harm")),
        frozenset(names("person")),
        names("also"),
        frozenset(names("unless")),
        min_harm,
        strong,
        window,
        after,
        sure,
    )
