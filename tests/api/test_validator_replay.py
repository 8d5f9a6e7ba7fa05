"""A replay of what the ORUK validator does to an API, on SQLite and PostgreSQL.

Its source (tpximpact/OpenReferralApi, OpenApiValidationService) reads `/` and takes the
standard from `version`; for each list it reads page 1, the middle page (total_pages / 2,
when there are more than two) and the last page, and checks each against the schemas; it
collects the ids it saw and reads up to 10 of them at random by id. Required endpoints are
Level 1, those tagged Optional Level 2. Here every answer must also carry the CORS header.
"""

from __future__ import annotations

import random

from flask import Flask
from flask.testing import FlaskClient

from directory.api.schemas import page_problems, problems
from tests.api.helpers import API, get_json

ENDPOINTS = {
    # list: (item schema of its pages, schema of one by id)
    "/services": ("service_list", "service"),
    "/service_at_locations": ("service_at_location_list", "service_at_location"),
    "/organizations": ("organization_list", "organization"),
    "/taxonomies": ("taxonomy", "taxonomy"),
    "/taxonomy_terms": ("taxonomy_term", "taxonomy_term"),
}


def _read(client: FlaskClient, address: str, **query: object) -> dict:
    response = client.get(address, query_string=query)
    assert response.headers.get("Access-Control-Allow-Origin") == "*", address
    assert response.status_code == 200, (address, query, response.status_code)
    return get_json(client, address, query_string=query)


def test_the_validator_finds_level_1_and_level_2_valid(demo_app: Flask) -> None:
    client = demo_app.test_client()
    about = _read(client, f"{API}/")
    assert about["version"] == "HSDS-UK-3.0"
    assert float(about["version"].rsplit("-", 1)[1]) == 3.0  # how it reads the version
    chance = random.Random(21)
    for path, (item_schema, one_schema) in ENDPOINTS.items():
        first = _read(client, f"{API}{path}", page=1)
        assert first["total_items"] > 0, path
        total_pages = first["total_pages"]
        pages = [first]
        if total_pages > 2:
            pages.append(_read(client, f"{API}{path}", page=total_pages // 2))
        if total_pages > 1:
            pages.append(_read(client, f"{API}{path}", page=total_pages))
            assert pages[-1]["last_page"] and not pages[-1]["empty"], path
        ids = []
        for page in pages:
            assert page_problems(item_schema, page) == [], path
            ids += [item["id"] for item in page["contents"]]
        for item_id in chance.sample(ids, min(10, len(ids))):
            item = _read(client, f"{API}{path}/{item_id}")
            assert problems(one_schema, item) == [], (path, item_id)
            assert item["id"] == item_id


def test_cors_is_open_on_every_answer_of_the_api_and_on_no_page(demo_app: Flask) -> None:
    client = demo_app.test_client()
    for address, status in (
        (f"{API}/services?page=0", 400),
        (f"{API}/services/no-such-id", 404),
        (f"{API}/no-such-address", 404),
    ):
        response = client.get(address)
        assert response.status_code == status
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{API}/services",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    page = client.get("/")
    assert "Access-Control-Allow-Origin" not in page.headers
    assert page.headers["Cache-Control"] == "private, no-cache"
