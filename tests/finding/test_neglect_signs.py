"""Neglect and harm to a child told indirectly, and a child's self-injury (issue 17).

Each sign is a co-occurrence pattern in ``councils/safety/cues.toml`` with its source
(NSPCC "Neglect", "Leaving your child home alone", "Physical abuse", "Child sexual
abuse"; gov.uk "What to do if you're worried a child is being abused"): a carer out of it
(drunk, high, passed out) with a child going without; a small child left alone at night
or in a car; small children out late half dressed; a child made to mind a baby; injuries
with a story; a child's words that worry school; wetting since staying with an adult; a
girl under 16 pregnant by an adult she knows. Beside each, the look-alikes a family
types: a parent asking about a teenager left for an hour, babysitting, a food bank till
payday (a food need: no carer out of it), a child asleep after a party, bedwetting.

A child's self-injury with an injury described (bleeds, raw, bruises) shows the
self-harm strip, never the panel (NHS "Self-harm", National Autistic Society
"Self-injurious behaviour"); "hits her head when upset" with no injury stays nothing.

The sentences are written for the tests, not taken from any set.
"""

from __future__ import annotations

import pytest

from tests.finding.test_danger_choice import read, shown

CHILD = "child-at-risk"
SELF_HARM = "suicide-and-self-harm"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("my sisters kids are always starving and she is off her head most days", "en"),
        ("my stepdad drinks all day and the baby hasnt been fed since last night", "en"),
        (
            "their mum goes out every night and leaves the 4 year old and the baby on their own",
            "en",
        ),
        (
            "i think the lady next door leaves her toddler on his own all night while she works",
            "en",
        ),
        ("the 3 year old from number 8 was out in the street at midnight in just a nappy", "en"),
        ("dad keeps me off school to mind my little sister all day, im 11", "en"),
        ("my 6 year old niece has to look after the baby while her mum goes out every night", "en"),
        (
            "my son came home from his dads weekend with a black eye and says he fell but his"
            " story doesnt add up",
            "en",
        ),
        (
            "teacher rang and said my daughter told them things about her stepdad"
            " that worried them",
            "en",
        ),
        (
            "my 8 year old has started wetting the bed again ever since she stays at her grandads"
            " at weekends",
            "en",
        ),
        ("my niece is only 14 and pregnant and i think its her stepdad", "en"),
        ("the kids tell me their mum says go to bed when theyre hungry", "en"),
        ("they left the baby in the car in the heat for an hour while they shopped", "en"),
        ("mama jest pijana a my nie jedlismy od wczoraj", "pl"),
        ("ojczym lezy pijany a mlodszy brat sam w domu", "pl"),
        ("mama kaze mi pilnowac brata co noc a sama wychodzi", "pl"),
        ("امی نشے میں بے ہوش ہیں اور ہم بھوکے ہیں", "ur"),
        ("abbu nashe mein hain aur bache bhooke hain", "ur"),
        ("ammi mujhe school nahi jane deti baby ko sambhalna parta hai", "ur"),
        ("ਮੰਮੀ ਨਸ਼ੇ ਵਿੱਚ ਹੈ ਤੇ ਅਸੀਂ ਭੁੱਖੇ ਹਾਂ", "pa"),
        ("papa sharab pee ke behosh aa te bache bhukhe ne", "pa"),
    ],
)
def test_a_child_at_risk_told_indirectly_is_read(text: str, language: str) -> None:
    assert CHILD in shown(read(text, language)), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("is it ok to leave my 15 year old home alone for an hour while i go to the shops", "en"),
        ("can i leave my 14 year old on her own for the afternoon", "en"),
        ("my daughter misses her nan since she moved away and cries at night", "en"),
        ("no food in the house till payday, any food banks near me", "en"),
        (
            "me and the kids have no food in the house till friday, where is the nearest food bank",
            "en",
        ),
        ("my husband is on universal credit and theres no food in the house till payday", "en"),
        ("my 13 year old wants to babysit her little brother, what age is legal", "en"),
        ("can my 12 year old look after the baby while i pop to the shop", "en"),
        ("my daughter was passed out asleep on the sofa after the party, she was so tired", "en"),
        ("my son passed out asleep in the car after his party", "en"),
        ("my 7 year old still wets the bed, can the school nurse help", "en"),
        ("my son started wetting the bed since his baby sister was born", "en"),
        ("my mum drinks every day and im worried about her health, shes 70", "en"),
        ("my baby wont feed since this morning, is that normal", "en"),
        (
            "my toddler fell down the stairs and has a lump on her head,"
            " where is the walk in centre",
            "en",
        ),
        ("my son came back from his dads with a cold and a cough", "en"),
        ("my 15 year old daughter is pregnant, where can she get support", "en"),
        ("the kids went out in the street in their pyjamas to see the snow", "en"),
        ("kids left their coats in the car, is there a lost property", "en"),
        ("my 5 year old gets hungry after school, healthy snack ideas", "en"),
        ("tata byl pijany na weselu, smieszne zdjecia", "pl"),
        ("corka pilnuje brata po szkole, od ilu lat mozna", "pl"),
        ("tankhwah tak ghar mein khana nahi hai food bank kahan hai", "ur"),
        ("abbu ki sharab chhurwane ke liye madad chahiye", "ur"),
        ("papa di sharab chhudaun layi madad chahidi", "pa"),
        ("ਮੇਰਾ ਪੁੱਤ ਸਕੂਲ ਤੋਂ ਬਾਅਦ ਭੁੱਖਾ ਹੁੰਦਾ, ਕੀ ਖਵਾਵਾਂ", "pa"),
    ],
)
def test_a_look_alike_raises_nothing(text: str, language: str) -> None:
    reading = read(text, language)
    assert reading.dangers == (), text
    assert shown(reading) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "daughter has autism and she keeps banging her head till it bleeds",
        "my son bangs his head on the floor till it bleeds when hes upset",
        "my autistic daughter scratches her arms till they bleed",
        "my son scratched himself till it bled",
        "my 9 year old has been hitting herself and her face is covered in bruises",
        "my teenage son punches himself in the head till its bruised",
    ],
)
def test_self_injury_with_an_injury_shows_the_self_harm_strip(text: str) -> None:
    reading = read(text)
    assert SELF_HARM in reading.cues, text
    # never the panel: a blow a child does to herself is no one hitting a child
    assert reading.dangers == (), text


@pytest.mark.parametrize(
    "text",
    [
        "my son bangs his head when hes upset",
        "my daughter hits her head when upset, shes autistic",
        "my 4 year old bites herself when she is tired",
        "my son banged his head on the table and its bleeding, where is the walk in centre",
        "banging my head against a brick wall with the council",
    ],
)
def test_self_injury_without_an_injury_or_an_accident_raises_nothing(text: str) -> None:
    assert shown(read(text)) == [], text
