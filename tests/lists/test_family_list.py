"""A family's list with JavaScript off: save from results and service pages, view, remove,
clear, share as a link and a QR code; cookies off, stale and junk ids, and the cap."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from flask import Flask
from flask.testing import FlaskClient

from directory.lists import ids
from directory.lists.storage import COOKIE
from directory.models import ServiceStatus
from tests.lists.helpers import SAVE_BUTTON, practitioner_only_id, public_ids, save
from tests.public.test_gone_pages import changed
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.staff import token_in


@pytest.fixture
def family(search_app: Flask) -> FlaskClient:
    return search_app.test_client()


def _list_cookie(client: FlaskClient) -> str | None:
    cookie = client.get_cookie(COOKIE)
    return cookie.value if cookie else None


def test_a_family_saves_from_results_and_a_service_page_without_javascript(
    search_app: Flask, family: FlaskClient
) -> None:
    results = family.get("/find-support?q=stay+and+play")
    first = SAVE_BUTTON.search(page_text(results))
    assert first, "every result card has a Save to my list button"
    assert 'form="app-list-form"' in page_text(results)
    response = save(family, first.group(1), "/find-support?q=stay+and+play")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/find-support?q=stay+and+play#save-{first.group(1)}"
    assert ids.read(_list_cookie(family)).ids == (first.group(1),)

    (other, other_name), *_ = [s for s in public_ids(search_app, 3) if s[0] != first.group(1)]
    response = save(family, other, f"/services/{other}")
    assert response.headers["Location"] == f"/services/{other}#save-{other}"
    page = page_text(family.get(f"/services/{other}"))
    assert "Remove from my list" in page
    assert f'<span class="govuk-visually-hidden">: {other_name}</span>' in page
    assert "My list" in page and "(2 services)" in page  # the header says how many

    listed = family.get("/my-list")
    text = visible_text(page_text(listed))
    assert other_name in text
    assert ids.read(_list_cookie(family)).ids == (first.group(1), other)


def test_remove_one_and_clear_all(search_app: Flask, family: FlaskClient) -> None:
    (one, one_name), (two, two_name) = public_ids(search_app, 2)
    save(family, one, "/my-list")
    save(family, two, "/my-list")
    token = token_in(page_text(family.get("/my-list")))
    removed = family.post(
        "/my-list/update", data={"csrf_token": token, "remove": one, "next": "/my-list"}
    )
    assert removed.headers["Location"] == "/my-list"
    text = visible_text(page_text(family.get("/my-list")))
    assert two_name in text and one_name not in text

    cleared = family.post("/my-list/clear", data={"csrf_token": token})
    assert cleared.status_code == 303
    assert _list_cookie(family) is None
    text = visible_text(page_text(family.get(cleared.headers["Location"])))
    assert "Your list has been cleared." in text
    assert "Your list is empty." in text


def test_the_list_page_has_contacts_opening_times_and_a_print_stylesheet(
    search_app: Flask, family: FlaskClient
) -> None:
    (one, name), *_ = public_ids(search_app, 1)
    save(family, one, "/my-list")
    page = page_text(family.get("/my-list"))
    assert name in page and 'href="tel:' in page
    with search_app.test_request_context():
        address = search_app.jinja_env.globals["asset_url"]("dudley.css")
    built = family.get(address)
    css = built.get_data(as_text=True)
    built.close()
    assert "@media print" in css
    assert "size:A4" in css.replace(" ", "")


def test_a_shared_link_holds_only_service_ids_and_the_language(
    search_app: Flask, family: FlaskClient
) -> None:
    (one, one_name), (two, two_name) = public_ids(search_app, 2)
    save(family, one, "/my-list")
    save(family, two, "/my-list")
    page = page_text(family.get("/my-list"))
    link = _share_link(page)
    parts = urlsplit(link)
    assert parts.path == "/my-list"
    query = parse_qs(parts.query)
    assert set(query) == {"s", "lang"}
    assert query["lang"] == ["en"]
    assert ids.read(query["s"][0]).ids == (one, two)
    assert query["s"][0] == ids.write([one, two])

    # Opened on another phone: no cookie, the same list, and nothing changes until asked.
    other_phone = search_app.test_client()
    shared = other_phone.get(f"{parts.path}?{parts.query}")
    text = visible_text(page_text(shared))
    assert one_name in text and two_name in text
    assert "Set-Cookie" not in shared.headers or COOKIE not in shared.headers["Set-Cookie"]
    token = token_in(page_text(shared))
    kept = other_phone.post("/my-list/keep", data={"csrf_token": token, "s": query["s"][0]})
    assert kept.status_code == 303
    assert ids.read(_list_cookie(other_phone)).ids == (one, two)


def _share_link(page: str) -> str:
    start = page.index('class="govuk-body app-share__link"><a class="govuk-link app-url" href="')
    start = page.index('href="', start) + len('href="')
    return page[start : page.index('"', start)].replace("&amp;", "&")


def test_the_qr_code_is_drawn_here_by_segno_for_exactly_the_share_link(
    search_app: Flask, family: FlaskClient
) -> None:
    (one, _), *_ = public_ids(search_app, 1)
    save(family, one, "/my-list")
    page = page_text(family.get("/my-list"))
    link = _share_link(page)
    expected = segno.make(link, error="m", micro=False).svg_data_uri(scale=4, border=4)
    assert f'src="{expected.replace("&", "&amp;")}"' in page or f'src="{expected}"' in page
    assert "https://" not in page.split('class="app-share__qr"')[1].split(">")[0].replace(
        "http://www.w3.org", ""
    )


def test_stale_ids_are_shown_as_no_longer_available_never_an_error(
    search_app: Flask, family: FlaskClient
) -> None:
    (one, one_name), (two, two_name) = public_ids(search_app, 2)
    unknown = "00000000-0000-4000-8000-000000000000"
    address = "/my-list?s=" + ids.write([one, unknown, two])
    with changed(search_app, one, status=ServiceStatus.DEFUNCT):
        response = family.get(address)
        assert response.status_code == 200
        text = visible_text(page_text(response))
    assert f"{one_name} This service is no longer available." in text
    assert "A service on this list This service is no longer available." in text
    assert two_name in text
    # The share link keeps only what is still available.
    assert parse_qs(urlsplit(_share_link(page_text(response))).query)["s"] == [ids.write([two])]


@pytest.mark.parametrize(
    "junk",
    [
        "nonsense",
        "....",
        "%00%ff",
        "a" * 10_000,
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "00000000-0000-0000-0000-00000000000Z",
        "AAAAAAAAAAAAAAAAAAAAA!",
    ],
)
def test_junk_in_the_address_is_never_a_server_error(family: FlaskClient, junk: str) -> None:
    response = family.get("/my-list", query_string={"s": junk})
    assert response.status_code == 200
    assert "<script>alert" not in page_text(response)


def test_junk_in_a_form_or_the_cookie_is_never_a_server_error(
    search_app: Flask, family: FlaskClient
) -> None:
    family.set_cookie(COOKIE, "junk.more-junk.<b>")
    page = family.get("/my-list")
    assert page.status_code == 200
    token = token_in(page_text(page))
    for data in ({"add": "junk"}, {"remove": "x" * 5000}, {"add": ""}, {"next": "//evil.example"}):
        response = family.post("/my-list/update", data={"csrf_token": token, **data})
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/")
        assert not response.headers["Location"].startswith("//")


def test_a_list_holds_at_most_thirty_services(search_app: Flask, family: FlaskClient) -> None:
    many = [f"00000000-0000-4000-8000-{number:012d}" for number in range(ids.MAX_ITEMS + 5)]
    response = family.get(
        "/my-list", query_string={"s": ids.write(many) + "." + ids.write(many[30:])}
    )
    text = visible_text(page_text(response))
    assert "only the first 30 are shown" in text
    assert len(ids.read(".".join(ids.short_id(one) for one in many)).ids) == ids.MAX_ITEMS

    family.set_cookie(COOKIE, ".".join(ids.short_id(one) for one in many[: ids.MAX_ITEMS]))
    token = token_in(page_text(family.get("/my-list")))
    (extra, _), *_ = public_ids(search_app, 1)
    full = family.post("/my-list/update", data={"csrf_token": token, "add": extra})
    assert full.headers["Location"] == "/my-list?notice=full"
    assert extra not in ids.read(_list_cookie(family)).ids
    assert "Your list is full" in visible_text(page_text(family.get(full.headers["Location"])))


def test_with_cookies_off_the_family_is_told_and_offered_the_list_in_a_link(
    search_app: Flask,
) -> None:
    no_cookies = search_app.test_client(use_cookies=False)
    (one, name), *_ = public_ids(search_app, 1)
    page = page_text(no_cookies.get(f"/services/{one}"))
    token = token_in(page)
    response = no_cookies.post(
        "/my-list/update", data={"csrf_token": token, "add": one, "next": f"/services/{one}"}
    )
    assert response.status_code == 400
    text = visible_text(page_text(response))
    assert "Your browser is not keeping cookies" in text
    address = f"/my-list?s={ids.short_id(one)}"
    assert f'href="{address}"' in page_text(response)
    # The list in the address still works without cookies.
    assert name in visible_text(page_text(no_cookies.get(address)))


def test_a_family_list_never_shows_a_practitioner_only_service(
    search_app: Flask, family: FlaskClient
) -> None:
    hidden, hidden_name = practitioner_only_id(search_app)
    (one, _), *_ = public_ids(search_app, 1)
    token = token_in(page_text(family.get("/my-list")))
    family.post("/my-list/update", data={"csrf_token": token, "add": hidden})
    family.post("/my-list/update", data={"csrf_token": token, "add": one})
    for address in ("/my-list", "/my-list?s=" + ids.write([hidden, one])):
        page = page_text(family.get(address))
        assert hidden_name not in page
        assert "A service on this list" in visible_text(page)  # like an id never known
        assert ids.short_id(hidden) not in _share_link(page)


def test_the_page_script_is_answered_with_the_change_and_the_new_header(
    search_app: Flask, family: FlaskClient
) -> None:
    (one, _), *_ = public_ids(search_app, 1)
    token = token_in(page_text(family.get(f"/services/{one}")))
    answer = family.post(
        "/my-list/update",
        data={"csrf_token": token, "add": one, "next": f"/services/{one}"},
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["saved"] is True
    assert body["label"] == "Remove from my list"
    assert body["message"] == "Saved to your list. My list: 1 service."
    assert '<span class="govuk-visually-hidden">(1 service)</span>' in body["header"]
    assert ids.read(_list_cookie(family)).ids == (one,)
    removed = family.post(
        "/my-list/update",
        data={"csrf_token": token, "remove": one},
        headers={"Accept": "application/json"},
    ).get_json()
    assert removed["saved"] is False and "My list" not in removed["header"]
    assert _list_cookie(family) is None
