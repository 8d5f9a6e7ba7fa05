"""A results page's cards drawn by one macro with the words and link made once a page
(``directory.presenters.cards``): the same words, escaping and links as the template's
``_()`` and ``url_for`` give, in every language and at both doors."""

from __future__ import annotations

import html
import re

import pytest
from flask import Flask, render_template_string, url_for

from directory.presenters.cards import card_kit
from directory.templating import TemplateGlobals

WORDS = {
    "sample": "Sample listing",
    "where": "Where",
    "cost": "Cost",
    "save": "Save to my list",
    "remove": "Remove from my list",
    "referral_form": "referral form",
    "none_ticked": "none of the needs ticked",
}


@pytest.mark.parametrize("lang", ["", "pl", "ur", "pa"])
@pytest.mark.parametrize("endpoint", [None, "public.service", "practitioners.service"])
def test_the_kit_says_what_the_template_says(search_app: Flask, lang: str, endpoint: str) -> None:
    with search_app.test_request_context(f"/find-support?lang={lang}" if lang else "/"):
        kit = card_kit(endpoint)
        for name, msgid in WORDS.items():
            assert getattr(kit, name) == render_template_string("{{ _(s) }}", s=msgid), name
        filled = render_template_string(
            '{{ _("%(place)s, %(distance)s", place=p, distance=d) }}', p="<b>DY1</b>", d="1 mile"
        )
        assert kit.place_distance % {"place": "<b>DY1</b>", "distance": "1 mile"} == filled
        named = render_template_string("{{ s | english }}", s="Tots & Toddlers")
        assert render_template_string("{{ kit.english(s) }}", kit=kit, s="Tots & Toddlers") == named
        assert (lang not in ("", "en")) == kit.english_page
        for service_id in ("7c2e9b4d-1a35-4d2e-9b4d-1a357c2e9b4d", "a b/c?d", "é"):
            expected = url_for(endpoint or "public.service", service_id=service_id)
            assert kit.href(service_id) == expected
        assert card_kit(endpoint) is kit, "made once a page"


def test_a_card_on_a_results_page_links_as_url_for_does(search_app: Flask) -> None:
    client = search_app.test_client()
    page = client.get("/find-support?q=food&lang=pl").get_data(as_text=True)
    found = re.findall(r'href="([^"]+)" id="result-([^"]+)"', page)
    assert found, "the page shows cards"
    with search_app.test_request_context("/find-support?q=food&lang=pl"):
        for href, service_id in found:
            assert html.unescape(href) == url_for("public.service", service_id=service_id)


def test_template_globals_keys_are_a_set_of_both_maps(search_app: Flask) -> None:
    template = search_app.jinja_env.get_template("find/_cards.html")
    assert isinstance(template.globals, TemplateGlobals)
    assert template.globals.keys() == set(search_app.jinja_env.globals)
    own = TemplateGlobals({"mine": 1}, {"theirs": 2})
    assert own.keys() == {"mine", "theirs"} and own["theirs"] == 2


@pytest.mark.parametrize("lang", ["", "pl", "ur"])
def test_a_kept_family_card_is_the_card_drawn_afresh(search_app: Flask, lang: str) -> None:
    """Each card of a results page, drawn through the kept cards (cold, then kept), saved
    or not, is what the card macro draws from the same item; a changed item is not taken
    for a kept one."""
    from dataclasses import replace

    from markupsafe import Markup

    from directory.presenters import cards
    from directory.views.find import FAMILY_DOOR, results_page

    query = f"?q=food&postcode=DY1+1AA&lang={lang}" if lang else "?q=food&postcode=DY1+1AA"
    with search_app.test_request_context(f"/find-support{query}"):
        items = results_page(FAMILY_DOOR)["items"]
        assert items, "the page shows cards"
        kit = card_kit("public.service")
        macro = search_app.jinja_env.get_template("find/_cards.html").module.result_card  # type: ignore[attr-defined]
        cards._cards.clear()
        for item in items:
            for saved in ((), (item.id,), ("another",)):
                fresh = str(macro(item, kit, saved, "", ("food",)))
                assert cards.family_card(item, kit, saved, ("food",)) == fresh
                assert cards.family_card(item, kit, saved, ("food",)) == fresh, "kept"
        item = items[0]
        moved = replace(item, distance="99 miles away", when="Closed")
        assert "99 miles away" in cards.family_card(moved, kit, (), ())
        as_html = replace(item, name=Markup("Tots &amp; Toddlers"))
        as_text = replace(item, name="Tots &amp; Toddlers")
        assert cards.family_card(as_html, kit, (), ()) == str(macro(as_html, kit, (), "", ()))
        assert cards.family_card(as_text, kit, (), ()) == str(macro(as_text, kit, (), "", ()))
        assert "&amp;amp;" in cards.family_card(as_text, kit, (), ())
