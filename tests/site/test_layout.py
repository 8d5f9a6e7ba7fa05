"""The council's page layout: header, footer, banners, Exit this page, titles and assets."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element, tostring

from flask import Flask, render_template_string
from flask.testing import FlaskClient
from wtforms import Form, StringField
from wtforms.validators import InputRequired

from directory.config import DEFAULT_COUNCIL_FILE
from tests.support.html import check_page

NS = "{http://www.w3.org/1999/xhtml}"
CROWN_MARKERS = ("GOV.UK", "govuk-logo", "govuk-header__logotype", "crest", "Crown", "<svg")

SENSITIVE_PAGE = """{% extends "base.html" %}
{% set exit_this_page = true %}
{% block page_title %}Domestic abuse{% endblock %}
{% block content %}<h1 class="govuk-heading-l">Domestic abuse</h1>{% endblock %}"""

FORM_PAGE = """{% extends "base.html" %}
{% block page_title %}Find support{% endblock %}
{% block content %}<h1 class="govuk-heading-l">Find support</h1>
<input id="postcode" name="postcode">{% endblock %}"""


class PostcodeForm(Form):
    postcode = StringField(validators=[InputRequired("Enter a postcode, like DY1 1AA")])


def _page(client: FlaskClient, url: str = "/privacy") -> Element:
    return check_page(client.get(url).get_data(as_text=True))


def _markup(element: Element) -> str:
    return tostring(element, encoding="unicode")


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_header_is_the_councils_with_no_crown_or_govuk_logotype(client: FlaskClient) -> None:
    header = _page(client).find(f".//{NS}header")

    assert header is not None
    text = _text(header)
    assert "Dudley Council" in text
    assert "Dudley Family Directory" in text
    markup = _markup(header)
    for marker in CROWN_MARKERS:
        assert marker not in markup


def test_footer_has_the_council_and_its_links_but_no_crown(client: FlaskClient) -> None:
    footer = _page(client).find(f".//{NS}footer")

    assert footer is not None
    text = _text(footer)
    assert "Run by Dudley Council" in text
    assert "01384 812440" in text
    links = {_text(link): link.get("href") for link in footer.iter(f"{NS}a")}
    assert links["Accessibility statement"] == "/accessibility-statement"
    assert links["Privacy notice"] == "/privacy"
    assert links["Dudley Council website"] == "https://www.dudley.gov.uk"
    markup = _markup(footer)
    for marker in CROWN_MARKERS:
        assert marker not in markup
    assert "Open Government Licence" not in markup


def test_demonstration_data_is_announced(client: FlaskClient) -> None:
    page = _page(client)

    banner = page.find(f".//{NS}div[@class='govuk-phase-banner govuk-width-container']")
    assert banner is not None
    assert _text(banner) == "Demo Some listings are made up."
    assert "demonstration data" in _text(page.find(f".//{NS}footer"))


def test_no_demonstration_banner_for_real_data(
    site_app: Callable[..., Flask], tmp_path: Path
) -> None:
    council_file = tmp_path / "real.toml"
    council_file.write_text(
        DEFAULT_COUNCIL_FILE.read_text(encoding="utf-8").replace(
            "demo_data = true", "demo_data = false"
        ),
        encoding="utf-8",
    )
    client = site_app(council_file=council_file).test_client()

    page = client.get("/privacy").get_data(as_text=True)

    assert "demonstration data" not in page
    assert "govuk-phase-banner" not in page


def test_skip_link_leads_to_the_main_content(client: FlaskClient) -> None:
    page = _page(client)

    skip = page.find(f".//{NS}a[@class='govuk-skip-link']")
    assert skip is not None
    assert skip.get("href") == "#main-content"
    assert page.find(f".//{NS}main[@id='main-content']") is not None


def test_title_is_the_heading_then_the_service_in_the_pages_language(
    client: FlaskClient,
) -> None:
    page = _page(client)

    assert _text(page.find(f".//{NS}title")) == "Privacy notice - Dudley Family Directory"
    assert page.tag == f"{NS}html"
    assert page.get("lang") == "en"


def test_page_uses_only_built_local_assets(client: FlaskClient, built_assets: Path) -> None:
    page = _page(client)

    stylesheet = page.find(f".//{NS}link[@rel='stylesheet']")
    script = page.find(f".//{NS}script[@type='module']")
    icon = page.find(f".//{NS}link[@rel='icon']")
    hashed = r"\.[0-9a-f]{10}\."
    assert re.fullmatch(rf"/static/dist/dudley{hashed}css", stylesheet.get("href"))
    assert re.fullmatch(rf"/static/dist/application{hashed}js", script.get("src"))
    assert re.fullmatch(rf"/static/dist/images/favicon{hashed}svg", icon.get("href"))
    for url in (stylesheet.get("href"), script.get("src"), icon.get("href")):
        response = client.get(url)
        response.close()
        assert response.status_code == 200, url
    theme = page.find(f".//{NS}meta[@name='theme-color']")
    assert theme.get("content") == "#005a5b"


def test_sensitive_pages_offer_exit_this_page(client: FlaskClient) -> None:
    client.application.add_url_rule(
        "/test-only/sensitive", "sensitive", lambda: render_template_string(SENSITIVE_PAGE)
    )

    page = _page(client, "/test-only/sensitive")

    exit_block = page.find(f".//{NS}div[@data-module='govuk-exit-this-page']")
    assert exit_block is not None
    button = exit_block.find(f".//{NS}a")
    assert button.get("href") == "https://www.bbc.co.uk/weather"
    assert button.get("rel") == "nofollow noreferrer"
    assert _text(button) == "Emergency Exit this page"
    assert exit_block.get("data-i18n.press-two-more-times") == "Shift, press 2 more times to exit."


def test_other_pages_have_no_exit_this_page(client: FlaskClient) -> None:
    assert "govuk-exit-this-page" not in client.get("/privacy").get_data(as_text=True)


def test_form_errors_put_error_first_in_the_title_and_show_a_summary(
    client: FlaskClient,
) -> None:
    def form_page() -> str:
        form = PostcodeForm(data={"postcode": ""})
        form.validate()
        return render_template_string(FORM_PAGE, form=form)

    client.application.add_url_rule("/test-only/form-errors", "form_errors", form_page)

    page = _page(client, "/test-only/form-errors")

    assert _text(page.find(f".//{NS}title")) == "Error: Find support - Dudley Family Directory"
    summary = page.find(f".//{NS}div[@class='govuk-error-summary']")
    assert "There is a problem" in _text(summary)
    link = summary.find(f".//{NS}a")
    assert link.get("href") == "#postcode"
    assert _text(link) == "Enter a postcode, like DY1 1AA"
