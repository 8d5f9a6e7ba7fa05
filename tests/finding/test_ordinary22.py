"""Everyday English that names a thing, a habit or a game with a harm word (issue 17,
ordinary22).

The ordinary and look-alike sentences of the round's blind files (ordinary15, danger15,
child15) that raised the safety panel or strip were read for the cue or harm rule that
raised them and grouped by class. Each class is written here as new sentences (none of
them the training ones) that must raise nothing, beside dangers using the same words that
the rules alone still read:

- an idiom of habit, play or sport: a "slave" to a screen or a chore, sweets "trafficked"
  between siblings, a "secret weapon" at netball, gangster films, "gone and dyed her
  hair", "missing in action";
- money that squeezes: rent "strangling us", stalked by a creditor, a benefits or pension
  check, a child asking for a new phone with laughter over it;
- a thing, a colour or a trade: nude tights, swearing at a referee, a groomer in a pet
  salon, a belt off a skirt, jabs "done", knives for cooking;
- a child behaving as children do: told no to a sleepover, wanting to be left alone,
  bumps and bruises, a baby crying every night with reflux, the twins "killing me";
- a gang of youths making a nuisance round an estate;
- abuse past and over: grown up around it, a refuge last summer, rehoused after fleeing,
  controlled and out now.
"""

from __future__ import annotations

import pytest

from tests.finding.test_danger_choice import shown
from tests.finding.test_quiet_frames import page_read, rules_read

QUIET = [
    # an idiom of habit, play or sport
    "hes a total slave to his xbox, how do i get him off it",
    "im a slave to the ironing with three kids, any help",
    "the twins keep trafficking biscuits out of the cupboard at night",
    "my daughter is the secret weapon of her netball team, any county trials",
    "my lad loves gangster movies, what age rating is ok for 13",
    "shes gone and dyed her hair green the night before school photos",
    "my husband has been missing in action all week with work, i need a break",
    # money that squeezes
    "the rent is strangling us this year, any help with bills",
    "i feel stalked by the energy company, they ring every day",
    "pension check for my mum, is she getting everything she should",
    "gonna kill my daughter if she asks me for a new phone again lol",
    # a thing, a colour or a trade
    "looking for nude ballet tights for my 8 year olds show",
    "parents were swearing at the referee at the under 9s match, who do i report it to",
    "she is doing work experience as a groomer in a pet salon",
    "i took the belt off her school skirt cos it was broken, any uniform swap",
    "need to get them done before we go on holiday, her jabs are overdue",
    "my son wants to be a chef and is mad about knives for cooking, any courses",
    # a child behaving as children do
    "my daughter keeps telling me she hates me when i say no to a sleepover",
    "my 14 year old just wants to be left alone all weekend in his room",
    "toddler is always covered in bumps and bruises, could it be his coordination",
    "crying newborn every night for hours, could it be reflux",
    "the twins are killing me with night feeds, any support",
    # a nuisance round the estate
    "a gang of youths making a racket on the park every night, who do i report to",
    # abuse past and over
    "counselling for an adult who grew up around domestic violence",
    "my cousin was in a refuge last summer and now needs help with a deposit",
    "my friend fled her abusive husband and has been rehoused, she needs a cooker",
    "my neighbours ex controlled her life, shes out now and wants to go to college",
]

# The same words in a danger: the rules alone still show it (panel or strip).
STILL_READ = [
    "my boyfriend treats me like a slave and wont let me leave the house",
    "they are trafficking girls through the flat next door",
    "my son has been carrying a knife to school",
    "he said he will strangle us if we leave",
    "a man keeps stalking me and my daughter",
    "my partner checks my phone and controls everything",
    "a man asked my daughter to send nude pictures",
    "my husband hits me with his belt when he is drunk",
    "they want to take her abroad in the summer to get her done",
    "my 9 year old has been missing since last night",
    "a gang of older lads is grooming my son",
    "my partner keeps saying he will kill me",
    "a 25 year old man keeps buying my 13 year old daughter new trainers and phones",
    "my sister fled her ex last night and has nowhere safe to go",
    "he controlled everything and i am still scared of him",
    "my partner was in prison for domestic abuse and now he keeps turning up",
]


@pytest.mark.parametrize("text", QUIET)
def test_an_everyday_class_raises_no_panel_and_no_strip(text: str) -> None:
    """As the page reads it: no panel, and no strip but the learnt alarm's band 2; the
    rules alone raise nothing at all."""
    reading = page_read(text, "en")
    assert reading.dangers == (), text
    assert set(reading.cues) - set(reading.quiet_cues) == set(), text
    assert shown(rules_read(text, "en")) == [], text


@pytest.mark.parametrize("text", STILL_READ)
def test_the_same_words_in_a_danger_still_show(text: str) -> None:
    assert shown(rules_read(text, "en")), text


# Needs in everyday and West Midlands wordings (the phrasebook's ordinary22 phrases): each
# sentence reads its need strongly, by the rules alone.
NEEDS = [
    ("nowt in the cupboards and payday is next week", "food"),
    ("theres nothing in for the kids tea till friday", "food"),
    ("not spoken to an adult since monday, just me and the twins", "loneliness"),
    ("is there a knit and natter near sedgley", "loneliness"),
    ("my son got isolation again because of his haircut", "school-and-attendance"),
    ("my daughter refuses to wear uniform, what are the rules", "school-and-attendance"),
    ("my daughter wont leave her room and hardly talks to us", "mental-health-and-wellbeing"),
    ("kids setting fires on the park every weekend, who do i tell", "crime-and-exploitation"),
    ("my little one is sunburnt, what do i put on it", "health"),
    ("my step kids hate me, any help for blended families", "relationships-and-conflict"),
    ("she has a non molestation order against her ex and needs advice", "domestic-abuse"),
]

# Words that read no need in these frames, beside the same words meaning it.
NOT_READ = [
    ("my shop died in the pandemic, i want to retrain", "bereavement"),
    ("the goldfish died, the kids want another", "bereavement"),
    ("my mum says my brother has arrested development", "crime-and-exploitation"),
    ("my son got isolation at school for talking", "loneliness"),
]
STILL_NEEDS = [
    ("my mum died last year and i cant cope", "bereavement"),
    ("my son was arrested last night", "crime-and-exploitation"),
    ("i feel so isolated since the baby", "loneliness"),
]


def _strong_needs(text: str) -> set[str]:
    return {
        c.code
        for c in rules_read(text, "en").concepts
        if c.key.startswith("need:") and c.strength == "strong"
    }


@pytest.mark.parametrize(("text", "need"), NEEDS)
def test_an_everyday_wording_reads_its_need(text: str, need: str) -> None:
    assert need in _strong_needs(text), text


@pytest.mark.parametrize(("text", "need"), NOT_READ)
def test_a_frame_reads_no_need_from_its_word(text: str, need: str) -> None:
    assert need not in _strong_needs(text), text


@pytest.mark.parametrize(("text", "need"), STILL_NEEDS)
def test_the_word_meaning_it_still_reads(text: str, need: str) -> None:
    assert need in _strong_needs(text), text


def test_a_court_order_reads_the_need_and_no_danger() -> None:
    reading = rules_read("she has a non molestation order against her ex and needs advice", "en")
    assert shown(reading) == []
