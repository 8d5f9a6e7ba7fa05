"""Every link on the practitioners' pages stays in their door: reading tags, filters, paging,
empty states and back links keep practitioner-only services and the page's language."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from flask import Flask

from tests.practitioners.helpers import practitioner_client, text_of

SEARCH = "/practitioners?q=domestic+abuse+lvl+2+halesowen&need=housing&lang=pl"
NEEDS_FIRST = "/practitioners/needs-first?locality=halesowen&need=housing&need=parenting&lang=pl"
PAGES = (SEARCH, NEEDS_FIRST, "/practitioners/plan/?lang=pl", "/practitioners/localities?lang=pl")
FAMILY_DOOR = ("/find-support", "/services/", "/my-list")


def _links(markup: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'<a [^>]*href="([^"]+)"', markup)]


def _door_links(markup: str) -> list[str]:
    return [link for link in _links(markup) if link.startswith("/practitioners")]


def test_every_practitioners_link_keeps_the_language_and_none_leads_to_the_family_search(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    for address in PAGES:
        markup = text_of(client, address)
        assert '<html lang="pl"' in markup, address
        links = _door_links(markup)
        assert links, address
        for link in links:
            assert parse_qs(urlsplit(link).query).get("lang") == ["pl"], (address, link)
        for link in _links(markup):
            assert not link.startswith(FAMILY_DOOR), (address, link)


def test_reading_tags_and_filter_tags_stay_at_the_practitioners_door(search_app: Flask) -> None:
    markup = text_of(practitioner_client(search_app), SEARCH)
    tags = re.findall(r'class="app-(?:understood|words-read|applied)__tag" href="([^"]+)"', markup)
    assert len(tags) >= 3, "the danger, the level, the locality and the need are all read"
    for tag in map(html.unescape, tags):
        assert tag.startswith("/practitioners?"), tag
        assert "lang=pl" in tag, tag


def test_the_needs_first_form_and_its_search_links_keep_the_language(search_app: Flask) -> None:
    markup = text_of(practitioner_client(search_app), NEEDS_FIRST)
    assert '<input type="hidden" name="lang" value="pl">' in markup
    search_all = [link for link in _door_links(markup) if "need=housing" in link]
    assert search_all and all(link.startswith("/practitioners?") for link in search_all)


def test_paging_stays_at_the_practitioners_door_with_practitioner_only_services(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    first = text_of(client, "/practitioners?level=targeted&lang=pl")
    pages = [link for link in _door_links(first) if "page=2" in link]
    assert pages, "the targeted level runs to more than one page"
    assert all(link.startswith("/practitioners?") and "lang=pl" in link for link in pages)
    second = text_of(client, pages[0])
    assert "govuk-tag--purple" in second, "practitioner-only services on page 2 too"
    assert all("lang=pl" in link for link in _door_links(second))


def test_the_empty_plan_sends_the_practitioner_to_their_own_search(search_app: Flask) -> None:
    markup = text_of(practitioner_client(search_app), "/practitioners/plan/")
    assert 'href="/practitioners"' in markup
    assert 'href="/find-support"' not in markup


def test_a_service_page_goes_back_to_the_practitioners_results_in_their_language(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    results = text_of(client, "/practitioners?need=housing&lang=pl")
    service = next(link for link in _door_links(results) if "/practitioners/services/" in link)
    referrer = "http://localhost/practitioners?need=housing&lang=pl"
    page = client.get(service, headers={"Referer": referrer}).get_data(as_text=True)
    assert '<a href="/practitioners?need=housing&amp;lang=pl" class="govuk-back-link">' in page


def test_each_card_names_the_needs_it_meets_and_those_meeting_all_come_first(
    search_app: Flask,
) -> None:
    asked = {"parenting": "Parenting", "housing": "Housing", "school-and-attendance": ""}
    query = "&".join(f"need={code}" for code in asked)
    markup = text_of(practitioner_client(search_app), f"/practitioners?locality=halesowen&{query}")
    cards = markup.split('<li class="app-service-list__item">')[1:]
    assert cards
    met = [
        re.search(r"\((\d) of 3 needs\)", card).group(1)  # type: ignore[union-attr]
        for card in cards
    ]
    assert met == sorted(met, key=lambda count: count != "3"), "all three first"
    heading = re.search(r'app-needs-met-heading">Meets all 3 needs \((\d+)\)', markup)
    assert heading and int(heading.group(1)) == met.count("3")
    one = text_of(practitioner_client(search_app), "/practitioners?need=housing")
    assert "app-needs-met-heading" not in one
    assert re.search(r"<dt>Meets</dt><dd>Housing</dd>", one)


def test_those_meeting_every_need_come_first_across_all_pages(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    query = "need=parenting&need=school-and-attendance&need=housing"
    first = text_of(client, f"/practitioners?{query}")
    total = int(re.search(r'results-count">(\d+) results', first).group(1))  # type: ignore[union-attr]
    assert total > 20, "more than one page"
    met: list[str] = []
    for number in range(1, -(-total // 20) + 1):
        markup = text_of(client, f"/practitioners?{query}&page={number}")
        met += re.findall(r"\((\d) of 3 needs\)", markup)
    assert len(met) == total
    assert "3" in met
    assert met == sorted(met, key=lambda count: count != "3"), "every 3 of 3 before the rest"
    heading = re.search(r'app-needs-met-heading">Meets all 3 needs \((\d+)\)', first)
    assert heading and int(heading.group(1)) == min(20, met.count("3"))
