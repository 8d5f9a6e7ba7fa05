"""The ORUK read API's core: `/`, `/services` and `/services/{id}`, every response checked
against the vendored ORUK 3.0 schemas, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.api.schemas import page_problems, problems
from directory.extensions import db
from directory.models import Audience, Contact, Service, ServiceStatus, TaxonomyTerm
from tests.api.helpers import API, get_json, nulls, pages, public_ids
from tests.practitioners.helpers import practitioner_only
from tests.support.client import page_text


@contextmanager
def changed(app: Flask, service_id: str, **values: object) -> Iterator[None]:
    """The service with ``values`` set, put back afterwards."""
    with app.app_context():
        service = db.session.get(Service, service_id)
        before = {name: getattr(service, name) for name in values}
        for name, value in values.items():
            setattr(service, name, value)
        db.session.commit()
    try:
        yield
    finally:
        with app.app_context():
            service = db.session.get(Service, service_id)
            for name, value in before.items():
                setattr(service, name, value)
            db.session.commit()


def test_the_root_names_the_version_its_profile_and_openapi_document(demo_app: Flask) -> None:
    about = get_json(demo_app.test_client(), f"{API}/")
    assert about["version"] == "HSDS-UK-3.0"
    assert about["profile"].startswith("https://")
    assert about["openapi_url"] == "http://localhost/api/oruk/openapi.json"
    assert about["publisher"]["name"] == "Dudley Council"
    assert "Open Government Licence" in about["licence"]["name"]
    assert "Dudley" in about["attribution"]
    assert get_json(demo_app.test_client(), API) == about  # no trailing slash: the same


def test_a_harvester_reads_every_public_service_once_from_the_pages_and_by_id(
    demo_app: Flask,
) -> None:
    """DfE's harvester pattern: `/services` with no page, each page it names, then each id."""
    client = demo_app.test_client()
    seen: list[str] = []
    for number, page in enumerate(pages(client, f"{API}/services"), start=1):
        assert page_problems("service_list", page) == [], number
        assert page["page_number"] == number and page["size"] == len(page["contents"])
        assert page["first_page"] == (number == 1)
        assert page["last_page"] == (number == page["total_pages"])
        seen += [item["id"] for item in page["contents"]]
    assert len(seen) == len(set(seen)) == page["total_items"]
    assert set(seen) == public_ids(demo_app)
    assert seen == sorted(seen)
    for service_id in seen:
        service = get_json(client, f"{API}/services/{service_id}")
        assert problems("service", service) == [], service_id
        assert nulls(service) == [], service_id


def test_no_field_is_ever_null_and_fees_repeat_fees_description(demo_app: Flask) -> None:
    client = demo_app.test_client()
    page = get_json(client, f"{API}/services", query_string={"per_page": 500, "full": "true"})
    assert page["total_items"] > 200
    assert nulls(page) == []
    assert page_problems("service", page) == []
    charged = [s for s in page["contents"] if "fees_description" in s]
    assert charged, "some demo listings say what they cost"
    assert all(s["fees"] == s["fees_description"] for s in charged)
    assert all("fees" not in s for s in page["contents"] if "fees_description" not in s)


def test_pages_have_the_size_asked_for_and_one_past_the_end_is_empty(demo_app: Flask) -> None:
    client = demo_app.test_client()
    first = get_json(client, f"{API}/services", query_string={"per_page": 7})
    assert first["size"] == 7 and first["total_pages"] == -(-first["total_items"] // 7)
    last = get_json(
        client, f"{API}/services", query_string={"per_page": 7, "page": first["total_pages"]}
    )
    assert last["last_page"] and 1 <= last["size"] <= 7
    beyond = get_json(
        client, f"{API}/services", query_string={"per_page": 7, "page": first["total_pages"] + 1}
    )
    assert beyond["empty"] and beyond["contents"] == [] and beyond["last_page"]
    assert beyond["total_items"] == first["total_items"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"page": "0"}, "page must be a whole number 1 or more."),
        ({"page": "-1"}, "page must be a whole number 1 or more."),
        ({"page": "two"}, "page must be a whole number 1 or more."),
        ({"per_page": "0"}, "per_page must be a whole number from 1 to 500."),
        ({"per_page": "501"}, "per_page must be a whole number from 1 to 500."),
        ({"per_page": "1e3"}, "per_page must be a whole number from 1 to 500."),
        ({"minimal": "yes"}, "minimal must be true or false."),
        ({"full": "1"}, "full must be true or false."),
        ({"format": "xml"}, "format must be json or ndjson."),
        ({"modified_after": "last week"}, "modified_after must be a date or date-time"),
        ({"search": "x" * 257}, "search must be at most 256 characters."),
        ({"organization_id": "x" * 65}, "organization_id must be an id of at most 64"),
    ],
)
def test_a_bad_parameter_gets_a_json_400_that_says_what_to_change(
    demo_app: Flask, query: dict[str, str], message: str
) -> None:
    body = get_json(demo_app.test_client(), f"{API}/services", 400, query_string=query)
    assert body["status"] == 400 and body["error"] == "Bad Request"
    assert body["message"].startswith(message)


def test_unknown_practitioner_only_and_gone_services_by_id(demo_app: Flask) -> None:
    client = demo_app.test_client()
    hidden = practitioner_only(demo_app)[0]
    for service_id in (hidden.id, "no-such-service", "x" * 300):
        body = get_json(client, f"{API}/services/{service_id}", 404)
        assert body["status"] == 404
    assert hidden.name not in page_text(client.get(f"{API}/services/{hidden.id}"))
    listed = sorted(public_ids(demo_app))[0]
    with changed(demo_app, listed, status=ServiceStatus.DEFUNCT):
        body = get_json(client, f"{API}/services/{listed}", 410)
        assert body["error"] == "Gone"
    assert get_json(client, f"{API}/services/{listed}")["id"] == listed


def test_modified_after_also_sends_tombstones_of_withdrawn_and_out_of_season_listings(
    demo_app: Flask,
) -> None:
    client = demo_app.test_client()
    withdrawn, seasonal = sorted(public_ids(demo_app))[1:3]
    hidden = practitioner_only(demo_app)[0]
    since = datetime.now(UTC).isoformat()
    with (
        changed(demo_app, withdrawn, status=ServiceStatus.INACTIVE),
        changed(demo_app, seasonal, visible_to=date.today() - timedelta(days=1)),
        changed(demo_app, hidden.id, description=hidden.description + " "),
    ):
        plain = get_json(client, f"{API}/services", query_string={"per_page": 500})
        assert not {withdrawn, seasonal} & {s["id"] for s in plain["contents"]}
        page = get_json(
            client, f"{API}/services", query_string={"modified_after": since, "per_page": 500}
        )
        assert page_problems("service_list", page) == []
        items = {item["id"]: item for item in page["contents"]}
        assert items[withdrawn] == {
            "id": withdrawn,
            "name": "Not listed",
            "status": "inactive",
            "last_modified": items[withdrawn]["last_modified"],
        }
        assert items[seasonal]["status"] == "temporarily closed"
        assert hidden.id not in items  # practitioners only: never even a tombstone
        assert set(items) == {withdrawn, seasonal}
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    later = get_json(client, f"{API}/services", query_string={"modified_after": future})
    assert later["total_items"] == 0 and later["empty"]


def test_minimal_gives_what_a_harvester_needs_to_tell_what_changed(demo_app: Flask) -> None:
    page = get_json(
        demo_app.test_client(), f"{API}/services", query_string={"minimal": "true", "per_page": 3}
    )
    assert page_problems("service_list", page) == []
    assert {tuple(item) for item in page["contents"]} == {("id", "name", "status", "last_modified")}


def test_filters_narrow_services_as_the_database_says(demo_app: Flask) -> None:
    client = demo_app.test_client()
    visible = public_ids(demo_app)
    with demo_app.app_context():
        term = db.session.scalars(
            sa.select(TaxonomyTerm).where(TaxonomyTerm.scheme == "need").order_by(TaxonomyTerm.id)
        ).first()
        with_term = {
            s.id for s in db.session.scalars(sa.select(Service)) if term in s.taxonomy_terms
        } & visible
        any_need = {
            s.id
            for s in db.session.scalars(sa.select(Service))
            if any(t.scheme == "need" for t in s.taxonomy_terms)
        } & visible
        some = db.session.get(Service, sorted(visible)[0])
        organisation_id = some.organization_id
        of_organisation = {
            s.id
            for s in db.session.scalars(
                sa.select(Service).where(Service.organization_id == organisation_id)
            )
        } & visible
        word = some.name.split()[0].casefold()

    def ids(**query: str) -> set[str]:
        return {
            item["id"]
            for page in pages(client, f"{API}/services", **query)
            for item in page["contents"]
        }

    assert ids(taxonomy_term_id=term.id) == with_term and with_term
    taxonomies = get_json(client, f"{API}/taxonomies")["contents"]
    need = next(t["id"] for t in taxonomies if t["name"] == "need")
    assert ids(taxonomy_id=need) == any_need
    assert ids(organization_id=organisation_id) == of_organisation
    assert ids(taxonomy_id="no-such-taxonomy") == set()
    found = ids(search=word)
    assert some.id in found and found <= visible


def test_ndjson_streams_every_public_service_one_a_line(demo_app: Flask) -> None:
    response = demo_app.test_client().get(f"{API}/services", query_string={"format": "ndjson"})
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    lines = page_text(response).splitlines()
    items = [json.loads(line) for line in lines]
    assert {item["id"] for item in items} == public_ids(demo_app)
    for item in random.Random(3).sample(items, 10):
        assert problems("service_list", item) == []


def test_practitioner_only_listings_are_in_no_list(demo_app: Flask) -> None:
    hidden = {s.id for s in practitioner_only(demo_app)}
    with demo_app.app_context():
        assert db.session.scalar(
            sa.select(sa.func.count()).where(Service.audience == Audience.PRACTITIONERS)
        )
    client = demo_app.test_client()
    for query in ({}, {"modified_after": "2000-01-01"}, {"full": "true"}, {"minimal": "true"}):
        ids = {
            item["id"]
            for page in pages(client, f"{API}/services", per_page=500, **query)
            for item in page["contents"]
        }
        assert ids and not ids & hidden, query


def test_a_named_contact_is_never_published(demo_app: Flask) -> None:
    """Contacts name people (personal data) and the family site never shows them."""
    listed = sorted(public_ids(demo_app))[6]
    with demo_app.app_context():
        contact = Contact(
            service_id=listed, name="Jo Quindlebury", title="Manager", email="jo.q@example.org"
        )
        db.session.add(contact)
        db.session.commit()
        contact_id = contact.id
    try:
        client = demo_app.test_client()
        for address in (
            f"{API}/services/{listed}",
            f"{API}/services?full=true&per_page=500",
            f"{API}/services?format=ndjson&full=true",
            f"{API}/service_at_locations?full=true&per_page=500",
            f"{API}/organizations?per_page=500",
        ):
            body = page_text(client.get(address))
            assert "Quindlebury" not in body and "jo.q@" not in body, address
            assert '"contacts"' not in body, address
    finally:
        with demo_app.app_context():
            db.session.delete(db.session.get(Contact, contact_id))
            db.session.commit()
