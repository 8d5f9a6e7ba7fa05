"""Context rules: when a phrase in a query means what the phrasebook says, and who is asking.

A phrasebook phrase is evidence for a reading only where it means it. One everyday word
inside a longer everyday expression does not ("out of the house" is not about housing,
"dead on my feet" is not a death), and a word read in a frame that points away from what is
asked for now is weaker ("ever since Friday" says when something began, not when help
should open). A phrasebook's ``[context]`` table holds, for its language:

- ``expressions``: everyday fixed expressions. A reading whose words all lie inside one,
  from a phrase shorter than the expression, is not made. Dangers are never dropped so:
  a missed danger costs more than a false one (the cue lexicon has its own exceptions).
- ``weak_before.SECTION`` / ``weak_after.SECTION``: words or phrases that, ending at most
  one word before a one-word reading of that section (or starting at most one word after
  it), make the reading *weak*. A weak reading ranks listings that meet it a little higher;
  it never chooses or drops a listing. A key ``"SECTION.CODE"`` (``"needs.bereavement"``)
  holds the frames of one entry only: things that "die" are not people ("my phone died",
  "the battery is dead"), and hyperbole is no death ("nearly died laughing").
- ``asking.child`` / ``asking.self``: words or phrases that say the searcher asks for a
  child of theirs ("my son", "the babby") or for themselves as an adult ("my partner",
  "single mum", "myself"). A child wins: "my son and my partner" asks for the son. A bare
  "I" says neither, as young people search for themselves too.
- ``asking.young``: phrases that say a young person asks for themselves ("my mum hits me",
  "I'm in year 9", "my teacher"): after a child's, before an adult's.
- ``asking.self_first``: phrases that say the searcher asks for themselves even where a
  child is named, as a mother after a birth does ("my mental health since the baby came",
  "postnatal", "for me not the kids"): these win over a child.

Phrases are compared as stemmed keys, as the phrasebook's own are (see
:mod:`search.phrasebook`); the functions here work on the query's stems by position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, ...]
WEAKENING_REACH = 1
"""Other words allowed between a weakening phrase and the reading it weakens."""
ASKERS = ("child", "self", "young")
SELF_FIRST = "self_first"
"""Phrases saying the searcher asks for themselves, read before a child's (:data:`ASKING_ORDER`)."""
ASKING_ORDER = ((SELF_FIRST, "self"), ("child", "child"), ("young", "young"), ("self", "self"))
CONTEXT_SECTIONS = ("needs", "categories", "kinds", "ages", "times", "cost")


class ContextError(ValueError):
    """A ``[context]`` table is malformed; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Context:
    """A language's context rules, as stemmed keys."""

    expressions: Mapping[str, tuple[Key, ...]] = field(default_factory=dict)
    """Expression keys by their first word, so a query is scanned once."""
    weak_before: Mapping[str, tuple[Key, ...]] = field(default_factory=dict)
    weak_after: Mapping[str, tuple[Key, ...]] = field(default_factory=dict)
    """Weakening phrases per section, longest first ("ever since" before "since")."""
    asking: Mapping[str, Mapping[str, tuple[Key, ...]]] = field(default_factory=dict)
    """Per asker, phrase keys by their first word, longest first."""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """The table as written, so a council's additions can be merged into it."""

    def expression_spans(self, stems: Sequence[str]) -> list[tuple[int, int]]:
        """(first, last) positions of every everyday expression in the query."""
        return [
            (start, start + len(key) - 1)
            for start, stem in enumerate(stems)
            for key in self.expressions.get(stem, ())
            if tuple(stems[start : start + len(key)]) == key
        ]

    def weakened(
        self, section: str, position: int, stems: Sequence[str], code: str = ""
    ) -> tuple[int, int] | None:
        """First and last position of the words that make a one-word reading at
        ``position`` (of entry ``code`` of ``section``) weak (the nearest, then the
        longest, first), if any."""
        before = self.weak_before.get(section, ())
        after = self.weak_after.get(section, ())
        if code:
            entry = f"{section}.{code}"
            before = _longest_first((*before, *self.weak_before.get(entry, ())))
            after = _longest_first((*after, *self.weak_after.get(entry, ())))
        for gap in range(WEAKENING_REACH + 1):
            end = position - 1 - gap
            for key in before:
                start = end - len(key) + 1
                if start >= 0 and tuple(stems[start : end + 1]) == key:
                    return start, end
            start = position + 1 + gap
            for key in after:
                if tuple(stems[start : start + len(key)]) == key:
                    return start, start + len(key) - 1
        return None

    def asker(self, stems: Sequence[str]) -> tuple[str, int, int] | None:
        """("child" or "self", first and last position of the words that say so), or None."""
        for table, who in ASKING_ORDER:
            by_first = self.asking.get(table, {})
            for start, stem in enumerate(stems):
                for key in by_first.get(stem, ()):
                    if tuple(stems[start : start + len(key)]) == key:
                        return who, start, start + len(key) - 1
        return None


def parse_context(raw: object, stem: Callable[[str], Key], where: str) -> Context:
    """Context rules from a ``[context]`` table; ``stem`` turns a phrase into its key."""
    if raw is None:
        return Context()
    if not isinstance(raw, Mapping):
        raise ContextError(f"{where} [context] must be a table.")
    unknown = set(raw) - {"expressions", "weak_before", "weak_after", "asking"}
    if unknown:
        raise ContextError(f"{where} [context]: unknown key(s) {', '.join(sorted(unknown))}.")
    expressions = [stem(text) for text in _texts(raw.get("expressions", []), where)]
    return Context(
        expressions=_by_first(expressions),
        weak_before=_by_section(raw.get("weak_before", {}), stem, f"{where} weak_before"),
        weak_after=_by_section(raw.get("weak_after", {}), stem, f"{where} weak_after"),
        asking=_askers(raw.get("asking", {}), stem, where),
        raw=dict(raw),
    )


def merge_context(base: Mapping[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """Two ``[context]`` tables as one: every list of ``more`` adds to the same list of
    ``base``."""
    merged: dict[str, Any] = {key: value for key, value in base.items()}
    for key, value in more.items():
        if isinstance(value, Mapping):
            inner = dict(merged.get(key, {}))
            for name, items in value.items():
                inner[name] = [*inner.get(name, []), *items]
            merged[key] = inner
        else:
            merged[key] = [*merged.get(key, []), *value]
    return merged


def _by_section(raw: object, stem: Callable[[str], Key], where: str) -> dict[str, tuple[Key, ...]]:
    """Weakening phrases per section, or per entry (``"needs.bereavement"``)."""
    if not isinstance(raw, Mapping):
        raise ContextError(f"{where} must be a table of section = [phrases].")
    unknown = {name for name in raw if name.partition(".")[0] not in CONTEXT_SECTIONS}
    if unknown:
        raise ContextError(
            f"{where}: sections must be among {', '.join(CONTEXT_SECTIONS)} "
            '(or one entry of them, as "needs.bereavement").'
        )
    return {
        section: _longest_first({key for text in _texts(items, where) if (key := stem(text))})
        for section, items in raw.items()
    }


def _longest_first(keys: Iterable[Key]) -> tuple[Key, ...]:
    return tuple(sorted(set(keys), key=lambda key: (-len(key), key)))


def _askers(
    raw: object, stem: Callable[[str], Key], where: str
) -> dict[str, dict[str, tuple[Key, ...]]]:
    if not isinstance(raw, Mapping) or set(raw) - {*ASKERS, SELF_FIRST}:
        raise ContextError(
            f"{where} [context.asking] holds child = [...], self = [...], young = [...] and "
            "self_first = [...]."
        )
    return {
        who: _by_first([stem(text) for text in _texts(items, where)]) for who, items in raw.items()
    }


def _by_first(keys: Sequence[Key]) -> dict[str, tuple[Key, ...]]:
    """Keys by their first word, longest first (the longer phrase is the evidence)."""
    found: dict[str, list[Key]] = {}
    for key in sorted(set(keys), key=len, reverse=True):
        if key:
            found.setdefault(key[0], []).append(key)
    return {first: tuple(keys) for first, keys in found.items()}


def _texts(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContextError(f"{where} [context]: expected a list of non-empty texts.")
    return [v.strip() for v in value]
