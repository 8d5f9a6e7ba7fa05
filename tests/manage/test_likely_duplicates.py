"""Likely duplicates: a similar name and a shared postcode, phone or website; never a name
alone nor a shared detail alone. Shown on the staff home, listed in their queue."""

from __future__ import annotations

from flask import Flask

from directory.models import ServiceStatus
from directory.queries.likely_duplicates import (
    likely_duplicates,
    phone_key,
    similar_names,
    website_key,
)
from importers.records import PhoneNumber
from tests.listings.helpers import dataset, listing, write
from tests.manage.test_listings import _editor, listing_app  # noqa: F401
from tests.support.client import page_text
from tests.support.html import visible_text


def test_the_rule_reads_names_phones_and_websites_loosely() -> None:
    assert similar_names("St. Mary's Toddlers", "St Marys toddlers")
    assert similar_names("Netherton Toy Library", "Netherton Toy Libary")
    assert not similar_names("Netherton Toy Library", "Netherton Food Bank")
    assert not similar_names("", "")
    assert phone_key("+44 1384 813322") == phone_key("(01384) 813-322") == "01384813322"
    assert website_key("https://www.Example.org/toys/") == website_key("example.org/toys")


def test_pairs_need_a_similar_name_and_a_shared_detail(listing_app: Flask) -> None:  # noqa: F811
    with listing_app.app_context():
        write(
            dataset(
                listing("toys"),
                # Same name (a typo), same venue postcode: a likely duplicate.
                listing("toys-again", name="Netherton Toy Libary", phones=(), url=None),
                # Same phone and website, different name: not one.
                listing("food", name="Netherton Food Bank"),
                # Similar name, nothing shared: not one.
                listing(
                    "toys-elsewhere",
                    name="Netherton Toy Library",
                    venues=(),
                    openings=(),
                    phones=(PhoneNumber("01384 000000"),),
                    url="https://example.org/other",
                ),
                # A withdrawn listing is not listed: never a pair.
                listing("toys-gone", status=ServiceStatus.INACTIVE),
            )
        )
        pairs = likely_duplicates()
    assert [({p.first.name, p.second.name}, p.shared) for p in pairs] == [
        ({"Netherton Toy Libary", "Netherton Toy Library"}, ("postcode",))
    ]
    editor = _editor(listing_app)
    home = visible_text(page_text(editor.get("/manage/")))
    assert "1 pair of listings look like duplicates" in home
    queue = visible_text(page_text(editor.get("/manage/likely-duplicates")))
    assert "Netherton Toy Libary" in queue and "postcode DY2 0BH" in queue


def test_an_empty_queue_says_so(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    assert "No listings look like duplicates" in visible_text(page_text(editor.get("/manage/")))
    shown = visible_text(page_text(editor.get("/manage/likely-duplicates")))
    assert "No listings look like duplicates." in shown
