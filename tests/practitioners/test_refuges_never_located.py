"""A refuge (a venue with a masked address) is never located by anything the site hands
out: canary refuge data goes in through the real write path (a CSV import with no venue
ids), then every public route, the practitioners' pages, both exports, the family list
with its QR code, the plan's printout and download, and distance searches are read, and
none may hold the refuge's street, town, postcode (any spelling), coordinates or an id
made of them."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from directory.extensions import db
from directory.lists import ids
from directory.models import Location, Postcode, Service, SupportRequest
from directory.support_requests import save_settings
from importers.template import COLUMN_NAMES
from tests.api.crawl import api_addresses, is_api
from tests.lists.helpers import save
from tests.manage.support_requests import send_request
from tests.manage.test_route_inventory import PRACTITIONER_PAGES
from tests.practitioners.helpers import practitioner_client
from tests.support.client import page_text
from tests.support.qr import qr_codes_in
from tests.support.staff import token_in

SOURCE = "canary-refuges"
STREET, ESTATE, TOWN = "17 Quillerbeck Mews", "Snorvale Estate", "Wexhollow"
SERVICES = {
    "canary-refuge": ("Lanternfall Refuge", "public", "active"),
    "canary-refuge-closed": ("Lanternfall Outreach", "public", "inactive"),
    "canary-refuge-referrals": ("Lanternfall Referrals", "practitioners", "active"),
}


def _unused_postcode(app: Flask) -> Postcode:
    """A real postcode of the loaded area that no other venue uses, so it is the canary's."""
    with app.app_context():
        used = set(db.session.scalars(sa.select(Location.postal_code)))
        for place in db.session.scalars(
            sa.select(Postcode).where(Postcode.postcode.like("DY3 %")).order_by(Postcode.postcode)
        ):
            if place.postcode not in used:
                db.session.expunge(place)
                return place
    raise AssertionError("no unused DY3 postcode")


def _canary_file(path: Path, postcode: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMN_NAMES)
        writer.writeheader()
        for key, (name, audience, status) in SERVICES.items():
            writer.writerow(
                {
                    "service_id": key,
                    "name": name,
                    "organisation_name": "Lanternfall Women's Aid",
                    "kind": "support_service",
                    "status": status,
                    "audience": audience,
                    "summary": "Safe emergency housing for women and children escaping abuse.",
                    "phone": "01632 960999",
                    "needs": "domestic-abuse; housing",
                    "delivery": "in_person; phone",
                    "opening_times": "Mon, Tue 09:00-17:00",
                    "venue_name": "Lanternfall House",
                    "address_1": STREET,
                    "address_2": ESTATE,
                    "city": TOWN,
                    "postcode": postcode,
                    "masked_address": "yes",
                }
            )
    return path


def _import(app: Flask, file: Path) -> dict:
    result = app.test_cli_runner().invoke(
        args=["listings", "import", str(file), "--source", SOURCE, "--apply", "--json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def canary(search_app: Flask, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    place = _unused_postcode(search_app)
    file = _canary_file(tmp_path_factory.mktemp("canary") / "refuges.csv", place.postcode)
    report = _import(search_app, file)
    assert report["counts"]["created"] == 3, report
    with search_app.app_context():
        rows = db.session.execute(
            sa.select(Service.external_id, Service.id).where(Service.source == SOURCE)
        )
        service_ids = {key: row_id for key, row_id in rows}
        venue = db.session.scalars(sa.select(Location).where(Location.source == SOURCE)).one()
        venue_key, venue_id = venue.external_id, venue.id
    compact = place.postcode.replace(" ", "")
    secrets = {
        STREET,
        "Quillerbeck",
        ESTATE,
        "Snorvale",
        TOWN,
        place.postcode,
        compact,
        place.postcode.replace(" ", "-"),
        place.postcode.replace(" ", "+"),
        place.postcode.replace(" ", "%20"),
        *(
            f"{place.latitude:.{digits}f}{between}{place.longitude:.{digits}f}"
            for digits in (3, 4, 5)
            for between in (",", ", ", "%2C", "&lon=", "&mlon=", "/")
        ),
        str(place.easting),
        str(place.northing),
    }
    return {
        "file": file,
        "place": place,
        "service_ids": service_ids,
        "venue_key": venue_key,
        "venue_id": venue_id,
        "secrets": {secret.casefold() for secret in secrets},
    }


def _leaks(body: str, canary: dict[str, object]) -> list[str]:
    readable = html.unescape(body).casefold()
    return sorted(secret for secret in canary["secrets"] if secret in readable)  # type: ignore[attr-defined]


def _address(rule: Rule, value: str) -> str:
    return re.sub(r"<[^>]+>", value, rule.rule)


def _values(app: Flask, rule: Rule, canary: dict[str, object], request_ids: list[str]) -> list[str]:
    arguments = set(rule.arguments)
    if arguments == {"request_id"}:
        return [*request_ids, "no-such-request"]
    if arguments == {"service_id"}:
        return [*canary["service_ids"].values(), "no-such-service"]  # type: ignore[attr-defined]
    if arguments == {"code"}:
        council = app.extensions["council"]
        codes = [term.code for term in council.terms("need")]
        return [*codes, *(locality.code for locality in council.localities), "en"]
    assert not arguments, f"{rule.rule}: say how to fill {arguments} in this test"
    return [""]


def _searches(canary: dict[str, object]) -> list[dict[str, str]]:
    """Searches that would find the refuge by its words, need or place, and sort by distance
    from near it (the same street's sector), which must never measure the refuge."""
    place = canary["place"]
    near = place.postcode[:-2] + ("AA" if not place.postcode.endswith("AA") else "AB")  # type: ignore[attr-defined]
    return [
        {"q": "Lanternfall Refuge"},
        {"q": "refuge"},
        {"need": "domestic-abuse"},
        {"q": "refuge", "postcode": place.postcode.split()[0], "sort": "distance"},  # type: ignore[attr-defined]
        {"q": "refuge", "postcode": near, "sort": "distance"},
        {"need": "housing", "postcode": "DY3", "distance": "1"},
    ]


def _read(client: FlaskClient, address: str, canary: dict[str, object], **kwargs) -> str:  # type: ignore[no-untyped-def]
    response = client.get(address, follow_redirects=True, **kwargs)
    assert response.status_code < 500, (address, response.status_code)
    body = page_text(response)
    assert _leaks(body, canary) == [], address
    return body


def test_the_canary_venue_has_an_id_made_of_nothing_it_says(
    search_app: Flask, canary: dict[str, object]
) -> None:
    assert re.fullmatch(r"venue-[0-9a-f]{16}", canary["venue_key"]), canary["venue_key"]  # type: ignore[arg-type]
    assert _leaks(canary["venue_key"], canary) == []  # type: ignore[arg-type]
    # Importing the same file again (it gives no venue id) finds the same venue: no change.
    again = _import(search_app, canary["file"])  # type: ignore[arg-type]
    assert again["counts"]["created"] == 0 and again["counts"]["changed"] == 0, again
    with search_app.app_context():
        venues = db.session.scalars(sa.select(Location).where(Location.source == SOURCE)).all()
        assert [(v.id, v.external_id) for v in venues] == [
            (canary["venue_id"], canary["venue_key"])
        ]
        assert venues[0].latitude is None and venues[0].easting is None


def test_no_public_route_locates_the_refuge(search_app: Flask, canary: dict[str, object]) -> None:
    client = search_app.test_client()
    checked = 0
    for rule in search_app.url_map.iter_rules():
        if "GET" not in (rule.methods or set()) or rule.rule.startswith(("/manage", "/static")):
            continue
        if rule.rule.startswith("/practitioners") or is_api(rule):
            continue
        for value in _values(search_app, rule, canary, []):
            _read(client, _address(rule, value), canary)
            checked += 1
    for query in _searches(canary):
        body = _read(client, "/find-support", canary, query_string=query)
        for card in body.split('<li class="app-service-list__item">')[1:]:
            card = card.split("</li>", 1)[0]
            if "Lanternfall" in card:
                assert not re.search(r"\d mile|\bkm\b", card), (query, card)
        checked += 1
    assert checked > 40


def test_no_api_address_or_parameter_locates_the_refuge(
    search_app: Flask, canary: dict[str, object]
) -> None:
    """Every ORUK API route and parameter, with searches for the refuge's words and
    distance searches from its own postcode, its sector and its district."""
    search_app.config["ORUK_API_RATE_LIMIT"] = "100000 per minute"
    place = canary["place"]
    postcodes = [place.postcode, place.postcode[:-2] + "AA", place.postcode.split()[0]]  # type: ignore[attr-defined]
    client = search_app.test_client()
    seen_refuge = False
    for address in api_addresses(search_app, ["Lanternfall", "refuge"], postcodes):
        body = _read(client, address, canary)
        assert canary["venue_key"] not in body, address
        seen_refuge = seen_refuge or "Lanternfall House" in body
        if "postcode=" in address:
            assert "Lanternfall" not in body, address  # never measured from a refuge
    assert seen_refuge, "the refuge's listing is public: the API names its venue"


def test_no_practitioner_page_locates_the_refuge(
    search_app: Flask, canary: dict[str, object]
) -> None:
    client = practitioner_client(search_app)
    request_ids = _requests_to_the_refuge(search_app, client, canary)
    for rule in search_app.url_map.iter_rules():
        if rule.endpoint not in PRACTITIONER_PAGES or "GET" not in (rule.methods or set()):
            continue
        for value in _values(search_app, rule, canary, request_ids):
            _read(client, _address(rule, value), canary)
    for query in _searches(canary):
        _read(client, "/practitioners", canary, query_string=query)


def _requests_to_the_refuge(
    app: Flask, client: FlaskClient, canary: dict[str, object]
) -> list[str]:
    """The refuge's listings take requests for support, and the practitioner sends one to
    each: the request's pages must not locate the refuge either."""
    service_ids = list(canary["service_ids"].values())  # type: ignore[attr-defined]
    with app.app_context():
        for service_id in service_ids:
            save_settings(service_id, True, ["name", "contact", "help_wanted", "urgency"], "tests")
    for service_id in service_ids:
        # A canary listing practitioners cannot open (withdrawn, say) answers 404.
        response = send_request(client, service_id, need="domestic-abuse")
        assert response.status_code in {200, 302, 303, 404}, (service_id, response.status_code)
    with app.app_context():
        sent = list(
            db.session.scalars(
                sa.select(SupportRequest.id).where(SupportRequest.service_id.in_(service_ids))
            )
        )
    assert sent, "no request reached the refuge's listings"
    return sent


def test_the_family_list_its_qr_code_and_the_plan_printout_do_not_locate_it(
    search_app: Flask, canary: dict[str, object]
) -> None:
    service_ids = list(canary["service_ids"].values())  # type: ignore[attr-defined]
    family = search_app.test_client()
    save(family, service_ids[0], "/my-list")
    listed = _read(family, "/my-list", canary)
    assert "Lanternfall Refuge" in listed
    codes = qr_codes_in(listed)
    assert codes, "the list page draws a QR code"
    for code in codes:
        assert _leaks(code, canary) == []
        shared = code.split("://", 1)[1].split("/", 1)[1]
        _read(search_app.test_client(), f"/{shared}", canary)
    _read(family, f"/my-list?s={ids.write(service_ids)}", canary)

    practitioner = practitioner_client(search_app)
    token = token_in(page_text(practitioner.get("/my-list")))
    for service_id in service_ids:
        practitioner.post("/my-list/update", data={"csrf_token": token, "add": service_id})
    page = _read(practitioner, "/practitioners/plan/", canary)
    data = {"csrf_token": token_in(page), "s": ids.write(service_ids)}
    for address in ("/practitioners/plan/print", "/practitioners/plan/download"):
        response = practitioner.post(address, data=data)
        assert response.status_code == 200, address
        assert _leaks(page_text(response), canary) == [], address


def test_no_export_locates_the_refuge(search_app: Flask, canary: dict[str, object]) -> None:
    runner = search_app.test_cli_runner()
    for format_ in ("csv", "oruk"):
        result = runner.invoke(args=["listings", "export", "--format", format_])
        assert result.exit_code == 0, result.output
        assert "Lanternfall" in result.output, format_
        assert _leaks(result.output, canary) == [], format_
        assert canary["venue_key"] not in result.output, format_  # a source's id may say where
