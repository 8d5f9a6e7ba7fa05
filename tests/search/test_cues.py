"""Danger cues: the weaker grade of danger signal, in every shipped language (pure code).

The sentences here are written the way frightened people write (plain, misspelt, in
text-speak, romanised), for each danger and language; the look-alikes are the ordinary
words that share a harm word and must raise nothing.
"""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import CUES_FILE, danger_cues, load_reader
from search.cues import CueError, build_cues, compile_pattern, parse_cues
from search.understanding import QueryReader, _tokens

TODAY = date(2026, 3, 2)

CUED = {
    "domestic-abuse": [
        "he said he'd kill me if i leave",
        "my husband says he will finish me off",
        "boyfriend put his hands round my neck last night",
        "my ex stragled me",
        "he pulled a knife on me",
        "he wont let me out of the house",
        "husband took my bank card and my phone",
        "partner keeps smashing my phone and wont let me see my family",
        "im scared he's going to come back",
        "mąż grozi mi nożem",
        "partner mnie dusił",
        "nie pozwala mi wychodzić z domu",
        "شوہر مارتا ہے",
        "وہ کہتا ہے جان سے مار دوں گا",
        "shohar roz maarta hai",
        "ਪਤੀ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ",
        "ਉਸਨੇ ਮੇਰਾ ਗਲਾ ਘੁੱਟਿਆ",
        "pati roz kuttda hai",
    ],
    "suicide-and-self-harm": [
        "i dont want to be here anymore",
        "i cant go on like this",
        "my daughter has been cutting her arms",
        "took a whole packet of paracetamol",
        "what is the point of living",
        "i wish i could go to sleep and never wake up",
        "son wants to unalive himself",
        "nie chcę już żyć",
        "przedawkowała leki",
        "میں مرنا چاہتی ہوں",
        "khudkushi ke khayal",
        "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ",
        "marna chaundi haan",
    ],
    "child-at-risk": [
        "my uncle touched my daughter",
        "i think my stepdad is touching her down there",
        "cant find my son since last night",
        "my 14 year old hasnt come home since friday",
        "the kids next door are always hungry and dirty",
        "she leaves the baby alone all day",
        "my partner shook the baby",
        "they want to take my daughter abroad to be cut",
        "zaginął mój syn",
        "zostawia dzieci same w domu",
        "میرا بچہ لاپتہ ہے",
        "beta ghar nahi aaya",
        "ਮੇਰਾ ਪੁੱਤ ਲਾਪਤਾ ਹੈ",
    ],
    "forced-marriage": [
        "my parents are making me marry my cousin",
        "they are taking me to pakistan to get married",
        "my brothers said they will kill me if i bring shame on the family",
        "dad took my passport",
        "zmuszają mnie do ślubu",
        "زبردستی شادی کروا رہے ہیں",
        "ghar wale zabardasti shaadi karwa rahe hain",
        "ਮੇਰਾ ਜ਼ਬਰਦਸਤੀ ਵਿਆਹ ਕਰਵਾ ਰਹੇ ਹਨ",
        "jabardasti viah",
    ],
    "exploitation": [
        "a man keeps messaging my daughter on snapchat",
        "someone asked my son to send pics",
        "my son has two phones and cash he cant explain",
        "found a knife in his room",
        "he is holding drugs for older lads",
        "my son watches extremist videos all night",
        "obcy mężczyzna pisze do córki",
        "اجنبی میری بیٹی کو پیغام بھیجتا ہے",
        "ਮੇਰਾ ਪੁੱਤ ਨਸ਼ੇ ਵੇਚਦਾ ਹੈ",
    ],
}

LOOK_ALIKES = [
    "knife and fork set for toddlers",
    "knives and forks for weaning",
    "dying to go out with the kids",
    "killing time in the holidays",
    "dead on my feet with a newborn",
    "dead tired all the time",
    "newborn photo shoot",
    "family photo shoot",
    "my back is killing me after pregnancy",
    "these kids are killing me",
    "the ivy has strangled the roses",
    "weeds strangling the plants in the garden",
    "baby choked on milk",
    "choking hazard toys",
    "my son is missing school",
    "my daughter is missing her dad",
    "gas cut off",
    "electric has been cut off",
    "haircut for autistic child",
    "cut my finger",
    "my toddler hits me",
    "my son kicks me when he is angry",
    "scared of the dark",
    "afraid of dogs",
    "locked out of my account",
    "flu jab for kids",
    "football shooting practice",
    "my ex wont let me see the kids",
    "food bank near me",
    "bored teenager",
    "overdue rent",
    "hanging out with friends",
    "suicide squad party",
    "suicide bereavement support",
    "my husband took his own life last year",
    "my autistic son hurts himself when upset",
    "he bangs his head when he is frustrated",
]


@pytest.fixture(scope="module")
def reader() -> QueryReader:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return load_reader(council, load_safety_lines(council))


def _cued(text: str) -> dict[str, tuple[int, ...]]:
    return danger_cues(CUES_FILE).find([token.key for token in _tokens(text)])


def test_the_cue_file_names_every_danger_and_every_shipped_language() -> None:
    raw = tomllib.loads(CUES_FILE.read_text(encoding="utf-8"))
    national = load_safety_lines(load_council(DEFAULT_COUNCIL_FILE)).dangers
    assert set(raw["cues"]) == set(national)
    for code, table in raw["cues"].items():
        assert {"en", "pl", "ur", "pa"} <= set(table), code
        assert all(table[language] for language in ("en", "pl", "ur", "pa")), code


@pytest.mark.parametrize(
    ("danger", "text"), [(danger, text) for danger, texts in CUED.items() for text in texts]
)
def test_danger_said_plainly_is_cued_in_every_language(danger: str, text: str) -> None:
    assert danger in _cued(text)


@pytest.mark.parametrize(
    ("danger", "text"), [(danger, text) for danger, texts in CUED.items() for text in texts]
)
def test_a_cue_is_read_as_its_danger_with_its_services(
    reader: QueryReader, danger: str, text: str
) -> None:
    reading = reader.read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues
    concept = next(c for c in reading.concepts if c.key == f"danger:{danger}")
    assert concept.priority and concept.needs


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_ordinary_words_that_look_like_harm_raise_nothing(reader: QueryReader, text: str) -> None:
    assert _cued(text) == {}
    reading = reader.read(text, {}, TODAY)
    assert (reading.dangers, reading.cues) == ((), ())


def test_a_strong_phrase_opens_the_panel_and_is_not_also_a_cue(reader: QueryReader) -> None:
    reading = reader.read("he strangled me", {}, TODAY)
    assert reading.dangers == ("domestic-abuse",)
    assert reading.cues == ()


def test_a_cue_alone_is_weak(reader: QueryReader) -> None:
    reading = reader.read("husband took my bank card and my phone", {}, TODAY)
    assert reading.dangers == ()
    assert reading.cues == ("domestic-abuse",)


def test_harm_with_a_person_and_a_threat_opens_the_panel(reader: QueryReader) -> None:
    """Harm words read together (``search.harm``) with an explicit threat are strong."""
    reading = reader.read("he said he'd finish me off", {}, TODAY)
    assert reading.dangers == ("domestic-abuse",)
    assert [(f.danger, f.grade) for f in reading.harm] == [("domestic-abuse", "strong")]


def test_patterns_read_inflections_alternatives_and_gaps() -> None:
    lexicon = build_cues(
        ["knife ~ and ~ fork"], {"x": ["kill* .. me/us", "hands ~ round/around ~ my neck"]}
    )
    assert lexicon.find(_words("he will kill me")) == {"x": (2, 3)}
    assert lexicon.find(_words("killed all of us")) == {"x": (0, 1, 2, 3)}
    assert lexicon.find(_words("kill them all and then me")) == {}  # more than 3 between
    assert lexicon.find(_words("hands around my neck")) == {"x": (0, 1, 2, 3)}
    assert lexicon.find(_words("hands round her neck")) == {}
    # An ignored look-alike neither cues nor bridges a gap.
    lexicon = build_cues(["knife ~ and ~ fork"], {"x": ["knife"]})
    assert lexicon.find(_words("a knife and fork")) == {}


def test_a_behaviour_look_alike_holds_only_while_no_injury_is_described() -> None:
    lexicon = build_cues(
        [],
        {"x": ["bang* ~ her head & bleeds/raw"]},
        behaviour=["bang* ~ her head .. when .. upset"],
        injury=["till ~ it ~ bleeds", "raw"],
    )
    # Behaviour: blanked, no cue.
    assert lexicon.ignored(_words("she bangs her head when upset")) == {1, 2, 3, 4, 5}
    assert lexicon.find(_words("she bangs her head when upset")) == {}
    # An injury described: no look-alike, the cue reads.
    words = _words("she bangs her head when upset till it bleeds")
    assert lexicon.ignored(words) == set()
    assert set(lexicon.find(words)) == {"x"}


def test_accents_and_apostrophes_fold_on_both_sides() -> None:
    lexicon = build_cues([], {"x": ["zabiję", "he'll ~ kill"]})
    assert lexicon.find(["zabije"]) == {"x": (0,)}
    assert lexicon.find(["zabiję"]) == {"x": (0,)}
    assert lexicon.find(["hell", "kill"]) == {"x": (0, 1)}


@pytest.mark.parametrize("pattern", ["", ".. kill", "kill ..", "kill .. .. me", "a/*", "a//b"])
def test_malformed_patterns_are_refused_with_their_text(pattern: str) -> None:
    with pytest.raises(CueError):
        compile_pattern(pattern)


def test_a_malformed_file_is_refused() -> None:
    with pytest.raises(CueError):
        parse_cues({"cues": {"x": {"en": "not a list"}}})
    with pytest.raises(CueError):
        parse_cues({"cues": ["x"]})


def _words(text: str) -> list[str]:
    return text.split(" ")


def test_an_ended_abuse_is_found_apart_from_the_look_alikes() -> None:
    lexicon = parse_cues(
        {"ignore": {"en": ["knife ~ and ~ fork"]}, "ended": {"en": ["years ~ ago & was abusive"]}}
    )
    words = _words("he was abusive years ago")
    assert lexicon.ended(words) == {1, 2, 3, 4}
    assert lexicon.ignored(words) == set()
    assert lexicon.ended(_words("he was abusive last night")) == set()
    assert parse_cues({"ignore": {"en": []}}).ended(words) == set()
