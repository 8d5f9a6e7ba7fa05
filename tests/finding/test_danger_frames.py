"""Frames that take a harm word out of danger, and abuse that is past and over (issue 17).

- A sport, game or hobby naming a blow, a hold or a blade ("kick boxing", judo's
  strangle holds, knives for fishing or carving), a harm word done to a thing ("strangle
  the printer", a chess queen), cooking gone wrong and one's own hand burnt on the oven:
  no panel, no strip. The same words said of a person still show.
- Children taken out or minded ("who can have my kids", "take the kids swimming") are
  no threat to take them; "threatened to take the kids" still is.
- Idioms holding a harm word: running away with an idea, an alarm going off, a bill
  "killing us", a relative poking her nose in.
- A parent's anger foretold over a failure ("mums gonna kill me i failed my mocks").
- Abuse said to be past and over ("left him years ago, he was abusive", "we're safe now",
  "been through domestic abuse") reads the domestic-abuse need, so its services come
  first, and no danger: a strong signal opens the panel, and an ended abuse is no signal
  of danger now. The same abuse said with no end ("left him last night"), or with a
  present sign ("now he keeps turning up"), still shows.

The sentences are written for the tests from templates, not taken from any set.
"""

from __future__ import annotations

from itertools import product

import pytest

from tests.finding.test_danger_choice import read, shown

SPORT = [
    "any kick boxing classes for my 12 year old son",
    "is there kick boxing for teenage lads near brierley hill",
    "my daughter does jiujitsu and is learning choke holds, any girls clubs",
    "wrestling club for kids, he wants to practise strangle holds on his brother",
    "taking the kids fishing this weekend, do they need their own knives",
    "whittling club for 10 year olds, are knives provided",
    "soap carving for children, do we bring our own knives",
    "chess lessons, my daughter loves killing my king",
]
THINGS = [
    "im going to strangle this printer, any free printing near me",
    "gonna throttle the laptop, where can i get it fixed cheap",
    "my son sets fire to the toast every morning, cooking classes for teens",
    "burnt me finger on the oven tray, is the walk in centre open",
]
OUTINGS = [
    "who can have my kids in half term, my mum works",
    "is there anyone who can mind my children on inset days",
    "grandad wants to take the kids camping, any family campsites",
    "my dad takes the grandkids swimming, any family swim sessions",
]
IDIOMS = [
    "my daughter has run away with the idea shes going to be a vet, any work experience",
    "the fire alarm keeps going off when i cook, can the council check it",
    "the rent is killing us, any help with housing costs",
    "my sister keeps poking her nose in about my kids bedtimes",
]
PARENT_FAILURE = [
    "my dads gonna kill me i failed my driving test",
    "mum is going to murder me i broke her vase",
    "my parents will kill me i missed the bus again",
]


@pytest.mark.parametrize("text", [*SPORT, *THINGS, *OUTINGS, *IDIOMS, *PARENT_FAILURE])
def test_a_harm_word_in_an_everyday_frame_raises_nothing(text: str) -> None:
    reading = read(text)
    assert reading.dangers == (), text
    assert shown(reading) == [], text


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("my boyfriend kicked me and put me in a choke hold", "domestic-abuse"),
        ("he strangled me last night", "domestic-abuse"),
        ("my husband held a knife to my throat", "domestic-abuse"),
        ("my ex threatened to take the kids abroad", "domestic-abuse"),
        ("my dad will kill me if i tell anyone", "child-at-risk"),
        ("he burnt me with a lighter", "domestic-abuse"),
    ],
)
def test_the_same_words_said_of_a_person_still_show(text: str, danger: str) -> None:
    assert shown(read(text)), text


ENDED = [
    "split from my ex husband four years ago, he was abusive",
    "left my partner 18 months ago he was really abusive, is there a freedom programme",
    "my ex was abusive when we were married, now he wants the kids at weekends",
    "it was abusive but were safe now, want counselling for me",
    "is there a support group for mums whove been through domestic abuse",
    "i am a survivor of domestic violence and want to volunteer",
    "got out of an abusive relationship years ago, need help with my confidence",
]


@pytest.mark.parametrize("text", ENDED)
def test_an_abuse_past_and_over_reads_the_need_not_a_danger(text: str) -> None:
    reading = read(text)
    assert shown(reading) == [], text
    needs = {need for concept in reading.concepts for need in concept.needs}
    assert "domestic-abuse" in needs, text


@pytest.mark.parametrize(
    ("ended", "now"),
    list(
        product(
            ["left him years ago, he was abusive", "he was abusive when we were together"],
            [
                "and now he keeps turning up at my door",
                "but he threatened to kill me yesterday",
                "and he says he will hurt me",
            ],
        )
    ),
)
def test_a_present_sign_beside_a_past_abuse_still_shows(ended: str, now: str) -> None:
    text = f"{ended} {now}"
    assert "domestic-abuse" in shown(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "we left their dad last night, he is abusive",
        "my husband is abusive",
        "he was abusive and im not safe now",
        "living with domestic abuse, need a refuge",
    ],
)
def test_an_abuse_with_no_end_still_shows(text: str) -> None:
    assert "domestic-abuse" in shown(read(text)), text
