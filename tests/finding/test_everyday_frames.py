"""Everyday frames of harm words, by class (issue 17: no false alarms on ordinary words).

A blow, a choke, a "gang", "grooming", "abuse" or an overdose said of a sport, a race, an
illness, a price, an exam, music, a game, a pet, a job, a treat or a child's tantrum
raises no panel and no strip; the same words said of a person still show. Each class
is held by sentences written for this test, not taken from any set, so a frame that
reads only one wording fails here.
"""

from __future__ import annotations

import pytest

from tests.finding.test_danger_choice import read, shown

FRAMES = {
    "sport and races": [
        "my lad got hammered in the rugby on saturday, is his shoulder ok to play",
        "she smashed her personal best at the swimming gala",
    ],
    "illness, boredom, music": [
        "cant beat this flu, any walk in centres open",
        "how do we beat the january blues with the kids",
        "my daughter makes beats on her laptop, any music studios for teens",
    ],
    "tantrums and tears": [
        "he kicks off about homework every night",
        "she punches her pillow when shes cross, normal at 7?",
        "i choked back tears at the nativity",
        "he tantrums when i say no to the tablet",
        "how do i stop the toddler hitting the baby when im feeding her",
        "cutting his nails and he screams like im killing him",
    ],
    "prices and effort": [
        "the energy price rise has hit us hard this winter",
        "we are killing ourselves working double shifts to pay the nursery",
        "the gas bill nearly killed me, can i pay monthly",
    ],
    "abuse of a thing, too much of a treat": [
        "is it abuse of the system to claim pip",
        "he shouts abuse at the telly during the football",
        "overdose of chocolate at easter, any healthy eating sessions",
    ],
    "jobs, exams, things missing": [
        "stuck in a rut with a job i hate, any retraining courses",
        "she bombed her driving test again",
        "my daughters missing tooth fell out at school",
        "wine bottles keep going missing from the fridge, is my teen drinking",
        "dad went missing from my life when i was 5, how do i explain to my kids",
    ],
    "games, gangs of friends, pets, work in the field": [
        "my son found an exploit in fortnite",
        "our little gang of mums meets on tuesdays, any new groups",
        "a gang of girls at school wont let her sit with them at lunch",
        "looking for a dog grooming course in dudley",
        "want to volunteer at a refuge for women, where do i apply",
        "grooming awareness training for youth club volunteers",
    ],
    "a boy, a phone, hunger, a game bought": [
        "my baby boy needs to be circumcised for medical reasons",
        "my son hides in his room on his xbox all night",
        "they come home starving after football",
        "my daughter spent 200 quid on roblox on my card",
        "hes not violent just lazy and never helps with the kids",
        "a stabbing pain in my side since sunday",
    ],
}


@pytest.mark.parametrize(
    "text", [text for texts in FRAMES.values() for text in texts], ids=lambda t: t[:40]
)
def test_a_harm_word_in_an_everyday_frame_raises_nothing(text: str) -> None:
    reading = read(text)
    assert reading.dangers == (), text
    assert shown(reading) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "my partner battered me last night and i cant stop shaking",
        "my husband punches me when hes drunk",
        "he choked me until i passed out",
        "the gang are making my son carry drugs",
        "a man online is grooming my daughter, he sends her gifts",
        "hes violent and i am scared to go home",
        "i took an overdose of paracetamol last night",
        "my daughter went missing from home two days ago",
        "my partner takes my bank card and spends all my money",
        "he hit me and it still hurts",
        "my sister is not safe, her abusive ex keeps turning up",
    ],
)
def test_the_same_words_said_of_a_person_still_show(text: str) -> None:
    assert shown(read(text)), text
