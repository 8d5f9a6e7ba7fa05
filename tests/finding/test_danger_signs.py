"""Plain signs of danger the rules missed (issue 17), each beside a look-alike.

Each sign is a documented lexicon pattern in ``councils/safety/cues.toml`` with its
source: being thrown about, made to sleep on the floor or kept from eating (Women's Aid,
Refuge); a method ready, stockpiled medicine, belongings given away, "worth more dead",
a high place and "I might tonight" (Samaritans, Papyrus, Mind); being paid to carry bags
on the train (Home Office county lines guidance); a marriage nobody agreed to and a
one-way ticket abroad (forced marriage statutory guidance); cutting spoken of as
"becoming a woman" on a trip (NHS FGM guidance). Signs read as the strip.

The sentences are written for the tests, not taken from any set.
"""

from __future__ import annotations

import pytest

from tests.finding.test_danger_choice import read, shown


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("my sister's fella threw her across the room last night", "domestic-abuse"),
        ("he chucks me about when hes had a drink", "domestic-abuse"),
        ("my husband made me sleep in the car again", "domestic-abuse"),
        ("im not allowed to eat until he says so", "domestic-abuse"),
        ("my son keeps saying hes worth more dead than alive", "suicide-and-self-harm"),
        ("ive got all the paracetamol ready and lined up", "suicide-and-self-harm"),
        ("been stockpiling my tablets for weeks", "suicide-and-self-harm"),
        ("going to swallow all my tablets after the kids are asleep", "suicide-and-self-harm"),
        ("gave all my stuff away to my sister, done with it all", "suicide-and-self-harm"),
        (
            "went up on the multi storey roof, couldnt do it, maybe next time",
            "suicide-and-self-harm",
        ),
        ("cant see any point in going on anymore", "suicide-and-self-harm"),
        ("i need to stop myself doing something stupid", "suicide-and-self-harm"),
        (
            "a man said hed pay my son cash to carry packages to a flat in wolverhampton",
            "exploitation",
        ),
        ("they married me by phone and i never said yes", "forced-marriage"),
        ("her dad bought a one way flight to pakistan for her after her gcses", "forced-marriage"),
        (
            "they keep telling my niece she will become a proper woman on the trip back home",
            "child-at-risk",
        ),
    ],
)
def test_a_plain_sign_shows_its_danger(text: str, danger: str) -> None:
    assert danger in shown(read(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "the kids threw the ball about in the garden all day",
        "we sleep on the floor at the campsite, any family camping trips",
        "not allowed to eat in the library, where can the kids have lunch",
        "this old car is worth more scrapped than sold",
        "got the tablets ready for my nan, any help with her medicines",
        "giving all my baby things away, any baby banks that take clothes",
        "stood on the bridge over the canal watching the boats, any boat trips for kids",
        "cant see the point of the new parking rules at school",
        "can someone take bags of donations to the food bank on the bus",
        "booked a one way ticket to poland for my mum, shes moving back",
        "nobody told me the wedding was fancy dress, where can i hire costumes",
        "my daughter is becoming a woman so fast, any puberty talks for girls",
    ],
)
def test_a_look_alike_shows_no_danger(text: str) -> None:
    reading = read(text)
    assert reading.dangers == (), text
    assert shown(reading) == [], text
