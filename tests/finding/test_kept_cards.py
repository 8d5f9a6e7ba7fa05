"""Kept result cards are the cards drawn afresh, as properties: whatever needs were asked
before (in any order, at either door, in any language, saved or not), a card taken from the
kept cards is byte for byte what the card macro draws for this page; and a whole results
page drawn with the cards other pages left kept is the page drawn with none kept; a
listing's edit shows on its next card, whatever needs its kept card was drawn for."""

from __future__ import annotations

import re

import pytest
from flask import Flask, current_app, render_template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.models.enums import Audience, ServiceStatus
from directory.presenters import cards
from directory.presenters.cards import card_kit, kept_card
from directory.presenters.professional import meets_all_first
from directory.views.find import FAMILY_DOOR, PRACTITIONER_DOOR, Door, results_page
from tests.support.masking import masked_before_reindex

LANGUAGES = ("", "pl", "ur", "pa")
NEEDS = ("food", "money", "housing", "send", "mental_health", "not-a-need")
"""Need codes to ask (the demo council's, and one it does not have)."""
ASKED = st.lists(st.sampled_from(NEEDS), max_size=4)
VARYING = (
    (re.compile(r'(name="csrf_token"[^>]*value=")[^"]+'), r"\1TOKEN"),
    (re.compile(r'(nonce=")[^"]+'), r"\1NONCE"),
)


def _address(door: Door, language: str, needs: list[str], text: str) -> str:
    path = "/practitioners" if door is PRACTITIONER_DOOR else "/find-support"
    params = [f"need={code}" for code in needs] + ([f"q={text}"] if text else [])
    params += [f"lang={language}"] if language else []
    return f"{path}?{'&'.join(params)}"


def _macro(item: object, kit: object, saved: tuple[str, ...], asked: list[str]) -> str:
    module = current_app.jinja_env.get_template("find/_cards.html").module
    return str(module.result_card(item, kit, saved, "", asked))  # type: ignore[attr-defined]


@pytest.fixture(
    scope="module", params=[FAMILY_DOOR, PRACTITIONER_DOOR], ids=["family", "practitioner"]
)
def door(request: pytest.FixtureRequest) -> Door:
    return request.param  # type: ignore[no-any-return]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    language=st.sampled_from(LANGUAGES),
    searched=ASKED,
    asked_in_turn=st.lists(ASKED, min_size=1, max_size=5),
    saved=st.booleans(),
)
def test_a_kept_card_is_the_card_drawn_for_the_needs_asked_now(
    search_app: Flask,
    door: Door,
    language: str,
    searched: list[str],
    asked_in_turn: list[list[str]],
    saved: bool,
) -> None:
    """Cards are kept across searches whatever needs they asked (a family card shows none
    of them); a practitioner's card kept for other needs is never shown for these."""
    with search_app.test_request_context(_address(door, language, searched, "")):
        items = results_page(door)["items"][:6]
        kit = card_kit(door.service_endpoint)
        for asked in asked_in_turn:
            for item in items:
                in_list = (item.id,) if saved else ()
                assert kept_card(item, kit, in_list, asked) == _macro(item, kit, in_list, asked)


def _page(door: Door, address: str) -> str:
    with current_app.test_request_context(address):
        page = results_page(door)
        if door is PRACTITIONER_DOOR:
            every, some = meets_all_first(page["items"], page["wanted"].needs)
            drawn = render_template(
                "practitioners/search.html", meets_all=every, meets_some=some, **page
            )
        else:
            drawn = render_template("find/results.html", **page)
    for pattern, stand_in in VARYING:
        drawn = pattern.sub(stand_in, drawn)
    return drawn


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pages=st.lists(
        st.tuples(
            st.sampled_from(LANGUAGES), ASKED, st.sampled_from(["", "food", "play", "advice"])
        ),
        min_size=2,
        max_size=4,
    )
)
def test_a_page_drawn_from_kept_cards_is_the_page_drawn_afresh(
    search_app: Flask, door: Door, pages: list[tuple[str, list[str], str]]
) -> None:
    """Each page in turn, with the cards the pages before it left kept, is the same page
    drawn with no card kept."""
    with search_app.app_context():
        cards._cards.clear()
        for language, needs, text in pages:
            address = _address(door, language, needs, text)
            with_kept = _page(door, address)
            kept = dict(cards._cards)
            cards._cards.clear()
            assert _page(door, address) == with_kept, address
            cards._cards.clear()
            cards._cards.update(kept)


@pytest.mark.parametrize(
    ("first", "then"), [(["food"], ["food", "money"]), (["food", "money"], ["food"])]
)
def test_an_edit_shows_on_the_listing_s_next_card_whatever_was_kept(
    search_app: Flask, first: list[str], then: list[str]
) -> None:
    """A family card kept from a search with some needs ticked is never shown for the
    listing after its next commit: the next page, with other needs, draws its new words."""
    from directory.extensions import db
    from directory.models import Service

    family = search_app.test_client()
    kept = family.get(_address(FAMILY_DOOR, "", first, "")).get_data(as_text=True)
    found = re.search(r'id="result-([^"]+)"', kept)
    assert found, "the page shows a card"
    service_id = found.group(1)
    with search_app.app_context():
        service = db.session.get_one(Service, service_id)
        before = service.summary
        service.summary = "Edited: <tea> & 'toast'"
        db.session.commit()
    try:
        drawn = family.get(_address(FAMILY_DOOR, "", then, "")).get_data(as_text=True)
        if f'id="result-{service_id}"' in drawn:
            assert "Edited: &lt;tea&gt; &amp; &#39;toast&#39;" in drawn
    finally:
        with search_app.app_context():
            db.session.get_one(Service, service_id).summary = before
            db.session.commit()


def _withdraw(service: object) -> None:
    service.status = ServiceStatus.INACTIVE  # type: ignore[attr-defined]


def _for_practitioners(service: object) -> None:
    service.audience = Audience.PRACTITIONERS  # type: ignore[attr-defined]


@pytest.mark.parametrize("change", [_withdraw, _for_practitioners], ids=["withdrawn", "closed"])
def test_a_listing_closed_to_families_leaves_their_page_before_the_index_catches_up(
    search_app: Flask, change: object
) -> None:
    """Cards are kept for the index's generation, but the index can lag the database (an
    import re-indexes after its last commit, a re-index refused a writer is retried by the
    follower, another node follows the change log a second later). A listing withdrawn or
    made practitioners-only in a commit the index has not yet taken never shows on the
    family page from a card kept before it: the database decides, as it did before cards
    were kept."""
    from directory.extensions import db
    from directory.indexing.hooks import reindex_deferred
    from directory.models import Service

    family = search_app.test_client()
    address = _address(FAMILY_DOOR, "", ["food"], "")
    found = re.search(r'id="result-([^"]+)"', family.get(address).get_data(as_text=True))
    assert found, "the page shows a card"
    service_id = found.group(1)
    with search_app.app_context():
        service = db.session.get_one(Service, service_id)
        before = (service.status, service.audience)
        with reindex_deferred(db.session):  # committed, not yet in the index
            change(service)  # type: ignore[operator]
            db.session.commit()
    try:
        drawn = family.get(address).get_data(as_text=True)
        assert f'id="result-{service_id}"' not in drawn
    finally:
        with search_app.app_context():
            service = db.session.get_one(Service, service_id)
            service.status, service.audience = before
            db.session.commit()


def _cards(page: str) -> dict[str, str]:
    """Each card's HTML on a results page, by listing id."""
    parts = re.split(r'(?=<h3 class="[^"]*"[^>]*>\s*<a [^>]*id="result-)', page)
    found = {}
    for part in parts:
        listing = re.search(r'id="result-([^"]+)"', part)
        if listing:
            found[listing.group(1)] = part
    return found


def _nearest_shown(search_app: Flask, address: str) -> str:
    """The id of a listing the page shows with a distance."""
    shown = _cards(search_app.test_client().get(address).get_data(as_text=True))
    near = [i for i, card in shown.items() if "mile" in card]
    assert near, "the page shows a distance on some card"
    return near[0]


def test_a_venue_masked_before_the_index_catches_up_shows_no_distance(
    search_app: Flask,
) -> None:
    """A masked venue (a refuge) is indexed with no place, so no distance can locate it.
    Masked in a commit the index has not taken yet, its listing's card shows no distance
    from the place the index still holds: the card's own values (read afresh) decide."""
    family = search_app.test_client()
    address = "/find-support?q=food&postcode=DY1+1AE"
    service_id = _nearest_shown(search_app, address)
    with masked_before_reindex(search_app, service_id):
        card = _cards(family.get(address).get_data(as_text=True)).get(service_id, "")
        assert "mile" not in card


@pytest.mark.parametrize("placed", ["&radius=1", "&sort=nearest", "&radius=20&sort=nearest"])
def test_a_venue_masked_before_the_index_catches_up_is_not_placed_by_it(
    search_app: Flask, placed: str
) -> None:
    """Masked in a commit the index has not taken yet, a refuge's listing is not listed by
    the place the index still holds: no radius search or "nearest first" from a postcode
    shows it until the index catches up. Searched from no place, it still shows."""
    family = search_app.test_client()
    address = f"/find-support?q=food&postcode=DY1+1AE{placed}"
    service_id = _nearest_shown(search_app, address)
    with masked_before_reindex(search_app, service_id) as name:
        assert service_id not in _cards(family.get(address).get_data(as_text=True))
        by_name = family.get(f"/find-support?q={name}").get_data(as_text=True)
        assert service_id in _cards(by_name)
