"""English danger said plainly that the rules missed (issue 17, danger20), by class.

Read from the blind batch ``danger11`` scored before anything was learnt from it: the
dangers that showed neither the panel nor the strip, grouped by class, each class a
documented sign in ``councils/safety/cues.toml`` or ``councils/safety/harm.toml`` with its
source (the ``danger20`` blocks):

- economic abuse: benefits paid to his account with none let go, debts run up in her
  name, the phone bill checked to see who she rang (Women's Aid, Surviving Economic Abuse);
- threats at contact handovers (Cafcass, Women's Aid), getting out before he is back,
  scared to leave and scared to stay (Refuge), an ex breaking in or at the door now and
  not going away (Suzy Lamplugh Trust);
- a neighbour hearing screaming with blows through the wall; horrible behind closed
  doors; children hearing it (Domestic Abuse Act 2021: a child who sees or hears abuse is
  a victim); a partner who "gets rough" (Women's Aid: physical abuse);
- a child hit by a carer who says it was deserved, taken to a crack house, a carer on the
  sex offenders register, an adult's messages to a 13 year old, a child locked out at
  night, small children out late, a child gone for nights again, an adult getting
  children drunk at a sleepover, a lodger in a child's room at night, children out in the
  cold with no coats, repeated fractures with an excuse (NSPCC, gov.uk, Missing People);
- exploitation: recruiting children to sell, a child chatting to someone online who wants
  to meet, money offered for pictures, a debt after a package is taken, young girls coming
  and going, favours for older boys, colours and areas, a teenager staying with an adult,
  workers who live at the car wash and never leave (Home Office county lines guidance,
  The Children's Society, NSPCC CSE, CEOP, Modern Slavery Helpline);
- forced marriage: sent abroad for good, kept abroad by family, a rishta with a man
  never met (forced marriage statutory guidance 2023);
- wanting to die: better off with me gone, not caring to wake up, standing on a ledge
  thinking about it, a rope bought, a plan and a date, pills taken with help refused,
  not being around much longer (Samaritans, Papyrus, Mind).

Each class beside the look-alikes that share its words, which must stay quiet. Read by
the rules alone (the learnt alarm has seen sentences like these). The sentences are
written for these tests, not taken from any set.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from search.understanding import QueryReader, Reading
from tests.finding.test_danger_choice import TODAY, reader, shown

DA = "domestic-abuse"
CHILD = "child-at-risk"
SELF = "suicide-and-self-harm"
EXPLOIT = "exploitation"
FORCED = "forced-marriage"


@cache
def rules() -> QueryReader:
    """The English reader with the learnt alarm left out: the lexicon's own reading."""
    return replace(reader("en"), learnt=None)


def read(text: str) -> Reading:
    one = rules()
    return one.read(one.gloss(text), {}, TODAY)


DANGERS = [
    # economic abuse and control of money, phone and keys
    ("my universal credit gets paid into his bank account and he never gives me a penny", DA),
    ("my husband ran up credit cards in my name and now the bailiffs write to me", DA),
    ("he goes through the itemised bill every month to see who i rang", DA),
    ("my husband has the car keys and my phone so i cant go anywhere", DA),
    ("my boyfriend makes me hand over my wages every payday", DA),
    # threats at contact handovers; getting out; at the door now
    ("at handovers my ex shouts at me and grabs my arm in front of the kids", DA),
    ("how can i get out with the kids before my partner comes home tonight", DA),
    ("scared to leave him, scared to stay", DA),
    ("my ex broke in while i was at work and went through my stuff", DA),
    ("hes at my door right now and wont go away", DA),
    ("my ex is outside the flat right now banging on the door", DA),
    ("the woman upstairs is screaming and i can hear glass being smashed", DA),
    # heard through the wall; behind closed doors; children hearing it; rough
    ("i can hear the couple upstairs, shes screaming and there are thumps on the floor", DA),
    ("my husband is charming in public but vile to me behind closed doors", DA),
    ("the kids heard him screaming at me and smashing plates last night", DA),
    ("my fella gets rough with me when hes had a few", DA),
    ("my mums boyfriend throws stuff at her and calls her horrible names", DA),
    # a child harmed or at risk
    ("got smacked so hard by my stepdad i have marks on my legs, is that allowed", CHILD),
    ("my sisters boyfriend takes her kids to a crack house when he has them", CHILD),
    ("my daughters new partner is on the sex offenders register and has moved in", CHILD),
    ("found photos on my boyfriends laptop of a 13 year old", CHILD),
    ("little boy across the road left on the doorstep again in the dark, mum wont answer", CHILD),
    ("theres toddlers out on the street at 11pm again, theyre only about 4", CHILD),
    ("my daughters friends dad gets them drunk at sleepovers", CHILD),
    ("my son has been gone two nights again and isnt answering", CHILD),
    ("our lodger keeps going in my sons room at night", CHILD),
    ("the children next door are out in the cold with no coats till 10pm most nights", CHILD),
    ("my granddaughter has broken bones again and her mum has an excuse every time", CHILD),
    # exploitation
    ("older lads keep recruiting kids round the estate to sell weed", EXPLOIT),
    ("my 13 year old is chatting to someone on roblox who wants to meet up", EXPLOIT),
    ("a man on snapchat offered my son money to send pics", EXPLOIT),
    (
        "someone nicked the package off my son and now they say he owes them,"
        " they threatened his sister",
        EXPLOIT,
    ),
    ("loads of young girls coming and going from the flat above, they look about 14", EXPLOIT),
    ("older boys giving my son cash to do favours", EXPLOIT),
    ("my son has a new crowd, wears certain colours and stopped going to school", EXPLOIT),
    ("my daughter is 15 and stays with her 22 year old boyfriend every weekend", EXPLOIT),
    ("the men at the car wash live in the back, never leave and look scared", EXPLOIT),
    # forced marriage
    ("my cousin is being sent back home to pakistan for good, she didnt know till today", FORCED),
    ("im stuck in india, my in laws have my passport and wont let me come home", FORCED),
    ("they say its just a rishta but i have never met him", FORCED),
    # FGM ("the cut" alone is the canal in the Black Country: a look-alike below)
    ("her gran says my little girl needs to have the cut on our trip to sudan", CHILD),
    # wanting to die
    ("sometimes i think the kids would be better off with me gone", SELF),
    ("i wouldnt even mind if i didnt wake up tomorrow", SELF),
    ("i keep sitting on the ledge of the multi storey thinking about it", SELF),
    ("bought a rope, please someone stop me", SELF),
    ("cant cope anymore, i have a plan and a date now", SELF),
    ("my mate swallowed a load of tablets and wont let me call 999", SELF),
    ("dont think ill be around much longer tbh", SELF),
    ("thinkin of jus endin it all", SELF),
]


@pytest.mark.parametrize(("text", "danger"), DANGERS)
def test_a_plain_danger_shows_its_danger(text: str, danger: str) -> None:
    reading = read(text)
    assert danger in shown(reading), (text, shown(reading))


LOOK_ALIKES = [
    # money, bills and debts of one's own
    "my wages go into my own account now, any budgeting help",
    "i ran up debts on credit cards in my name, need debt advice",
    "my partner checks the phone bill every month, is there a cheaper tariff",
    "my husband took the car keys to work so i cant do the school run",
    "i have to hand over my wages to the landlord for the deposit",
    # handovers, getting out, the door, something that will not go
    "how do handovers work at the contact centre, first time",
    "need to get the washing out before it rains",
    "my son is scared to leave me at nursery in the mornings",
    "someone broke into my car at work, who do i report it to",
    "he has a cough that wont go away, any walk in clinic",
    "the kids keep banging on the door when im in the bath",
    # noise, the kids seeing things, the sea getting rough
    "can hear next doors kids screaming in the paddling pool all afternoon",
    "my kids see everything he does on tiktok and copy it",
    "the sea gets rough on the ferry to ireland, any tips for kids",
    # children and carers, ordinary
    "my son got hit by a ball at football, his dad says hes fine",
    "my son wants to do a school project on the crack cocaine epidemic",
    "he has a record for driving offences, can he still be a taxi driver",
    "found photos on my husbands phone of our 13 year old at her prom",
    "locked out with the kids, mum wont answer her phone, need a locksmith",
    "kids fireworks display at the park till late, ages 4 and up",
    "dad gets drunk at every wedding then sleeps over at nans",
    "my son has been gone 3 nights on his school residential, first time away",
    "the lodger works nights so the kids have to be quiet in the morning",
    "kids out in the cold at the bonfire, any indoor events",
    "my son has broken bones from rugby twice, any safer sports",
    # exploitation look-alikes
    "the cricket club is recruiting kids for the summer, my son was approached",
    "my 13 year old wants to meet up with her cousin at the trampoline park",
    "my son got paid for sending photos of his art to a gallery online",
    "my son lost his phone and owes his mate a tenner for the case",
    "new nursery opened, loads of kids coming and going, they look so happy",
    "my son does favours for the old lady next door, she gives him cash",
    "my son stopped going to school because of anxiety",
    "my daughter is 15 and stays with her nan every weekend",
    "the car wash near us is great, they never leave a mark",
    "my lad wants to go fishing on the cut at the weekend, any angling clubs",
    # forced marriage look-alikes
    "my son is being sent away on a school trip abroad, hes nervous about flying",
    "stuck in india, flight cancelled, the airline wont let me fly back until monday",
    "my sisters engagement party is next week, i said no to being a bridesmaid",
    # wanting to die look-alikes
    "what if i dont wake up for the alarm, any tips for new mums",
    "we stood on the bridge to watch the fireworks, thinking about doing it again",
    "bought a rope swing for the kids, any parks to hang it",
    "we have a plan and a date for the house move",
    "took paracetamol for my headache, should i go to hospital",
    "toddler swallowed some tablets by accident, do i call 999 or 111",
    "think ill be home late, any after school clubs till 6",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_stays_quiet(text: str) -> None:
    reading = read(text)
    assert shown(reading) == [], (text, shown(reading))
