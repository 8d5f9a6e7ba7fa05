"""Kinds of danger the fresh blind files missed or raised wrongly (issue 17), by class.

- Laughter with no hyperbole in the words sets nothing aside: a wish not to be here said
  with "lol" is a disclosure wrapped in a joke (Samaritans), so its cue still shows.
- "No reason to (still) be here" is wanting to die said plainly (Samaritans, Papyrus).
- A parent's threat over a failed exam is an idiom, like one over lost keys; the same
  threat over telling, or a blow for a failed test, still shows.
- An ex who stops the searcher seeing the children is a contact dispute (Cafcass), not
  coercive control on its own; a partner keeping one from family, or an ex who also
  threatens, still shows.
- A child saying their age beside a parent who moved out ("since dad left") is no
  neglect; a child left alone or with no food still is (NSPCC).
- Wanting to disappear, in Urdu ("ghayab ho jana hai"), as Punjabi already reads it.

The sentences are written for the tests from templates, not taken from any set.
"""

from __future__ import annotations

from itertools import product

import pytest

from tests.finding.test_danger_choice import read, shown

LAUGHTER = ["lol", "haha", "lmao", "😂"]
NOT_HERE = [
    "i keep thinking about not being here anymore",
    "been having thoughts of not being here",
    "i just want to disappear forever",
]


@pytest.mark.parametrize(
    "text",
    [
        *(f"{laugh} {words}" for words, laugh in product(NOT_HERE, LAUGHTER)),
        *(f"{words} {laugh}" for words, laugh in product(NOT_HERE, LAUGHTER)),
    ],
)
def test_a_wish_not_to_be_here_with_laughter_still_shows(text: str) -> None:
    assert "suicide-and-self-harm" in shown(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        f"{words} {laugh}"
        for words, laugh in product(
            [
                "husband wont let me buy a new sofa",
                "the kids have been up since 5",
                "my toddler put the remote in the bin",
                "nursery run was chaos today",
                "i need a holiday from my own kids",
            ],
            LAUGHTER,
        )
    ],
)
def test_laughter_over_everyday_words_raises_nothing(text: str) -> None:
    assert shown(read(text)) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "honestly theres no reason to still be here",
        "lost everything and there is no reason to be here anymore",
        "my son says he has no reason to be alive",
    ],
)
def test_no_reason_to_be_here_shows_self_harm(text: str) -> None:
    assert "suicide-and-self-harm" in shown(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "no reason to be here so early, the clinic opens at ten",
        "is there a reason to be here before nine for the baby group",
        "we have every reason to be here, the kids love the park",
    ],
)
def test_a_reason_to_be_somewhere_raises_nothing(text: str) -> None:
    assert shown(read(text)) == [], text


PARENT = ["mum", "mom", "my dad", "my mam"]
THREAT = ["will kill me", "will murder me", "is gonna kill me"]
FAILURE = ["if i fail my exams", "if i fail me gcses", "if i failed maths", "if i flunk"]


@pytest.mark.parametrize(
    "text",
    [f"{who} {threat} {failure}" for who, threat, failure in product(PARENT, THREAT, FAILURE)],
)
def test_a_threat_over_a_failed_exam_raises_nothing(text: str) -> None:
    assert shown(read(text)) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "my dad will kill me if i tell",
        "stepdad hits me when i fail a test",
        "mum beats me if i fail my spellings",
    ],
)
def test_a_real_threat_or_blow_beside_a_failure_still_shows(text: str) -> None:
    assert shown(read(text)), text


EX = ["ex", "my ex", "ex husband", "baby mum", "kids dad"]
WONT = ["wont let me see", "doesnt let me see", "still wont let me see"]
CHILDREN = ["my kids", "the children", "my son", "our little one"]


@pytest.mark.parametrize(
    "text",
    [f"{ex} {wont} {kids}" for ex, wont, kids in product(EX, WONT, CHILDREN)],
)
def test_an_ex_keeping_the_children_from_contact_raises_nothing(text: str) -> None:
    assert shown(read(text)) == [], text


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("partner wont let me see my mum", "domestic-abuse"),
        ("husband wont let me see my family or friends", "domestic-abuse"),
        ("my ex wont let me see my kids and says hell kill me", "domestic-abuse"),
        ("ex wont let me see my kids and keeps turning up at my work", "domestic-abuse"),
    ],
)
def test_isolation_or_threats_beside_contact_still_show(text: str, danger: str) -> None:
    assert danger in shown(read(text)), text


# A child saying their age beside a parent who "left" (moved out) is no neglect; left
# alone, or left with no food, still is (NSPCC, neglect).
LEFT = ["since dad left", "ever since my mum left", "after dad left last year"]
WORRY = ["i dont know how to help her", "mum keeps crying", "i miss him"]
AGE = ["im only 12", "im 13", "i am 11"]


@pytest.mark.parametrize(
    "text",
    [f"{worry} {left} {age}" for left, worry, age in product(LEFT, WORRY, AGE)],
)
def test_a_parent_who_moved_out_is_no_neglect(text: str) -> None:
    assert shown(read(text)) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "im 12 and mum left me on my own all weekend",
        "im only 11 and they left us with no food",
        "im 13 and dad leaves me alone every night",
    ],
)
def test_a_child_left_alone_still_shows(text: str) -> None:
    assert "child-at-risk" in shown(read(text)), text


# Wanting to disappear in Urdu, as the Punjabi list already reads "gayab hona"
# (Samaritans); a thing that goes missing is no wish.
@pytest.mark.parametrize(
    "text",
    ["bas ghayab ho jana hai", "بس غائب ہو جانا ہے", "dil karta hai ghayab ho jaun"],
)
def test_wanting_to_disappear_in_urdu_shows_self_harm(text: str) -> None:
    assert "suicide-and-self-harm" in shown(read(text, "ur")), text


@pytest.mark.parametrize(
    "text",
    [
        "chabi ka ghayab ho jana bohat pareshani hai",
        "bachon ke joote ghayab ho jate hain",
        "school bus se gum ho gaya phir mil gaya",
    ],
)
def test_things_gone_missing_in_urdu_raise_no_self_harm(text: str) -> None:
    assert "suicide-and-self-harm" not in shown(read(text, "ur")), text
