"""Look-alikes by class, not by sentence: templates crossed with harm's words raise nothing.

Fear alone ("dar lagda", "I'm scared"), loneliness ("isolated with a newborn"), a child's
behaviour towards other children ("bije inne dzieci", "hits other kids"), a knife beside a
fork, a child hit by a cricket ball, and a child lost for a while and found are needs or
ordinary life, not danger, in every shipped language and script. Every sentence the
templates make is read on every language's page, by the rules and the learnt reader
together: no safety panel, no strip. The dangers these classes border on (fear *of* a
partner, isolation done *to* someone, a child hit by an adult, a child still missing)
keep their reading, so the look-alikes are kept out by what they are, not by dropping a
harm word.
"""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader

LANGUAGES = ("en", "pl", "ur", "pa")


def _crossed(template: str, **slots: tuple[str, ...]) -> list[str]:
    """``template`` written out once for every combination of its slots' words."""
    names = list(slots)
    return [
        template.format(**dict(zip(names, words, strict=True)))
        for words in product(*(slots[name] for name in names))
    ]


_TEMPLATED: dict[str, list[str]] = {
    "fear alone": [
        *_crossed(
            "{who}{fear}{when}",
            who=("", "mainu ", "menu "),
            fear=("dar lagda", "darr lagda", "bahut dar lagda"),
            when=("", " raat nu", " school ton pehlan"),
        ),
        *_crossed(
            "{who}{fear}{when}",
            who=("", "ਮੈਨੂੰ "),
            fear=("ਡਰ ਲੱਗਦਾ", "ਬਹੁਤ ਡਰ ਲੱਗਦਾ", "ਡਰ ਲੱਗਦਾ ਹੈ"),
            when=("", " ਰਾਤ ਨੂੰ", " ਇਮਤਿਹਾਨ ਤੋਂ ਪਹਿਲਾਂ"),
        ),
        *_crossed(
            "{who}{fear}{when}",
            who=("", "mujhe ", "مجھے "),
            fear=("dar lagta hai", "ڈر لگتا ہے", "بہت ڈر لگتا ہے"),
            when=("", " raat ko", " آج کل"),
        ),
        *_crossed("{fear}{when}", fear=("boję się", "boje sie"), when=("", " wszystkiego")),
    ],
    "loneliness": [
        *_crossed(
            "{state} with {baby}{rest}",
            state=("so isolated", "im isolated", "really lonely", "i am isolated"),
            baby=("a newborn", "the baby", "twins", "my toddler"),
            rest=("", " and my partner works away", " since my husband went back to work"),
        ),
        *_crossed(
            "{state} since {event}",
            state=("isolated", "completely isolated", "so lonely"),
            event=("the baby came", "we moved to dudley", "my partner started nights"),
        ),
    ],
    "a child's behaviour towards other children": [
        *_crossed(
            "{child} {act} other {kids}{place}",
            child=("my son", "my daughter", "my 4 year old", "our lad"),
            act=("hits", "bites", "kicks", "pushes"),
            kids=("kids", "children", "boys"),
            place=("", " at nursery", " in the playground"),
        ),
        *_crossed(
            "{child}{act} {kids}{place}",
            child=("", "syn ", "mój syn ", "córka "),
            act=("bije", "gryzie", "popycha", "kopie"),
            kids=("inne dzieci", "innych dzieci", "kolegów"),
            place=("", " w przedszkolu", " w szkole"),
        ),
        *_crossed(
            "{child} doosre bachon ko {act}",
            child=("mera beta", "meri beti"),
            act=("maarta hai", "marti hai"),
        ),
        *_crossed(
            "{child} ਦੂਜੇ ਬੱਚਿਆਂ ਨੂੰ {act}",
            child=("ਮੇਰਾ ਪੁੱਤ", "ਮੇਰੀ ਧੀ"),
            act=("ਮਾਰਦਾ ਹੈ", "ਮਾਰਦੀ ਹੈ"),
        ),
    ],
    "a knife beside a fork": [
        *_crossed(
            "{knife} {joined}{fork}{whom}",
            knife=("churi", "chhuri", "چھری"),
            joined=("", "aur ", "اور "),
            fork=("kanta", "کانٹا"),
            whom=("", " bachon ke liye", " بچوں کے لیے"),
        ),
        *_crossed(
            "{whom}{knife} {joined}{fork}",
            whom=("", "ਬੱਚਿਆਂ ਲਈ ", "bachean layi "),
            knife=("ਛੁਰੀ", "ਚਾਕੂ", "chhuri"),
            joined=("", "ਤੇ ", "te "),
            fork=("ਕਾਂਟਾ", "kanta"),
        ),
        *_crossed("{knife} i widelec{whom}", knife=("nóż", "noz"), whom=("", " dla dziecka")),
    ],
    "a child hit by a cricket ball": [
        *_crossed(
            "{child} ko cricket {ball} {hit}",
            child=("bete", "mere bete", "beti"),
            ball=("ball", "ki ball", "ki gend"),
            hit=("lagi", "lag gayi", "lagne se chot aayi"),
        ),
        *_crossed(
            "{child} کو کرکٹ کی {ball} {hit}",
            child=("بیٹے", "بیٹی"),
            ball=("گیند", "بال"),
            hit=("لگی", "لگ گئی"),
        ),
        *_crossed(
            "{child} ਨੂੰ ਕ੍ਰਿਕਟ ਦੀ {ball} {hit}",
            child=("ਪੁੱਤ", "ਮੁੰਡੇ", "ਧੀ"),
            ball=("ਗੇਂਦ", "ਬਾਲ"),
            hit=("ਵੱਜੀ", "ਲੱਗੀ"),
        ),
    ],
    "a child lost for a while and found": [
        *_crossed(
            "{child} school bus se gum ho gaya {then} mil gaya",
            child=("beta", "mera beta", "bacha"),
            then=("", "phir", "baad mein"),
        ),
        *_crossed(
            "{child} اسکول بس سے گم ہو گیا تھا {then} مل گیا",
            child=("بیٹا", "میرا بیٹا"),
            then=("پھر", "بعد میں"),
        ),
        *_crossed(
            "{child} ਸਕੂਲ ਬੱਸ ਤੋਂ ਗੁੰਮ ਹੋ ਗਿਆ ਸੀ {then} ਲੱਭ ਗਿਆ",
            child=("ਪੁੱਤ", "ਮੇਰਾ ਪੁੱਤ"),
            then=("ਫਿਰ", "ਬਾਅਦ ਵਿੱਚ"),
        ),
        *_crossed(
            "{child} zgubił się w {place} ale {found}",
            child=("syn", "córka"),
            place=("parku", "sklepie"),
            found=("znaleźliśmy go po 10 minutach", "odnalazł się"),
        ),
    ],
}

LOOK_ALIKES = {kind: list(dict.fromkeys(texts)) for kind, texts in _TEMPLATED.items()}
"""Each class's sentences, once each (two templates may write the same one)."""

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
    for text in LOOK_ALIKES[kind]:
        reading = readers[language].read(text, {}, date.today())
        if reading.dangers or reading.cues:
            alarmed.append((text, reading.dangers, reading.cues))
    assert alarmed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dangers_beside_them_keep_their_reading(
    readers: dict[str, QueryReader], language: str
) -> None:
    missed = []
    for text in KEEP_READING:
        reading = readers[language].read(text, {}, date.today())
        if not (reading.dangers or reading.cues):
            missed.append(text)
    assert missed == []
