"""What a results page no longer pays for on every request draws exactly what it did:
the filter panel drawn by the GOV.UK macros in the page's render, and result cards from
listings kept per index generation."""

from __future__ import annotations

import html
import re

import pytest
from flask import Flask, current_app
from markupsafe import escape

from directory.extensions import db
from directory.forms import drawing
from directory.forms.drawing import gov_field
from directory.models import Service, ServiceStatus
from directory.views.find import FAMILY_DOOR, PRACTITIONER_DOOR, results_page
from tests.support.client import page_text

ADDRESSES = (
    "/find-support",
    "/find-support?q=food+bank",
    "/find-support?need=food&need=parenting&locality=halesowen",
    "/find-support?q=stay+and+play&postcode=DY1+1AA&free=yes&age=2&day=SA",
    "/find-support?q=club&postcode=nowhere&language=pl&kind=activity&radius=1",
    "/find-support?category=courses-and-groups&need=send&sort=nearest&postcode=DY5",
    "/find-support?q=%3Cb%3E%22tea%22+%26+%27toast%27%3C%2Fb%3E&postcode=%22DY1%22",
)
INPUTS = {
    "q": {"label": {"classes": "govuk-label--s"}, "type": "search"},
    "postcode": {"label": {"classes": "govuk-label--s"}, "classes": "govuk-input--width-10"},
    "radius": None,
}


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("door", [FAMILY_DOOR, PRACTITIONER_DOOR], ids=["family", "practitioner"])
def test_the_panel_draws_every_field_as_the_field_itself_does(
    search_app: Flask, address: str, door: object
) -> None:
    """Each shown field, with the page's own counts, choices, ticks and errors: the macro
    drawn in the page's render, and again from what was kept, is what ``field()`` draws."""
    with search_app.test_request_context(address):
        page = results_page(door)  # type: ignore[arg-type]
        form = page["form"]
        fields = [(form[name], params) for name, params in INPUTS.items()]
        fields += [(field, None) for field in page["filter_fields"]]
        assert len(fields) > len(INPUTS), "the page shows filters to draw"
        for field, params in fields:
            asked = {"params": params} if params else {}
            expected = field(**asked)
            assert gov_field(field, **asked) == expected, field.name
            assert gov_field(field, **asked) == expected, f"{field.name}, kept"


def test_a_field_drawn_differently_is_not_taken_from_what_was_kept(search_app: Flask) -> None:
    with search_app.test_request_context("/find-support?q=food"):
        form = results_page(FAMILY_DOOR)["form"]
        plain = gov_field(form.q)
        labelled = gov_field(form.q, params={"label": {"classes": "govuk-label--l"}})
        assert plain != labelled and "govuk-label--l" in labelled
        form.q.data = "other words"
        assert 'value="other words"' in gov_field(form.q)


def _macro_drawn(field: object, **kwargs: object) -> str:
    """The field drawn by its GOV.UK macro from the widget's parameters, nothing kept: how
    the page drew every field before fields were kept by their state."""
    component, macro = drawing.MACROS[field.widget.template]  # type: ignore[attr-defined]
    module = current_app.jinja_env.get_template(
        f"govuk_frontend_jinja/components/{component}/macro.html"
    ).module
    return str(getattr(module, macro)(drawing.gov_params(field, **kwargs)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "words",
    ['"tea" & <toast>', "nappies", "0stand0in0&<>\"'0", "&amp;", "", "  spaced  "],
)
@pytest.mark.parametrize("postcode", ["", "DY5 3QQ", '"DY1"&<', "zz99 9zz"])
def test_typed_words_are_put_into_a_kept_box_and_never_kept(
    search_app: Flask, words: str, postcode: str
) -> None:
    """The search and postcode boxes are kept drawn around a stand-in: each page puts its
    own words in, escaped as the macro escapes them, and they are in nothing kept."""
    with search_app.test_request_context(
        "/find-support", query_string={"q": words, "postcode": postcode, "need": "food"}
    ):
        form = results_page(FAMILY_DOOR)["form"]
        for field, params in ((form.q, INPUTS["q"]), (form.postcode, INPUTS["postcode"])):
            expected = _macro_drawn(field, params=params)
            assert gov_field(field, params=params) == expected, field.name
            assert gov_field(field, params=params) == expected, f"{field.name}, kept"
            assert gov_field(field) == _macro_drawn(field), f"{field.name}, plain"
        kept = "".join(str(html) for html in drawing._kept.values())
        for typed in (words, postcode):
            if typed.strip() and "stand0in" not in typed:
                assert str(escape(typed.strip())) not in kept


def _first_card(page: str) -> tuple[str, str]:
    found = re.search(r'href="/services/([^"]+)" id="result-[^"]+">([^<]+)<', page)
    assert found, "the page shows a card"
    return found.group(1), found.group(2)


def test_an_edited_or_withdrawn_listing_is_shown_as_it_now_is(search_app: Flask) -> None:
    """Cards are kept only while the index is unchanged: a listing's next commit (which
    re-indexes it) shows on the very next page, and a withdrawn one is gone."""
    family = search_app.test_client()
    address = "/find-support?q=food"
    service_id, name = _first_card(page_text(family.get(address)))
    assert _first_card(page_text(family.get(address))) == (service_id, name), "kept"
    with search_app.app_context():
        service = db.session.get_one(Service, service_id)
        service.name = f"{html.unescape(name)} renamed"
        db.session.commit()
    assert f"{name} renamed" in page_text(family.get(address))
    with search_app.app_context():
        db.session.get_one(Service, service_id).status = ServiceStatus.INACTIVE
        db.session.commit()
    assert f'href="/services/{service_id}"' not in page_text(family.get(address))


def test_renaming_an_organisation_re_indexes_the_listings_it_runs(search_app: Flask) -> None:
    """An organisation's name is in each of its listings' documents: a rename alone (no
    listing touched) is found by the very next search."""
    family = search_app.test_client()
    service_id, _ = _first_card(page_text(family.get("/find-support?q=food")))
    assert f'href="/services/{service_id}"' not in page_text(
        family.get("/find-support?q=quillfeather")
    )
    with search_app.app_context():
        db.session.get_one(Service, service_id).organization.name = "Quillfeather Trust"
        db.session.commit()
    found = page_text(family.get("/find-support?q=quillfeather"))
    assert f'href="/services/{service_id}"' in found


def test_a_language_added_to_a_listing_is_offered_by_the_next_page(search_app: Flask) -> None:
    """The languages' names are kept per index generation: a listing's new language is
    committed with it, which re-indexes it, so the very next page offers it by name."""
    from directory.models import Language

    family = search_app.test_client()
    address = "/find-support?q=food"
    assert "Basque" not in page_text(family.get(address))
    service_id, _ = _first_card(page_text(family.get(address)))
    with search_app.app_context():
        db.session.add(Language(service_id=service_id, code="eu", name="Basque"))
        db.session.commit()
    assert "Basque" in page_text(family.get(address))


@pytest.mark.parametrize("lang", ["en", "pl", "ur", "pa", "en"])
def test_the_distance_and_age_choices_are_the_page_language_s(search_app: Flask, lang: str) -> None:
    """Made once per catalogue, they are the words made afresh in the page's language."""
    from directory.finding.filters import BY_PARAM, Names
    from directory.finding.request import RADIUS_MILES
    from directory.forms.search import SearchForm, radius_words
    from directory.page_text import gettext

    for _ in range(2):
        with search_app.test_request_context(f"/find-support?lang={lang}"):
            form = results_page(FAMILY_DOOR)["form"]
            assert isinstance(form, SearchForm)
            radii = [
                (m, gettext("Within %(distance)s", distance=radius_words(m))) for m in RADIUS_MILES
            ]
            ages = BY_PARAM["age"].options(Names(form.meta.council))  # type: ignore[attr-defined]
            assert form.radius.choices == radii
            assert form.age.choices == [("", gettext("Any age")), *ages.items()]
            form.radius.choices.append((99, "changed"))  # one form's own list
