"""False alarms by class, in every language where the class exists (issue 17, quiet20).

Ordinary sentences that raised the safety panel or strip, read for the rule or cue that
raised them and grouped by class; each class is written here as new sentences (not the
training ones) that must raise nothing on their language's page (the learnt alarm's band
2 allowed, as elsewhere), beside dangers using the same words that the rules alone still
read:

- abuse past and over (the cue file's ``[ended]``): a recovery or survivors' programme, a
  programme for the one who harmed, a refuge left with the family now settled, training
  as a support worker, asking what coercive control is, self-harm long over; Polish,
  Urdu and Punjabi abuse said in the past tense ("marta tha", "ਕੁੱਟਦਾ ਸੀ", "przemoc
  lata temu") with its end named (divorced, safe now, years ago);
- a lesson, talk, essay, book or film about a harm, and weapons in history;
- hyperbole: a threat over a chore left undone, at a landlord, of stress or bills, over
  the wifi (Polish too), a mother's "مار دوں گی" with laughter;
- play and sport: an outing asked for, axe throwing, a rage room, a row "kicking off",
  killing in a game or at chess and a martial art learnt (Urdu, Punjabi), a wall punched
  in a temper, a plant choking a fence (Polish, Urdu, Punjabi);
- others: a non-molestation order, a small child playing at running away, siblings
  fighting among themselves (Polish), raising children alone, someone else's completed
  suicide (a bereavement), going back to work.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from search.understanding import QueryReader, Reading
from tests.finding.test_danger_choice import TODAY, reader, shown

QUIET = {
    "en": [
        # abuse past and over
        "domestic abuse recovery course in the evenings",
        "support group after domestic abuse for dads",
        "what is coercive control exactly",
        "we left the refuge two years ago and the kids are settled now, any play therapy",
        "how do i train as a domestic violence support worker",
        "self referral to a dv perpetrator programme",
        "i self harmed when i was younger but im fine now, can i give blood",
        # a lesson, talk or story about a harm
        "my daughter has a pshe talk about knife crime tomorrow, how can i explain it",
        "year 9 assembly on grooming, any leaflets for parents",
        "my son is writing an essay about county lines for english",
        "any good documentaries about forced marriage for a college project",
        "a film about a boy who ran away, is it ok for 10 year olds",
        "war weapons in history for my sons museum trip",
        # hyperbole
        "my mum will kill me if i dont book the swimming lessons today",
        "i could throttle the letting agent, still no repairs",
        "homework stress is killing my son, any tutoring",
        "the rent and bills are strangling us this winter",
        "the kids will kill me if i turn off the wifi",
        "overdosed on netflix this weekend, need a hobby",
        # play and outings
        "where can we take the kids to let off steam on a rainy day",
        "axe throwing for my husbands birthday, can teenagers come",
        "is there a rage room in dudley for a stag do",
        "bedtime keeps kicking off, any sleep clinic",
        # others
        "non molestation order in place, help with child arrangements",
        "run away from home age 6 packed a bag to go to the neighbours lol",
        "my 4 year old keeps saying he wants to run away to the zoo",
    ],
    "pl": [
        "dzieci widziały przemoc lata temu, teraz są bezpieczne, szukam terapii",
        "co to jest przemoc ekonomiczna",
        "rodzeństwo się ciągle bije między sobą",
        "winorośl dusi płot u sąsiada",
        "dzieci mówią że mnie zabiją jak zabiorę konsolę",
        "chcę wrócić do pracy, boję się rozmowy",
    ],
    "ur": [
        "mera shohar pehle marta tha, ab talaq ho gayi hai, bachon ke liye counselling",
        "کئی سال پہلے شوہر مارتا تھا اب محفوظ ہوں",
        "شوہر پہلے مارتا تھا، اب طلاق ہو گئی ہے",
        "beta roblox game mein sab ko maar deta hai",
        "beti karate seekhna chahti hai, maarna seekhegi",
        "chhota beta gusse mein deewar par mukke maarta hai",
        "اگر اس نے پھر میرا فون لیا تو میں اسے مار دوں گی lol",
        "بیوی کے جانے کے بعد بچوں کو اکیلے پال رہا ہوں",
        "mere chacha ne khudkushi kar li thi, bachon ko kaise bataun",
    ],
    "pa": [
        "ਮੇਰਾ ਘਰਵਾਲਾ ਪਹਿਲਾਂ ਕੁੱਟਦਾ ਸੀ, ਹੁਣ ਤਲਾਕ ਹੋ ਗਿਆ",
        "ghar wala pehlan kutda si, hun talaq ho gaya",
        "ਮੁੰਡਾ ਗੁੱਸੇ ਵਿੱਚ ਕੰਧ ਤੇ ਮੁੱਕੇ ਮਾਰਦਾ",
        "ਚਾਚੇ ਨੇ ਖੁਦਕੁਸ਼ੀ ਕਰ ਲਈ ਸੀ ਬੱਚਿਆਂ ਨੂੰ ਕਿਵੇਂ ਦੱਸਾਂ",
        "munda chess club ch sab nu maar dinda",
        "ਵੇਲ ਨੇ ਕੰਧ ਦਾ ਗਲਾ ਘੁੱਟ ਦਿੱਤਾ",
    ],
}

# The same words in a danger: the rules alone still show it (panel or strip).
STILL_READ = {
    "en": [
        ("my partner is abusive and i need a refuge tonight", "domestic-abuse"),
        ("he was abusive years ago and now he keeps turning up at my house", "domestic-abuse"),
        ("the kids are settled now but my ex keeps threatening to kill me", "domestic-abuse"),
        ("i self harmed last night and cant stop", "suicide-and-self-harm"),
        (
            "what is coercive control, he checks my phone and wont let me see my friends",
            "domestic-abuse",
        ),
        (
            "after the lesson on county lines my son admitted he is running drugs for older lads",
            "exploitation",
        ),
        ("he will kill me if i dont give him my wages", "domestic-abuse"),
        ("my ex said he will strangle me if i leave", "domestic-abuse"),
        ("my partner throttled me last night", "domestic-abuse"),
        ("i overdosed on my tablets last night", "suicide-and-self-harm"),
        ("he threatened to take the kids where i will never find them", "domestic-abuse"),
        ("it kicked off and he punched me in the face", "domestic-abuse"),
        ("my neighbour molested my daughter", "child-at-risk"),
        ("my 6 year old ran away from home last night and we cant find him", "child-at-risk"),
        ("my 5 year old said her uncle touched her and she wants to run away", "child-at-risk"),
    ],
    "pl": [
        ("mąż mnie bije, nie jestem bezpieczna", "domestic-abuse"),
        ("przemoc trwa, teraz nie jesteśmy bezpieczni, mąż bije dzieci", "domestic-abuse"),
        ("mąż grozi że mnie zabije jak odejdę", "domestic-abuse"),
        ("partner mnie dusi", "domestic-abuse"),
    ],
    "ur": [
        ("shohar pehle bhi marta tha aur ab phir se marta hai", "domestic-abuse"),
        ("شوہر مارتا تھا اور اب بھی مارتا ہے", "domestic-abuse"),
        ("mera shohar game khelne par mujhe maarta hai", "domestic-abuse"),
        ("میں خودکشی کرنا چاہتی ہوں", "suicide-and-self-harm"),
    ],
    "pa": [
        ("ਘਰਵਾਲਾ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ", "domestic-abuse"),
        ("ghar wala kutda si te hun vi kutda hai", "domestic-abuse"),
        ("ਮੈਂ ਖੁਦਕੁਸ਼ੀ ਕਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ", "suicide-and-self-harm"),
    ],
}


@cache
def rules_reader(language: str) -> QueryReader:
    return replace(reader(language), learnt=None)


def page_read(text: str, language: str) -> Reading:
    one = reader(language)
    return one.read(one.gloss(text), {}, TODAY)


def rules_read(text: str, language: str) -> Reading:
    one = rules_reader(language)
    return one.read(one.gloss(text), {}, TODAY)


@pytest.mark.parametrize(
    ("language", "text"), [(lang, text) for lang, texts in QUIET.items() for text in texts]
)
def test_an_everyday_frame_raises_no_panel_and_no_strip(language: str, text: str) -> None:
    """As the page reads it: no panel, and no strip but the learnt alarm's band 2; the
    rules alone raise nothing at all."""
    reading = page_read(text, language)
    assert reading.dangers == (), text
    assert set(reading.cues) - set(reading.quiet_cues) == set(), text
    assert shown(rules_read(text, language)) == [], text


@pytest.mark.parametrize(
    ("language", "text", "danger"),
    [(lang, text, danger) for lang, cases in STILL_READ.items() for text, danger in cases],
)
def test_the_same_words_in_a_danger_still_show(language: str, text: str, danger: str) -> None:
    assert danger in shown(rules_read(text, language)), text


def test_abuse_past_and_over_still_reads_its_need() -> None:
    """An ended abuse named by a danger phrase ranks its need's services first."""
    reading = rules_read("domestic abuse recovery course in the evenings", "en")
    assert "need:domestic-abuse" in {c.key for c in reading.concepts}
