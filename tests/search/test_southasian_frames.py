"""Urdu and Punjabi frames by class (issue 17, southasian20), script and romanised.

- Abuse said to be past and over: an abuse named in the past ("marta tha", used to hit;
  "ਕੁੱਟਦਾ ਸੀ"; "گھریلو تشدد ہوا تھا"; a refuge one was in) with a frame naming its end (a
  divorce, years gone by, jail, "ab mehfooz hun", "ਹੁਣ ਸੁਰੱਖਿਅਤ ਹਾਂ", survivor) reads the
  domestic-abuse need and no danger, as `[ended]` does in English. A present sign beside
  it, or an abuse with no end named, still shows.

The sentences were written for these tests and are no sentence of any relevance or
training set.
"""

from __future__ import annotations

from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader, Reading

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def readers() -> dict[str, QueryReader]:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    return {language: load_reader(council, safety, language=language) for language in ("ur", "pa")}


def _read(readers: dict[str, QueryReader], language: str, text: str) -> Reading:
    reader = readers[language]
    return reader.read(reader.gloss(text), {}, TODAY)


def _quiet(reading: Reading) -> bool:
    """No panel, and no strip but the learnt alarm's band 2."""
    return not reading.dangers and set(reading.cues) <= set(reading.quiet_cues)


def _shown(reading: Reading) -> set[str]:
    return {*reading.dangers, *reading.cues}


ENDED = [
    ("ur", "mera pehla shohar bohat marta tha lekin talaq ho gayi ab mehfooz hun "
           "bachon ke liye support group"),
    ("ur", "do saal pehle refuge mein thi ab kaam dhoondh rahi hun"),
    ("ur", "میرا سابق شوہر مارتا تھا اب وہ جیل میں ہے مجھے counselling چاہیے"),
    ("ur", "دس سال پہلے گھریلو تشدد ہوا تھا اب بھی نیند نہیں آتی کسی سے بات کرنی ہے"),
    ("ur", "main domestic violence survivor hun kisi group mein madad karna chahti hun"),
    ("pa", "ਮੇਰਾ ਪਹਿਲਾ ਪਤੀ ਕੁੱਟਦਾ ਸੀ ਤਲਾਕ ਹੋ ਗਿਆ ਹੁਣ ਸੁਰੱਖਿਅਤ ਹਾਂ ਬੱਚਿਆਂ ਲਈ ਕਲੱਬ"),
    ("pa", "ਤਿੰਨ ਸਾਲ ਪਹਿਲਾਂ ਘਰੇਲੂ ਹਿੰਸਾ ਹੁੰਦੀ ਸੀ ਹੁਣ ਮੈਂ ਕੰਮ ਲੱਭਣਾ ਚਾਹੁੰਦੀ ਹਾਂ"),
    ("pa", "pichhle saal refuge ch si hun apna ghar aa furniture chahida"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text"), ENDED)
def test_an_abuse_past_and_over_reads_the_need_not_a_danger(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    reading = _read(readers, language, text)
    assert _quiet(reading), text
    needs = {need for concept in reading.concepts for need in concept.needs}
    assert "domestic-abuse" in needs, text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a present sign beside the past abuse
        ("ur", "pehle marta tha talaq ho gayi lekin ab bhi phone pe dhamki deta hai "
               "jaan se maar dunga"),
        ("ur", "میرا سابق شوہر مارتا تھا طلاق ہو گئی لیکن اب گھر کے باہر کھڑا رہتا ہے "
               "اور دھمکیاں دیتا ہے"),
        ("pa", "ghar wala kuttda si divorce ho gaya par hun vi kehnda tainu jaan ton maar dau"),
        ("pa", "ਪਤੀ ਕੁੱਟਦਾ ਸੀ ਸਾਲ ਪਹਿਲਾਂ ਛੱਡਿਆ ਪਰ ਹੁਣ ਫਿਰ ਧਮਕੀਆਂ ਦਿੰਦਾ ਹੈ ਮਾਰ ਦੇਊਂਗਾ"),
        # no end named, or safety denied
        ("ur", "shohar kal raat bohat maarta raha main mehfooz nahi hun"),
        ("ur", "میرا شوہر مجھے مارتا ہے"),
        ("pa", "ghar wala roz kuttda hai main surakhit nahi haan"),
        ("pa", "ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ"),
    ],
)  # fmt: skip
def test_a_present_or_unended_abuse_still_shows(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    assert "domestic-abuse" in _shown(_read(readers, language, text)), text
