"""Look-alikes by class, not by sentence: templates crossed with harm's words raise nothing.

Fear alone ("dar lagda", "I'm scared"), loneliness ("isolated with a newborn"), a child's
behaviour towards other children ("bije inne dzieci", "hits other kids"), a knife beside a
fork, a child hit by a cricket ball, a child lost for a while and found, and being thrown
out of work, school, a club, a course or a shop are needs or ordinary life, not danger, in
every shipped language and script. Every sentence the templates make is read on every
language's page, by the rules and the learnt reader together, as typed and as the page
glosses it (Polish "wyrzucił" is read as "kicked out"): no safety panel, no strip. The
dangers these classes border on (fear *of* a partner, isolation done *to* someone, a child
hit by an adult, a child still missing, put out of the home by a partner) keep their
reading, so the look-alikes are kept out by what they are, not by dropping a harm word.
"""

from __future__ import annotations

from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.lookalike_templates import LOOK_ALIKES
from search.understanding import QueryReader

LANGUAGES = ("en", "pl", "ur", "pa")

KEEP_READING = [
    "my husband isolates me from my family and friends",
    "he has isolated me from everyone and checks my phone",
    "im cut off from my family, he wont let me see them",
    "im isolated from my family by him",
    "i am so isolated, he controls everything and wont let me see my friends",
    "mujhe apne shohar se dar lagta hai",
    "ਪਤੀ ਤੋਂ ਬਹੁਤ ਡਰ ਲੱਗਦਾ ਉਹ ਮਾਰਦਾ ਹੈ",
    "mąż bije mnie i dzieci",
    "ojczym bije moje dzieci",
    "my stepdad hits me and the other kids",
    "ਮੇਰਾ ਪੁੱਤ ਦੋ ਦਿਨਾਂ ਤੋਂ ਗੁੰਮ ਹੈ",
    "beta do din se gum hai phone band hai",
    "córka zaginęła wczoraj i nie odbiera telefonu",
    "he held a knife to my throat",
    "شوہر نے چھری دکھا کر دھمکی دی",
    "mąż wyrzucił mnie z domu z dziećmi",
    "partner wyrzucił nas z mieszkania",
    "wyrzucił mnie w nocy na ulicę w piżamie",
    "shohar ne mujhe ghar se nikal diya",
    "ਪਤੀ ਨੇ ਮੈਨੂੰ ਘਰੋਂ ਕੱਢ ਦਿੱਤਾ",
    "pati ne mainu ghar ton kadh dita",
    "my husband kicked me out",
    "he threw me and the kids out last night",
    "my dad chucked me out of the house cos im pregnant",
    "boyfriend locked me out and took my keys",
    "my brother threw me out of the house",
    "his family kicked me out",
    "my son kicked me out of my own home",
    "my parents kicked me out of the house when i came out",
]
"""Dangers beside the look-alike classes above: each still reads (panel or strip)."""


@pytest.fixture(scope="module")
def readers() -> dict[str, QueryReader]:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    return {language: load_reader(council, safety, language=language) for language in LANGUAGES}


def test_the_templates_make_many_sentences_of_every_class() -> None:
    for kind, texts in LOOK_ALIKES.items():
        assert len(texts) >= 8, kind


@pytest.mark.parametrize("kind", sorted(LOOK_ALIKES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_look_alikes_made_from_templates_raise_nothing(
    readers: dict[str, QueryReader], language: str, kind: str
) -> None:
    alarmed = []
    reader = readers[language]
    for text in LOOK_ALIKES[kind]:
        for read in dict.fromkeys((text, reader.gloss(text))):
            reading = reader.read(read, {}, date.today())
            if reading.dangers or reading.cues:
                alarmed.append((read, reading.dangers, reading.cues))
    assert alarmed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dangers_beside_them_keep_their_reading(
    readers: dict[str, QueryReader], language: str
) -> None:
    missed = []
    reader = readers[language]
    for text in KEEP_READING:
        for read in dict.fromkeys((text, reader.gloss(text))):
            reading = reader.read(read, {}, date.today())
            if not (reading.dangers or reading.cues):
                missed.append(read)
    assert missed == []
