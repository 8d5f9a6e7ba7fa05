"""Choosing a language: the cookie, the safe redirect and when the switcher shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask
from flask.testing import FlaskClient

from directory.i18n import LOCALE_COOKIE


def test_choosing_a_language_sets_the_cookie_and_goes_back(client: FlaskClient) -> None:
    response = client.get("/language/en?next=/privacy?page=2")

    assert response.status_code == 302
    assert response.headers["Location"] == "/privacy?page=2"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{LOCALE_COOKIE}=en;")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "///evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_language_redirect_refuses_outside_addresses(client: FlaskClient, target: str) -> None:
    response = client.get("/language/en", query_string={"next": target})

    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_unknown_language_is_not_found(client: FlaskClient) -> None:
    response = client.get("/language/xx?next=/privacy")

    assert response.status_code == 404
    assert "Set-Cookie" not in response.headers


def test_no_language_switcher_with_one_language(
    site_app: Callable[..., Flask], tmp_path: Path
) -> None:
    app = site_app()
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(tmp_path / "no-translations")

    page = app.test_client().get("/privacy").get_data(as_text=True)

    assert "app-language-switcher" not in page


@pytest.fixture
def welsh_site(site_app: Callable[..., Flask], tmp_path: Path) -> FlaskClient:
    """A site with a (compiled, empty) Welsh catalogue beside English."""
    messages = tmp_path / "translations" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "messages.mo").open("wb") as file:
        write_mo(file, Catalog(locale="cy"))
    app = site_app()
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(tmp_path / "translations")
    return app.test_client()


def test_language_switcher_links_to_each_other_language(welsh_site: FlaskClient) -> None:
    page = welsh_site.get("/privacy").get_data(as_text=True)

    switcher = '<nav class="app-language-switcher" id="language-switcher"'
    assert switcher + ' aria-label="Choose a language">' in page
    assert 'lang="en" aria-current="true">English</span>' in page
    assert 'href="/language/cy?next=/privacy" lang="cy" hreflang="cy">Cymraeg</a>' in page


def test_chosen_language_is_used_on_the_next_page(welsh_site: FlaskClient) -> None:
    welsh_site.get("/language/cy?next=/privacy")

    page = welsh_site.get("/privacy").get_data(as_text=True)

    assert '<html lang="cy"' in page
    assert 'lang="cy" aria-current="true">Cymraeg</span>' in page


def test_catalogues_are_read_once_until_told_to_look_again(
    site_app: Callable[..., Flask], tmp_path: Path
) -> None:
    """Links ask for the languages hundreds of times a page: the folder is read once."""
    from directory.i18n import compiled_locales

    translations = tmp_path / "read-once"
    for code in ("cy", "pl"):
        folder = translations / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        if code == "cy":
            with (folder / "messages.mo").open("wb") as file:
                write_mo(file, Catalog(locale=code))
    app = site_app()
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations)
    client = app.test_client()
    assert 'lang="cy"' in client.get("/privacy").get_data(as_text=True)

    with (translations / "pl" / "LC_MESSAGES" / "messages.mo").open("wb") as file:
        write_mo(file, Catalog(locale="pl"))
    assert 'hreflang="pl"' not in client.get("/privacy").get_data(as_text=True)

    compiled_locales.cache_clear()
    assert 'hreflang="pl"' in client.get("/privacy").get_data(as_text=True)
