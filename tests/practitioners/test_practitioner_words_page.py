"""Practitioners' words on real pages: levels and places read from a search filter the
practitioners' door, rank at the family door, are shown, and can be taken off."""

from __future__ import annotations

import html
import re
from urllib.parse import quote_plus

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.orm import selectinload

from bench.relevance import evaluate, load_cases
from directory.extensions import db
from directory.models import Service, ServiceAreaScope
from tests.practitioners.helpers import practitioner_client, text_of
from tests.support.html import visible_text

NEED_WORD = "parenting"
_SERVICE_LINK = re.compile(
    r'<h3 class="govuk-heading-m[^"]*"[^>]*>\s*<a[^>]*href="[^"]*/services/([^"/?#]+)"'
)


def _ids(markup: str) -> list[str]:
    return _SERVICE_LINK.findall(markup)


def _total(markup: str) -> int:
    found = re.search(r"(\d+) results?", visible_text(markup))
    return int(found.group(1)) if found else 0


def _where(app: Flask, ids: list[str]) -> dict[str, tuple[set[str], bool, set[str]]]:
    """Each listing's localities, whether it is borough-wide, and its levels, from SQL."""
    with app.app_context():
        services = db.session.scalars(
            sa.select(Service)
            .where(Service.id.in_(ids))
            .options(selectinload(Service.taxonomy_terms))
        )
        found = {}
        for service in services:
            places = {link.location.locality for link in service.locations}
            places |= {area.locality for area in service.service_areas}
            wide = any(area.scope == ServiceAreaScope.BOROUGH for area in service.service_areas)
            found[service.id] = (places, wide, {t.code for t in service.terms("level")})
        db.session.remove()
        return found


def _search(words: str, **more: str) -> str:
    extra = "".join(f"&{k}={quote_plus(v)}" for k, v in more.items())
    return f"/practitioners?q={quote_plus(words)}{extra}"


def test_every_place_in_the_council_file_filters_the_practitioners_search(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    council = search_app.extensions["council"]
    for locality in council.localities:
        for place in (locality.name, *locality.places):
            markup = text_of(client, _search(f"{NEED_WORD} {place}"))
            text = visible_text(markup)
            assert f"Area: {locality.name}" in text, place
            ids = _ids(markup)
            if not ids:
                assert "No results" in text and "You could try" in text, place
                continue
            for service_id, (places, wide, _) in _where(search_app, ids).items():
                assert locality.code in places or wide, (place, service_id, places)


def test_the_page_says_what_it_read_ticks_it_and_lets_each_be_taken_off(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, _search("level 2 parenting Brierley Hill"))
    text = visible_text(markup)
    heading = re.search(r'<h1[^>]*id="results-count"[^>]*>([^<]+)</h1>', markup)
    assert heading
    said = html.unescape(heading.group(1))
    assert "for ‘parenting’" in said and "Early Help" in said and "in Brierley Hill" in said
    assert "Read from your words:" in text
    assert "Level of need: Early Help (from ‘level 2’)" in text
    assert "Area: Brierley Hill" in text
    assert re.search(r'id="filter-level-early-help"[^>]*checked', markup)
    assert re.search(r'id="filter-locality-brierley-hill"[^>]*checked', markup)
    assert '<input type="hidden" name="read" value="locality:brierley-hill">' in markup
    ids = _ids(markup)
    assert ids
    for places, wide, levels in _where(search_app, ids).values():
        assert "early-help" in levels
        assert "brierley-hill" in places or wide

    remove = re.search(r'<a class="app-words-read__tag" href="([^"]+)">Area: Brierley Hill', markup)
    assert remove
    address = html.unescape(remove.group(1))
    assert "not=locality%3Abrierley-hill" in address or "not=locality:brierley-hill" in address
    after = text_of(client, address)
    assert "Area: Brierley Hill" not in visible_text(after)
    assert "‘parenting Brierley Hill’" in visible_text(after)
    assert not re.search(r'id="filter-locality-brierley-hill"[^>]*checked', after)


def test_unticking_a_filter_read_from_the_words_sets_it_aside(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    # The panel sent back with the level still ticked and the area unticked.
    markup = text_of(
        client,
        _search("level 2 parenting Brierley Hill")
        + "&level=early-help&read=level%3Aearly-help&read=locality%3Abrierley-hill",
    )
    text = visible_text(markup)
    assert "Level of need: Early Help (from ‘level 2’)" in text
    assert "Area: Brierley Hill" not in text
    assert "Filters:" not in text  # the level is still read from the words, not chosen apart
    assert not re.search(r'id="filter-locality-brierley-hill"[^>]*checked', markup)


def test_new_words_drop_a_filter_only_the_old_words_ticked(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    # The panel sent back with "Halesowen" ticked from the old words, and new words.
    markup = text_of(client, _search("parenting", locality="halesowen", read="locality:halesowen"))
    assert "Filters:" not in visible_text(markup)
    assert not re.search(r'id="filter-locality-halesowen"[^>]*checked', markup)
    # Ticked by hand (no marker), it is a filter like any other.
    markup = text_of(client, _search("parenting", locality="halesowen"))
    assert "Filters:" in visible_text(markup)
    assert re.search(r'id="filter-locality-halesowen"[^>]*checked', markup)


def test_a_place_taken_off_stays_off_while_the_words_hold_it(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, _search("parenting Lye", **{"not": "locality:halesowen"}))
    assert '<input type="hidden" name="not" value="locality:halesowen">' in markup
    assert "Area: Halesowen" not in visible_text(markup)
    other = text_of(client, _search("parenting", **{"not": "locality:halesowen"}))
    assert 'name="not"' not in other


def test_nothing_found_says_so_and_offers_to_drop_what_was_read(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, _search("tier 4 stay and play Lye"))
    text = visible_text(markup)
    assert "No results" in text
    assert "You could try" in text
    offers = re.findall(r'<li><a class="govuk-link" href="([^"]+)">([^<]+)</a>', markup)
    labels = {html.unescape(label) for _, label in offers}
    assert "Without Halesowen" in labels or "Without Specialist or statutory" in labels
    for href, label in offers:
        if label == "Without Halesowen":
            assert "Lye" not in html.unescape(href)


def test_words_that_mean_more_are_never_taken_as_a_level(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    text = visible_text(text_of(client, _search("universal credit advice halesowen")))
    assert "Level of need: Universal" not in text
    assert "Area: Halesowen" in text
    # A danger phrase holding a level's words is read as the danger, never as a level.
    danger = visible_text(text_of(client, _search("child protection plan parenting")))
    assert "Level of need: Specialist" not in danger
    assert "999" in danger


def test_the_family_door_ranks_a_place_first_and_never_filters(search_app: Flask) -> None:
    client = search_app.test_client()
    plain = text_of(client, "/find-support?q=food+bank")
    placed = text_of(client, "/find-support?q=food+bank+stourbridge")
    assert _total(placed) == _total(plain)
    text = visible_text(placed)
    assert "Services in Stourbridge first" in text
    assert "Level of need" not in text
    first = _where(search_app, _ids(placed)[:1])
    places, _, _ = next(iter(first.values()))
    assert "stourbridge" in places
    assert "Area: " not in text


def test_the_dev_set_practitioners_cases_find_their_level_and_place(search_app: Flask) -> None:
    cases = [case for case in load_cases() if case.door == "practitioners"]
    assert len(cases) >= 10
    with search_app.app_context():
        report = evaluate(search_app, cases)
    level, locality = report.fit("level_fit"), report.fit("locality_fit")
    assert level and level[1] >= 0.9
    assert locality and locality[1] >= 0.9
    assert report.success_at_3 >= 0.9


def test_explain_shows_the_levels_and_places_read(search_app: Flask) -> None:
    runner = search_app.test_cli_runner()
    result = runner.invoke(
        args=["search", "explain", "--practitioners", "lvl 2 parenting support stourbridge"]
    )
    assert result.exit_code == 0, result.output
    assert "'lvl 2' read as level Early Help" in result.output
    assert "[level:early-help]: filters to this level" in result.output
    assert "'stourbridge' read as locality Stourbridge" in result.output
    family = runner.invoke(args=["search", "explain", "food bank stourbridge"])
    assert "ranks its services first" in family.output
    assert "Words: food bank" in family.output


def test_a_marker_for_anything_but_a_level_or_place_is_ignored(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, _search("parenting", need="food", read="need:food"))
    assert "Filters:" in visible_text(markup)
    assert re.search(r'id="filter-need-food"[^>]*checked', markup)
