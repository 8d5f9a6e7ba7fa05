"""The API's own headers: shared caching, validators with 304, and throttling with
Retry-After; none of them on the site's pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from directory.api import DEFAULT_RATE_LIMIT
from directory.config import ConfigError
from tests.api.helpers import API, get_json, public_ids
from tests.api.test_services import changed
from tests.support.apps import config_for_tests, migrated_app
from tests.support.databases import fresh_database
from tests.support.templates import MIGRATED


def test_api_answers_may_be_cached_for_five_minutes_and_pages_may_not(demo_app: Flask) -> None:
    client = demo_app.test_client()
    for address in (f"{API}/", f"{API}/services", f"{API}/services/no-such-id"):
        assert client.get(address).headers["Cache-Control"] == "public, max-age=300", address
    assert client.get("/").headers["Cache-Control"] == "private, no-cache"
    assert "Set-Cookie" not in client.get(f"{API}/services").headers


@pytest.mark.parametrize("encoding", ["identity", "br", "gzip"])
def test_a_client_with_the_current_version_gets_304_and_a_changed_one_200(
    demo_app: Flask, encoding: str
) -> None:
    client = demo_app.test_client()
    address = f"{API}/services/{sorted(public_ids(demo_app))[5]}"
    headers = {"Accept-Encoding": encoding}
    first = client.get(address, headers=headers)
    assert first.status_code == 200 and first.headers["ETag"] and first.last_modified
    again = client.get(address, headers={**headers, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["Access-Control-Allow-Origin"] == "*"
    since = client.get(
        address, headers={**headers, "If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert since.status_code == 304
    service_id = address.rsplit("/", 1)[1]
    with changed(demo_app, service_id, email="changed@example.org"):
        now = client.get(address, headers={**headers, "If-None-Match": first.headers["ETag"]})
        assert now.status_code == 200 and now.headers["ETag"] != first.headers["ETag"]


def test_past_the_limit_an_address_gets_429_with_retry_after(
    demo_app: Flask, tmp_path: Path
) -> None:
    demo_app.config["ORUK_API_RATE_LIMIT"] = "3 per minute"
    try:
        client = demo_app.test_client()
        other = {"REMOTE_ADDR": "192.0.2.9"}
        statuses = [client.get(f"{API}/services?per_page=1").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = client.get(f"{API}/")
        body = get_json(client, f"{API}/", 429)
        assert (
            body["message"] == "Too many requests from your address: the limit is 3 per 1 minute."
        )
        assert 1 <= int(refused.headers["Retry-After"]) <= 61  # the window, rounded up
        assert refused.headers["Cache-Control"] == "no-store"
        assert refused.headers["Access-Control-Allow-Origin"] == "*"
        assert client.get(f"{API}/", environ_base=other).status_code == 200
        assert client.get("/").status_code == 200  # the site's pages are not the API's count
    finally:
        demo_app.config["ORUK_API_RATE_LIMIT"] = "100000 per minute"
    assert DEFAULT_RATE_LIMIT == "300 per minute"


def test_a_wrong_limit_stops_the_site_at_start(tmp_path: Path) -> None:
    with fresh_database("sqlite", tmp_path, like=MIGRATED) as url:
        config = config_for_tests(url, tmp_path, extra={"ORUK_API_RATE_LIMIT": "lots"})
        with pytest.raises(ConfigError, match="ORUK_API_RATE_LIMIT must be a rate"):
            migrated_app(config)
