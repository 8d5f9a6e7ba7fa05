"""Polish, Urdu and Punjabi wordings read by class (issue 17, point 8), with the shipped books.

Each class comes from what the readers missed on sentences they never saw, and is shown
here on sentences written for the tests, not taken from any evaluation or training file:
romanised everyday words that were respelled into a gloss ("kiddan", how, read as
"khedan", play); work as where one is ("uciekam z pracy", "kaam karti hun"), not work
wanted; English words of work and health written in Urdu and Gurmukhi script ("جاب
سینٹر", "ਫੋਰਕਲਿਫਟ"); drinking said by how often ("roz peeta"); eating little as a worry,
not food poverty; periods; care shared after a separation; and a family stuck indoors by
the weather, or an older person who does not go out on bad knees, which is no one keeping
anyone in.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader, Reading

TODAY = date(2026, 12, 7)


@cache
def reader(language: str) -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council), language=language)


def read(language: str, text: str) -> Reading:
    one = reader(language)
    return one.read(one.gloss(text), {}, TODAY)


def strong(reading: Reading) -> set[str]:
    return {concept.key for concept in reading.concepts if concept.strong}


def dangers(reading: Reading) -> set[str]:
    return {concept.key for concept in reading.concepts if concept.key.startswith("danger:")}


# (language, sentence, a need it must read strongly)
READS = [
    # English words of work and health written in the language's script, or said short
    ("ur", "جاب سینٹر کی اپائنٹمنٹ چھوٹ گئی اب کیا کروں", "need:work-and-skills"),
    ("ur", "ریٹائر ہو گیا ہوں، والنٹیئر کا کام ڈھونڈ رہا ہوں", "need:work-and-skills"),
    ("pa", "ਜੌਬ ਸੈਂਟਰ ਵਾਲਿਆਂ ਨੇ ਚਿੱਠੀ ਭੇਜੀ", "need:work-and-skills"),
    ("pa", "ਫੋਰਕਲਿਫਟ ਚਲਾਉਣਾ ਸਿੱਖਣਾ ਚਾਹੁੰਦਾ", "need:work-and-skills"),
    ("ur", "بیٹے کی ٹانگ ٹوٹی تھی، اب فزیو کہاں ملے گی", "need:health"),
    ("pl", "syn po złamaniu potrzebuje fizjo", "need:health"),
    # drinking said by how often, and wanting to stop
    ("ur", "shohar roz peeta hai, kya karun", "need:substance-use"),
    ("pa", "ਮੇਰਾ ਭਰਾ ਰੋਜ਼ ਪੀਂਦਾ, ਕੀ ਕਰੀਏ", "need:substance-use"),
    ("pa", "papa sharab chhadni chaunde ne", "need:substance-use"),
    # eating little as a worry
    ("ur", "بیٹی نے کھانا کم کر دیا ہے اور وزن گر رہا ہے", "need:health"),
    ("ur", "beti ne khana kam kar diya hai", "need:health"),
    ("pa", "ਮੁੰਡਾ ਅੱਜਕੱਲ੍ਹ ਬਹੁਤ ਘੱਟ ਖਾਂਦਾ", "need:health"),
    # periods
    ("ur", "بیٹی کو ماہواری میں بہت درد ہوتا ہے", "need:health"),
    ("pa", "ਧੀ ਦੀ ਮਾਹਵਾਰੀ ਸ਼ੁਰੂ ਹੋ ਗਈ, ਉਹ 10 ਸਾਲ ਦੀ", "need:health"),
    ("pl", "córka dostała pierwszy okres w szkole i się wstydzi", "need:health"),
    # care shared after a separation
    ("pl", "chcemy dzielić opiekę na odległość, jak to zrobić", "need:relationships-and-conflict"),
    # what the classes below must not take away
    ("ur", "mujhe kaam chahiye", "need:work-and-skills"),
    ("pa", "bache nu parhai vich madad chahidi", "need:school-and-attendance"),
]


@pytest.mark.parametrize(("language", "text", "need"), READS)
def test_each_class_reads_its_need(language: str, text: str, need: str) -> None:
    assert need in strong(read(language, text)), (language, text)


# (language, sentence, a reading it must not make strongly)
NOT_READ = [
    # romanised everyday words are never respelled into a gloss
    ("pa", "bacheyan da school admission kiddan hunda", "need:activities"),
    ("pa", "council tax kiddan bharna, samajh nai aundi", "need:activities"),
    ("pa", "baarish ch bache ghar baithe bore hunde", "need:bereavement"),
    ("ur", "dar hai beta galat logon ke chakkar mein na pare", "need:school-and-attendance"),
    # work as where one is, not work wanted
    ("pl", "wychodzę z pracy o 17, gdzie jest klub po szkole", "need:work-and-skills"),
    ("pl", "mam koszmary po wypadku w pracy, nie mogę spać", "need:work-and-skills"),
    (
        "ur",
        "main hospital mein kaam karti hun, bete ke liye after school club",
        "need:work-and-skills",
    ),
    ("ur", "میں ایک دکان میں کام کرتا ہوں اور بیٹی کو آٹزم ہے", "need:work-and-skills"),
    ("pa", "ਮੈਂ ਹਸਪਤਾਲ ਵਿੱਚ ਕੰਮ ਕਰਦੀ ਹਾਂ, ਬੱਚੇ ਲਈ ਨਰਸਰੀ", "need:work-and-skills"),
    # eating little is no food poverty; "okres" alone is any period of time
    ("ur", "بیٹی نے کھانا کم کر دیا ہے اور وزن گر رہا ہے", "need:food"),
    ("pl", "w okresie świątecznym co jest dla dzieci", "need:health"),
    # a drink that is not alcohol
    ("pa", "ਬੱਚਾ ਰੋਜ਼ ਦੁੱਧ ਪੀਂਦਾ", "need:substance-use"),
]


@pytest.mark.parametrize(("language", "text", "reading"), NOT_READ)
def test_everyday_words_read_nothing_else(language: str, text: str, reading: str) -> None:
    assert reading not in strong(read(language, text)), (language, text)


# Stuck indoors by the weather or boredom, or not going out on bad knees: no danger of
# either grade. Someone keeping someone in still is one.
NO_DANGER = [
    ("pl", "siedzimy zamknięci w domu od tygodnia bo leje, co robić z dziećmi"),
    ("ur", "hum sab ghar mein band hain sardi ki wajah se, bachon ke liye kuch indoor"),
    ("pa", "ਬੱਚੇ ਮੀਂਹ ਕਰਕੇ ਘਰ ਵਿੱਚ ਬੰਦ ਨੇ, ਕੋਈ ਸੌਫਟ ਪਲੇ"),
    ("pa", "ਦਾਦੀ ਜੀ ਦੇ ਗੋਡੇ ਦੁਖਦੇ, ਘਰੋਂ ਬਾਹਰ ਨਹੀਂ ਨਿਕਲਦੇ"),
]
DANGER = [
    ("pl", "mąż zamyka mnie w domu i zabiera telefon"),
    ("ur", "shohar mujhe ghar mein band kar deta hai"),
    ("pa", "ਸਹੁਰੇ ਮੈਨੂੰ ਘਰੋਂ ਬਾਹਰ ਨਹੀਂ ਜਾਣ ਦਿੰਦੇ"),
]


@pytest.mark.parametrize(("language", "text"), NO_DANGER)
def test_stuck_indoors_is_no_danger(language: str, text: str) -> None:
    assert not dangers(read(language, text)), (language, text)


@pytest.mark.parametrize(("language", "text"), DANGER)
def test_being_kept_in_still_is(language: str, text: str) -> None:
    assert "danger:domestic-abuse" in dangers(read(language, text)), (language, text)
