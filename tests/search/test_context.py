"""Readings need evidence: context rules, strength, who is asking, and how each ranks."""

from __future__ import annotations

import copy

import pytest

from search import SearchBackend
from search.inference import read_listing, text_needs
from search.phrasebook import PhrasebookError, merge_phrasebook, parse_phrasebook
from search.understanding import QueryReader
from tests.search.search_factories import TODAY, Build, ids, make_doc, query
from tests.search.test_understanding import BOOK, HOLIDAYS

CONTEXT = {
    "expressions": ["dead on my feet", "dead tired", "of course", "send me", "playing up"],
    "weak_before": {
        "needs": ["out of", "round the"],
        "times": ["since", "last", "was"],
    },
    "weak_after": {"times": ["ago"]},
    "asking": {
        "child": ["son", "daughter", "babby", "my 2 year old"],
        "self": ["myself", "my partner", "single mum"],
    },
}


def book_with_context() -> dict:
    book = copy.deepcopy(BOOK)
    book["needs"]["bereavement"] = {"phrases": ["dead", "died", "lost my dad"]}
    book["needs"]["housing"] = {"phrases": ["house", "homeless"]}
    book["needs"]["parenting"] = {"phrases": ["playing up", "tantrums"]}
    book["needs"]["send"]["phrases"].append("send")
    book["categories"] = {"courses-and-groups": {"phrases": ["course"]}}
    book["times"]["friday"] = {"days": ["FR"], "phrases": ["friday"]}
    book["dangers"]["threat"] = {"needs": ["domestic-abuse"], "phrases": ["kill me"]}
    book["context"] = CONTEXT
    return book


READER = QueryReader(parse_phrasebook(book_with_context()), HOLIDAYS)


def read(text: str) -> dict[str, tuple[str, str]]:
    """Concept key -> (evidence, strength)."""
    return {c.key: (c.evidence, c.strength) for c in READER.read(text, {}, TODAY).concepts}


def test_every_reading_carries_the_words_that_made_it_and_a_strength() -> None:
    assert read("we can't really feed them") == {"need:food": ("can't really feed", "strong")}
    assert read("my dad died on friday")["need:bereavement"] == ("died", "strong")
    assert read("my dad died on friday")["time:friday"] == ("friday", "strong")


@pytest.mark.parametrize(
    "text",
    ["im dead on my feet", "dead tired all the time", "of course i can", "can you send me a link"],
)
def test_a_word_inside_an_everyday_expression_reads_as_nothing(text: str) -> None:
    assert read(text) == {}


def test_the_same_word_outside_the_expression_still_reads() -> None:
    assert read("my dog is dead") == {"need:bereavement": ("dead", "strong")}
    assert read("a parenting course")["category:courses-and-groups"][1] == "strong"
    assert "need:send" in read("send support for my son")


def test_a_book_phrase_as_long_as_the_expression_wins() -> None:
    assert read("my son keeps playing up") == {"need:parenting": ("playing up", "strong")}


def test_dangers_are_never_dropped_by_an_expression() -> None:
    reader = QueryReader(
        parse_phrasebook({**book_with_context(), "context": {"expressions": ["kill me now"]}}),
        HOLIDAYS,
    )
    reading = reader.read("he said he will kill me now", {}, TODAY)
    assert reading.dangers == ("threat",)


@pytest.mark.parametrize(
    ("text", "key", "by"),
    [
        ("ever since friday he wont eat", "time:friday", "since"),
        ("since last friday hes been off", "time:friday", "last"),
        ("it was friday when it started", "time:friday", "was"),
        ("friday ago", "time:friday", "ago"),
        ("hungry and need to get out of the house", "need:housing", "out of"),
    ],
)
def test_a_word_in_a_frame_pointing_away_is_a_weak_reading(text: str, key: str, by: str) -> None:
    concept = next(c for c in READER.read(text, {}, TODAY).concepts if c.key == key)
    assert concept.strength == "weak"
    assert concept.weakened_by == by


def test_the_same_words_without_the_frame_read_strongly() -> None:
    assert read("open on friday")["time:friday"][1] == "strong"
    assert read("we need a house")["need:housing"][1] == "strong"


def test_a_reading_made_twice_is_strong_if_either_is() -> None:
    concept = READER.read("homeless, out of the house", {}, TODAY).concepts[0]
    assert concept.key == "need:housing" and concept.strong
    assert concept.evidence == "homeless / house"


@pytest.mark.parametrize(
    ("text", "who", "evidence"),
    [
        ("my son wont go to school", "child", "son"),
        ("the babby wont sleep", "child", "babby"),
        ("my 2 year old bites", "child", "my 2 year old"),
        ("my partner and my daughter argue", "child", "daughter"),
        ("single mum feeling low", "self", "single mum"),
        ("counselling for myself", "self", "myself"),
    ],
)
def test_who_is_asking(text: str, who: str, evidence: str) -> None:
    asker = READER.read(text, {}, TODAY).asker
    assert asker is not None and (asker.who, asker.evidence) == (who, evidence)


def test_a_bare_i_says_nothing_of_who_is_asking() -> None:
    assert READER.read("i feel so low", {}, TODAY).asker is None


@pytest.mark.parametrize(
    "context",
    [
        {"idioms": ["dead tired"]},
        {"weak_before": {"dangers": ["since"]}},
        {"asking": {"grandparent": ["nan"]}},
        {"expressions": "dead tired"},
        {"expressions": [""]},
        "not a table",
    ],
)
def test_a_malformed_context_table_is_refused(context: object) -> None:
    with pytest.raises(PhrasebookError):
        parse_phrasebook({**BOOK, "context": context})


ENTRY_FRAMES = {
    **CONTEXT,
    "weak_before": {**CONTEXT["weak_before"], "needs.bereavement": ["phone", "nearly"]},
    "weak_after": {**CONTEXT["weak_after"], "needs.bereavement": ["laughing"]},
}
ENTRY_READER = QueryReader(
    parse_phrasebook({**book_with_context(), "context": ENTRY_FRAMES}), HOLIDAYS
)


@pytest.mark.parametrize(
    ("text", "by"),
    [("my phone died", "phone"), ("i nearly died", "nearly"), ("we died laughing", "laughing")],
)
def test_one_entrys_frames_make_its_one_word_reading_weak(text: str, by: str) -> None:
    concept = ENTRY_READER.read(text, {}, TODAY).concepts[0]
    assert (concept.key, concept.strength, concept.weakened_by) == (
        "need:bereavement",
        "weak",
        by,
    )


def test_one_entrys_frames_leave_other_entries_and_longer_phrases_strong() -> None:
    def strength(text: str) -> dict[str, str]:
        return {c.key: c.strength for c in ENTRY_READER.read(text, {}, TODAY).concepts}

    assert strength("my dad died") == {"need:bereavement": "strong"}
    assert strength("phone lost my dad") == {"need:bereavement": "strong"}
    assert strength("phone homeless team") == {"need:housing": "strong"}


@pytest.mark.parametrize("section", ["dangers.threat", "nothing.bereavement"])
def test_an_entrys_frames_must_name_a_section_that_has_them(section: str) -> None:
    with pytest.raises(PhrasebookError):
        parse_phrasebook({**BOOK, "context": {"weak_before": {section: ["phone"]}}})


def test_a_council_adds_to_the_context_rules() -> None:
    book = merge_phrasebook(
        parse_phrasebook(book_with_context()),
        {"context": {"expressions": ["dead good"], "asking": {"self": ["me mum"]}}},
        "council",
    )
    reader = QueryReader(book, HOLIDAYS)
    assert not reader.read("it was dead good", {}, TODAY).concepts
    assert not reader.read("dead tired", {}, TODAY).concepts  # the shipped ones stay
    asker = reader.read("me mum needs help", {}, TODAY).asker
    assert asker is not None and asker.who == "self"


def test_a_listings_own_words_say_what_it_is_about() -> None:
    assert text_needs(READER, "Homeless Families Team", "Help when you lose your house.", "") == (
        "housing",
    )
    assert text_needs(READER, "Friday Club", "", "A club that meets on Friday.") == ()
    # One passing mention in a long description is not what a listing is about.
    assert text_needs(
        READER, "Food bank", "Food parcels for hungry families.", "Weed free garden."
    ) == ("food",)


def weak_and_strong(build: Build) -> SearchBackend:
    return build(
        [
            make_doc("food-bank", "Food bank", description="Parcels.", need_codes=("food",)),
            make_doc(
                "food-and-homes",
                "Food and homes project",
                description="Parcels.",
                need_codes=("food", "housing"),
            ),
            make_doc("housing-team", "Housing team", need_codes=("housing",)),
            make_doc("friday-club", "Friday club", open_slots=("FR10",), need_codes=("health",)),
        ]
    )


def test_a_weak_reading_never_chooses_a_listing(build: Build) -> None:
    backend = weak_and_strong(build)
    found = ids(backend.search(query("hungry, need to get out of the house", reader=READER)))
    assert "housing-team" not in found
    assert set(found) == {"food-bank", "food-and-homes"}
    strong = ids(backend.search(query("hungry and lost our house", reader=READER)))
    assert "housing-team" in strong


def test_a_weak_reading_still_ranks_what_meets_it_higher(build: Build) -> None:
    backend = weak_and_strong(build)
    found = ids(backend.search(query("hungry, need to get out of the house", reader=READER)))
    assert found[0] == "food-and-homes"


def test_a_weak_day_never_filters_a_need(build: Build) -> None:
    backend = weak_and_strong(build)
    found = ids(backend.search(query("ever since friday we are hungry", reader=READER)))
    assert "friday-club" not in found and found


def test_a_listing_with_no_needs_is_found_by_the_needs_its_text_speaks_of(build: Build) -> None:
    imported = make_doc(
        "imported",
        "Homeless Families Team",
        description="Help for families who lost their house.",
        text_needs=("housing",),
    )
    backend = build([imported, make_doc("housing-team", "Housing team", need_codes=("housing",))])
    found = ids(backend.search(query("we are homeless", reader=READER)))
    assert set(found) == {"imported", "housing-team"}


def test_text_needs_never_stand_in_for_needs_that_are_set(build: Build) -> None:
    set_elsewhere = make_doc(
        "set", "Advice on homes", need_codes=("food",), text_needs=("housing",)
    )
    backend = build([set_elsewhere, make_doc("housing-team", "Team", need_codes=("housing",))])
    assert ids(backend.search(query("homeless", reader=READER))) == ["housing-team"]


def test_within_a_need_the_listing_about_it_comes_first(build: Build) -> None:
    backend = build(
        [
            make_doc(
                "food-bank",
                "Food bank",
                description="Parcels, and a word about money.",
                need_codes=("food", "money-and-debt"),
                text_needs=("food", "money-and-debt"),
                assured_date="2026-11-01",
            ),
            make_doc(
                "money-advice",
                "Advice drop-in",
                description="Someone to go through it all with you.",
                need_codes=("money-and-debt", "housing"),
                text_needs=("money-and-debt",),
                assured_date="2026-11-01",
            ),
        ]
    )
    assert ids(backend.search(query("skint", reader=READER)))[0] == "money-advice"


def test_an_unsorted_listing_holding_every_word_ranks_with_those_meeting_the_need(
    build: Build,
) -> None:
    set_needs = [
        make_doc(f"pantry-{n}", f"Pantry {n}", need_codes=("food",), assured_date="2026-11-01")
        for n in range(25)
    ]
    imported = make_doc("imported", "Hungry Kids Hub", description="Meals for hungry kids.")
    backend = build([*set_needs, imported])
    found = ids(backend.search(query("hungry kids hub", reader=READER, page_size=20)))
    assert "imported" in found[:3]


def asked(build: Build) -> SearchBackend:
    return build(
        [
            make_doc(
                "youth-club",
                "Youth club",
                description="Feeling low? Come and talk.",
                need_codes=("mental-health",),
                ages=tuple(range(11, 19)),
                assured_date="2026-11-20",
            ),
            make_doc(
                "adult-talking",
                "Talking therapies",
                description="Feeling low? Come and talk.",
                need_codes=("mental-health",),
                ages=tuple(range(16, 26)),
            ),
            make_doc(
                "family-line",
                "Family line",
                description="Feeling low? Come and talk.",
                need_codes=("mental-health",),
                ages=tuple(range(0, 19)),
            ),
        ]
    )


MOOD = {**book_with_context()}
MOOD["needs"] = {**MOOD["needs"], "mental-health": {"phrases": ["feeling low"]}}
MOOD_READER = QueryReader(parse_phrasebook(MOOD), HOLIDAYS)


def test_a_parent_asking_for_themselves_does_not_get_youth_services_first(build: Build) -> None:
    backend = asked(build)
    found = ids(backend.search(query("single mum feeling low", reader=MOOD_READER)))
    assert found[-1] == "youth-club"


def test_a_parent_asking_for_a_child_does_not_get_adult_services_first(build: Build) -> None:
    backend = asked(build)
    found = ids(backend.search(query("my daughter is feeling low", reader=MOOD_READER)))
    assert found[-1] == "adult-talking"


def test_with_no_asker_neither_is_lowered(build: Build) -> None:
    backend = asked(build)
    results = backend.search(query("feeling low", reader=MOOD_READER))
    assert results.reading is not None and results.reading.asker is None
    assert ids(results)[0] == "youth-club"  # the freshest, as the words rank all alike


def test_within_a_need_the_listing_whose_own_words_say_the_phrase_comes_first(
    build: Build,
) -> None:
    backend = build(
        [
            make_doc(
                "uniform",
                "Uniform exchange",
                description="Pick up uniform without paying a penny. Skint skint skint.",
                need_codes=("money-and-debt",),
                text_needs=("money-and-debt",),
                text_phrases=("gas~and~elect",),
                assured_date="2026-11-01",
            ),
            make_doc(
                "advice",
                "Advice drop-in",
                description="For anyone skint.",
                need_codes=("money-and-debt",),
                text_needs=("money-and-debt",),
                text_phrases=("skint",),
                assured_date="2026-11-01",
            ),
        ]
    )
    # The uniform exchange holds the word more often, but not as its own phrase.
    assert ids(backend.search(query("skint", reader=READER))) == ["advice", "uniform"]


def test_a_listing_keeps_the_phrases_its_text_uses_as_short_keys() -> None:
    needs, phrases = read_listing(READER, "Homeless Families", "Cant afford to feed them?", "")
    assert needs == ("housing", "money-and-debt")  # 3 for the name, 2 for the summary
    assert {"homel", "cant~affor"} <= set(phrases)
