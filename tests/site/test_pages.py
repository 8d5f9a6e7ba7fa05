"""The site's own pages and the error pages."""

from __future__ import annotations

from flask import abort
from flask.testing import FlaskClient

from tests.support.html import visible_text

HELP_LINE = "Dudley family centres on 01384 812440, Monday to Friday, 9am to 5pm"


def test_accessibility_statement_is_written_for_the_council(client: FlaskClient) -> None:
    response = client.get("/accessibility-statement")

    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "Accessibility statement for Dudley Family Directory" in text
    assert "This website is run by Dudley Council." in text
    assert "Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "axe accessibility engine" in text
    assert "Chromium" in text
    assert "partially compliant" in text
    assert "has not yet been checked by hand" in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert HELP_LINE in text
    assert "This statement was prepared on 23 November 2026." in text


def test_accessibility_statement_offers_email_relay_uk_and_says_shift_needs_javascript(
    client: FlaskClient,
) -> None:
    markup = client.get("/accessibility-statement").get_data(as_text=True)
    text = visible_text(markup)

    assert 'href="mailto:familydirectory@example.org"' in markup
    assert "email familydirectory@example.org at any time" in text
    assert "Relay UK: dial 18001 then 01384 812440" in text
    assert 'href="tel:01384812440"' in markup
    assert (
        "pressing the Shift key 3 times to leave a page about a sensitive subject needs JavaScript"
        in text
    )
    assert "Shift key 3 times when JavaScript is turned on" in text


def test_privacy_notice_names_every_cookie_and_no_tracking(client: FlaskClient) -> None:
    response = client.get("/privacy")

    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "You can use Dudley Family Directory without telling us who you are." in text
    assert "Nothing that identifies you." in text
    assert "it is never sent to another organisation or website" in text
    assert "signpost_locale" in text
    assert "signpost_list" in text
    assert "session" in text
    assert "We do not use analytics" in text
    assert HELP_LINE in text


def test_unknown_address_shows_page_not_found(client: FlaskClient) -> None:
    response = client.get("/no-such-page")

    assert response.status_code == 404
    text = visible_text(response.get_data(as_text=True))
    assert "Page not found" in text
    assert "check it is correct" in text
    assert HELP_LINE in text


def test_wrong_method_shows_a_page_and_says_what_is_allowed(client: FlaskClient) -> None:
    response = client.post("/privacy")

    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "Sorry, you cannot do that on this page" in response.get_data(as_text=True)


def test_a_crash_shows_the_problem_page_without_the_details(client: FlaskClient) -> None:
    app = client.application
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/test-only/crash")
    def crash() -> str:
        raise RuntimeError("secret internal detail")

    response = client.get("/test-only/crash")

    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Sorry, there is a problem with the service" in page
    assert HELP_LINE in visible_text(page)
    assert "secret internal detail" not in page
    assert "Traceback" not in page


def test_a_form_without_its_security_token_is_refused_politely(client: FlaskClient) -> None:
    @client.application.post("/test-only/form")
    def form() -> str:
        return "accepted"

    response = client.post("/test-only/form", data={"postcode": "DY1 1AA"})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Sorry, we could not accept your form" in page
    assert "accepted" not in page


def test_a_bad_request_shows_a_page(client: FlaskClient) -> None:
    @client.application.get("/test-only/bad")
    def bad() -> str:
        abort(400)

    response = client.get("/test-only/bad")

    assert response.status_code == 400
    assert "Sorry, there is a problem with your request" in response.get_data(as_text=True)


def test_privacy_notice_says_what_a_request_for_support_keeps_why_and_how_long(
    client: FlaskClient,
) -> None:
    text = visible_text(client.get("/privacy").get_data(as_text=True))
    assert "Requests for support from a practitioner" in text
    assert "only with your agreement, and record who agreed, when and how" in text
    assert "We keep it so the service can decide whether it can help" in text
    assert "We delete these details 90 days after the service accepts or declines" in text
