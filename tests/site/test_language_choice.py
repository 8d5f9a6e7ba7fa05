"""Which language a page is in: ``lang=`` in the address, then the cookie, then the
browser's Accept-Language, then English; how links keep it; right to left; staff pages."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from directory.i18n import LOCALE_COOKIE


def _html_tag(page: str) -> str:
    found = re.search(r"<html [^>]*>", page)
    assert found
    return found.group(0)


def test_english_when_nothing_says_otherwise(client: FlaskClient) -> None:
    page = client.get("/privacy").get_data(as_text=True)

    assert _html_tag(page).startswith('<html lang="en" dir="ltr"')


def test_browser_language_is_used(client: FlaskClient) -> None:
    page = client.get("/privacy", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"})

    assert _html_tag(page.get_data(as_text=True)).startswith('<html lang="pl" dir="ltr"')


def test_unknown_browser_language_falls_back_to_english(client: FlaskClient) -> None:
    page = client.get("/privacy", headers={"Accept-Language": "ro, fr;q=0.8"})

    assert _html_tag(page.get_data(as_text=True)).startswith('<html lang="en"')


def test_cookie_beats_browser_language(client: FlaskClient) -> None:
    client.set_cookie(LOCALE_COOKIE, "pa")

    page = client.get("/privacy", headers={"Accept-Language": "pl"}).get_data(as_text=True)

    assert _html_tag(page).startswith('<html lang="pa" dir="ltr"')


def test_lang_in_the_address_beats_the_cookie(client: FlaskClient) -> None:
    client.set_cookie(LOCALE_COOKIE, "pl")

    page = client.get("/privacy?lang=ur").get_data(as_text=True)

    assert _html_tag(page).startswith('<html lang="ur" dir="rtl"')


def test_unknown_lang_in_the_address_is_ignored(client: FlaskClient) -> None:
    client.set_cookie(LOCALE_COOKIE, "pl")

    page = client.get("/privacy?lang=xx").get_data(as_text=True)

    assert _html_tag(page).startswith('<html lang="pl"')


def test_a_page_opened_with_lang_keeps_it_in_its_links(client: FlaskClient) -> None:
    page = client.get("/find-support?q=food&lang=ur").get_data(as_text=True)

    assert 'href="/accessibility-statement?lang=ur"' in page
    assert "/find-support?q=food&amp;sort=nearest" not in page  # no postcode, no sort links
    assert 'name="lang" value="ur"' in page  # the search form carries it too


def test_switcher_marks_the_current_language_and_names_each_in_itself(
    client: FlaskClient,
) -> None:
    page = client.get("/privacy?lang=pl").get_data(as_text=True)

    assert 'lang="pl" aria-current="true">Polski</span>' in page
    assert 'lang="ur" hreflang="ur">اردو</a>' in page
    assert 'lang="pa" hreflang="pa">ਪੰਜਾਬੀ</a>' in page
    assert 'lang="en" hreflang="en">English</a>' in page


def test_switching_from_a_shared_link_drops_its_lang(client: FlaskClient) -> None:
    response = client.get("/language/pl", query_string={"next": "/find-support?q=food&lang=ur"})

    assert response.headers["Location"] == "/find-support?q=food"
    assert _html_tag(client.get("/find-support?q=food").get_data(as_text=True)).startswith(
        '<html lang="pl"'
    )


def test_the_choice_can_be_forgotten(client: FlaskClient) -> None:
    client.get("/language/ur?next=/privacy")
    assert 'href="/language?next=/privacy"' in client.get("/privacy").get_data(as_text=True)

    response = client.get("/language?next=/privacy")

    assert response.headers["Location"] == "/privacy"
    assert f"{LOCALE_COOKIE}=;" in response.headers["Set-Cookie"]
    assert _html_tag(client.get("/privacy").get_data(as_text=True)).startswith('<html lang="en"')


def test_staff_pages_stay_in_english_and_say_so(client: FlaskClient) -> None:
    client.set_cookie(LOCALE_COOKIE, "ur")

    page = client.get("/manage/sign-in?lang=pl").get_data(as_text=True)

    assert _html_tag(page).startswith('<html lang="en" dir="ltr"')
    assert "Staff pages are in English only." in page
    assert "app-language-switcher" not in page


def test_pages_say_they_vary_by_language(client: FlaskClient) -> None:
    vary = client.get("/privacy").headers["Vary"]

    assert "Accept-Language" in vary and "Cookie" in vary


def test_shareable_links_carry_the_page_language(client: FlaskClient) -> None:
    from directory.i18n import shareable_url

    app = client.application
    with app.test_request_context("/find-support?lang=pa"):
        app.preprocess_request()
        assert shareable_url("find.find_support", q="food") == (
            "http://localhost/find-support?q=food&lang=pa"
        )
    with app.test_request_context("/find-support"):
        assert shareable_url("find.find_support", q="food") == (
            "http://localhost/find-support?q=food"
        )


def test_the_header_links_to_the_language_switcher_or_has_the_menu_on_results(
    client: FlaskClient,
) -> None:
    for address in ("/", "/privacy?lang=ur"):
        page = client.get(address).get_data(as_text=True)
        header = page[page.index("<header") : page.index("</header>")]
        assert 'class="app-header-language" href="#language-switcher"' in header
        assert 'id="language-switcher"' in page[page.index("<footer") :]

    results = client.get("/find-support?q=food").get_data(as_text=True)
    header = results[results.index("<header") : results.index("</header>")]
    assert 'href="#language-switcher"' not in header
    menu = header[header.index('<details class="app-language-menu">') :]
    for code in ("en", "pl", "ur", "pa"):
        assert f'hreflang="{code}"' in menu or f'lang="{code}" aria-current="true"' in menu
    assert 'id="language-switcher"' in results

    staff = client.get("/manage/sign-in").get_data(as_text=True)
    assert "app-header-language" not in staff
