"""Reading a family's words: needs, ages, times, cost, dangers and meaningless words."""

from __future__ import annotations

from datetime import date

import pytest

from search.phrasebook import PhrasebookError, merge_phrasebook, parse_phrasebook
from search.understanding import QueryReader

TODAY = date(2026, 11, 23)
HOLIDAYS = (
    ("Christmas holidays", date(2026, 12, 21), date(2027, 1, 1)),
    ("February half term", date(2027, 2, 15), date(2027, 2, 19)),
    ("Summer holidays", date(2027, 7, 23), date(2027, 9, 1)),
)
BOOK = {
    "language": "en",
    "meaningless": {"words": ["my", "me", "help", "kids", "child", "please", "time"]},
    "needs": {
        "food": {"phrases": ["hungry", "cant feed", "feed my kids", "food bank", "no food"]},
        "money-and-debt": {"phrases": ["cant afford", "skint", "gas and electric"]},
        "substance-use": {"phrases": ["cannabis", "weed"]},
        "relationships-and-conflict": {"phrases": ["argue", "arguing"]},
        "send": {"phrases": ["speech delay", "speech and language"]},
    },
    "kinds": {"pantry": {"phrases": ["pantry"]}},
    "ages": {
        "toddler": {"min": 1, "max": 3, "phrases": ["toddler", "2 year old"]},
        "teenager": {"min": 13, "max": 19, "phrases": ["teenager", "teen"]},
        "pregnancy": {"min": -1, "max": -1, "phrases": ["pregnant"]},
    },
    "times": {
        "weekend": {"days": ["SA", "SU"], "phrases": ["weekend"]},
        "after-school": {
            "days": ["MO", "TU", "WE", "TH", "FR"],
            "hours": [15, 18],
            "phrases": ["after school"],
        },
        "half-term": {"holiday": "half term", "phrases": ["half term"]},
        "summer-holidays": {"holiday": "summer", "phrases": ["summer holidays"]},
    },
    "cost": {"free": {"phrases": ["free", "no cost"]}},
    "dangers": {
        "domestic-abuse": {
            "needs": ["domestic-abuse"],
            "phrases": ["hits me", "dv", "coercive control", "scared of him", "domestic abuse"],
        },
        "suicide-and-self-harm": {
            "needs": ["mental-health-and-wellbeing"],
            "phrases": ["suicidal", "self harm"],
        },
    },
}


def reader(book: dict | None = None) -> QueryReader:
    return QueryReader(parse_phrasebook(book or BOOK), HOLIDAYS)


def read(text: str, known: dict[str, int] | None = None):  # type: ignore[no-untyped-def]
    return reader().read(text, known or {}, TODAY)


def keys(text: str, known: dict[str, int] | None = None) -> list[str]:
    return [concept.key for concept in read(text, known).concepts]


def test_a_situation_is_read_as_the_need_it_describes() -> None:
    assert keys("we argue all the time") == ["need:relationships-and-conflict"]
    assert keys("cannabis") == ["need:substance-use"]
    assert keys("my son has a speech delay") == ["need:send"]


def test_stemming_and_apostrophes_do_not_matter() -> None:
    assert keys("my husband keeps hitting me") == ["danger:domestic-abuse"]
    assert keys("I can't afford the gas and electric") == ["need:money-and-debt"]
    assert keys("CANT AFFORD") == ["need:money-and-debt"]


def test_other_words_may_sit_between_the_words_of_a_phrase() -> None:
    reading = read("can't afford to feed my kids")
    assert [c.key for c in reading.concepts] == ["need:money-and-debt", "need:food"]
    assert keys("scared of him") == ["danger:domestic-abuse"]
    # More than two words between is no longer the phrase.
    assert keys("scared of the dark and the things in it him") == []


def test_the_longer_phrase_wins_over_an_overlapping_shorter_one() -> None:
    book = {**BOOK, "needs": {**BOOK["needs"], "send": {"phrases": ["speech and language"]}}}
    book["needs"]["health"] = {"phrases": ["speech"]}
    assert [c.key for c in reader(book).read("speech and language", {}, TODAY).concepts] == [
        "need:send"
    ]


def test_long_misspelt_words_are_corrected_to_phrasebook_words() -> None:
    reading = read("feeling sucidal")
    assert reading.dangers == ("suicide-and-self-harm",)
    assert ("sucidal", "suicidal") in reading.corrections
    assert keys("canabis") == ["need:substance-use"]


def test_known_and_short_words_are_never_corrected() -> None:
    # "feed" is one letter from "weed", but short words are never guessed at.
    assert keys("feed") == []
    # A word the listings use is a real word, not a typo of a phrasebook word.
    assert keys("hungary", known={"hungary": 3}) == []
    assert keys("hungary") == ["need:food"]


def test_ages_times_and_cost_are_read() -> None:
    reading = read("free weekend activities for my toddler")
    by_key = {c.key: c for c in reading.concepts}
    assert by_key["age:toddler"].ages == (1, 3)
    assert by_key["time:weekend"].days == ("SA", "SU")
    assert by_key["cost:free"].free
    assert read("after school").concepts[0].hours == (15, 18)
    assert read("pregnant").concepts[0].ages == (-1, -1)


def test_a_holiday_becomes_the_dates_of_the_next_one_by_that_name() -> None:
    dates = read("half term club").concepts[0].session_dates
    assert dates[0] == "2027-02-15"
    assert dates[-1] == "2027-02-19"
    assert len(dates) == 5


def test_a_holiday_with_no_dates_to_come_is_not_read() -> None:
    late = date(2027, 9, 2)
    assert reader().read("summer holidays", {}, late).concepts == ()


def test_dangers_are_signalled_and_stand_for_their_needs() -> None:
    reading = read("bf hits me")
    assert reading.dangers == ("domestic-abuse",)
    (danger,) = reading.concepts
    assert danger.priority
    assert danger.needs == ("domestic-abuse",)
    assert "hits" in danger.words


def test_ordinary_words_signal_no_danger() -> None:
    for text in ("parenting course", "we argue all the time", "toddler group", "food bank"):
        assert read(text).dangers == (), text


def test_meaningless_words_alone_mean_nothing() -> None:
    assert keys("help me please my kids") == []
    assert reader().quiet_words >= {"help", "kids", "child"}


def test_setting_a_concept_aside_keeps_the_danger_signal() -> None:
    reading = read("dv").without(["danger:domestic-abuse"])
    assert reading.concepts == ()
    assert reading.dangers == ("domestic-abuse",)


def test_concept_words_include_how_the_text_matcher_splits_them() -> None:
    (concept,) = read("can't afford").concepts
    assert {"can", "t", "cant", "afford"} <= set(concept.words)


def test_a_phrase_with_two_meanings_is_refused() -> None:
    book = {**BOOK, "cost": {"free": {"phrases": ["free", "skint"]}}}
    with pytest.raises(PhrasebookError, match="'skint'"):
        parse_phrasebook(book)


def test_a_dangers_family_support_kinds_are_kept_and_merged() -> None:
    """``beside``: the kinds of family support that follow a danger's leading listings
    (search.engine._beside), kept through a council's additions to the entry."""
    book = {
        "language": "en",
        "dangers": {"child": {"needs": ["parenting"], "beside": ["family_centre"]}},
    }
    base = parse_phrasebook(book)
    assert base.entry("dangers", "child").beside == ("family_centre",)
    addition = {"dangers": {"child": {"needs": ["parenting"], "phrases": ["x"]}}}
    merged = merge_phrasebook(base, addition, "[phrasebook]")
    assert merged.entry("dangers", "child").beside == ("family_centre",)


def test_a_council_adds_phrases_and_replaces_an_entry() -> None:
    base = parse_phrasebook(BOOK)
    merged = merge_phrasebook(
        base,
        {
            "needs": {"food": {"phrases": ["cupboard is bare"]}},
            "replace": ["needs.substance-use"],
        },
        "[phrasebook]",
    )
    local = QueryReader(merged, HOLIDAYS)
    assert [c.key for c in local.read("the cupboard is bare", {}, TODAY).concepts] == ["need:food"]
    assert local.read("hungry", {}, TODAY).concepts[0].key == "need:food"
    assert local.read("weed", {}, TODAY).concepts == ()


@pytest.mark.parametrize(
    ("book", "message"),
    [
        ({"language": "en", "ages": {"baby": {"phrases": ["baby"]}}}, "min and max"),
        ({"language": "en", "times": {"soon": {"phrases": ["soon"]}}}, "days, hours or holiday"),
        ({"language": "en", "dangers": {"x": {"phrases": ["x"]}}}, "needs"),
        ({"language": "en", "times": {"t": {"days": ["XX"], "phrases": ["t"]}}}, "days must"),
        ({"language": "en", "needs": {"Food": {"phrases": ["a"]}}}, "lower-case"),
        ({"language": "en", "nedes": {}}, "unknown section"),
        ({"language": "en", "needs": {"food": {"phrases": "hungry"}}}, "list of non-empty"),
        ({"language": "en", "needs": {"food": {"beside": ["pantry"]}}}, "only a danger"),
    ],
)
def test_a_malformed_phrasebook_says_what_is_wrong(book: dict, message: str) -> None:
    with pytest.raises(PhrasebookError, match=message):
        parse_phrasebook(book)


WORD_LISTS = {
    **BOOK,
    "words": {"person": ["mum", "me mom", "our kid"]},
    "needs": {
        **BOOK["needs"],
        "bereavement": {"phrases": ["@person passed", "lost @person"]},
    },
}


def test_a_word_list_writes_a_phrase_out_for_everyone_it_can_be_said_of() -> None:
    book = parse_phrasebook(WORD_LISTS)
    assert book.entry("needs", "bereavement").phrases == (
        "mum passed",
        "me mom passed",
        "our kid passed",
        "lost mum",
        "lost me mom",
        "lost our kid",
    )
    found = reader(WORD_LISTS).read("me mom passed last month", {}, TODAY).concepts
    assert [(c.key, c.evidence) for c in found] == [("need:bereavement", "me mom passed")]
    assert not reader(WORD_LISTS).read("i passed my test", {}, TODAY).concepts


@pytest.mark.parametrize(
    "words",
    [{}, {"people": ["mum"]}, {"Person": ["mum"]}, {"person": "mum"}, {"person": [""]}],
)
def test_a_phrase_naming_a_list_the_book_does_not_have_is_refused(words: dict) -> None:
    with pytest.raises(PhrasebookError):
        parse_phrasebook({**WORD_LISTS, "words": words})
