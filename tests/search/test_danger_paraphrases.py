"""Danger said in paraphrase: each sign of harm in several wordings, in every shipped language.

``test_cues.py`` holds one sentence per pattern; these are written as families of
paraphrase (threats, control, stalking, strangling, wanting to die, overdose, cutting, a
child touched by someone they know, a missing child, neglect, grooming, county lines,
cuckooing, sextortion, forced marriage, honour, FGM, trafficking, radicalisation), the
way frightened people write on forums and helpline chats: understatement, text-speak,
missing apostrophes, Polish with and without diacritics, Urdu and Punjabi in their own
scripts and romanised. None is copied from the relevance sets. The look-alikes share a
harm word with ordinary family life and must raise nothing.
"""

from __future__ import annotations

import math
import re
import tomllib
from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import CUES_FILE, danger_cues, load_reader
from search.calibration import STRIP_BUDGET
from search.cues import expand, fold, pattern_parts
from search.understanding import QueryReader, _tokens
from tests.search.danger_sentences import DANGER, ORDINARY

TODAY = date(2026, 3, 2)

PARAPHRASES: dict[str, list[str]] = {
    "domestic-abuse": [
        # threats to life
        "my ex keeps saying hes going to do me in",
        "he told me if i ever leave he will end me",
        "bf said im dead if i talk to anyone about him",
        "husband threatened to get me while im asleep",
        "he says next time he wont stop",
        "he put a knife to my throat last night",
        "he sleeps with a hammer by the bed and says its for me",
        # strangling
        "he had his hands on my throat and i couldnt breathe",
        "partner squeezed my neck till i nearly blacked out",
        # kept in, cut off
        "husband doesnt let me see my friends or go out on my own",
        "im not allowed my own bank card",
        "he checks my phone every night and tracks where i am",
        "he locks me in the bedroom when he goes to work",
        "my fella smashed my phone so i cant ring anyone",
        "he takes all my wages and gives me nothing for food",
        "he wont let me speak to my mum anymore",
        "partner put a tracker on my car",
        # stalking
        "my ex keeps turning up outside my house after i ended it",
        "ex is following me everywhere and waiting outside my work",
        "ex wont stop messaging me hundreds of times a day threatening me",
        # pregnancy, sexual
        "he kicked me in the stomach while i was pregnant",
        "scared to go home tonight",
        # Polish
        "mąż powiedział że mnie zabije jak odejdę",
        "maz powiedzial ze mnie zabije",
        "partner zabiera mi całą wypłatę i nie daje pieniędzy",
        "były chłopak mnie śledzi i czeka pod domem",
        "chlopak sprawdza moj telefon i nie pozwala mi spotykac sie z kolezankami",
        "mąż przyłożył mi nóż do gardła",
        # Urdu, script and romanised
        "میرا شوہر کہتا ہے کہ وہ مجھے مار ڈالے گا",
        "شوہر مجھے گھر والوں سے ملنے نہیں دیتا",
        "mera shohar mujhe ghar walon se milne nahi deta",
        "wo mujhe jaan se maarne ki dhamki deta hai",
        "shohar mera phone check karta hai aur paise nahi deta",
        # Punjabi, Gurmukhi and romanised
        "ਮੇਰਾ ਘਰਵਾਲਾ ਕਹਿੰਦਾ ਮੈਨੂੰ ਮਾਰ ਦੇਊਗਾ",
        "ਪਤੀ ਮੈਨੂੰ ਘਰੋਂ ਬਾਹਰ ਨਹੀਂ ਜਾਣ ਦਿੰਦਾ",
        "gharwala mainu bahar nahi jaan dinda",
        "mera pati mainu maarn di dhamki dinda",
    ],
    "suicide-and-self-harm": [
        "honestly dont see the point anymore",
        "everyone would be better off if i wasnt around",
        "i just want it all to stop",
        "thinking of ending it all tonight",
        "had enough of everything and want to go to sleep forever",
        "my 15 year old has been self-harming",
        "found blades in my daughters room and cuts on her legs",
        "i swallowed a load of my mums tablets",
        "my son took an overdose last night",
        "ive written letters to my kids in case im not here",
        "thinking about jumping off the bridge",
        "teenager burning herself with a lighter",
        "i feel like such a burden to everyone",
        # Polish
        "myślę żeby ze sobą skończyć",
        "corka sie tnie",
        "mam dość życia",
        "syn mówi że chce się zabić",
        "łyknęłam całe opakowanie tabletek",
        # Urdu
        "dil karta hai sab khatam kar doon",
        "mein apni zindagi khatam karna chahti hoon",
        "meri beti apne bazu kaat rahi hai",
        "میں نے بہت ساری گولیاں کھا لی ہیں",
        # Punjabi
        "ਮੈਂ ਹੁਣ ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦੀ",
        "main hun jeena nahi chaundi",
        "ਮੇਰੀ ਧੀ ਆਪਣੀਆਂ ਬਾਹਾਂ ਕੱਟਦੀ ਹੈ",
    ],
    "child-at-risk": [
        "my exs new boyfriend has been touching my daughter where he shouldnt",
        "my 6 year old said grandad plays a secret game and touches her private parts",
        "she came home and said the babysitter made her take her clothes off",
        "daughter 13 went out yesterday and still not back",
        "my son is missing and not answering his phone",
        "teenager ran away from home this morning",
        "the neighbours leave their toddler alone in the flat for hours",
        "my partner hits the kids with a belt",
        "my mum is drunk every day and cant look after my little brother",
        "they are planning to take my little sister to somalia for the cutting",
        "worried my niece will be cut over the summer holidays",
        # Polish
        "wujek dotykał moją córkę",
        "syn nie wrócił na noc do domu",
        "dzieci sąsiadów są głodne i zostawiane same",
        "ojczym bije syna pasem",
        # Urdu
        "میری بیٹی کل سے گھر نہیں آئی",
        "chacha meri beti ko ghalat tareeqe se chhoota hai",
        # Punjabi
        "ਮੇਰੀ ਧੀ ਕੱਲ੍ਹ ਤੋਂ ਘਰ ਨਹੀਂ ਆਈ",
        "mera putt kal ton ghar nahi aaya",
    ],
    "forced-marriage": [
        "my family have arranged my wedding and i said no",
        "my dad says i have to marry a man in bangladesh this summer",
        "parents found out about my boyfriend and said ive shamed them",
        "im 16 and theyre sending me abroad to get engaged",
        "my brothers watch everything i do because of family honour",
        "rodzice chcą mnie wydać za mąż wbrew mojej woli",
        "ghar wale meri marzi ke baghair shaadi kar rahe hain",
        "ابو کہتے ہیں پاکستان جا کر شادی کرنی ہوگی",
        "mere mape mainu india le ke ja rahe ne viah layi",
    ],
    "exploitation": [
        "older lads keep giving my son money and new trainers",
        "i think my son is running drugs for someone",
        "a grown man on roblox has been asking my 11 year old for photos",
        "my daughters boyfriend is 25 and buys her vapes",
        "someone is threatening to post my daughters pictures unless she pays",
        "my son got beaten up because he owes someone money",
        "people have moved into my neighbours flat and are dealing from there",
        "the workers at the car wash live there and have no passports",
        "my son has started saying all muslims should be killed",
        "grandson talks about joining a group that hates immigrants",
        "syn dostaje pieniądze i nowe buty od starszych chłopaków",
        "jakis dorosly facet prosi moja corke o zdjecia",
        "pracujemy bez wypłaty a szef zabrał paszporty",
        "koi aadmi meri beti se tasveerein maang raha hai",
        "ਕੋਈ ਬੰਦਾ ਮੇਰੀ ਧੀ ਤੋਂ ਫੋਟੋਆਂ ਮੰਗ ਰਿਹਾ ਹੈ",
    ],
}

LOOK_ALIKES = [
    "i would kill for a coffee and a nap",
    "i could murder a pizza",
    "my phone is dead",
    "locked out of my house",
    "locked out of my universal credit account",
    "this heat is killing me",
    "my son wants a new phone for his birthday",
    "my son gets money from his grandparents",
    "my daughter needs new clothes and trainers but no money",
    "my kids are always hungry after school",
    "there is no food in the house for the kids until payday",
    "no heating for the baby this winter",
    "going to india for my cousins wedding",
    "the council is still not answering my emails",
    "still not back at work after maternity leave",
    "my son is acting odd lately",
    "overdoing it with a newborn",
    "at what age can i leave my child home alone",
    "my toddler keeps running off in the shops",
    "kids are not allowed phones in school",
    "he is not allowed out on school nights",
    "tracking my parcel",
    "track my universal credit payment",
    "shoot me a message",
    "my daughter is killing it at school",
    "dying of boredom in the holidays",
    "cutting back on sweets",
    "cut the grass",
    "my son cuts his own hair",
    "we are dead broke",
    "im dead proud of my son",
    "my baby is teething and its killing me",
    "my son is obsessed with fortnite",
    "my daughter plays roblox with her friends",
    "my son has a new girlfriend",
    "bank card declined",
    "lost my bank card",
    "grandad cant look after the kids anymore",
    "where can i get my phone fixed",
    "wedding dress hire",
    "my family is arranging a birthday party",
    "honour roll at school",
    "how to cut a toddlers nails",
    "i want to disappear to the beach for a weekend",
    "cant cope with my toddlers tantrums",
    "my toddler follows me everywhere",
    "childcare takes all my wages",
    "im not allowed to drive after my c section",
    "my mum will get me a coffee",
    "landlord is threatening me with eviction",
    "bailiffs wont stop calling",
    "she keeps watching youtube",
    "selling stuff from my house on facebook",
    "my son messages his friends on xbox",
    "working for free as a volunteer",
    "they have no money for the school trip",
    "how do i read my messages on my journal",
    "my partner says we need to get married before the baby",
    "i get loads of spam texts every day",
    "my daughters boyfriend is older than her",
    "this heat will do me in",
    "my ex wont let me see the kids",
    "nursery wants photos of my 3 year old for the wall",
    "zabić czas w wakacje",
    "telefon mi padł",
]


@pytest.fixture(scope="module")
def reader() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council))


@pytest.mark.parametrize(
    ("danger", "text"),
    [(danger, text) for danger, texts in PARAPHRASES.items() for text in texts],
)
def test_danger_in_paraphrase_is_read(reader: QueryReader, danger: str, text: str) -> None:
    reading = reader.read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_ordinary_family_words_raise_no_danger(reader: QueryReader, text: str) -> None:
    """No panel and no strip from the rules or the alarm's band 1; the learnt alarm's band 2
    (the strip and one listing first) may show within its false-alarm budget, counted below."""
    reading = reader.read(text, {}, TODAY)
    assert not reading.dangers and reading.cues == reading.quiet_cues, text


def test_ordinary_family_words_show_the_band_2_strip_within_its_budget(
    reader: QueryReader,
) -> None:
    shown = [text for text in LOOK_ALIKES if reader.read(text, {}, TODAY).quiet_cues]
    assert len(shown) <= math.ceil(STRIP_BUDGET * len(LOOK_ALIKES)), shown


def test_the_word_index_never_skips_a_pattern_that_matches() -> None:
    """Patterns are tried only when a word can begin them; every one that matches the
    words, tried on its own, is still found."""
    raw = tomllib.loads(CUES_FILE.read_text(encoding="utf-8"))
    lexicon = danger_cues(CUES_FILE)
    texts = [
        *LOOK_ALIKES,
        *ORDINARY,
        *(text for texts in PARAPHRASES.values() for text in texts),
        *(text for texts in DANGER.values() for text in texts),
    ]
    words_lists = raw.get("words", {})
    compiled = [
        (code, [re.compile(part) for part in pattern_parts(expand(pattern, words_lists))])
        for code, table in raw["cues"].items()
        for patterns in table.values()
        for pattern in patterns
    ]
    for text in texts:
        words = [token.key for token in _tokens(text)]
        skipped = lexicon.ignored(words)
        folded = " ".join("_" if i in skipped else fold(w) or "_" for i, w in enumerate(words))
        expected = {code for code, parts in compiled if all(p.search(folded) for p in parts)}
        assert set(lexicon.find(words)) == expected, text
