"""Urdu and Punjabi danger said plainly (issue 17), in Urdu script, Gurmukhi and romanised:
the rules alone read each sign, and its look-alikes (negation, hyperbole, sport, siblings,
a lost nap, a cousin's wedding) raise nothing, the learnt alarm set aside.

Written by southasiandanger19 in its own words, not the training files'. Measured once
before the new patterns: 13 of 23 dangers read, 8 of 16 look-alikes alarmed; after, 23
of 23 and none."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader
from tests.search.readers import rules_reader

TODAY = date(2026, 3, 2)

DANGER: dict[str, list[tuple[str, str]]] = {
    "domestic-abuse": [
        ("ur", "kal raat shohar ne phir haath uthaya, main bachon ke sath kahin chali jaun?"),
        ("ur", "sasural walon ne mera passport aur shanakhti card rakh liye hain"),
        ("ur", "kehta hai wapas pakistan bhej dunga agar kisi ko kuch bataya"),
        ("ur", "بیٹا اکیس سال کا ہے نشہ کرتا ہے اور امی کو مارتا ہے"),
        ("pa", "pati ne fer hath chukya, bachian nu le ke kithe jaavan"),
        ("pa", "ਸਹੁਰਿਆਂ ਨੇ ਮੇਰਾ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ ਹੈ"),
        ("pa", "ਪੁੱਤ ਤੀਹ ਸਾਲ ਦਾ ਹੈ ਤੇ ਮਾਂ ਨੂੰ ਕੁੱਟਦਾ ਹੈ ਪੈਸਿਆਂ ਲਈ"),
    ],
    "child-at-risk": [
        ("ur", "ساتھ والے گھر میں دو چھوٹے بچے اکیلے چھوڑ دیے جاتے ہیں پوری رات"),
        ("ur", "ek ajnabi aadmi tiktok pe meri beti se tasveerein maang raha hai"),
        ("pa", "ਗੁਆਂਢੀ ਆਪਣੇ ਨਿਆਣੇ ਨੂੰ ਕੱਲਾ ਛੱਡ ਕੇ ਰਾਤ ਨੂੰ ਬਾਹਰ ਜਾਂਦੇ ਨੇ"),
    ],
    "forced-marriage": [
        ("ur", "لڑکی نے رشتے سے انکار کیا تو بھائی کہتے ہیں گھر سے نکال دیں گے"),
        ("ur", "چچا نے کہا عزت کا معاملہ ہے، اس لڑکے سے ملی تو ختم کر دیں گے"),
        ("ur", "chhuttiyon ke bahane bangladesh le ja rahe hain, asal mein nikah hai"),
        ("pa", "ਰਿਸ਼ਤੇ ਤੋਂ ਇਨਕਾਰ ਕੀਤਾ ਤਾਂ ਮੈਨੂੰ ਕਮਰੇ ਵਿੱਚ ਬੰਦ ਕਰ ਦਿੱਤਾ"),
        ("pa", "ਛੁੱਟੀਆਂ ਕਹਿ ਕੇ ਪਿੰਡ ਲੈ ਜਾ ਰਹੇ ਨੇ, ਅਸਲ ਵਿੱਚ ਵਿਆਹ ਹੈ"),
    ],
    "suicide-and-self-harm": [
        ("ur", "meri behan apne aap ko blade se cut karti hai kalai pe"),
        ("ur", "dost ne likha hai aaj sab goliyan ek saath kha li hain"),
        ("pa", "ਧੀ ਆਪਣੇ ਆਪ ਨੂੰ ਕੱਟਦੀ ਹੈ ਬਾਂਹ ਤੇ"),
        ("pa", "menu lagda main saun javan te kade na utthan"),
    ],
    "exploitation": [
        ("ur", "beta 14 saal ka naye joote aur paise le ke aata hai, raat bhar ghayab"),
        ("ur", "کچھ لڑکے میرے بھائی سے پارسل پہنچواتے ہیں"),
        ("pa", "koi vadda banda snapchat te meri kudi nu gifts bhejda te milan nu kehnda"),
        ("pa", "ਕੰਮ ਦਾ ਕਹਿ ਕੇ ਬੁਲਾਇਆ ਸੀ, ਮਾਲਕ ਨੇ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ"),
    ],
}

ORDINARY: list[tuple[str, str]] = [
    ("ur", "mera shohar kabhi dhamki nahi deta bas thoda gussa karta hai, couples counselling"),
    ("ur", "woh mujhe nahi maarta, bas baat nahi karta, relationship advice chahiye"),
    ("ur", "ammi maar daalengi agar report card kharab aaya, tuition centre batao"),
    ("ur", "beta cricket mein chakka bohat zor se maarta hai, coaching kahan"),
    ("ur", "bhai behan aapas mein xbox pe larte hain maar peet tak, kya karun"),
    ("ur", "mera passport expire ho gaya hai renew kaise karun"),
    ("ur", "bachon ko akele school jane dena chahiye kis umar mein"),
    ("ur", "holidays mein pakistan cousin ki shaadi pe ja rahe hain, vaccines chahiye"),
    ("pa", "ਮੇਰਾ ਘਰਵਾਲਾ ਕਦੇ ਧਮਕੀ ਨਹੀਂ ਦਿੰਦਾ, ਬਸ ਚੁੱਪ ਰਹਿੰਦਾ"),
    ("pa", "oh menu nai maarda, bas gussa karda, counselling chahidi"),
    ("pa", "ਪਾਪਾ ਮਾਰ ਦੇਣਗੇ ਜੇ ਪੇਪਰਾਂ ਚ ਨੰਬਰ ਘੱਟ ਆਏ, ਟਿਊਸ਼ਨ ਦੱਸੋ"),
    ("pa", "ਪੁੱਤ ਨੂੰ ਬਹੁਤ ਗੁੱਸਾ ਆਉਂਦਾ ਹੈ, anger management course?"),
    ("pa", "munda football ch goal bahut sohna maarda, academy trials"),
    ("pa", "ਬੱਚੇ ਦੀ ਨੀਂਦ ਗੁੰਮ ਹੋ ਗਈ ਦੰਦ ਨਿਕਲ ਰਹੇ ਨੇ"),
    ("pa", "ਮੇਰਾ ਪਾਸਪੋਰਟ ਗੁੰਮ ਗਿਆ ਨਵਾਂ ਕਿਵੇਂ ਬਣਾਵਾਂ"),
    ("pa", "munda nave kapde lai paise mangda, pocket money kinni deyiye"),
]


@pytest.fixture(scope="module")
def rules() -> dict[str, QueryReader]:
    return {language: rules_reader(language) for language in ("ur", "pa")}


@pytest.mark.parametrize(
    ("danger", "language", "text"),
    [(code, language, text) for code, said in DANGER.items() for language, text in said],
)
def test_a_plain_sign_reads_as_its_danger(
    rules: dict[str, QueryReader], danger: str, language: str, text: str
) -> None:
    reading = rules[language].read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues, text


@pytest.mark.parametrize(("language", "text"), ORDINARY)
def test_its_look_alikes_raise_nothing(
    rules: dict[str, QueryReader], language: str, text: str
) -> None:
    reading = rules[language].read(text, {}, TODAY)
    assert not reading.dangers and not reading.cues, text
