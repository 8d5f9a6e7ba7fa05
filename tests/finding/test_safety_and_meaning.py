"""The results page reads a family's words: safety panel, exit, no-store, removable readings."""

from __future__ import annotations

import re
import tomllib
from html import unescape

import pytest
from flask import Flask

from directory.safety import SAFETY_FILE
from tests.support.html import visible_text

NATIONAL = tomllib.loads(SAFETY_FILE.read_text(encoding="utf-8"))["dangers"]
DANGER_QUERIES = {
    "domestic-abuse": "my partner hits me",
    "suicide-and-self-harm": "i feel suicidal",
    "child-at-risk": "i think a child is being abused",
    "forced-marriage": "my parents are forcing me to marry",
    "exploitation": "worried my son is in a gang",
}


def _get(app: Flask, query: str):  # type: ignore[no-untyped-def]
    """A results page for a browser that has been here before (a first visit's page sets the
    family forms' cookie, and any page setting a cookie is ``no-store``)."""
    client = app.test_client()
    client.get("/find-support?q=family")
    response = client.get(f"/find-support?{query}")
    return response, response.get_data(as_text=True)


def _panel(markup: str) -> str:
    """The safety panel's text ("" when there is none)."""
    found = re.search(r'<div class="app-safety-panel".*?</div>', markup, re.S)
    if not found:
        return ""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", found.group(0))))


def test_every_danger_has_a_query_here() -> None:
    assert set(DANGER_QUERIES) == set(NATIONAL)


@pytest.mark.parametrize("danger", sorted(DANGER_QUERIES))
def test_a_danger_opens_the_page_with_its_numbers(search_app: Flask, danger: str) -> None:
    response, markup = _get(search_app, f"q={DANGER_QUERIES[danger]}")
    panel = _panel(markup)
    assert "Call 999" in panel
    for line in NATIONAL[danger]["lines"]:
        number = line.get("phone") or line.get("text")
        assert number in panel, (danger, line["name"])
        scheme = "tel" if line.get("phone") else "sms"
        assert f'href="{scheme}:{number.replace(" ", "")}"' in markup
    services = search_app.extensions["council"].children_services
    assert services.phone in panel and services.out_of_hours_phone in panel
    # The panel comes before the search form and every result.
    assert markup.index("app-safety-panel") < markup.index("app-search")
    assert "govuk-exit-this-page" in markup
    assert response.headers["Cache-Control"] == "no-store"
    assert "/browse-safely" in markup


@pytest.mark.parametrize(
    "words", ["parenting course", "we argue all the time", "food bank", "stay and play"]
)
def test_ordinary_searches_show_no_panel(search_app: Flask, words: str) -> None:
    response, markup = _get(search_app, f"q={words}")
    assert "app-safety-panel" not in markup
    assert ("govuk-exit-this-page" in markup) == (
        response.headers.get("Cache-Control") == "no-store"
    )


@pytest.mark.parametrize("query", ["q=family", "q=support", "need=parenting", "q=advice"])
def test_exit_does_not_come_and_go_between_pages(search_app: Flask, query: str) -> None:
    _, first = _get(search_app, query)
    response, second = _get(search_app, f"{query}&page=2")
    assert response.status_code == 200, "the search should have a second page"
    assert ("govuk-exit-this-page" in first) == ("govuk-exit-this-page" in second)


def test_exit_follows_the_words_on_every_page_and_on_zero_results(search_app: Flask) -> None:
    for query in ("q=dv", "q=dv&page=2", "q=forced+marriage", "q=coercive+control"):
        response, markup = _get(search_app, query)
        if response.status_code == 404:
            continue
        assert "govuk-exit-this-page" in markup, query
    _, nothing = _get(search_app, "q=domestic+abuse&language=zz&day=SU&age=25&free=yes")
    assert "govuk-exit-this-page" in nothing
    assert "app-safety-panel" in nothing


def test_a_danger_topic_filter_shows_the_panel(search_app: Flask) -> None:
    _, markup = _get(search_app, "need=domestic-abuse")
    assert "0808 2000 247" in _panel(markup)


def test_what_the_words_were_read_as_is_shown_and_removable(search_app: Flask) -> None:
    _, markup = _get(search_app, "q=cannabis")
    text = visible_text(markup)
    assert "Showing help with:" in text
    assert "Drugs and alcohol" in text
    assert "0 results" not in text
    link = re.search(r'class="app-understood__tag" href="([^"]+)"', markup).group(1)
    assert "not=need%3Asubstance-use" in link or "not=need:substance-use" in unescape(link)
    response, without = _get(search_app, unescape(link).split("?", 1)[1])
    assert response.status_code == 200
    assert "Showing help with:" not in visible_text(without)


def test_a_set_aside_reading_survives_paging_links(search_app: Flask) -> None:
    _, markup = _get(search_app, "q=parenting&not=need:parenting")
    pages = re.findall(r'href="(/find-support\?[^"]*page=2[^"]*)"', markup)
    assert not pages or all("not=" in unescape(page) for page in pages)


def test_browse_safely_page_is_private_and_offers_exit(search_app: Flask) -> None:
    response = search_app.test_client().get("/browse-safely")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    markup = response.get_data(as_text=True)
    assert "govuk-exit-this-page" in markup
    assert "private" in visible_text(markup).lower()


def test_explain_says_how_words_were_read_and_why_results_rank(search_app: Flask) -> None:
    runner = search_app.test_cli_runner()
    result = runner.invoke(args=["search", "explain", "my partner hits me", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "Domestic abuse [danger:domestic-abuse]" in result.output
    assert "its listings come first" in result.output
    assert "0808 2000 247" in result.output
    ranked = [line for line in result.output.splitlines() if line.strip()[:2] in ("1.", "2.")]
    assert len(ranked) == 2
    assert all("ahead of every listing not meeting the danger" in line for line in ranked)
    plain = runner.invoke(args=["search", "explain", "origami"])
    assert "keywords only" in plain.output
    assert "not shown" in plain.output


def test_explain_shows_harm_read_together_with_its_classes_and_grade(search_app: Flask) -> None:
    runner = search_app.test_cli_runner()
    result = runner.invoke(args=["search", "explain", "my fella belted me last night"])
    assert result.exit_code == 0, result.output
    assert "Harm words read together:" in result.output
    assert "[domestic-abuse] strong (the safety panel)" in result.output
    assert "belted (violence)" in result.output and "fella (partner)" in result.output
    weak = runner.invoke(args=["search", "explain", "husband took my bank card and my phone"])
    assert "Danger strip: Domestic abuse" in weak.output
    plain = runner.invoke(args=["search", "explain", "knife and fork for my son"])
    assert "Harm words read together: none." in plain.output


def test_explain_reads_as_the_page_in_another_language_does(search_app: Flask) -> None:
    runner = search_app.test_cli_runner()
    result = runner.invoke(
        args=["search", "explain", "--language", "pl", "--top", "3", "bank żywności blisko"]
    )
    assert result.exit_code == 0, result.output
    assert "Glossed as: food bank blisko" in result.output
    assert "[need:food]" in result.output
    unknown = runner.invoke(args=["search", "explain", "--language", "xx", "food"])
    assert unknown.exit_code != 0
    assert "no phrasebook for 'xx'" in unknown.output
