"""Domestic abuse, forced marriage, honour and FGM said plainly (issue 17, control21): the
rules alone, the learnt alarm set aside.

- a weapon or a threat to life beside an abuser and the one threatened opens the panel
  (``sure`` rules of ``councils/safety/harm.toml``: no act word needed), as does a blow by
  "he" or "she" to the searcher a few words off;
- coercive control as a class, an abuser and a controlling act (money, cards and benefits
  handed over, keys, phone and passports kept, permission asked, watched and followed,
  threats about the children or to report her, injuries explained away): the strip at
  least (``# ---- control21`` blocks of ``councils/safety/cues.toml``);
- forced marriage, honour and FGM in families' words read the forced-marriage danger;
- their look-alikes raise nothing.

Written in this helper's own words, not the training files'. Without the change, 3 of 8
panel sentences opened no panel, 10 of 17 control signs and 6 of 9 forced-marriage signs
were missed, and "he took my keys by mistake" showed the
strip."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader

TODAY = date(2026, 3, 2)

PANEL = [
    "my boyfriend keeps a knife under his pillow and says its for me",
    "he has a gun in the shed and said he'd use it on me",
    "my ex bought a machete and i'm scared he'll come round",
    "she came at me with a hammer when i got home",
    "he kicked me in the ribs and told the doctor i fell off a ladder",
    "my partner got the belt out to me in front of the kids",
    "the perpetrator strangled her and is still living at the address",
    "she spat on me in the car park and pulled my hair",
]

CONTROL = [
    "my husband takes all my universal credit the day it lands",
    "i have to give every penny of my wages over to him on payday",
    "i have to show her every receipt when i get back from the shops",
    "my boyfriend has hidden the kids passports and my birth certificate",
    "she wont let me have my own bank card",
    "i have to ask his permission to go to the doctors",
    "her fiance decides who she can see and what she wears",
    "he is still messaging me every hour even though i blocked him",
    "he told me if i leave him he'll have the kids put into care",
    "she says she will tell social i'm an unfit mum",
    "my sister says she walked into the cupboard again, her face is bruised",
    "my stepdad threw plates at my mum last night",
    "my brother punched his wife at the party",
    "how do i get out with the kids while hes asleep",
    "we fled this morning with only what we stood in",
    "since we separated he parks outside my flat most nights",
    "her husband has got all the cards and my daughter has no money of her own, she wants out",
]

FORCED = [
    "my aunt says my niece will have it done like the tradition back home",
    "they're taking her to egypt for a special ceremony and she's only 7",
    "my cousin said she's having a procedure down there when they go abroad",
    "my dad is sending me to bangladesh to get married after my exams",
    "how can i stop my nikah",
    "my ex husbands family keep threatening my parents since i left him",
    "was made to marry at 15 and nobody asked me",
    "my uncle took my passport and says we fly to pakistan next week",
    "i was cut when i was young and my mum wants to do the same to my daughter",
]

ORDINARY = [
    "he took my keys by mistake this morning",
    "my phone died and my partner took my charger",
    "my phone died",
    "my husband bought a knife sharpening set",
    "going to pakistan for my cousins wedding in the summer, need vaccines",
    "my daughter is getting her ears pierced, every girl in our family has it done",
    "we left last night for the holidays with nothing booked",
    "my little brother copies everything i do",
    "since we split up he turns up on time to see the kids every weekend",
    "seat belt for my toddler, the belt is too loose",
    "my husband is a chef and wants a knife skills class",
    "he wants a permission slip signed for the school trip",
]


@pytest.mark.parametrize("text", PANEL)
def test_a_weapon_or_a_blow_beside_an_abuser_opens_the_panel(rules: QueryReader, text: str) -> None:
    assert "domestic-abuse" in rules.read(text, {}, TODAY).dangers, text


@pytest.mark.parametrize("text", CONTROL)
def test_coercive_control_said_plainly_reads_domestic_abuse(rules: QueryReader, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert "domestic-abuse" in reading.dangers + reading.cues, text


@pytest.mark.parametrize("text", FORCED)
def test_forced_marriage_honour_and_fgm_read_forced_marriage(rules: QueryReader, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert "forced-marriage" in reading.dangers + reading.cues, text


@pytest.mark.parametrize("text", ORDINARY)
def test_their_look_alikes_raise_nothing(rules: QueryReader, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert not reading.dangers and not reading.cues, text
