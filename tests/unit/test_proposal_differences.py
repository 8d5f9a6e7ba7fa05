"""A proposal's difference, field by field, without a database: a new listing's fields."""

from __future__ import annotations

from directory.listings.proposals import approved_actor, differences
from directory.models import ListingProposal


def test_a_new_listing_shows_every_field_filled_in_and_not_its_organisation() -> None:
    proposal = ListingProposal(
        shown=[],
        returned=[
            {
                "service_id": "manual-1",
                "organisation_id": "org-1",
                "organisation_name": "Wordsley Families Trust",
                "name": "Baby massage",
                "summary": "",
                "phone": "01384 000000",
            },
            {"service_id": "manual-1", "venue_id": "", "venue_name": "Wordsley Hall"},
        ],
        version="",
    )
    changes = {(c.venue, c.column): (c.current, c.proposed) for c in differences(proposal, None)}
    assert changes == {
        (None, "name"): ("", "Baby massage"),
        (None, "phone"): ("", "01384 000000"),
        ("", "venue_name"): ("", "Wordsley Hall"),
    }
    assert proposal.name == "Baby massage" and proposal.is_new_listing


def test_the_audit_names_the_provider_then_the_approving_editor() -> None:
    assert approved_actor("jo@trust.example.org", "sam@council.example.org") == (
        "jo@trust.example.org (approved by sam@council.example.org)"
    )
    assert len(approved_actor("x" * 250 + "@example.org", "editor@example.org")) == 255
