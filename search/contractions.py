"""Contractions that, with the apostrophe dropped, spell another word. Pure code.

The reader drops apostrophes before comparing words, so "i'll" is "ill" (Health), "we'd"
"wed" (Wednesday) and "he'll" "hell". :func:`contracted` says which words of a query are
such contractions: every one typed with an apostrophe (straight, curly or a backtick), and
one typed without only where nothing else can be meant, at the start of a clause (the
first word, after a stop or comma, or after "and", "but", "if"...) or after its own
pronoun, with a verb's plain form or a modal's companion after it and no linking word
before it: "ill call the school tomorrow", "if i shame the family again ill be sent back"
are "I'll"; "im ill", "my son is ill", "ill health" and "on wed" stay the words they spell.

The phrasebook reads a contraction as no need, category, kind, age, time or cost; the
danger lexicons, written in the same apostrophe-free spelling ("hell kill me", "said hed
kill me"), read it as the contraction they mean, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

SPELLS_A_WORD = {
    "ill": "i",
    "hell": "he",
    "shell": "she",
    "well": "we",
    "wed": "we",
    "shed": "she",
    "id": "i",
    "were": "we",
    "its": "it",
    "lets": "let",
}
"""A contraction, apostrophe dropped, that is an English word too -> its pronoun."""

CLAUSE_OPENERS = frozenset(
    {
        "and",
        "but",
        "or",
        "then",
        "if",
        "when",
        "because",
        "cos",
        "coz",
        "cuz",
        "as",
        "otherwise",
        "else",
        "maybe",
        "think",
        "thought",
        "said",
        "says",
        "promise",
        "again",
        "now",
        "today",
        "tomorrow",
        "tonight",
        "ok",
        "okay",
        "yes",
        "no",
        "hopefully",
    }
)
"""Words after which a new clause, and so a pronoun's contraction, may begin."""

LINKING = frozenset(
    {
        "is",
        "im",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "feel",
        "feels",
        "feeling",
        "felt",
        "get",
        "gets",
        "getting",
        "got",
        "fell",
        "falls",
        "become",
        "becomes",
        "became",
        "very",
        "so",
        "really",
        "too",
        "quite",
        "bit",
        "seriously",
        "terminally",
        "chronically",
        "mentally",
        "critically",
        "looks",
        "looked",
        "seems",
        "seemed",
        "sounds",
        "hes",
        "shes",
        "theyre",
        "youre",
        "on",
        "every",
        "next",
        "this",
        "last",
        "from",
        "till",
        "until",
        "to",
    }
)
"""Words before which the spelt word is meant ("is ill", "so ill", "on wed", "next wed")."""

FOLLOWERS = frozenset(
    {
        "be",
        "have",
        "get",
        "go",
        "do",
        "try",
        "call",
        "ring",
        "phone",
        "text",
        "email",
        "never",
        "just",
        "probably",
        "prob",
        "defo",
        "definitely",
        "def",
        "not",
        "need",
        "take",
        "make",
        "see",
        "come",
        "ask",
        "tell",
        "let",
        "look",
        "bring",
        "give",
        "pay",
        "put",
        "send",
        "stay",
        "lose",
        "kill",
        "hurt",
        "end",
        "sort",
        "pick",
        "speak",
        "talk",
        "check",
        "leave",
        "find",
        "wait",
        "keep",
        "start",
        "stop",
        "miss",
        "always",
        "still",
        "only",
        "really",
        "like",
        "love",
        "rather",
        "prefer",
        "want",
        "been",
        "gone",
        "had",
        "die",
        "beat",
        "hit",
        "smash",
        "batter",
        "throw",
        "chuck",
        "kick",
        "use",
        "report",
        "book",
        "apply",
        "wont",
        "cant",
        "dont",
    }
)
"""Words that follow a pronoun and "will", "would" or "are" ("ill call", "wed like"),
and never the word spelt ("ill" health, "wed" 3pm)."""


def contracted(keys: Sequence[str], raws: Sequence[str], stops: Sequence[bool]) -> frozenset[int]:
    """Positions of the words that are contractions spelling another word.

    ``keys`` are the words as the reader compares them (apostrophes dropped), ``raws`` as
    typed (lower case), ``stops[i]`` whether a stop or comma came just before word ``i``.
    """
    found: set[int] = set()
    for position, key in enumerate(keys):
        pronoun = SPELLS_A_WORD.get(key)
        if pronoun is None:
            continue
        if any(mark in raws[position] for mark in "'’`"):
            found.add(position)
            continue
        before = keys[position - 1] if position else ""
        after = keys[position + 1] if position + 1 < len(keys) else ""
        opens = position == 0 or stops[position] or before in CLAUSE_OPENERS
        if (
            (opens or before == pronoun)
            and before not in LINKING
            and after in FOLLOWERS
            and not stops[position + 1]
        ):
            found.add(position)
    return frozenset(found)
