"""Urdu and Punjabi classes from southasian15's misses (issue 17), script and romanised.

Shown on sentences written for the tests, none taken from a training or evaluation file.
False alarms first: a "gang" of mothers or friends made for a walk or tea, stones thrown at
cars or windows, and abuse past and over said with "now apart", a former husband or last
year as typed. Then dangers said plainly: someone taken away for a marriage and not back, a
schoolgirl whose nikah is set, a relative's "wrong" done with a child, both parents on
drink or drugs with a child feeding the little ones, a job's pretext with the passport
kept. Each class has look-alikes that must stay quiet.
"""

from __future__ import annotations

import pytest

from tests.finding.test_language_classes21 import dangers, read, strong

QUIET = [
    # a gang of mothers or friends for a pastime
    ("ur", "سہیلیوں کا ایک gang بنانا ہے سیر کے لیے"),
    ("ur", "saheliyon ka gang banana hai park mein walk ke liye"),
    ("pa", "ਸਹੇਲੀਆਂ ਦਾ gang ਬਣਾਉਣਾ ਚਾਹ ਲਈ"),
    ("pa", "mawan da ik gang banauna sair layi"),
    # stones thrown at cars, windows or houses
    ("ur", "لڑکے کھڑکیوں پر پتھر مارتے ہیں"),
    ("ur", "larke gaariyon par patthar maarte hain raat ko"),
    ("pa", "ਮੁੰਡੇ ਬਾਰੀਆਂ ਤੇ ਪੱਥਰ ਮਾਰਦੇ"),
    ("pa", "munde gaddiyan te patthar maarde ne"),
    # abuse past and over: now apart, a former husband, last year as typed
    ("ur", "pichlay saal tashaddud se nikli thi ab bachon ke liye group"),
    ("ur", "pehle shohar marta tha ab alag hain beti ke liye counselling"),
    ("pa", "ਪਹਿਲਾ ਘਰਵਾਲਾ ਕੁੱਟਦਾ ਸੀ ਹੁਣ ਵੱਖ ਹਾਂ ਧੀ ਲਈ counselling"),
    ("pa", "pehla gharwala kuttda si hun alag haan munde layi group"),
    # look-alikes of the dangers below
    ("ur", "بہن کی شادی کے لیے پاکستان جا رہے ہیں"),
    ("ur", "cousin ki shadi ke liye le gaye the wapas aa gaye"),
    ("pa", "ਭੈਣ ਦੇ ਵਿਆਹ ਲਈ ਇੰਡੀਆ ਜਾਣਾ"),
    ("ur", "year 9 ki larki ki behen ki shadi hai chhutti chahiye"),
    ("ur", "ammi abbu kaam karte hain chhote bhai ko khana main deti hoon"),
    ("pa", "ਮੰਮੀ ਪਾਪਾ ਕੰਮ ਤੇ ਹੁੰਦੇ ਛੋਟੀ ਭੈਣ ਨੂੰ ਰੋਟੀ ਮੈਂ ਦਿੰਦੀ"),
    ("pa", "ਰਿਸ਼ਤੇਦਾਰ ਨੇ ਧੀ ਨੂੰ ਗਲਤ ਗੱਲ ਕਹੀ"),
    ("ur", "rishtedar ne beti ko galat baat keh di"),
    ("pa", "ਨੌਕਰੀ ਲਈ ਪਾਸਪੋਰਟ ਦੀ ਕਾਪੀ ਚਾਹੀਦੀ"),
]

# (language, sentence, the danger it must read)
DANGER = [
    # a gang a child joins, a stone thrown at someone, abuse going on: still read
    ("ur", "بیٹا gang میں شامل ہو گیا ہے", "danger:exploitation"),
    ("ur", "beta gang mein shamil ho gaya", "danger:exploitation"),
    ("ur", "شوہر مجھے پتھر مارتا ہے", "danger:domestic-abuse"),
    ("pa", "pehla gharwala maarda si hun vi dhamki dinda dhee nu", "danger:domestic-abuse"),
    # taken away for a marriage, not back, out of school or the phone off
    ("pa", "ਮੇਰੀ ਕਜ਼ਨ ਨੂੰ ਵਿਆਹ ਲਈ ਲੈ ਗਏ ਹੁਣ ਵਾਪਸ ਨਹੀਂ ਆਈ", "danger:forced-marriage"),
    ("pa", "meri saheli nu viah layi lai gaye ohda phone band aa", "danger:forced-marriage"),
    ("ur", "میری کزن کو شادی کے لیے لے گئے واپس نہیں آئی", "danger:forced-marriage"),
    ("ur", "dost ko nikah ke liye le gaye ab school nahi aati", "danger:forced-marriage"),
    # a schoolgirl whose nikah is set
    ("ur", "ٹیچر ہوں year 9 کی لڑکی کہتی ہے گرمیوں میں اس کا نکاح ہے", "danger:forced-marriage"),
    (
        "ur",
        "teacher hun year 9 ki larki bata rahi hai chhuttiyon mein uska nikah hai",
        "danger:forced-marriage",
    ),
    # a relative's wrong done with a child
    ("pa", "ਇੱਕ ਰਿਸ਼ਤੇਦਾਰ ਨੇ ਮੇਰੀ ਧੀ ਨਾਲ ਗਲਤ ਕੀਤਾ ਕਿਸਨੂੰ ਦੱਸਾਂ", "danger:child-at-risk"),
    ("pa", "ਤਾਏ ਨੇ ਮੇਰੇ ਪੁੱਤ ਨਾਲ ਗਲਤ ਕੰਮ ਕੀਤਾ", "danger:child-at-risk"),
    ("pa", "rishtedar ne mere munde naal galat kamm kita", "danger:child-at-risk"),
    ("ur", "rishtedar ne bete ke saath galat harkat ki", "danger:child-at-risk"),
    # both parents on drink or drugs, a child feeding the little ones
    ("pa", "ਮੰਮੀ ਪਾਪਾ ਨਸ਼ਾ ਕਰਦੇ ਛੋਟੀ ਭੈਣ ਨੂੰ ਖਾਣਾ ਮੈਂ ਦਿੰਦੀ ਹਾਂ", "danger:child-at-risk"),
    ("ur", "امی ابو دونوں نشہ کرتے ہیں چھوٹے بھائی کو کھانا میں دیتی ہوں", "danger:child-at-risk"),
    (
        "ur",
        "ammi abbu nasha karte hain chhote bhai ko khana main deti hoon",
        "danger:child-at-risk",
    ),
    # a job's pretext, the passport kept, no pay
    ("pa", "ਨੌਕਰੀ ਦਾ ਕਹਿ ਕੇ ਲਿਆਏ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ ਪੈਸੇ ਨਹੀਂ ਦਿੰਦੇ", "danger:exploitation"),
    ("pa", "kam de bahane leaye passport rakh lya raat din kam", "danger:exploitation"),
]


@pytest.mark.parametrize(("language", "text"), QUIET)
def test_look_alikes_read_no_danger(language: str, text: str) -> None:
    assert dangers(read(language, text)) == set(), text


@pytest.mark.parametrize(("language", "text", "danger"), DANGER)
def test_dangers_said_plainly_are_read(language: str, text: str, danger: str) -> None:
    assert danger in dangers(read(language, text)), text


# Urdu success misses: diabetes said as "sugar" one has got, in script, is health
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ur", "امی کو شوگر ہو گئی ہے کوئی مدد"),
        ("pa", "ਬਾਪੂ ਨੂੰ ਸ਼ੂਗਰ ਹੋ ਗਈ ਕੀ ਖਾਵੇ"),
        ("ur", "abbu ko sugar ho gayi hai diet ka mashwara"),
    ],
)
def test_diabetes_said_as_sugar_is_health(language: str, text: str) -> None:
    reading = read(language, text)
    assert "need:health" in strong(reading), text
    assert dangers(reading) == set(), text
