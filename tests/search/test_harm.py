"""Harm read by co-occurrence (``search.harm``, ``councils/safety/harm.toml``): pure code.

The reader finds danger from classes of words near each other, so sentences nobody wrote
a pattern for still read: each case below is a sentence the cue patterns were not written
from, in each shipped language. The look-alikes share a harm word with danger and must
raise nothing: blanked by the cue file's [ignore], said of a thing (an ``object`` class
word beside the harm word), a joke, or a school form or course.
"""

from __future__ import annotations

import tomllib

import pytest

from directory.understanding import HARM_FILE, danger_cues, harm_words
from search.harm import HarmError, Rule, build_reader, parse_harm
from search.understanding import _tokens

READS = [
    # (words, danger, grade)
    ("my partner hits me", "domestic-abuse", "strong"),
    ("my fella belted me again", "domestic-abuse", "strong"),
    ("husband has a gun in the shed", "domestic-abuse", "weak"),
    ("my stepdad touches me at night", "child-at-risk", "strong"),
    ("a man on roblox keeps messaging my 12 year old daughter", "exploitation", "strong"),
    ("older lads giving my son money and he wont say where from", "exploitation", "weak"),
    ("i swallowed a whole packet of tablets", "suicide-and-self-harm", "strong"),
    ("my son keeps talking about suicide", "suicide-and-self-harm", "strong"),
    ("they want to marry my 15 year old cousin to a man back home", "forced-marriage", "weak"),
    ("my daughter is being forced to marry a man she doesnt want", "forced-marriage", "strong"),
    ("my brother says i brought shame and he will beat me", "forced-marriage", "strong"),
    ("her family plan to have her cut in the summer holidays", "child-at-risk", "weak"),
    ("my daughter has run away from home", "child-at-risk", "weak"),
    ("my grandson shoves me and takes my pension", "domestic-abuse", "strong"),
    ("mąż mnie pobił", "domestic-abuse", "strong"),
    ("ojczym dotyka moją córkę", "child-at-risk", "strong"),
    ("mera shohar mujhe peet ta hai aur dhamkiyan deta hai", "domestic-abuse", "strong"),
    ("میرا شوہر مجھے مارتا ہے", "domestic-abuse", "strong"),
    ("ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ", "domestic-abuse", "strong"),
    ("pati mainu kuttda hai", "domestic-abuse", "strong"),
    # understatement, with the person inside the words ("went for me")
    ("he went for me when he got in from the pub", "domestic-abuse", "strong"),
    ("hes been rough with me again", "domestic-abuse", "strong"),
    # text-speak and a dropped g
    ("ex keeps ringin n waitin outside me house", "domestic-abuse", "weak"),
    ("nans carer takin her pension", "domestic-abuse", "weak"),
    # the child named after the harm, whoever else the sentence names
    ("my sisters fella smacks her kids and i dont know what to do", "child-at-risk", "strong"),
    ("a kid in my street is being hit at home i think", "child-at-risk", "strong"),
    # two weaker signs together
    ("kids next door always hungry and dirty and on their own", "child-at-risk", "weak"),
    (
        "mums boyfriend plays games with her in the bath and says its our secret, she is 7",
        "child-at-risk",
        "weak",
    ),
    (
        "a man from his online game wants to send my son a phone to talk privately",
        "exploitation",
        "weak",
    ),
    (
        "he says unless i pay he will post the pictures online for all my friends",
        "exploitation",
        "strong",
    ),
    ("boss keeps our passports and says we owe him for the transport", "exploitation", "weak"),
    (
        "they booked one way tickets for me and said dont tell anyone at school",
        "forced-marriage",
        "strong",
    ),
    ("i dont feel safe at home", "domestic-abuse", "weak"),
    ("im scared of him when he drinks", "domestic-abuse", "weak"),
    ("i want to walk into the canal and not come out", "suicide-and-self-harm", "weak"),
    ("czasem sie boje jak wraca, w domu nie jest za dobrze", "domestic-abuse", "weak"),
    # word families added for issue 17: wanting to die said plainly, in each language
    ("tired of bein alive honestly", "suicide-and-self-harm", "weak"),
    (
        "i cant do this anymore everyone would be better without me",
        "suicide-and-self-harm",
        "strong",
    ),
    ("مجھے لگتا ہے جینے کا کوئی فائدہ نہیں", "suicide-and-self-harm", "weak"),
    ("znowu się pocięłam", "suicide-and-self-harm", "strong"),
    # a jump, only from a high place
    ("my brother is standing on the bridge talking about jumping", "suicide-and-self-harm", "weak"),
    ("siedzi na moście i mówi że skoczy", "suicide-and-self-harm", "strong"),
    ("dost ne kaha woh chhat se kood jayegi", "suicide-and-self-harm", "strong"),
    ("ਸਹੇਲੀ ਕਹਿੰਦੀ ਉਹ ਛੱਤ ਤੋਂ ਛਾਲ ਮਾਰ ਦੇਵੇਗੀ", "suicide-and-self-harm", "strong"),
    # kept from family, friends and work by a partner
    ("my husband wont let me see my friends or go to work", "domestic-abuse", "weak"),
    ("pati mainu dostan naal gal nahi karn dinda", "domestic-abuse", "weak"),
    ("mąż zabrania mi spotykać się z koleżankami", "domestic-abuse", "weak"),
    # a threat quoted as said to the searcher; strangling; a broken arm
    ("woh kehta hai agar ghar chhora to tujhe khatam kar dunga", "domestic-abuse", "strong"),
    ("szarpał mnie za gardło", "domestic-abuse", "strong"),
    ("ਪਤੀ ਨੇ ਮੇਰੀ ਬਾਂਹ ਤੋੜ ਦਿੱਤੀ", "domestic-abuse", "strong"),
    ("he always knows where i am and my ex keeps turning up at work", "domestic-abuse", "weak"),
    # neglect, a missing child, a known adult in a child's bed
    ("the kids upstairs are home alone every night with no heating", "child-at-risk", "weak"),
    ("cant find my son anywhere in the park", "child-at-risk", "weak"),
    ("بیٹی اسکول سے واپس نہیں آئی", "child-at-risk", "weak"),
    ("her uncle gets into her bed at night", "child-at-risk", "strong"),
    ("my wifes new boyfriend touched my son", "child-at-risk", "weak"),
    # county lines, honour, virginity testing
    ("found rolls of cash in my sons bedroom", "exploitation", "weak"),
    (
        "my cousin has disappeared since her family found out she had a boyfriend",
        "forced-marriage",
        "weak",
    ),
    ("my parents want a virginity test before the rishta", "forced-marriage", "weak"),
    # two signs of county lines; goodbyes and out of reach; pills with drink; a child out
    # of reach; a man a child knows at night in her room; an adult's messages with a
    # secret; cutting abroad; a marriage for someone who cannot consent; an order broken
    ("found a burner phone and a wad of cash in my 15 year olds wardrobe", "exploitation", "weak"),
    ("beta raat ko 3 baje bahar jata hai aur uske paas do phone hain", "exploitation", "weak"),
    ("my dad left a note and i cant reach him", "suicide-and-self-harm", "weak"),
    ("mama pisze zegnaj i nie odbiera", "suicide-and-self-harm", "weak"),
    ("she is giving her stuff away and has her affairs in order", "suicide-and-self-harm", "weak"),
    ("ammi ne neend ki goliyan sharab ke saath le li", "suicide-and-self-harm", "weak"),
    ("my 9 year old hasnt come home and her phone is off", "child-at-risk", "weak"),
    ("mera beta school se wapas nahi aaya aur phone band hai", "child-at-risk", "weak"),
    ("my nephews stepdad goes into his room at night", "child-at-risk", "weak"),
    ("wujek przychodzi w nocy do jej pokoju", "child-at-risk", "weak"),
    ("the coach messages my son late at night", "child-at-risk", "weak"),
    ("family are taking my daughter abroad this summer to be cut", "child-at-risk", "weak"),
    (
        "they are arranging a marriage back home for my brother who has a learning disability",
        "forced-marriage",
        "weak",
    ),
    ("my ex has a restraining order and still waits outside", "domestic-abuse", "weak"),
    # made to run or sell for others, with a threat (county lines guidance)
    (
        "my son wants to stop running for them but they threatened his sister",
        "exploitation",
        "strong",
    ),
    ("syn musi sprzedawac dla starszych chlopakow", "exploitation", "weak"),
]

LOOK_ALIKES = [
    "knife and fork for my son",
    "killing time with the kids before school",
    "my phone died and i need to call my partner",
    "he hit the jackpot at bingo",
    "my son hit his head on the table",
    "my nan fell and hurt her hip",
    "i could kill him if he forgets my birthday again lol",
    "my son has a school project on knife crime",
    "knife crime awareness course for teenagers",
    "my daughter is getting married next year",
    "i have to get married at the registry office",
    "the kids smashed a glass in the kitchen",
    "baby bruises easily when crawling",
    "lock for the kitchen cupboards",
    "i feel trapped at home with a newborn",
    "my son is missing his dad who works away",
    "his school shoes have gone missing again",
    "my son hits his little brother when he is angry",
    "my daughter is always hungry after school",
    "ive not been paid this month and owe the council tax",
    "we booked tickets to go back home to see nan in the summer",
    "kids are scared of the dark",
    "i have to get married at the registry office",
    "cooking class where kids learn to use a knife safely",
    "zabić czas z dziećmi",
    "telefon mi padł",
    "zaginął nam kot, dzieci płaczą",
    "school ka letter gum ho gaya",
    "ਮੇਰੀ ਧੀ ਦਾ ਫੋਨ ਸਕੂਲ ਵਿੱਚ ਗੁੰਮ ਹੋ ਗਿਆ",
    # look-alikes of the word families added for issue 17
    "the kids jumped in puddles all the way to the bridge",
    "kids jump on the trampoline on the roof terrace",
    "we stood on the bridge to watch the trains",
    "my husband wont let me pay for dinner",
    "my partner stops me eating junk food",
    "my husband is not allowed to work on his visa",
    "i cant cope anymore with the noise from next door",
    "my husband may never walk again after the stroke",
    "syn wybił szybę piłką",
    "syn chce pobić rekord w grze",
    "wyrzucił mnie z pracy",
    "mama mnie znajdzie w sklepie",
    "teacher ne kaha hath uthao",
    "munde gallan maarde rehnde ne",
    "ساری تنخواہ کرائے میں چلی جاتی ہے",
    "mere paas ek paisa nahi hai",
    "میں نے پیسے واپس بھیج دیے",
    "please send me back the form",
    "my son has a secret birthday plan with his teacher",
    "my child has a cold and keeps crying",
    "my son is home alone for an hour after school",
    "the pupil was hungry before lunch",
    "my son delivers parcels after school",
    "my daughter sold her old clothes online",
    "dzieci lubią pączki",
    "i have to marry before my visa runs out",
    "she had a boyfriend at uni and now they are married",
    "my 30 year old son is still a virgin",
    "my son got a new phone and trainers for his birthday",
    "my 14 year old saved up his pocket money for new trainers and a second phone",
    "my daughter said goodbye to her friends at the end of term",
    "left a note for the milkman",
    "my son switched his phone off to revise",
    "my mum comes into my room at night to check on me",
    "ammi raat ko mere kamre mein aati hain dua parhne",
    "mama przychodzi w nocy do mojego pokoju jak mam koszmary",
    "i need to cut down on sugar",
    "my cousin has a learning disability and got married last year, how can we support them",
    "i took paracetamol with a drink of water",
    "i took my tablets with a glass of wine",
    "my daughter took a taxi home at midnight after prom",
]


def _read(text: str):  # type: ignore[no-untyped-def]
    keys = [token.key for token in _tokens(text)]
    return harm_words(HARM_FILE).read(keys, danger_cues().ignored(keys))


@pytest.mark.parametrize(("text", "danger", "grade"), READS)
def test_harm_words_near_a_person_read_as_the_danger(text: str, danger: str, grade: str) -> None:
    found = {finding.danger: finding for finding in _read(text)}
    assert danger in found, text
    assert found[danger].grade == grade, found[danger].describe()


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_read_no_harm(text: str) -> None:
    assert _read(text) == (), text


def test_a_finding_names_its_words_and_their_classes() -> None:
    (finding,) = _read("my partner threatened to stab me")
    assert finding.danger == "domestic-abuse"
    assert finding.strong
    described = finding.describe()
    assert "stab (violence)" in described
    assert "partner (partner)" in described


def test_a_person_word_too_far_away_reads_nothing() -> None:
    reader = build_reader(
        {"hurt": ["hit"], "who": ["partner"]},
        [Rule("domestic-abuse", frozenset({"hurt"}), frozenset({"who"}))],
        window=2,
    )
    assert reader.read(["partner", "x", "hit"]) != ()
    assert reader.read(["partner", "x", "y", "z", "hit"]) == ()


def test_the_first_rule_keeps_its_harm_word() -> None:
    reader = build_reader(
        {"hurt": ["hit"], "child": ["son"], "self": ["me"]},
        [
            Rule("domestic-abuse", frozenset({"hurt"}), frozenset({"self"})),
            Rule("child-at-risk", frozenset({"hurt"}), frozenset({"child"})),
        ],
    )
    assert [f.danger for f in reader.read(["my", "son", "hit", "me"])] == ["domestic-abuse"]


def test_unless_turns_a_rule_off() -> None:
    reader = build_reader(
        {"hurt": ["hit*"], "child": ["son"], "peers": ["bullies"]},
        [
            Rule(
                "child-at-risk",
                frozenset({"hurt"}),
                frozenset({"child"}),
                unless=frozenset({"peers"}),
            )
        ],
    )
    assert reader.read(["son", "hitting"]) != ()
    assert reader.read(["bullies", "hitting", "son"]) == ()


def test_skipped_positions_are_not_read() -> None:
    reader = harm_words(HARM_FILE)
    assert reader.read(["partner", "hit", "me"], {1}) == ()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"window": 0}, "window"),
        ({"classes": {"a": {"en": ["hit"]}}, "rules": [{"danger": "x", "harm": ["b"]}]}, "'b'"),
        ({"classes": {"a": {"en": ["*hit"]}}}, "only end"),
        ({"rules": [{"harm": ["a"]}]}, "needs a danger"),
        ({"classes": {"a": {"en": "hit"}}}, "list of words"),
    ],
)
def test_a_malformed_harm_file_names_the_problem(raw: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(HarmError, match=message):
        parse_harm(raw)


def test_the_shipped_file_has_every_class_in_every_language() -> None:
    raw = tomllib.loads(HARM_FILE.read_text(encoding="utf-8"))
    missing = [
        f"{name}.{language}"
        for name, table in raw["classes"].items()
        for language in ("en", "pl", "ur", "pa")
        if not table.get(language)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "idle_word"),
    [
        ("gonna strangle the printer", "strangle"),
        ("my son loves killing my queen at chess", "killing"),
        ("ill strangle him lol he ate all the biscuits", "strangle"),
    ],
)
def test_a_harm_word_done_to_a_thing_or_in_jest_is_idle(text: str, idle_word: str) -> None:
    keys = [token.key for token in _tokens(text)]
    # Read without the cue file's look-alikes, which blank some of these already.
    assert keys.index(idle_word) in harm_words(HARM_FILE).idle(keys), text


@pytest.mark.parametrize(
    "text",
    ["he strangled me", "he locks me in the bedroom", "chce sie zabic", "he hit me"],
)
def test_harm_said_of_a_person_or_naming_its_person_is_not_idle(text: str) -> None:
    keys = [token.key for token in _tokens(text)]
    assert harm_words(HARM_FILE).idle(keys, danger_cues().ignored(keys)) == set(), text


@pytest.mark.parametrize(
    ("text", "still"),
    [
        # a death in an accident is no child gone missing; a child gone is
        ("kolega córki zginął w wypadku samochodowym", "córka zginęła, nie ma jej od rana"),
        # choking on a cough or food is an illness; a hand on a neck is not
        ("maluch dusi się od kaszlu co noc", "mąż mnie dusi jak się kłócimy"),
        # someone withdrawn ("zamknięty") is not locked in; locked in a room is
        ("syn jest ostatnio zamknięty, mało mówi", "mąż trzyma mnie zamkniętą w domu"),
        # someone who "has no money" is not keeping the searcher's
        ("szkoła mówi że nie ma pieniędzy na asystenta", "on ma moje pieniądze i kartę"),
    ],
)
def test_polish_look_alikes_by_class_raise_nothing_beside_their_danger(
    text: str, still: str
) -> None:
    """Polish look-alikes, by class, read by neither the cue patterns nor co-occurrence;
    the danger each is confused with still reads."""
    for words, alarms in ((text, False), (still, True)):
        keys = [token.key for token in _tokens(words)]
        ignored = danger_cues().ignored(keys)
        found = bool(danger_cues().find(keys, ignored)) or bool(_read(words))
        assert found is alarms, words
