"""UK family-services synonym groups, and the lookup the query builder uses.

Each group lists phrases a family or practitioner might type for the same thing; a query
phrase from a group matches every phrase in it. Phrases joined by "|" are variants of one
another (spellings, plurals of a kind stemming misses, exact equivalents) and count as
fully as the phrase typed; the other phrases of the group count a little less. Phrases are
compared after stemming, so "food banks" and "stay & play" match. A phrase may belong to
one group only (checked when this module loads).
"""

from __future__ import annotations

from collections.abc import Sequence

from search.analysis import stems, words

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("food bank|foodbank|food parcel|emergency food", "pantry|community pantry", "larder",
     "food club", "community fridge", "social supermarket", "free food"),
    ("holiday club|holiday clubs", "haf|holiday activities|holiday activity|"
     "holiday activity and food|holiday activities and food|free school meals",
     "holiday programme",
     "school holidays", "summer club"),
    ("stay and play|stay & play", "toddler group|parent and toddler|baby and toddler group",
     "play group|playgroup"),
    ("send|sen|special needs|special educational needs|"
     "special educational needs and disabilities", "additional needs",
     "ehcp|education health and care plan", "senco", "disability|disabled"),
    ("autism|autistic|asd", "adhd", "neurodivergent|neurodiversity"),
    ("parenting course|parenting programme|parenting program|parenting class",
     "parenting group"),
    ("counselling|counseling", "talking therapy|talking therapies", "therapy|therapist"),
    ("domestic abuse|domestic violence|dv", "abusive relationship", "refuge"),
    ("mental health", "wellbeing|well being", "anxiety|anxious",
     "feeling low|low mood|depression", "stress"),
    ("money", "debt", "benefits|universal credit", "cost of living", "budgeting", "bills"),
    ("behaviour|behavior", "tantrums", "challenging behaviour|challenging behavior"),
    ("childcare|child care", "nursery|preschool", "early years", "childminder|childminding"),
    ("baby|babies", "newborn|new baby", "pregnancy|pregnant|expecting a baby",
     "antenatal|maternity"),
    ("breastfeeding|breast feeding", "infant feeding|bottle feeding"),
    ("housing", "homeless|homelessness", "eviction|evicted", "rent arrears"),
    ("bereavement|bereaved", "grief|grieving", "loss"),
    ("school", "attendance|school attendance|school refusal", "exclusion|excluded"),
    ("youth club", "young people", "teenagers|teens|adolescents", "youth"),
    ("young carers|young carer", "caring for a family member"),
    ("speech and language|speech therapy", "language delay|late talker"),
    ("dad|dads|father|fathers",),
    ("lone parent|single parent", "single mum", "single dad"),
    ("family hub|family centre|children's centre", "sure start"),
    ("early help", "family support|family support worker"),
    ("bullying|bullied|cyberbullying",),
    ("esol|english classes|english lessons|learn english",),
    ("drugs and alcohol|substance misuse", "drugs", "alcohol", "addiction"),
    ("deaf", "hearing loss|hearing impairment"),
)  # fmt: skip


class SynonymTable:
    """Finds the longest synonym phrase starting at a position in a stemmed query."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        phrases: list[tuple[str, ...]] = []
        self._group_of: dict[tuple[str, ...], int] = {}
        self._variant_of: dict[tuple[str, ...], int] = {}
        for index, group in enumerate(groups):
            for entry in group:
                variant = len(self._variant_of)
                for text in entry.split("|"):
                    phrase = tuple(stems(text))
                    if not phrase:
                        raise ValueError(f"synonym phrase {text!r} is only stop words")
                    if self._group_of.setdefault(phrase, index) != index:
                        raise ValueError(f"synonym phrase {text!r} is in two groups")
                    if phrase not in self._variant_of:
                        phrases.append(phrase)
                        self._variant_of[phrase] = variant
        self.groups: tuple[tuple[tuple[str, ...], ...], ...] = tuple(
            tuple(phrase for phrase in phrases if self._group_of[phrase] == index)
            for index in range(len(groups))
        )
        self.longest = max((len(phrase) for phrase in phrases), default=0)
        self.multiword = frozenset(phrase for phrase in phrases if len(phrase) > 1)
        self.phrase_ends = frozenset(phrase[-1] for phrase in self.multiword)
        self.vocabulary: frozenset[str] = frozenset(
            word for group in groups for entry in group for word in words(entry)
        )

    def match(self, tokens: Sequence[str], start: int) -> tuple[int, int] | None:
        """(length, group index) of the longest phrase at ``tokens[start:]``, if any."""
        for length in range(min(self.longest, len(tokens) - start), 0, -1):
            group = self._group_of.get(tuple(tokens[start : start + length]))
            if group is not None:
                return length, group
        return None

    def variants(self, phrase: tuple[str, ...], other: tuple[str, ...]) -> bool:
        """True if the two phrases are listed as variants of each other (or are the same)."""
        return self._variant_of.get(phrase) == self._variant_of.get(other)


SYNONYMS = SynonymTable(SYNONYM_GROUPS)
