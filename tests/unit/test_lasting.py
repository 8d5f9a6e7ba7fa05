"""A result card's lasting words, kept beside the listing object they were drawn from."""

from __future__ import annotations

import gc

from directory.models import Audience, ReferralRoute, ServiceStatus
from directory.models.card import CardListing
from directory.presenters import lasting as kept


def _listing(name: str) -> CardListing:
    """A listing's card values with ``name`` and nothing else."""
    return CardListing(
        id=name,
        name=name,
        organisation="",
        summary="",
        status=ServiceStatus.ACTIVE,
        audience=Audience.PUBLIC,
        visible_from=None,
        visible_to=None,
        delivery_methods=(),
        minimum_age=None,
        maximum_age=None,
        assured_date=None,
        review_interval_months=None,
        is_sample=False,
        referral_route=ReferralRoute.SELF,
        referral_url=None,
        referral_criteria="",
        professional_contact="",
        professional_notes="",
        locations=(),
        schedules=(),
        sessions=(),
        phones=(),
        cost_options=(),
        service_areas=(),
        taxonomy_terms=(),
    )


def test_made_once_per_listing_council_and_key() -> None:
    service, council = _listing("A"), object()
    made: list[str] = []

    def make() -> str:
        made.append(service.name)
        return f"card of {service.name}"

    assert kept.lasting(service, council, ("card", "en"), make) == "card of A"
    assert kept.lasting(service, council, ("card", "en"), make) == "card of A"
    assert made == ["A"]
    kept.lasting(service, council, ("card", "pl"), make)
    kept.lasting(service, object(), ("card", "en"), make)
    assert len(made) == 3


def test_a_reloaded_listing_is_drawn_afresh() -> None:
    council = object()
    before, after = _listing("Old name"), _listing("New name")
    assert kept.lasting(before, council, "k", lambda: before.name) == "Old name"
    assert kept.lasting(after, council, "k", lambda: after.name) == "New name"


def test_words_go_with_the_listing() -> None:
    service = _listing("Gone")
    kept.lasting(service, object(), "k", lambda: "words")
    gc.collect()  # listings other tests left in cycles go first, so the count is this one's
    count = len(kept._kept)
    del service
    gc.collect()
    assert len(kept._kept) == count - 1
