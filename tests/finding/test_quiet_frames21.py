"""False alarms by class, a second round (issue 17, quiet21).

The ordinary and look-alike sentences of the round's blind files (ordinary14, danger14,
polish14, southasian14) that raised the safety panel or strip were read for the rule or
cue that raised them and grouped by class. Each class is written here as new sentences
(none of them the training ones) that must raise nothing on their language's page (the
learnt alarm's band 2 allowed, as elsewhere), beside dangers using the same words that
the rules alone still read:

- figures of speech: a messy house "a bomb site", "a stab in the dark", a bill that "hit
  me", someone "killing herself" looking after others, a teenager's "mum you're killing
  me", a parent's anger foretold when she sees a dent or a report, a nuisance one "can't
  take anymore", running off to the circus; Polish a bill that "kills" us, Urdu and
  Punjabi "I'll die without cricket";
- a child's ordinary behaviour: a small child's tantrum when told no, a child's bargain
  threat to run away unless given something, a child withdrawn since a change of school,
  bruises from sport or falls (Polish too), a son pushed about by classmates (Polish);
- sport and games: toy guns, laser tag, paintball;
- a worry that is a question about services: awareness training or a session on a harm,
  a fight a child saw in the street (Polish too), a tax or creditor taking money or
  harassing, a parent and teenager who "can't be in the same room";
- stuck at home by circumstance: with twins or a baby, with small children in the cold
  (Polish, Urdu), an elder who does not go out (Urdu, Punjabi); a family wedding gone to
  (Urdu, Punjabi); the searcher alone all day (Polish); a window broken (Polish);
- abuse past and over: an adult abused as a child decades ago who wants counselling, a
  father who "used to beat me" years ago, Polish "już go nie ma", Urdu "bachpan main maar
  khai".
"""

from __future__ import annotations

import pytest

from tests.finding.test_danger_choice import shown
from tests.finding.test_quiet_frames import page_read, rules_read

QUIET = {
    "en": [
        # figures of speech
        "the kitchen looks like a bomb hit it after the party, any cleaning help",
        "thought id have a stab at cooking from scratch, any cheap classes",
        "bit of a stab in the dark but is there a breakfast club in lye",
        "energy company hit me with a huge bill after the meter reading",
        "my mum is killing herself looking after my dad, any respite care",
        "my 13 year old says mum you're killing me whenever i pick her up",
        "dads going to kill me when he sees the dent in the car",
        "i cant take it anymore with the damp in this flat, who do i ring",
        "my 10 year old wants to run off and join the circus, any circus school",
        # a child's ordinary behaviour
        "my toddler screams and kicks when i say no to sweets",
        "my 11 year old threatens to run away if we dont let him have a phone",
        "she has been really withdrawn since starting secondary school",
        "my son has bruises from football every week, is that normal",
        # sport and games
        "nerf gun party venue for a 7th birthday",
        "paintball for a 12 year olds party",
        # a worry that is a question about services
        "domestic abuse awareness training for volunteers",
        "knife crime awareness session for parents",
        "my daughter saw a fight outside the school and is upset",
        "universal credit deductions taking all my money, help",
        "being hounded by bailiffs over council tax",
        "my husband and teenage son cant be in the same room without arguing",
        # stuck at home by circumstance
        "stuck at home with twins all day and going stir crazy",
        # abuse past and over
        "abused as a child in the 70s and want to speak to a counsellor",
        "my dad used to beat me but that was years ago, now i want counselling for my anger",
    ],
    "pl": [
        "zabija nas czynsz w tym roku, gdzie pomoc z rachunkami",
        "siedzimy zamknięci w domu z maluchem bo zimno, gdzie plac zabaw pod dachem",
        "ile nurofenu dla 3 latka, boję się przedawkować",
        "córka ma siniaki od upadków na rowerze, czy to normalne",
        "córka jest popychana przez kolegów w szkole, co robić",
        "dzieci w przedszkolu a ja siedzę sama w domu, gdzie klub dla mam",
        "rozbili nam szybę w aucie pod blokiem, gdzie zgłosić",
        "mąż bił mnie lata temu, już go nie ma, szukam terapii dla siebie",
    ],
    "ur": [
        "beta kehta hai cricket ke bina mar jaunga, koi club",
        "bache ghar mein band hain sardi mein, koi indoor jagah",
        "ammi ghar se bahar nahi nikalti ghutne mein dard",
        "hum pakistan shadi pe gaye the school ne fine bheja",
        "bachpan main maar khai, ab therapy chahiye",
    ],
    "pa": [
        "dadi ji ghar ton bahar nahi nikalde, koi group",
        "ਅਸੀਂ ਪਿੰਡ ਵਿਆਹ ਤੇ ਗਏ ਸੀ, ਸਕੂਲ ਨੇ ਜੁਰਮਾਨਾ ਲਾਇਆ",
        "bache aapas ch larde rehnde, koi activity",
    ],
}

# The same words in a danger: the rules alone still show it (panel or strip).
STILL_READ = {
    "en": [
        ("he said he would bomb the house if i leave", "exploitation"),
        ("my partner stabbed me last night", "domestic-abuse"),
        ("he hit me with a belt last night", "domestic-abuse"),
        ("my partner keeps taking my money and wont let me have my card", "domestic-abuse"),
        ("my ex keeps harassing me and turning up at work", "domestic-abuse"),
        ("my daughter is killing herself, she took a load of pills", "suicide-and-self-harm"),
        ("i want to kill myself, i cant take it anymore", "suicide-and-self-harm"),
        ("my partner wont stop when i say no", "domestic-abuse"),
        (
            "my son has gone really quiet since his new coach started giving him presents",
            "child-at-risk",
        ),
        ("my son has bruises on his back and says his stepdad did it", "child-at-risk"),
        ("my son is carrying a knife to school", "exploitation"),
        ("he locks me in the house with the baby and takes my keys", "domestic-abuse"),
        ("my partner keeps me trapped in the house with the kids", "domestic-abuse"),
        ("my ex used to hit me and now he keeps turning up at the house", "domestic-abuse"),
        ("my uncle is abusing my daughter", "child-at-risk"),
    ],
    "pl": [
        ("chłopak mnie rzucił o ścianę i kopał", "domestic-abuse"),
        ("mąż zamyka mnie w domu z dzieckiem i zabiera klucze", "domestic-abuse"),
        ("siedzę zamknięta w domu, mąż nie pozwala mi wychodzić", "domestic-abuse"),
        ("chcę przedawkować tabletki", "suicide-and-self-harm"),
        ("mąż mnie bił i dalej bije", "domestic-abuse"),
    ],
    "ur": [
        ("shohar mujhe ghar mein band kar deta hai", "domestic-abuse"),
        ("shohar ghar se bahar nahi jane deta", "domestic-abuse"),
    ],
    "pa": [
        ("ਘਰਵਾਲਾ ਘਰੋਂ ਬਾਹਰ ਨਹੀਂ ਜਾਣ ਦਿੰਦਾ", "domestic-abuse"),
        ("ਕੁੜੀ ਨੂੰ ਇੰਡੀਆ ਵਿਆਹ ਲਈ ਲੈ ਗਏ", "forced-marriage"),
    ],
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, text) for lang, texts in QUIET.items() for text in texts]
)
def test_an_ordinary_class_raises_no_panel_and_no_strip(language: str, text: str) -> None:
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


def test_an_adults_childhood_abuse_still_reads_its_need() -> None:
    """Abuse long over, named by a danger phrase, ranks its need's services first."""
    reading = rules_read("abused as a child in the 70s and want to speak to a counsellor", "en")
    assert any(c.key.startswith("need:") for c in reading.concepts)
