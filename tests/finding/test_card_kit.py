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
def test_a_kept_kept_card_is_the_card_drawn_afresh(search_app: Flask, lang: str) -> None:
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
                assert cards.kept_card(item, kit, saved, ("food",)) == fresh
                assert cards.kept_card(item, kit, saved, ("food",)) == fresh, "kept"
        item = items[0]
        moved = replace(item, distance="99 miles away", when="Closed")
        assert "99 miles away" in cards.kept_card(moved, kit, (), ())
        as_html = replace(item, name=Markup("Tots &amp; Toddlers"))
        as_text = replace(item, name="Tots &amp; Toddlers")
        assert cards.kept_card(as_html, kit, (), ()) == str(macro(as_html, kit, (), "", ()))
        assert cards.kept_card(as_text, kit, (), ()) == str(macro(as_text, kit, (), "", ()))
        assert "&amp;amp;" in cards.kept_card(as_text, kit, (), ())


@pytest.mark.parametrize("lang", ["", "pl"])
def test_a_kept_practitioner_card_is_the_card_drawn_afresh(search_app: Flask, lang: str) -> None:
    """At the practitioners' door, each card drawn through the kept cards (cold, then kept),
    saved or not, with needs asked or not, is what the card macro draws; the family's card
    of the same listing is never taken for it, nor a card whose facts changed."""
    from dataclasses import replace

    from markupsafe import Markup

    from directory.presenters import cards
    from directory.views.find import FAMILY_DOOR, PRACTITIONER_DOOR, results_page

    query = "?need=food&need=money&lang=pl" if lang else "?need=food&need=money"
    with search_app.test_request_context(f"/practitioners{query}"):
        items = results_page(PRACTITIONER_DOOR)["items"]
        assert items and all(item.professional for item in items)
        kit = card_kit("practitioners.service")
        macro = search_app.jinja_env.get_template("find/_cards.html").module.result_card  # type: ignore[attr-defined]
        cards._cards.clear()
        for item in items:
            for saved in ((), (item.id,)):
                for asked in ((), ("food",), ("food", "money")):
                    fresh = str(macro(item, kit, saved, "", asked))
                    assert cards.kept_card(item, kit, saved, asked) == fresh
                    assert cards.kept_card(item, kit, saved, asked) == fresh, "kept"
        item = items[0]
        facts = item.professional
        assert facts is not None
        plain = replace(item, professional=None)
        assert cards.kept_card(plain, kit, (), ()) == str(macro(plain, kit, (), "", ()))
        assert cards.kept_card(plain, kit, (), ()) != cards.kept_card(item, kit, (), ())
        changed = (
            replace(facts, referral_route="By letter only"),
            replace(facts, levels=[*facts.levels, "Level 9"]),
            replace(facts, coverage=[Markup("<b>Borough</b>")]),
            replace(facts, coverage=["<b>Borough</b>"]),
            replace(facts, criteria=Markup("Under 5s &amp; carers")),
            replace(facts, criteria="Under 5s &amp; carers"),
            replace(facts, needs=()),
            replace(facts, practitioners_only=not facts.practitioners_only),
        )
        for other in changed:
            moved = replace(item, professional=other)
            assert cards.kept_card(moved, kit, (), ("food",)) == str(
                macro(moved, kit, (), "", ("food",))
            ), other
    with search_app.test_request_context(f"/find-support{query}"):
        family = results_page(FAMILY_DOOR)["items"]
        family_kit = card_kit("public.service")
        for item in family:
            assert cards.kept_card(item, family_kit, (), ("food",)) == str(
                macro(item, family_kit, (), "", ("food",))
            )
