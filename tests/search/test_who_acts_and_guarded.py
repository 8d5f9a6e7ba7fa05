"""Issue 17, English classes: who puts a family out (a landlord is no abuser), a son or
daughter said to be grown (no child at risk), and look-alikes guarded by an independent
sign of danger (a colicky baby, a child beaten up by others). The rules alone are read."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader

TODAY = date(2026, 3, 2)

ORDINARY = [
    # an official puts a family out: a housing matter
    "landlord threatening to kick us out cos hes selling up",
    "the letting agent says hes going to kick us out next month",
    "bailiffs said theyre throwing us out on monday",
    "the council says hes got to chuck us out of the temporary flat",
    # a grown son or daughter
    "my daughter is 19 and her boyfriend is 30",
    "my son who's 22 keeps getting into fights",
    "my 25 year old daughter has a boyfriend who is 40",
    "my adult son is seeing an older woman",
    # the look-alikes, with no sign of their own
    "baby screaming for hours every night with colic",
    "newborn cries for hours in the evening",
    "my son got beaten up at school",
]

DANGER = {
    "domestic-abuse": [
        "my partner says he'll kick me out",
        "my husband threw me and the kids out last night",
        "my landlord is lovely but my boyfriend kicked me out",
    ],
    "exploitation": [
        "my daughter is 15 and her bf is 24",
        "my son keeps getting beat up and says he owes a debt",
    ],
    "child-at-risk": [
        "my lad keeps getting battered and says he has to pay them back",
        "partner drinks and leaves the baby screaming for hours while im on nights",
        "he gets drunk and leaves the toddler crying for hours at night",
    ],
}


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_sentence_raises_nothing(rules: QueryReader, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert not reading.dangers and not reading.cues, text


@pytest.mark.parametrize(
    ("danger", "text"), [(code, text) for code, texts in DANGER.items() for text in texts]
)
def test_a_danger_still_reads(rules: QueryReader, danger: str, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues, text
