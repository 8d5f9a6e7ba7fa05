"""Domestic abuse, suicide and self-harm said plainly, and their look-alikes (issue 17,
danger22).

The misses of a blind English danger file were read for their class; each class is
written here as new sentences (none of them the file's) that the rules alone must read
as their danger, with look-alikes in the same words that must raise nothing:

- domestic abuse: a court order or bail broken, an abuser out on bail or released with
  the searcher's safety at stake, an abuser at the door now, listening in or spying by
  an app, help wanted in secret, kept in a room by a partner, in-laws holding documents
  and making her a servant, an older person harmed by the family they live with;
- suicide and self-harm: a rope, a bridge or pills got ready, a child's threat to jump,
  cutting that a school found (self-harm leads, not FGM's "for cutting");
- look-alikes by class: "no" said to a thing, money or a baby "strangling" or "killing"
  us, "a slave to" a phone, praise in sport ("a lethal weapon", "deadly in front of
  goal"), minor knocks from a scrap, a rope for play, a bridge or canal walked, snowed
  in, an order asked about, a child at the door or getting into a school.
"""

from __future__ import annotations

import pytest

from tests.finding.test_danger_choice import shown
from tests.finding.test_quiet_frames import page_read, rules_read

DANGER = [
    # a court order or bail broken
    ("my ex breached the injunction again last night", "domestic-abuse"),
    ("the restraining order hasnt stopped him, he was at my work today", "domestic-abuse"),
    ("he ignored his bail conditions and came to the school gates", "domestic-abuse"),
    # released or out on bail, with her safety at stake
    ("my ex has been released and i think he knows where we live now", "domestic-abuse"),
    ("hes out on bail and im scared he will come back", "domestic-abuse"),
    # at the door now
    ("my ex is hammering on the door and screaming, the kids are upstairs", "domestic-abuse"),
    ("hes outside trying to get in through the kitchen window", "domestic-abuse"),
    # listening in, spying, help wanted in secret
    ("my husband records all my phone calls", "domestic-abuse"),
    ("how do i contact a helpline without him finding out", "domestic-abuse"),
    ("he installed a tracking app on my phone so he knows where i go", "domestic-abuse"),
    # kept in a room by a partner; in-laws and documents
    ("ive been locked in the spare room by my husband since saturday", "domestic-abuse"),
    ("his mum keeps my visa and makes me do all the housework like a maid", "domestic-abuse"),
    # an older person harmed by the family they live with
    (
        "my grandad is 83 and my cousin is spending his pension and shouting at him",
        "domestic-abuse",
    ),
    ("im 77 and my son in law grabs me and calls me names", "domestic-abuse"),
    ("my nan is 88 and my uncle took her bedroom off her", "domestic-abuse"),
    # suicide: a means or a place, ready
    ("ive hidden a rope in the garage and i know how", "suicide-and-self-harm"),
    ("i keep walking to the viaduct and looking down", "suicide-and-self-harm"),
    ("ive got my sleeping pills counted out on the bed", "suicide-and-self-harm"),
    ("my 12 year old threatened to throw himself out of the window", "suicide-and-self-harm"),
    # cutting that a school found: self-harm leads
    (
        "my daughter got put in isolation for self harming in the toilets, shes 13",
        "suicide-and-self-harm",
    ),
]

LEADS = [
    ("my son got sent home for cutting, hes 14", "suicide-and-self-harm"),
]

QUIET = [
    # "no" said to a thing
    "my 5 year old screams when i say no to screen time",
    "how do i say no to sweets without a meltdown",
    # money, a baby or aches "strangling", "killing" us
    "the bills are that tight its strangling us, any help with the gas",
    "the cost of living is killing us, where is a food bank",
    "the twins are killing me with the night feeds, any sleep clinic",
    "my back is killing me since the birth, postnatal physio",
    # a slave to a phone
    "my lad is a slave to his xbox, any clubs to get him out",
    # praise in sport
    "my daughter is deadly in front of goal, any girls football teams",
    "he is a lethal weapon on the rugby pitch, any under 12s",
    # minor knocks from a scrap
    "he had a scrap with his mates at school, just bumps and bruises, how do i calm him",
    # a rope for play, a bridge or canal walked, snowed in
    "bought a tyre swing with a rope for the garden, any play parks",
    "walks over the canal bridge with a buggy, any routes",
    "my two love jumping in the puddles down by the old bridge, any wellie walks",
    "we were snowed in by the weather for three days, any indoor play",
    # an order asked about; a child at the door, a school place
    "how do i apply for a non molestation order",
    "my toddler keeps banging on the door at night when he wakes",
    "my son is trying to get in to the grammar school",
    "how can i plan a surprise party without him knowing",
    # an older person helped, not harmed
    "my mum is 80 and my daughter takes her shopping every week",
    "my dad is 82 and my son helps him with his money, power of attorney advice",
    # cutting as skipping a class or a haircut
    "our lad keeps cutting class to go to the chippy",
    "she got in trouble at school for cutting her fringe",
]


@pytest.mark.parametrize(("text", "danger"), DANGER)
def test_a_class_of_danger_is_read(text: str, danger: str) -> None:
    assert danger in shown(rules_read(text, "en")), text


@pytest.mark.parametrize(("text", "danger"), LEADS)
def test_cutting_a_school_found_leads_with_self_harm(text: str, danger: str) -> None:
    read = shown(rules_read(text, "en"))
    assert read and read[0] == danger, (text, read)


@pytest.mark.parametrize("text", QUIET)
def test_a_look_alike_raises_nothing(text: str) -> None:
    """As the page reads it: no panel, and no strip but the learnt alarm's band 2; the
    rules alone raise nothing at all."""
    reading = page_read(text, "en")
    assert reading.dangers == (), text
    assert set(reading.cues) - set(reading.quiet_cues) == set(), text
    assert shown(rules_read(text, "en")) == [], text
