"""Every piece of English listing content on a translated family page is marked lang="en".

Listings are written in English, so on a page in Polish, Urdu or Punjabi a screen reader
must be told to read them in an English voice (WCAG 3.1.2, language of parts). This test
parses every family page a listing can appear on (the home page, results pages, every
public service page, a gone listing and a shared list) in each translated language, and
looks for the listing's own words (name, organisation, summary, description, who can use
it, how to get help, phone labels, cost lines, venue names, addresses and access notes) in
any text whose nearest ``lang`` is not English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.lists.ids import MAX_ITEMS, write
from directory.models import Audience, Service, ServiceStatus
from tests.conftest import SEARCHABLE_DEMO, _shared_app
from tests.support.html import parse_page

LANGUAGES = ("pl", "ur", "pa")
NS = "{http://www.w3.org/1999/xhtml}"
SKIPPED = {f"{NS}head", f"{NS}script", f"{NS}style", f"{NS}template"}
RESULTS_PAGES = (
    "/find-support?q=stay+and+play&postcode=DY5&age=2&free=yes",
    "/find-support?age=3&funded_hours=yes",
    "/find-support?need=food&postcode=DY1+1AE",
    "/find-support?kind=family_centre",
    "/find-support?q=my+partner+hits+me",
    "/find-support?kind=pantry&language=ku&postcode=DY8+1XF",
)
HINT_EXAMPLES = {"food bank", "stay and play", "help with behaviour"}
"""The search box's example words, which stay English in every language."""
SERVICE_LINK = re.compile(r'href="/services/([0-9a-f-]{36})')


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    directory: Path = tmp_path_factory.mktemp("english-marked")
    with _shared_app("sqlite", directory, SEARCHABLE_DEMO) as shared:
        yield shared


@pytest.fixture(scope="module")
def listing_words(app: Flask) -> dict[str, set[str]]:
    """Each service's own English words, by service id."""
    with app.app_context():
        return {
            service.id: _own_words(service) for service in db.session.scalars(sa.select(Service))
        }


def _own_words(service: Service) -> set[str]:
    texts = [
        service.name,
        service.organization.name,
        service.summary,
        *service.description.split("\n\n"),
        service.eligibility_description,
        service.application_process,
        *(phone.description for phone in service.phones),
        *(
            part
            for option in service.cost_options
            for part in (option.option, option.amount_description)
        ),
    ]
    for link in service.locations:
        venue = link.location
        texts += [venue.name, venue.address_1, venue.address_2]
        texts += [access.description for access in venue.accessibility]
    return {" ".join(text.split()) for text in texts if text and _is_words(text)}


def _is_words(text: str) -> bool:
    """Words a reader would voice, not a number or a code ("£3.50", "DY5")."""
    return len(re.findall(r"[A-Za-z]{3,}", text)) >= 1 and len(text.strip()) >= 4


def unmarked_english(markup: str, words: set[str]) -> list[str]:
    """The pieces of ``words`` found in text whose nearest ``lang`` is not ``en``."""
    found: list[str] = []

    def check(text: str | None, lang: str) -> None:
        if not text or lang.split("-")[0] == "en":
            return
        flat = " ".join(text.split())
        found.extend(f"{word!r} in {flat[:80]!r}" for word in words if word in flat)

    def walk(element: Element, lang: str) -> None:
        if element.tag in SKIPPED:
            return
        lang = element.get("lang", lang)
        check(element.text, lang)
        for child in element:
            walk(child, lang)
            check(child.tail, lang)

    root = parse_page(markup)
    if root.tag != f"{NS}html":
        root = next(root.iter(f"{NS}html"))
    walk(root, root.get("lang", ""))
    return found


def _page(app: Flask, path: str, language: str, status: int = 200) -> str:
    joiner = "&" if "?" in path else "?"
    response = app.test_client().get(f"{path}{joiner}lang={language}")
    assert response.status_code == status, path
    return response.get_data(as_text=True)


def _shown(markup: str, listing_words: dict[str, set[str]], *also: str) -> set[str]:
    """The English words of every listing the page links to (and of ``also``)."""
    ids = {*SERVICE_LINK.findall(markup), *also}
    return set().union(*(listing_words.get(service_id, set()) for service_id in ids))


@pytest.mark.parametrize("language", LANGUAGES)
def test_results_pages_mark_listing_english(
    app: Flask, listing_words: dict[str, set[str]], language: str
) -> None:
    problems = []
    for path in ("/", *RESULTS_PAGES):
        markup = _page(app, path, language)
        if "q=" not in path:  # the heading repeats the words searched, as typed
            problems += [f"{path}: {p}" for p in unmarked_english(markup, HINT_EXAMPLES)]
        problems += [
            f"{path}: {p}" for p in unmarked_english(markup, _shown(markup, listing_words))
        ]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_service_page_marks_listing_english(
    app: Flask, listing_words: dict[str, set[str]], language: str
) -> None:
    with app.app_context():
        shown = db.session.scalars(
            sa.select(Service.id).where(
                Service.status == ServiceStatus.ACTIVE, Service.audience == Audience.PUBLIC
            )
        ).all()
        gone = db.session.scalars(
            sa.select(Service.id).where(
                Service.status == ServiceStatus.INACTIVE, Service.audience == Audience.PUBLIC
            )
        ).first()
    assert len(shown) > 100 and gone
    problems = []
    for service_id in shown:
        response = app.test_client().get(f"/services/{service_id}", query_string={"lang": language})
        if response.status_code == 410:  # out of season today
            continue
        markup = response.get_data(as_text=True)
        words = _shown(markup, listing_words, service_id)
        problems += [f"{service_id}: {p}" for p in unmarked_english(markup, words)]
    markup = _page(app, f"/services/{gone}", language, status=410)
    problems += [
        f"gone: {p}" for p in unmarked_english(markup, _shown(markup, listing_words, gone))
    ]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shared_list_marks_listing_english(
    app: Flask, listing_words: dict[str, set[str]], language: str
) -> None:
    with_venues = [i for i, words in listing_words.items() if len(words) > 6]
    with app.app_context():
        public = set(
            db.session.scalars(
                sa.select(Service.id).where(
                    Service.status == ServiceStatus.ACTIVE, Service.audience == Audience.PUBLIC
                )
            )
        )
    chosen = [i for i in with_venues if i in public][:MAX_ITEMS]
    markup = _page(app, f"/my-list?s={write(chosen)}", language)
    assert markup.count('class="app-list-entry"') == len(chosen)
    assert unmarked_english(markup, _shown(markup, listing_words, *chosen)) == []
