"""A child at risk and exploitation said plainly, by class (issue 17, childrisk22).

Each class is words of ``councils/safety/harm.toml`` (the ``childrisk22`` blocks, with
their sources) read together by its rules:

- neglect: a child going without (not eaten, no tea, living off crisps, rotten teeth)
  beside a carer gone or out of it (on the vodka, on the gear, not been back, passed out
  on the settee), two signs together, told by a neighbour, a grandparent or the child
  (NSPCC, "Neglect");
- touching or a bed, bath or shower entered by a step-parent, a mother's partner or
  friend, an uncle or a babysitter (NSPCC, "Child sexual abuse");
- blows said plainly and objects a child is hit with ("batter me", "pinches me", "to
  teach me a lesson", "with a belt": NSPCC, "Physical abuse");
- a child afraid of home or of going back to a parent (Childline);
- a child of 16 or under put out of home, or under 18 with nowhere to sleep (Childline,
  Shelter); at 17 with a roof, the housing need;
- county lines signs, two together (cash with no job, burner phones, calls at all hours,
  older males in cars: Home Office county lines guidance, The Children's Society);
- a threat to post a child's pictures, someone online not who they say, a child asked to
  undress on camera (CEOP, Internet Watch Foundation);
- children kept from school to work (Modern Slavery Helpline);
- a "special ceremony" on a trip abroad a girl is afraid of (NSPCC, FGM).

Every sentence is written for these tests, none taken from a training file, each class
beside look-alikes sharing its words (the brief's "left the kids with nan", "gone missing
from his phone all day lol", "new trainers for school", "older kids at the youth club").
Read by the rules alone.
"""

from __future__ import annotations

import pytest

from search.understanding import Reading
from tests.finding.test_danger_choice import TODAY, shown
from tests.search.readers import rules_reader

CHILD = "child-at-risk"
EXPLOIT = "exploitation"


def read(text: str) -> Reading:
    one = rules_reader("en")
    return one.read(one.gloss(text), {}, TODAY)


DANGERS = [
    # neglect, two signs together
    (
        "the little ones across the landing havent eaten since yesterday and their mum is"
        " on the vodka again",
        CHILD,
    ),
    ("we havent had tea for days and mums been gone since tuesday", CHILD),
    ("my grandkids are living off crisps and their mom is off her face most nights", CHILD),
    (
        "the children at number 4 have rotten teeth and their dad is paralytic every night",
        CHILD,
    ),
    # touching, a bed, bath or shower, by an adult the child knows
    ("my stepdads mate gets into bed with me when he stays over", CHILD),
    ("my uncle keeps walking in on me in the bath and laughs", CHILD),
    ("mums new boyfriend comes in when im in the shower and wont leave", CHILD),
    ("my little girl said the babysitter touched her private", CHILD),
    # blows said plainly
    ("my stepmom pinches me and says its to teach me a lesson", CHILD),
    ("my dad said he will batter me if i tell anyone", CHILD),
    # afraid of home
    ("im scared of home, my mum screams at me all night", CHILD),
    ("i dont want to go back to my dads, hes horrible when hes drunk", CHILD),
    # a child put out
    ("kicked out at 16 by my stepdad and sleeping in a park", CHILD),
    # county lines, two signs
    ("my son is 15 and hes got a burner and wads of tenners, he hasnt got a job", EXPLOIT),
    (
        "my 14 year old keeps taking calls at all hours and older males pick him up in a bmw",
        EXPLOIT,
    ),
    ("my 13yr old is being paid in weed to keep watch for older lads", EXPLOIT),
    # online
    (
        "someone online is pretending to be a girl and now wants money or hes posting my sons pics",
        EXPLOIT,
    ),
    ("a man calling himself a model scout wants my 12 year old to send pics", EXPLOIT),
    ("a stranger on roblox asked my 11 year old to take off her clothes on camera", EXPLOIT),
    # child labour
    ("the kids at the car wash never go to school and work 60 hours a week", EXPLOIT),
    (
        "my cousin brought a girl over from abroad to work for her and she never goes to school",
        EXPLOIT,
    ),
    # FGM's "special ceremony"
    (
        "they are taking my 9 year old niece back home for a special ceremony and she is terrified",
        CHILD,
    ),
]


@pytest.mark.parametrize(("text", "danger"), DANGERS)
def test_a_child_at_risk_said_plainly_is_read(text: str, danger: str) -> None:
    assert danger in shown(read(text)), text


LOOK_ALIKES = [
    "left the kids with nan",
    "hes gone missing from his phone all day lol",
    "new trainers for school",
    "older kids at the youth club",
    "the older kids at the youth club help the younger ones",
    "no food in the house till payday, any food banks near me",
    "my kids are always hungry after school, any clubs with tea",
    "my twins are hungry all the time, any baby bank",
    "i burnt the toast and the kids are hungry",
    "my mum is on the drink again, im 40 and worried about her",
    "my son passed out asleep after the party",
    "my teenager is out with her mates all night at a sleepover",
    "my stepdad taught me to ride a bike",
    "my uncle walks the dog with me after school",
    "dont want to go home from the holiday",
    "the kids dont want to go home from the park",
    "my 16 year old got kicked out of college",
    "my dad kicked me out and im 17, need a hostel",
    "my daughter wants new trainers and a north face coat for her birthday",
    "my son got a new phone and new trainers for christmas",
    "my son wants a paper round to earn money for trainers",
    "he got a burner phone for his trip abroad",
    "my son takes calls for his part time job",
    "my 15 year old does modelling for a catalogue, how do we get a licence",
    "my daughter has a pic of her dog as her screensaver",
    "my daughter is doing a special ceremony at church for her first communion",
    "my son is going on a trip abroad with school and is nervous",
    "belt for my sons school trousers",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_stays_quiet(text: str) -> None:
    assert shown(read(text)) == [], text
