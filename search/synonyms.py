"""UK family-services synonym groups, and the lookup the query builder uses.

Each group lists phrases a family or practitioner might type for the same thing; a query
phrase from a group matches every phrase in it. Phrases are compared after stemming, so
plurals and "stay & play" / "stay and play" match alike. A phrase may belong to one group
only (checked when this module loads).
"""

from __future__ import annotations

from collections.abc import Sequence

from search.analysis import stems, words

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("food bank", "foodbank", "pantry", "larder", "food parcel", "food club",
     "community fridge", "social supermarket", "free food"),
    ("holiday club", "haf", "holiday activities", "holiday activity",
     "holiday activity and food", "holiday programme", "school holidays", "summer club"),
    ("stay and play", "toddler group", "play group", "playgroup", "baby and toddler group",
     "parent and toddler"),
    ("send", "sen", "special needs", "special educational needs", "ehcp",
     "education health and care plan", "senco", "disability", "disabled", "additional needs"),
    ("autism", "autistic", "asd", "adhd", "neurodivergent", "neurodiversity"),
    ("parenting course", "parenting programme", "parenting program", "parenting class",
     "parenting group"),
    ("counselling", "counseling", "talking therapy", "talking therapies", "therapy",
     "therapist"),
    ("dv", "domestic abuse", "domestic violence", "abusive relationship", "refuge"),
    ("mental health", "wellbeing", "well being", "anxiety", "anxious", "feeling low",
     "depression", "low mood", "stress"),
    ("money", "debt", "benefits", "cost of living", "budgeting", "bills", "universal credit"),
    ("behaviour", "behavior", "tantrums", "challenging behaviour"),
    ("childcare", "child care", "nursery", "early years", "childminder", "preschool"),
    ("baby", "newborn", "new baby", "pregnancy", "pregnant", "antenatal", "expecting a baby",
     "maternity"),
    ("breastfeeding", "breast feeding", "infant feeding", "bottle feeding"),
    ("housing", "homeless", "homelessness", "eviction", "evicted", "rent arrears"),
    ("bereavement", "bereaved", "grief", "grieving", "loss"),
    ("school", "attendance", "exclusion", "excluded", "school refusal"),
    ("youth club", "young people", "teenagers", "teens", "youth", "adolescents"),
    ("young carers", "young carer", "caring for a family member"),
    ("speech and language", "speech therapy", "language delay", "late talker"),
    ("dad", "dads", "father", "fathers"),
    ("lone parent", "single parent", "single mum", "single dad"),
    ("family hub", "family centre", "children's centre", "sure start"),
    ("early help", "family support", "family support worker"),
    ("bullying", "bullied", "cyberbullying"),
    ("esol", "english classes", "english lessons", "learn english"),
    ("drugs", "alcohol", "substance misuse", "addiction"),
    ("deaf", "hearing loss", "hearing impairment"),
)


class SynonymTable:
    """Finds the longest synonym phrase starting at a position in a stemmed query."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups: tuple[tuple[tuple[str, ...], ...], ...] = tuple(
            tuple(dict.fromkeys(phrase for phrase in map(_phrase_stems, group) if phrase))
            for group in groups
        )
        self._group_of: dict[tuple[str, ...], int] = {}
        for index, group in enumerate(self.groups):
            for phrase in group:
                if self._group_of.setdefault(phrase, index) != index:
                    raise ValueError(f"synonym phrase {phrase} is in two groups")
        self._longest = max((len(phrase) for phrase in self._group_of), default=0)
        self.vocabulary: frozenset[str] = frozenset(
            word for group in groups for phrase in group for word in words(phrase)
        )

    def match(self, tokens: Sequence[str], start: int) -> tuple[int, int] | None:
        """(length, group index) of the longest phrase at ``tokens[start:]``, if any."""
        for length in range(min(self._longest, len(tokens) - start), 0, -1):
            group = self._group_of.get(tuple(tokens[start : start + length]))
            if group is not None:
                return length, group
        return None


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stems(phrase))


SYNONYMS = SynonymTable(SYNONYM_GROUPS)
