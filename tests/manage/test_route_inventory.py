"""Every route, listed from the app itself: no staff page without the right role and, for
editors and admins, a second factor; no POST without a CSRF token; the same exact headers."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from directory.accounts.access import ACCESS_ATTRIBUTE, Access
from directory.models import Role
from tests.support.client import page_text
from tests.support.headers import assert_exact_security_headers
from tests.support.staff import (
    PASSWORD,
    csrf_token,
    make_provider,
    make_staff,
    sign_in,
    submit,
)

# Pages anyone may open, and pages for someone part way through signing in. Adding one
# here is a decision to review: everything else under /manage needs a role.
OPEN_PAGES = {
    "manage_account.sign_in",
    "manage_account.open_invitation",
    "manage_account.accept_invitation",
    "manage_account.open_reset_link",
    "manage_account.new_password",
    "manage_account.reset_password",
}
SIGN_IN_PAGES = {
    "manage_account.enter_code",
    "manage_account.set_up_second_factor",
    "manage_account.sign_out",
}


STAFF_PREFIXES = ("/manage", "/practitioners")
"""The staff side and the practitioners' door: both need a signed-in member of staff."""
PRACTITIONER_PAGES = {
    "practitioners.search",
    "practitioners.service",
    "practitioners.needs_first_page",
    "practitioners.locality_report_page",
    "practitioners.locality_report_csv",
    "practitioners.request_counts_csv",
    "practitioner_plan.plan",
    "practitioner_plan.print_page",
    "practitioner_plan.download",
    "practitioner_plan.update",
    "practitioner_plan.save",
    "practitioner_plan.email",
    "practitioner_plan.download_pdf",
    "practitioner_requests.new_request",
    "practitioner_requests.sent_requests",
    "practitioner_requests.sent_request",
}
PRACTITIONER_BLUEPRINTS = ("practitioners", "practitioner_plan", "practitioner_requests")
REQUEST_INBOX_PAGES = {
    "manage_requests.inbox_page",
    "manage_requests.request_page",
    "manage_requests.decision",
    "manage_requests.question",
}
"""The inbox of requests for support: an organisation's providers and council admins (each
request is then checked against the organisation it was sent to)."""
PROVIDER_PAGES = {
    "manage_provider.home",
    "manage_provider.listing",
    "manage_provider.new",
    "manage_provider.edit",
    "manage_provider.confirm",
    "manage_provider.request_settings",
    "manage_account.account",
    "manage_account.recovery_codes",
    "manage_account.new_app",
    "manage_account.replace_app",
    "manage_account.new_recovery_codes",
    *REQUEST_INBOX_PAGES,
}
"""The only pages, beyond signing in, that open to someone of an organisation (a provider)."""


def _staff_rules(app: Flask) -> list[Rule]:
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(STAFF_PREFIXES)]


def _access(app: Flask, rule: Rule) -> Access:
    return getattr(app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE)


def _address(rule: Rule) -> str:
    return re.sub(r"<(?:[^:>]+:)?[^>]+>", "placeholder", rule.rule)


def _requests(app: Flask, needing: Role | None = None) -> list[tuple[str, str, str]]:
    found = []
    for rule in _staff_rules(app):
        access = _access(app, rule)
        if access.kind != "role" or (needing and access.role != needing):
            continue
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            found.append((rule.endpoint, method, _address(rule)))
    return found


def _send(client: FlaskClient, method: str, address: str, token: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(address)
    return client.post(address, data={"csrf_token": token})


def test_every_staff_route_says_who_may_see_it(empty_app: Flask) -> None:
    rules = _staff_rules(empty_app)
    assert len(rules) > 10
    for rule in rules:
        assert rule.endpoint.startswith(("manage_", *PRACTITIONER_BLUEPRINTS)), rule
        access = getattr(empty_app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE, None)
        assert access is not None, f"{rule.rule} does not say who may see it"
    for rule in empty_app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in PRACTITIONER_BLUEPRINTS:
            assert rule.rule.startswith("/practitioners"), rule.endpoint
        elif rule.endpoint.startswith("manage"):
            assert rule.rule.startswith("/manage/"), f"{rule.endpoint} is outside /manage"
    opened = {r.endpoint for r in rules if _access(empty_app, r).kind == "open"}
    half = {r.endpoint for r in rules if _access(empty_app, r).kind == "sign-in"}
    assert opened == OPEN_PAGES
    assert half == SIGN_IN_PAGES
    practitioners = {r.endpoint for r in rules if r.rule.startswith("/practitioners")}
    assert practitioners == PRACTITIONER_PAGES
    for rule in rules:
        if rule.endpoint in PRACTITIONER_PAGES:
            assert _access(empty_app, rule) == Access("role", Role.PRACTITIONER), rule.endpoint
    for_providers = {r.endpoint for r in rules if _access(empty_app, r).allows(Role.PROVIDER)}
    assert for_providers == PROVIDER_PAGES


def test_no_staff_route_is_reachable_without_signing_in(empty_app: Flask) -> None:
    client = empty_app.test_client()
    token = csrf_token(client, "/manage/sign-in")
    requests = _requests(empty_app)
    assert requests
    for endpoint, method, address in requests:
        response = _send(client, method, address, token)
        assert response.status_code == 302, (endpoint, method, response.status_code)
        assert response.headers["Location"].startswith("/manage/sign-in"), endpoint


def test_no_staff_route_is_reachable_with_a_password_but_no_second_factor(
    empty_app: Flask,
) -> None:
    admin = make_staff(empty_app, Role.ADMIN)
    client = empty_app.test_client()
    submit(client, "/manage/sign-in", {"email": admin.email, "password": PASSWORD})
    token = csrf_token(client, "/manage/sign-in/code")
    for endpoint, method, address in _requests(empty_app):
        response = _send(client, method, address, token)
        assert response.status_code == 302, (endpoint, method)
        assert response.headers["Location"] == "/manage/sign-in/code", endpoint


def test_an_editor_who_never_set_up_an_app_must_do_so_first(empty_app: Flask) -> None:
    editor = make_staff(empty_app, Role.EDITOR, second_factor_set_up=False)
    client = empty_app.test_client()
    submit(client, "/manage/sign-in", {"email": editor.email, "password": PASSWORD})
    token = csrf_token(client, "/manage/set-up-two-factor")
    for endpoint, method, address in _requests(empty_app):
        response = _send(client, method, address, token)
        assert response.headers["Location"] == "/manage/set-up-two-factor", endpoint


@pytest.mark.parametrize(
    ("role", "forbidden"),
    [(Role.PRACTITIONER, Role.EDITOR), (Role.PRACTITIONER, Role.ADMIN), (Role.EDITOR, Role.ADMIN)],
)
def test_no_staff_route_is_reachable_without_the_right_role(
    empty_app: Flask, role: Role, forbidden: Role
) -> None:
    person = make_staff(empty_app, role)
    client = empty_app.test_client()
    sign_in(empty_app, client, person)
    token = csrf_token(client, "/manage/account")
    requests = _requests(empty_app, needing=forbidden)
    assert requests, f"no routes need {forbidden}"
    for endpoint, method, address in requests:
        response = _send(client, method, address, token)
        assert response.status_code == 403, (endpoint, method, response.status_code)


def test_a_provider_reaches_no_staff_route_but_their_own(empty_app: Flask) -> None:
    """Property over every staff route, GET and POST: a provider is refused everything a
    practitioner, editor or admin may open, and is let into the provider pages only."""
    provider = make_provider(empty_app)
    client = empty_app.test_client()
    sign_in(empty_app, client, provider)
    token = csrf_token(client, "/manage/account")
    opened = []
    for endpoint, method, address in _requests(empty_app):
        response = _send(client, method, address, token)
        if endpoint in PROVIDER_PAGES:
            opened.append(endpoint)
            assert response.status_code != 403, (endpoint, method)
        else:
            assert response.status_code == 403, (endpoint, method, response.status_code)
    assert "manage_provider.home" in opened


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.EDITOR, Role.ADMIN])
def test_no_council_role_reaches_the_provider_pages(empty_app: Flask, role: Role) -> None:
    person = make_staff(empty_app, role)
    client = empty_app.test_client()
    sign_in(empty_app, client, person)
    token = csrf_token(client, "/manage/account")
    requests = [
        request
        for request in _requests(empty_app, needing=Role.PROVIDER)
        if request[0] not in PROVIDER_PAGES - {"manage_provider.home"}
    ]
    assert requests
    for endpoint, method, address in requests:
        response = _send(client, method, address, token)
        assert response.status_code == 403, (endpoint, method, response.status_code)


def test_every_post_is_refused_without_a_csrf_token(empty_app: Flask) -> None:
    admin = make_staff(empty_app, Role.ADMIN)
    client = empty_app.test_client()
    sign_in(empty_app, client, admin)
    posts = [
        rule
        for rule in empty_app.url_map.iter_rules()
        if "POST" in (rule.methods or set()) and rule.endpoint != "static"
    ]
    assert len(posts) > 5
    for rule in posts:
        for data in ({}, {"csrf_token": "made-up"}):
            response = client.post(_address(rule), data=data)
            assert response.status_code == 400, (rule.rule, response.status_code)
            assert "Sorry, we could not accept your form" in page_text(response), rule.rule
            assert_exact_security_headers(response)


def test_staff_and_error_pages_send_the_exact_headers_and_are_never_stored(
    empty_app: Flask, client: FlaskClient
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    anonymous = client.get("/manage/sign-in")
    sign_in(empty_app, client, editor)
    pages = {
        "sign-in": anonymous,
        "staff home": client.get("/manage/"),
        "account": client.get("/manage/account"),
        "forbidden": client.get("/manage/users/"),
        "missing staff page": client.get("/manage/no-such-page"),
    }
    assert pages["forbidden"].status_code == 403
    for name, response in pages.items():
        assert_exact_security_headers(response)
        assert response.headers["Cache-Control"] == "no-store", name
    public = client.get("/privacy")
    assert_exact_security_headers(public)
    assert public.headers["Cache-Control"] == "private, no-cache"


def test_staff_pages_say_they_are_in_english(empty_app: Flask, client: FlaskClient) -> None:
    response = client.get("/manage/sign-in", headers={"Accept-Language": "pl, cy;q=0.8"})
    assert '<html lang="en"' in page_text(response)


def test_the_plan_list_is_for_signed_in_staff_and_the_family_list_for_everyone(
    empty_app: Flask,
) -> None:
    rules = {rule.endpoint: rule for rule in empty_app.url_map.iter_rules()}
    for endpoint in (
        "practitioner_plan.plan",
        "practitioner_plan.print_page",
        "practitioner_plan.download",
    ):
        assert _access(empty_app, rules[endpoint]) == Access("role", Role.PRACTITIONER)
    for endpoint in ("lists.my_list", "lists.update", "lists.clear", "lists.keep"):
        assert not rules[endpoint].rule.startswith("/manage"), endpoint
    client = empty_app.test_client()
    response = client.get("/practitioners/plan/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/manage/sign-in")


def test_the_security_events_and_second_factor_changes_need_a_full_sign_in(
    empty_app: Flask,
) -> None:
    rules = {rule.endpoint: rule for rule in empty_app.url_map.iter_rules()}
    assert _access(empty_app, rules["manage_security.events_page"]) == Access("role", Role.ADMIN)
    for endpoint in (
        "manage_account.new_app",
        "manage_account.replace_app",
        "manage_account.new_recovery_codes",
    ):
        assert _access(empty_app, rules[endpoint]) == Access(
            "role", Role.PRACTITIONER, (Role.PROVIDER,)
        ), endpoint


def test_requests_for_support_need_the_right_role(empty_app: Flask) -> None:
    rules = {rule.endpoint: rule for rule in empty_app.url_map.iter_rules()}
    inbox = {endpoint for endpoint in rules if endpoint.startswith("manage_requests.")}
    assert inbox == REQUEST_INBOX_PAGES | {"manage_requests.listing_settings"}
    for endpoint in REQUEST_INBOX_PAGES:
        access = _access(empty_app, rules[endpoint])
        assert access == Access("role", Role.ADMIN, (Role.PROVIDER,)), endpoint
    settings = rules["manage_requests.listing_settings"]
    assert _access(empty_app, settings) == Access("role", Role.EDITOR)
    own = rules["manage_provider.request_settings"]
    assert _access(empty_app, own) == Access("role", Role.PROVIDER)
    assert {"GET", "POST"} <= (own.methods or set())
    for endpoint in ("practitioner_requests.new_request", "practitioner_requests.sent_request"):
        assert "POST" in (rules[endpoint].methods or set())
