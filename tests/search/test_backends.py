"""Search behaviour, run against the in-memory and the Whoosh backend alike."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search import Filters, PageOutOfRange, SearchBackend, SearchQuery, Widening
from tests.search.search_factories import DUDLEY, TODAY, Build, directory, ids, make_doc, query


def test_keyword_matches_name_and_description(dudley: SearchBackend) -> None:
    assert ids(dudley.search(query("antenatal"))) == ["bump-to-baby"]
    assert ids(dudley.search(query("tantrums"))) == ["calm-families"]


def test_empty_text_lists_everything(dudley: SearchBackend) -> None:
    results = dudley.search(query())
    assert results.total == len(directory())


def test_all_words_must_match(dudley: SearchBackend) -> None:
    assert ids(dudley.search(query("emergency parcels"))) == ["food-bank"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pantry", {"food-bank", "larder-phone"}),
        ("food banks near me", {"food-bank", "larder-phone"}),
        ("HAF", {"holiday-club"}),
        ("holiday club", {"holiday-club"}),
        ("toddler group", {"family-centre"}),
        ("SENCo", {"send-forum"}),
        ("special needs", {"send-forum"}),
        ("behavior", {"calm-families"}),
        ("talking therapies", {"talking-line"}),
        ("pregnancy", {"bump-to-baby"}),
    ],
)
def test_synonyms_find_listings_worded_differently(
    dudley: SearchBackend, text: str, expected: set[str]
) -> None:
    assert set(ids(dudley.search(query(text)))) == expected


def test_a_name_match_outranks_a_description_match(build: Build) -> None:
    backend = build(
        [
            make_doc("in-description", "Drop-in", description="Includes a parenting course."),
            make_doc("in-name", "Parenting course", description="Weekly sessions."),
        ]
    )
    assert ids(backend.search(query("parenting"))) == ["in-name", "in-description"]


def test_a_far_strong_match_beats_a_near_weak_match(build: Build) -> None:
    backend = build(
        [
            make_doc(
                "near-weak",
                "Community centre",
                description=(
                    "A busy centre with a cafe, a library, sports, music, art and, "
                    "once a term, a parenting talk among many other things."
                ),
                points=((DUDLEY[0] + 100, DUDLEY[1]),),
                assured_date=TODAY.isoformat(),
            ),
            make_doc(
                "far-strong",
                "Parenting programme",
                category_labels=("Parenting",),
                description="A parenting programme for parents.",
                points=((DUDLEY[0] + 40_000, DUDLEY[1]),),
                assured_date=TODAY.isoformat(),
            ),
        ]
    )
    hits = backend.search(query("parenting", origin=DUDLEY)).hits
    assert [hit.id for hit in hits] == ["far-strong", "near-weak"]
    assert hits[1].distance_m == pytest.approx(100.0)


def test_nearer_wins_between_equal_matches(build: Build) -> None:
    backend = build(
        [
            make_doc("far", "Youth club", points=((DUDLEY[0] + 9_000, DUDLEY[1]),)),
            make_doc("near", "Youth club", points=((DUDLEY[0] + 300, DUDLEY[1]),)),
        ]
    )
    assert ids(backend.search(query("youth club", origin=DUDLEY))) == ["near", "far"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(needs=("food",)), {"food-bank", "larder-phone"}),
        (Filters(needs=("food", "send")), {"food-bank", "larder-phone", "send-forum"}),
        (Filters(categories=("holiday-activities",)), {"holiday-club"}),
        (Filters(kinds=("pantry",)), {"food-bank", "larder-phone"}),
        (Filters(localities=("stourbridge",)), {"send-forum", "larder-phone"}),
        (Filters(languages=("pa", "pl")), {"send-forum", "larder-phone"}),
        (Filters(delivery=("online",)), {"send-forum"}),
        (
            Filters(age=16),
            {"food-bank", "larder-phone", "holiday-club", "send-forum", "talking-line"},
        ),
        (Filters(age=-1), {"family-centre", "bump-to-baby"}),
        (Filters(free_only=True, needs=("food",)), {"food-bank"}),
        (Filters(days=("SA",)), {"send-forum", "holiday-club"}),
        (Filters(days=("WE", "TH")), {"food-bank", "larder-phone"}),
        (Filters(open_slot="TU14"), {"family-centre"}),
        (Filters(open_slot="TU12"), set()),
        (Filters(session_dates=("2026-08-01", "2026-12-25")), {"holiday-club"}),
        (Filters(kinds=("pantry",), free_only=True), {"food-bank"}),
    ],
)
def test_each_filter(dudley: SearchBackend, filters: Filters, expected: set[str]) -> None:
    assert set(ids(dudley.search(query(filters=filters, page_size=100)))) == expected


def test_filters_combine_with_words(dudley: SearchBackend) -> None:
    results = dudley.search(query("food", filters=Filters(delivery=("phone",))))
    assert ids(results) == ["larder-phone"]


def test_facets_count_the_whole_result_set(dudley: SearchBackend) -> None:
    facets = dudley.search(query("food", page_size=1)).facets
    assert facets["needs"] == {"food": 2, "activities": 1}
    assert facets["kinds"] == {"pantry": 2, "holiday_activity": 1}
    assert facets["free"] == {"yes": 2}


def test_facets_ignore_their_own_filter(dudley: SearchBackend) -> None:
    results = dudley.search(query(filters=Filters(kinds=("pantry",), free_only=True)))
    assert ids(results) == ["food-bank"]
    # Kinds are counted with only the free filter applied, and free with only the kind one.
    assert results.facets["kinds"] == {
        "family_centre": 1,
        "pantry": 1,
        "holiday_activity": 1,
        "advice": 1,
        "health": 1,
    }
    assert results.facets["free"] == {"yes": 1}
    assert results.facets["needs"] == {"food": 1}


def test_borough_wide_services_count_in_every_locality(dudley: SearchBackend) -> None:
    localities = dudley.search(query("food")).facets["localities"]
    assert localities["brierley-hill"] == 2
    assert localities["dudley-north"] == 2
    assert localities["stourbridge"] == 1


def test_radius_keeps_nearby_venues_with_distances(dudley: SearchBackend) -> None:
    hits = dudley.search(query(origin=DUDLEY, radius_m=800.0, sort="nearest")).hits
    assert [hit.id for hit in hits][:3] == ["bump-to-baby", "calm-families", "family-centre"]
    assert hits[0].distance_m == pytest.approx((50.0**2 + 50.0**2) ** 0.5)
    assert all(hit.distance_m is None or hit.distance_m <= 800.0 for hit in hits)
    assert "food-bank" not in [hit.id for hit in hits]


def test_radius_keeps_borough_wide_services_without_a_venue(dudley: SearchBackend) -> None:
    hits = dudley.search(query(origin=DUDLEY, radius_m=800.0, sort="nearest")).hits
    assert hits[-1].id == "larder-phone"
    assert hits[-1].distance_m is None
    assert "talking-line" not in [hit.id for hit in hits]


def test_radius_keeps_services_covering_the_searchers_locality(dudley: SearchBackend) -> None:
    results = dudley.search(query(origin=DUDLEY, radius_m=800.0, origin_localities=("halesowen",)))
    assert "talking-line" in ids(results)


def test_radius_keeps_services_covering_a_filtered_locality(dudley: SearchBackend) -> None:
    results = dudley.search(
        query(
            "counselling", origin=DUDLEY, radius_m=800.0, filters=Filters(localities=("halesowen",))
        )
    )
    assert ids(results) == ["talking-line"]


def test_services_without_a_venue_appear_in_keyword_results(dudley: SearchBackend) -> None:
    hits = dudley.search(query("counselling", origin=DUDLEY)).hits
    assert [(hit.id, hit.distance_m) for hit in hits] == [("talking-line", None)]


def test_radius_beyond_the_largest_cell_still_measures_exactly(build: Build) -> None:
    backend = build(
        [
            make_doc("in", "Hub", points=((DUDLEY[0] + 95_000, DUDLEY[1]),)),
            make_doc("out", "Hub", points=((DUDLEY[0] + 99_000, DUDLEY[1] + 20_000),)),
        ]
    )
    assert ids(backend.search(query("hub", origin=DUDLEY, radius_m=100_000.0))) == ["in"]


def test_nearest_of_several_venues_counts(build: Build) -> None:
    backend = build(
        [make_doc("two-sites", "Hub", points=((0.0, 0.0), (DUDLEY[0] + 600, DUDLEY[1])))]
    )
    hit = backend.search(query(origin=DUDLEY, radius_m=1_000.0)).hits[0]
    assert hit.distance_m == pytest.approx(600.0)


@pytest.mark.parametrize(
    ("typed", "meant", "expected"),
    [("behavour", "behaviour", "calm-families"), ("parnting", "parenting", "parenting")],
)
def test_typos_are_corrected_with_a_suggestion(
    build: Build, typed: str, meant: str, expected: str
) -> None:
    backend = build(
        [
            *directory(),
            make_doc("parenting", "Parenting course", description="Ten weeks for parents."),
        ]
    )
    results = backend.search(query(typed))
    assert expected in ids(results)
    assert results.suggestion == meant


def test_suggestion_keeps_the_other_words(dudley: SearchBackend) -> None:
    results = dudley.search(query("emergency parcles"))
    assert results.suggestion == "emergency parcels"
    assert ids(results) == ["food-bank"]


def test_words_searched_as_typed_are_never_respelt(dudley: SearchBackend) -> None:
    results = dudley.search(query("emergency parcles", correct_spelling=False))
    assert results.suggestion is None
    assert results.widened is not None and results.widened.any_terms
    assert dudley.search(query("parcles", correct_spelling=False)).total == 0


def test_no_suggestion_when_the_words_are_known(dudley: SearchBackend) -> None:
    results = dudley.search(query("antenatal"))
    assert results.suggestion is None
    assert results.widened is None


def test_no_suggestion_when_nothing_is_close(dudley: SearchBackend) -> None:
    results = dudley.search(query("xylophone"))
    assert (results.total, results.suggestion) == (0, None)


def test_any_word_is_enough_when_all_find_nothing(dudley: SearchBackend) -> None:
    results = dudley.search(query("antenatal swimming"))
    assert ids(results) == ["bump-to-baby"]
    assert results.widened == Widening(any_terms=True)


def test_radius_widens_when_nothing_is_near(dudley: SearchBackend) -> None:
    results = dudley.search(query("forum", origin=DUDLEY, radius_m=3_000.0))
    assert ids(results) == ["send-forum"]
    assert results.widened == Widening(radius_m=12_000.0)


def test_a_wider_radius_is_tried_before_matching_any_word(build: Build) -> None:
    backend = build(
        [
            make_doc("cooking", "Cooking course", points=((DUDLEY[0] + 200, DUDLEY[1]),)),
            make_doc("parenting", "Parenting course", points=((DUDLEY[0] + 1_500, DUDLEY[1]),)),
        ]
    )
    results = backend.search(query("parenting course", origin=DUDLEY, radius_m=1_000.0))
    assert ids(results) == ["parenting"]
    assert results.widened == Widening(radius_m=2_000.0)


def test_filters_are_never_dropped(dudley: SearchBackend) -> None:
    results = dudley.search(query("food", filters=Filters(languages=("ur",))))
    assert results.total == 0
    assert results.facets["languages"] == {"en": 3, "pl": 1}


def test_pages_cut_the_ranked_list(dudley: SearchBackend) -> None:
    everything = ids(dudley.search(query(page_size=100)))
    pages = [ids(dudley.search(query(page=page, page_size=3))) for page in (1, 2, 3)]
    assert [doc_id for page in pages for doc_id in page] == everything
    assert dudley.search(query(page=2, page_size=3)).total == len(everything)


def test_a_page_past_the_end_is_out_of_range(dudley: SearchBackend) -> None:
    with pytest.raises(PageOutOfRange):
        dudley.search(query(page=4, page_size=3))
    assert dudley.search(query("xylophone", page=1)).hits == ()


def test_index_replaces_by_id_and_remove_drops(build: Build) -> None:
    backend = build([make_doc("a", "Old name"), make_doc("b", "Other")])
    backend.index([make_doc("a", "New name"), make_doc("c", "Third")])
    assert backend.document_ids() == {"a", "b", "c"}
    assert backend.count() == 3
    assert ids(backend.search(query("new"))) == ["a"]
    assert ids(backend.search(query("old"))) == []
    backend.remove(["b", "unknown"])
    assert backend.document_ids() == {"a", "c"}
    assert backend.search(query("other")).total == 0


def test_updates_keep_facets_and_filters_in_step(build: Build) -> None:
    backend = build([make_doc("a", "Hub", need_codes=("food",))])
    backend.index([make_doc("a", "Hub", need_codes=("send",))])
    results = backend.search(query("hub"))
    assert results.facets["needs"] == {"send": 1}
    assert backend.search(query(filters=Filters(needs=("food",)))).total == 0


def test_clear_and_rebuild(build: Build) -> None:
    backend = build(directory())
    backend.clear()
    assert backend.count() == 0
    assert backend.search(query()).total == 0
    backend.rebuild([make_doc("only", "Only one")])
    assert backend.document_ids() == {"only"}


def test_same_results_from_both_backends(build: Build) -> None:
    backend = build(directory())
    results = backend.search(
        SearchQuery(text="families", origin=DUDLEY, today=TODAY, page_size=100)
    )
    # Pinned so the two parametrised runs must agree.
    assert ids(results) == ["family-centre", "calm-families", "food-bank"]


def test_without_loosening_a_query_counts_only_exact_matches(dudley: SearchBackend) -> None:
    loosened = dudley.search(query("behavour"))
    exact = dudley.search(replace(query("behavour"), loosen=False))
    assert loosened.total > 0 and loosened.suggestion == "behaviour"
    assert exact.total == 0
    assert exact.suggestion is None
