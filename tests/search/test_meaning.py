"""Ranking by meaning, on both backends: what the words say beats the literal words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search import Filters, SearchBackend
from search.meaning import choosing_sets
from search.understanding import Concept, QueryReader, Reading
from tests.search.search_factories import DUDLEY, Build, ids, make_doc, query, slots
from tests.search.test_understanding import BOOK, reader

READER: QueryReader = reader()


def ask(backend: SearchBackend, text: str, **fields: object) -> list[str]:
    return ids(backend.search(query(text, reader=READER, **fields)))


def situations(build: Build) -> SearchBackend:
    return build(
        [
            make_doc(
                "co-parenting",
                "Co-parenting course",
                description="For parents who have separated from a partner: parenting apart.",
                need_codes=("relationships-and-conflict",),
            ),
            make_doc(
                "stop-smoking",
                "Stop smoking group",
                description="Quit with your partner or a friend; we help you both.",
                need_codes=("health",),
            ),
            make_doc(
                "refuge-outreach",
                "Women's Aid outreach",
                description="Safety planning and support for women and children.",
                need_codes=("domestic-abuse",),
                points=((420_000.0, 290_000.0),),
            ),
            make_doc(
                "baby-feeding",
                "Baby feeding cafe",
                description="Help to feed your baby, breast or bottle.",
                need_codes=("health",),
                points=(DUDLEY,),
            ),
            make_doc(
                "food-bank",
                "Brierley Hill Food Bank",
                description="Emergency food parcels.",
                need_codes=("food",),
            ),
            make_doc(
                "drug-service",
                "Young people's drug and alcohol team",
                description="Confidential help for under 18s.",
                need_codes=("substance-use",),
            ),
            make_doc(
                "school-uniform",
                "School Uniform Exchange",
                description="Swap outgrown school uniform.",
                need_codes=("money-and-debt",),
                free=True,
            ),
            make_doc(
                "attendance",
                "School attendance support",
                description="When a child will not go to school.",
                need_codes=("school-and-attendance",),
            ),
            make_doc(
                "rhyme-time",
                "Rhyme Time",
                description="Songs and rhymes for under 5s. Story time too.",
                need_codes=("activities",),
            ),
        ]
    )


def test_a_situation_finds_the_service_for_its_need_first(build: Build) -> None:
    backend = situations(build)
    assert ask(backend, "my partner hits me")[0] == "refuge-outreach"
    assert ask(backend, "can't afford to feed my kids")[0] == "food-bank"
    assert "rhyme-time" not in ask(backend, "we argue all the time")


def test_a_word_no_listing_contains_still_finds_its_need(build: Build) -> None:
    assert ask(situations(build), "cannabis") == ["drug-service"]


def test_a_danger_puts_its_services_first_even_far_away(build: Build) -> None:
    backend = situations(build)
    results = ask(backend, "partner hits me", origin=DUDLEY, sort="nearest")
    assert results[0] == "refuge-outreach"


def test_the_words_themselves_still_count(build: Build) -> None:
    # "school" reads as a need, but the listing holding every word is the better match.
    assert ask(situations(build), "school uniform")[0] == "school-uniform"


def test_meaning_ranks_but_never_filters(build: Build) -> None:
    found = ask(situations(build), "free food bank")
    assert found[0] == "food-bank"  # meets the topic; free only ranks
    assert "school-uniform" not in found  # free alone does not choose when there is a topic


def test_a_set_aside_reading_searches_the_words_only(build: Build) -> None:
    backend = situations(build)
    assert ask(backend, "cannabis", set_aside=("need:substance-use",)) == []
    assert ask(backend, "hungry")[0] == "food-bank"


def test_results_carry_the_reading(build: Build) -> None:
    results = situations(build).search(query("dv", reader=READER))
    assert results.reading is not None
    assert results.reading.dangers == ("domestic-abuse",)


def test_without_a_reader_search_is_keywords_only(build: Build) -> None:
    assert ids(situations(build).search(query("cannabis"))) == []


def _moment(build: Build) -> SearchBackend:
    """Food listings: a course first by name, a food bank and a pantry open this week."""
    return build(
        [
            make_doc(
                "cooking-course",
                "Cook and eat on a budget",
                description="Six weeks of cooking good food for family meals.",
                need_codes=("food",),
                category_codes=("courses-and-groups", "food-support"),
                kind="community_group",
                points=(DUDLEY,),
                assured_date="2026-11-20",
            ),
            make_doc(
                "food-bank",
                "Brierley Hill Food Bank",
                description="Emergency food parcels.",
                need_codes=("food",),
                category_codes=("food-support",),
                kind="support_service",
                open_slots=slots("TU", 10, 11),
                points=((391_500.0, 287_000.0),),
                assured_date="2026-10-01",
            ),
            make_doc(
                "pantry",
                "Netherton Community Pantry",
                description="A weekly shop for a few pounds.",
                need_codes=("food",),
                category_codes=("food-support",),
                kind="pantry",
                open_slots=slots("WE", 10, 11),
                points=((393_000.0, 288_000.0),),
                assured_date="2026-10-01",
            ),
            make_doc(
                "youth-club",
                "Youth club",
                description="Games and sport.",
                need_codes=("activities",),
                open_slots=slots("FR", 18),
            ),
        ]
    )


FOOD_SUPPORT = Concept("prefer:food", (), categories=("food-support",), kinds=("pantry",))
OPEN_THIS_WEEK = Concept("time:open-soon", (), days=("MO", "TU", "WE", "TH", "FR", "SA", "SU"))


def test_what_fits_the_moment_ranks_first_over_distance(build: Build) -> None:
    backend = _moment(build)
    plain = ids(backend.search(query(filters=Filters(needs=("food",)), origin=DUDLEY)))
    assert plain[0] == "cooking-course"  # next door, and checked last week
    preferred = backend.search(
        query(
            filters=Filters(needs=("food",)),
            origin=DUDLEY,
            prefer=(FOOD_SUPPORT, OPEN_THIS_WEEK),
        )
    )
    assert ids(preferred)[-1] == "cooking-course"
    assert set(ids(preferred)[:2]) == {"food-bank", "pantry"}


def test_preferences_rank_but_never_choose(build: Build) -> None:
    backend = _moment(build)
    asked = query(filters=Filters(needs=("food",)), prefer=(OPEN_THIS_WEEK,))
    assert set(ids(backend.search(asked))) == {"cooking-course", "food-bank", "pantry"}
    # With words, preferences reorder what the words find and add nothing.
    worded = backend.search(query("food", prefer=(FOOD_SUPPORT, OPEN_THIS_WEEK)))
    found = ids(worded)
    assert "youth-club" not in found
    assert found.index("food-bank") < found.index("cooking-course")
    everything = ids(backend.search(query(prefer=(OPEN_THIS_WEEK,))))
    assert set(everything) == {"cooking-course", "food-bank", "pantry", "youth-club"}
    assert everything[-1] == "cooking-course"


def test_the_need_said_more_often_leads_a_sentence_of_two_needs(build: Build) -> None:
    """ "skint", "can't afford" and "gas and electric" (money, three times) with "weed"
    (once): the money advice listing comes before the drugs service, however the
    drugs service's own words match; said once each, the words decide."""
    backend = build(
        [
            make_doc(
                "money-advice",
                "Money advice",
                description="Benefits and budgeting.",
                need_codes=("money-and-debt",),
            ),
            make_doc(
                "drug-service",
                "Weed and cannabis service",
                description="Weed, cannabis, weed: talk to us about weed.",
                need_codes=("substance-use",),
            ),
        ]
    )
    many = "skint, cant afford the gas and electric and he smokes weed"
    assert ask(backend, many) == ["money-advice", "drug-service"]
    assert ask(backend, "skint and he smokes weed") == ["drug-service", "money-advice"]


LEARNT_FOOD = Concept("need:food", (), needs=("food",), strong=False, learnt=0.6)
FREE = Concept("cost:free", (), free=True)


@pytest.mark.parametrize("free_words", [False, True])
def test_a_learnt_reading_never_chooses_the_candidates(free_words: bool) -> None:
    """Weak readings rank, never filter: with only learnt readings and no free words, every
    listing is a candidate (None), in every engine (they share this choice); with free words,
    the words choose; "free" alone still chooses; loosened, any concept's listings may."""
    met = [{1, 2}]
    assert choosing_sets([LEARNT_FOOD], met, free_words, True) == ([] if free_words else None)
    assert choosing_sets([LEARNT_FOOD, FREE], [{1, 2}, {3}], False, True) == [{3}]
    assert choosing_sets([LEARNT_FOOD], met, free_words, False) == met


class _Learnt:
    """Stands in for the learnt reader: adds the given readings, as it adds its own."""

    def __init__(self, *concepts: Concept) -> None:
        self.concepts = concepts

    def added(self, reading: Reading, text: str, lookalike: bool = False) -> Reading:
        return replace(reading, concepts=reading.concepts + self.concepts)


LEARNT_DRINK = Concept("need:substance-use", (), needs=("substance-use",), strong=False, learnt=0.8)


def test_a_learnt_need_orders_listings_where_the_rules_read_no_topic(build: Build) -> None:
    """Only the learnt reader read the sentence ("boozing" is no phrase here): its need, not a
    person's name in a listing's title, decides the order; without it the words alone
    find the dads' group. Everyday and person words weigh little
    (:attr:`search.query.TermGroup.weight`)."""
    backend = build(
        [
            make_doc(
                "dads-group",
                "Dads group",
                description="A group for dads: meet other dads.",
                need_codes=("parenting",),
            ),
            make_doc(
                "drug-service",
                "Drug and alcohol support",
                description="Support when someone in the family drinks.",
                need_codes=("substance-use",),
            ),
        ]
    )
    text = "mom boozing since dad left"
    everyday = {"mom": 0.25, "dad": 0.25, "since": 0.25, "left": 0.25}
    rules = replace(READER, everyday=everyday)
    assert ids(backend.search(query(text, reader=rules)))[0] == "dads-group"
    learnt = replace(rules, learnt=_Learnt(LEARNT_DRINK))  # type: ignore[arg-type]
    assert ids(backend.search(query(text, reader=learnt)))[0] == "drug-service"


def test_an_everyday_word_weighs_less_than_a_rare_one(build: Build) -> None:
    """ "safe" and "together" are in every other listing's words; "calpol" says what is
    wanted: the pharmacy comes first once the everyday words weigh as such."""
    backend = build(
        [
            make_doc(
                "community",
                "Safe together community group",
                description="Staying safe together.",
                need_codes=("loneliness",),
            ),
            make_doc(
                "pharmacy",
                "Late pharmacy",
                description="Calpol and medicines advice.",
                need_codes=("health",),
            ),
        ]
    )
    text = "is it safe to give my toddler calpol together"
    assert ask(backend, text)[0] == "community"
    weighed = replace(READER, everyday={"safe": 0.57, "together": 0.28, "give": 0.25})
    assert ids(backend.search(query(text, reader=weighed)))[0] == "pharmacy"


def test_the_form_of_help_beside_a_need_weighs_less_than_the_need(build: Build) -> None:
    """ "freedom programme course": the domestic abuse programme, which is not listed as a
    course, comes before a parenting course, which is one: a category read beside a need
    is the form the help should take, half a unit."""
    book = {
        **BOOK,
        "needs": {**BOOK["needs"], "domestic-abuse": {"phrases": ["freedom programme"]}},
        "categories": {"courses-and-groups": {"phrases": ["course", "courses"]}},
    }
    backend = build(
        [
            make_doc(
                "parenting-course",
                "Parenting programme course",
                description="A course for parents.",
                category_codes=("courses-and-groups",),
                need_codes=("parenting",),
            ),
            make_doc(
                "abuse-programme",
                "Women's Aid",
                description="The Freedom Programme, for women who have lived with abuse.",
                need_codes=("domestic-abuse",),
            ),
        ]
    )
    assert ids(backend.search(query("freedom programme course", reader=reader(book))))[0] == (
        "abuse-programme"
    )
    assert ids(backend.search(query("parenting course", reader=reader(book))))[0] == (
        "parenting-course"
    )
