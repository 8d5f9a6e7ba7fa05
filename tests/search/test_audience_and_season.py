"""One index for both doors: audience and season are filters applied on the day of asking."""

from __future__ import annotations

from datetime import timedelta

from search import Filters, SearchBackend, SearchResults
from tests.search.search_factories import TODAY, Build, make_doc, query

LATER = TODAY + timedelta(days=30)


def ids(results: SearchResults) -> set[str]:
    return {hit.id for hit in results.hits}


def _directory(build: Build) -> SearchBackend:
    return build(
        [
            make_doc(
                "public-parenting",
                "Parenting course",
                need_codes=("parenting",),
                level_codes=("universal",),
                localities=("halesowen",),
            ),
            make_doc(
                "private-parenting",
                "Zephyrine intensive parenting",
                need_codes=("parenting",),
                level_codes=("targeted",),
                localities=("halesowen",),
                audience="practitioners",
            ),
            make_doc(
                "borough-parenting",
                "Parenting helpline",
                need_codes=("parenting",),
                level_codes=("universal", "early-help"),
                borough_wide=True,
            ),
            make_doc(
                "summer-club",
                "Summer club",
                need_codes=("activities",),
                visible_from=LATER.isoformat(),
                visible_to=(LATER + timedelta(days=40)).isoformat(),
            ),
            make_doc(
                "winter-club",
                "Winter club",
                need_codes=("activities",),
                visible_to=TODAY.isoformat(),
            ),
        ]
    )


def test_the_family_door_never_finds_practitioner_only_listings(build: Build) -> None:
    backend = _directory(build)
    results = backend.search(query("parenting"))
    assert "private-parenting" not in ids(results)
    assert results.total == 2
    assert results.facets["needs"]["parenting"] == 2
    assert "targeted" not in results.facets["levels"]
    assert backend.search(query("zephyrine")).total == 0


def test_the_practitioners_door_finds_them(build: Build) -> None:
    backend = _directory(build)
    asked = query("parenting", filters=Filters(practitioner_only_too=True))
    results = backend.search(asked)
    assert ids(results) == {"public-parenting", "private-parenting", "borough-parenting"}
    assert results.facets["levels"] == {"universal": 2, "targeted": 1, "early-help": 1}


def test_a_hidden_listing_never_lends_a_word_to_did_you_mean(build: Build) -> None:
    backend = _directory(build)
    family = backend.search(query("zephyrin parenting"))
    assert family.suggestion is None
    assert "private-parenting" not in ids(family)
    practitioners = backend.search(
        query("zephyrin parenting", filters=Filters(practitioner_only_too=True))
    )
    assert practitioners.suggestion == "zephyrine parenting"


def test_listings_out_of_season_are_left_out_on_the_day(build: Build) -> None:
    backend = _directory(build)
    assert ids(backend.search(query(filters=Filters(needs=("activities",))))) == {"winter-club"}
    later = query(filters=Filters(needs=("activities",)))
    later = type(later)(filters=later.filters, today=LATER + timedelta(days=1))
    assert ids(backend.search(later)) == {"summer-club"}


def test_levels_filter_and_a_locality_without_borough_wide(build: Build) -> None:
    backend = _directory(build)
    both = Filters(practitioner_only_too=True)
    universal = Filters(levels=("universal",), practitioner_only_too=True)
    assert ids(backend.search(query(filters=universal))) == {
        "public-parenting",
        "borough-parenting",
    }
    in_halesowen = Filters(localities=("halesowen",), practitioner_only_too=True)
    assert ids(backend.search(query(filters=in_halesowen))) == {
        "public-parenting",
        "private-parenting",
        "borough-parenting",
    }
    only_there = Filters(
        localities=("halesowen",), practitioner_only_too=True, borough_wide_too=False
    )
    assert ids(backend.search(query(filters=only_there))) == {
        "public-parenting",
        "private-parenting",
    }
    assert backend.search(query(filters=both)).total == 4
