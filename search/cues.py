"""Weaker danger cues: harm said plainly, the way a frightened person writes it. Pure code.

The phrasebook's danger phrases are the strong signal (they open the safety panel). Cues are
a broader lexicon (``councils/safety/cues.toml``) of the words and patterns safeguarding
bodies publish as signs of harm: "said he'd kill me", "got a knife", "won't let me out",
"man keeps messaging my daughter". A cue shows a one-line "call 999" strip with the danger's
national line and puts the listings that meet the danger first, without the full panel.

Patterns are written in a small language, so one line covers word order, inflections and
typos rather than listing sentences:

- words are matched whole, after folding (lower case, apostrophes dropped, Polish and other
  Latin accents taken off: "zabiję" is "zabije");
- ``*`` inside a word is any letters: ``kill*`` is kill, kills, killed, killing;
- ``a/b`` is either phrase: ``knife/knives/blade``, ``in/in the house``;
- ``~`` joins two such groups with nothing between: ``kill/murder ~ me/us ~ off``;
- ``..`` between groups allows up to three other words: ``said .. kill* .. me``;
- ``&`` joins parts that must all be somewhere in the words, in any order and any distance:
  ``uncle/stepdad & touch* & her/him`` holds "she says her uncle keeps touching her";
- ``@name`` in a group stands for the words of the file's ``[words] name`` list, so one
  list of partners, children or harm words serves every pattern: ``@partner .. hit* .. me``.

Look-alikes ("knife and fork", "killing time", "photo shoot") are ``[ignore]`` patterns:
their words are blanked before any cue is looked for, so they can neither cue nor bridge a gap.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

GAP_WORDS = 3
PREPARED_KEPT = 256
"""Texts whose folded words and word starts are remembered (:func:`_prepared`)."""
_BLANK = "_"
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


class CueError(ValueError):
    """A cue pattern is malformed; the message names it."""


def expand(pattern: str, words: Mapping[str, Sequence[str]]) -> str:
    """``pattern`` with each ``@name`` alternative replaced by the words listed for it."""

    def alternatives(group: str) -> str:
        options: list[str] = []
        for option in group.split("/"):
            name = option.strip()
            if name.startswith("@"):
                if name[1:] not in words:
                    raise CueError(f"{pattern!r}: {name} is not a [words] list.")
                options.extend(words[name[1:]])
            else:
                options.append(option)
        return "/".join(options)

    if "@" not in pattern:
        return pattern
    return " & ".join(
        " .. ".join(
            " ~ ".join(alternatives(group) for group in segment.split(" ~ "))
            for segment in part.split(" .. ")
        )
        for part in pattern.split(" & ")
    )


def pattern_parts(pattern: str) -> list[str]:
    """The regular expressions of a pattern's ``&`` parts, each of which must match."""
    parts = [part.strip() for part in pattern.split(" & ")]
    if not all(parts):
        raise CueError(f"{pattern!r}: '&' must sit between two parts.")
    return [compile_pattern(part) for part in parts]


def fold(word: str) -> str:
    """A word as cues compare it: accents off Latin letters, other scripts as written."""
    if word.isascii():
        return word
    word = word.translate(_LATIN_EXTRA)
    decomposed = unicodedata.normalize("NFKD", word)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFKC", "".join(kept))


def compile_pattern(pattern: str) -> str:
    """The regular expression for one pattern of the cue language (see the module)."""
    segments = [segment.strip() for segment in f" {pattern} ".split(" .. ")]
    if not pattern.strip() or not all(segments):
        raise CueError(f"{pattern!r}: '..' must sit between two words.")
    gap = f"(?: [^ ]+){{0,{GAP_WORDS}}} "
    return (
        "(?<![^ ])"
        + gap.join(" ".join(_group(g, pattern) for g in s.split(" ~ ")) for s in segments)
        + "(?![^ ])"
    )


def _group(group: str, pattern: str) -> str:
    """``a/b c/d`` of one group: alternative phrases, each of words with ``*`` wildcards."""
    phrases = []
    for option in group.split("/"):
        words = [fold(word.replace("'", "").replace("’", "")) for word in option.split()]
        if not words or not all(any(c.isalnum() for c in word) for word in words):
            raise CueError(f"{pattern!r}: {group!r} has an alternative without letters.")
        phrases.append(" ".join("[^ ]*".join(map(re.escape, w.split("*"))) for w in words))
    return "(?:" + "|".join(phrases) + ")"


_Start = tuple[frozenset[str], frozenset[str], bool]
"""The words a part can begin with: exact words, prefixes (``kill*``), or any (``*``)."""


@dataclass(frozen=True, eq=False)
class _Patterns:
    """Compiled patterns, each tried only when a word of the text can begin every part.

    One alternation of hundreds of patterns is tried at every word of a long sentence;
    looking up which patterns the text's words can start first keeps reading a page's
    words well under a millisecond however large the lexicon grows. A pattern of ``&``
    parts is looked up by its first part, then kept only if a word can begin each other
    part too, so the long lists of children or partners are rarely scanned."""

    compiled: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    starts: tuple[tuple[_Start, ...], ...]
    exact: Mapping[str, frozenset[int]]
    prefixes: Mapping[str, frozenset[int]]
    always: frozenset[int]

    def matches(self, words: Sequence[str]) -> Iterator[tuple[str, re.Match[str]]]:
        """(label, match) of each pattern that matches ``" ".join(words)``."""
        prepared = _prepared(tuple(words))
        present, heads = prepared.present, prepared.heads
        chosen = set(self.always)
        # The words and word starts some pattern begins with, found by set intersection.
        for word in present & self.exact.keys():
            chosen.update(self.exact[word])
        for head in heads & self.prefixes.keys():
            chosen.update(self.prefixes[head])
        if not chosen:
            return
        text = prepared.text
        for index in sorted(chosen):
            rest = self.starts[index]
            if len(rest) > 1 and not all(
                always or not exact.isdisjoint(present) or not prefixes.isdisjoint(heads)
                for exact, prefixes, always in rest[1:]
            ):
                continue
            label, parts = self.compiled[index]
            found = [list(part.finditer(text)) for part in parts]
            if all(found):
                for matches in found:
                    for match in matches:
                        yield label, match


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What every lexicon's look-up needs of one text's words, worked out once: the
    text, its words and every start of a word (what a ``kill*`` can begin with)."""

    text: str
    present: frozenset[str]
    heads: frozenset[str]
    starts: tuple[int, ...]


@functools.lru_cache(maxsize=PREPARED_KEPT)
def _prepared(words: tuple[str, ...]) -> _Prepared:
    """:class:`_Prepared` of ``words`` (folded): one reading looks the same words up in
    seven lexicons (look-alikes, behaviour, injury, guarded, sign, ended, cues)."""
    present = frozenset(words)
    return _Prepared(
        " ".join(words),
        present,
        frozenset(word[:end] for word in present for end in range(1, len(word) + 1)),
        tuple(_starts(words)),
    )


def _start(part: str) -> _Start:
    exact: set[str] = set()
    prefixes: set[str] = set()
    always = False
    for option in part.strip().split(" .. ")[0].split(" ~ ")[0].split("/"):
        first = fold(option.split()[0].replace("'", "").replace("’", ""))
        head, star, _ = first.partition("*")
        if not star:
            exact.add(head)
        elif head:
            prefixes.add(head)
        else:
            always = True
    return frozenset(exact), frozenset(prefixes), always


def _indexed(patterns: Sequence[tuple[str, str]]) -> _Patterns:
    exact: dict[str, set[int]] = {}
    prefixes: dict[str, set[int]] = {}
    always: set[int] = set()
    starts = []
    for index, (_, pattern) in enumerate(patterns):
        starts.append(tuple(_start(part) for part in pattern.split(" & ")))
        first_exact, first_prefixes, any_word = starts[-1][0]
        for word in first_exact:
            exact.setdefault(word, set()).add(index)
        for head in first_prefixes:
            prefixes.setdefault(head, set()).add(index)
        if any_word:
            always.add(index)
    return _Patterns(
        tuple(
            (label, tuple(map(re.compile, pattern_parts(pattern)))) for label, pattern in patterns
        ),
        tuple(starts),
        {word: frozenset(found) for word, found in exact.items()},
        {head: frozenset(found) for head, found in prefixes.items()},
        frozenset(always),
    )


@dataclass(frozen=True, eq=False)
class CueLexicon:
    """Compiled cues per danger code, and the look-alikes blanked before them."""

    ignore: _Patterns
    cues: _Patterns
    ended_abuse: _Patterns | None = None
    """``[ended]``: abuse named as past and over ("left him two years ago, he was
    abusive", "we are safe now"): a need, not a danger now."""
    behaviour: _Patterns | None = None
    """``[behaviour]``: look-alikes ("hits her head when upset", an autistic child's
    head-banging) that stop being look-alikes when an ``[injury]`` is described."""
    injury: _Patterns | None = None
    """``[injury]``: an injury described ("till it bleeds", "raw", "bruises")."""
    guarded: _Patterns | None = None
    """``[guarded]``: look-alikes ("baby screaming for hours at night", "got beaten up")
    that stop being look-alikes when a ``[sign]`` of danger of their own is in the words."""
    sign: _Patterns | None = None
    """``[sign]``: an independent sign of danger ("leaves the baby", "owes a debt")."""

    def ignored(self, words: Sequence[str]) -> set[int]:
        """Positions of the words inside a look-alike ("knife and fork", "suicide squad"):
        no danger, weak or strong, is read from them. A ``[behaviour]`` look-alike is one
        only while no ``[injury]`` is described in the words."""
        found = self._found(self.ignore, words)
        if self.behaviour is not None and not (
            self.injury is not None and self._found(self.injury, words)
        ):
            found |= self._found(self.behaviour, words)
        if self.guarded is not None and not (
            self.sign is not None and self._found(self.sign, words)
        ):
            found |= self._found(self.guarded, words)
        return found

    def ended(self, words: Sequence[str]) -> set[int]:
        """Positions of the words of an abuse said to be past and over (``[ended]``):
        read as the need for support, not as a danger now (no panel, no strip)."""
        return self._found(self.ended_abuse, words) if self.ended_abuse is not None else set()

    @staticmethod
    def _found(patterns: _Patterns, words: Sequence[str]) -> set[int]:
        folded = _folded(tuple(words))
        starts = _prepared(folded).starts
        return {
            position
            for _, match in patterns.matches(folded)
            for position in _positions(starts, match.start(), match.end())
        }

    def ignored_spans(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """(first, last) position of each look-alike in ``words``, as :meth:`ignored`
        finds them."""
        folded = _folded(tuple(words))
        starts = _prepared(folded).starts
        spans = []
        for _, match in self.ignore.matches(folded):
            positions = _positions(starts, match.start(), match.end())
            if positions:
                spans.append((min(positions), max(positions)))
        return spans

    def find(
        self, words: Sequence[str], skipped: set[int] | None = None
    ) -> dict[str, tuple[int, ...]]:
        """Danger code -> positions of the words that cue it, in the order first cued.

        ``skipped`` are the look-alikes' positions, when the caller has them already."""
        if skipped is None:
            skipped = self.ignored(words)
        folded = tuple(
            _BLANK if i in skipped else word for i, word in enumerate(_folded(tuple(words)))
        )
        starts = _prepared(folded).starts
        found: dict[str, set[int]] = {}
        for code, match in self.cues.matches(folded):
            found.setdefault(code, set()).update(_positions(starts, match.start(), match.end()))
        return {
            code: tuple(sorted(found[code]))
            for code in sorted(found, key=lambda c: min(found[c]))
            if found[code]
        }


def build_cues(
    ignore: Sequence[str],
    cues: Mapping[str, Sequence[str]],
    words: Mapping[str, Sequence[str]] | None = None,
    ended: Sequence[str] = (),
    behaviour: Sequence[str] = (),
    injury: Sequence[str] = (),
    guarded: Sequence[str] = (),
    sign: Sequence[str] = (),
) -> CueLexicon:
    """Compile the patterns (``@name`` from ``words``); a malformed one raises
    :class:`CueError` naming it."""
    lists = words or {}
    return CueLexicon(
        _indexed([("", expand(pattern, lists)) for pattern in ignore]),
        _indexed(
            [
                (code, expand(pattern, lists))
                for code, patterns in cues.items()
                for pattern in patterns
            ]
        ),
        _indexed([("", expand(pattern, lists)) for pattern in ended]) if ended else None,
        _indexed([("", expand(pattern, lists)) for pattern in behaviour]) if behaviour else None,
        _indexed([("", expand(pattern, lists)) for pattern in injury]) if injury else None,
        _indexed([("", expand(pattern, lists)) for pattern in guarded]) if guarded else None,
        _indexed([("", expand(pattern, lists)) for pattern in sign]) if sign else None,
    )


def parse_cues(raw: Mapping[str, object], languages: Sequence[str] | None = None) -> CueLexicon:
    """The lexicon of a cue file's tables (``[ignore]``, ``[ended]``, ``[behaviour]``,
    ``[injury]``, ``[guarded]``, ``[sign]`` and ``[cues.CODE]``,
    each keyed by language, and the ``[words]`` lists patterns name), for ``languages``
    (every language in the file when None)."""

    def patterns(table: object, where: str) -> list[str]:
        if not isinstance(table, Mapping):
            raise CueError(f"[{where}] must be a table of languages.")
        found: list[str] = []
        for language, items in table.items():
            if languages is not None and language not in languages:
                continue
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise CueError(f"[{where}] {language} must be a list of patterns.")
            found.extend(items)
        return found

    cues = raw.get("cues", {})
    if not isinstance(cues, Mapping):
        raise CueError("[cues] must hold one table per danger.")
    words = raw.get("words", {})
    if not isinstance(words, Mapping) or not all(
        isinstance(items, list) and all(isinstance(i, str) and i.strip() for i in items)
        for items in words.values()
    ):
        raise CueError("[words] must hold lists of words.")
    return build_cues(
        patterns(raw.get("ignore", {}), "ignore"),
        {code: patterns(table, f"cues.{code}") for code, table in cues.items()},
        words,
        patterns(raw.get("ended", {}), "ended"),
        patterns(raw.get("behaviour", {}), "behaviour"),
        patterns(raw.get("injury", {}), "injury"),
        patterns(raw.get("guarded", {}), "guarded"),
        patterns(raw.get("sign", {}), "sign"),
    )


@functools.lru_cache(maxsize=PREPARED_KEPT)
def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` as cues compare them, an empty one blanked."""
    return tuple(fold(word) or _BLANK for word in words)


def _starts(words: Sequence[str]) -> list[int]:
    starts: list[int] = []
    offset = 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return starts


def _positions(starts: Sequence[int], start: int, end: int) -> list[int]:
    return [i for i, offset in enumerate(starts) if start <= offset < end]
