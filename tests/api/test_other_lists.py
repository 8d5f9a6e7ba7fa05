"""The optional ORUK lists: services at locations (near a postcode too), organisations,
taxonomies and their terms; each page and item checked against the ORUK schemas."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from directory.api.schemas import page_problems, problems
from directory.extensions import db
from directory.models import Location, Service, ServiceAtLocation
from directory.postcodes.lookup import find_place
from tests.api.helpers import API, get_json, nulls, pages, public_ids


def test_services_at_locations_are_the_public_services_venues(demo_app: Flask) -> None:
    client = demo_app.test_client()
    visible = public_ids(demo_app)
    with demo_app.app_context():
        expected = {
            link_id
            for link_id, service_id in db.session.execute(
                sa.select(ServiceAtLocation.id, ServiceAtLocation.service_id)
            )
            if service_id in visible
        }
    seen = set()
    for page in pages(client, f"{API}/service_at_locations", per_page=100):
        assert page_problems("service_at_location_list", page) == []
        assert nulls(page) == []
        seen |= {item["id"] for item in page["contents"]}
    assert seen == expected
    one = get_json(
        client, f"{API}/service_at_locations/{sorted(seen)[0]}", query_string={"full": "true"}
    )
    assert problems("service_at_location", one) == []
    assert one["location"]["id"] == one["location_id"] and one["service"]["id"] == one["service_id"]


def test_near_a_postcode_only_venues_within_proximity_nearest_first(search_app: Flask) -> None:
    client = search_app.test_client()
    with search_app.app_context():
        place = find_place("DY1 1QJ")
        positions = {
            link_id: ((east - place.easting) ** 2 + (north - place.northing) ** 2) ** 0.5
            for link_id, east, north, masked in db.session.execute(
                sa.select(
                    ServiceAtLocation.id,
                    Location.easting,
                    Location.northing,
                    Location.masked_address,
                )
                .join(Location, Location.id == ServiceAtLocation.location_id)
                .join(Service, Service.id == ServiceAtLocation.service_id)
            )
            if east is not None and not masked
        }
    visible_links = {
        item["id"]
        for page in pages(client, f"{API}/service_at_locations", per_page=500)
        for item in page["contents"]
    }
    within = sorted((m, i) for i, m in positions.items() if m <= 2000 and i in visible_links)
    found = [
        item["id"]
        for page in pages(
            client, f"{API}/service_at_locations", postcode="dy11qj", proximity=2000, per_page=7
        )
        for item in page["contents"]
    ]
    assert found == [i for _, i in within] and found
    alone = get_json(client, f"{API}/service_at_locations", query_string={"proximity": "10"})
    assert alone["total_items"] == len(visible_links)  # proximity waits for a postcode
    for query, status, message in (
        ({"postcode": "not a postcode"}, 400, "postcode must be a UK postcode"),
        ({"postcode": "ZZ99 9ZZ"}, 404, "postcode was not found"),
        ({"postcode": "BT1 1AA"}, 404, "postcode was not found"),
        ({"postcode": "DY1", "proximity": "100001"}, 400, "proximity must be a whole number"),
    ):
        body = get_json(client, f"{API}/service_at_locations", status, query_string=query)
        assert body["message"].startswith(message), query


def test_organisations_are_those_with_a_public_service(demo_app: Flask) -> None:
    client = demo_app.test_client()
    visible = public_ids(demo_app)
    with demo_app.app_context():
        expected = {
            organisation_id
            for service_id, organisation_id in db.session.execute(
                sa.select(Service.id, Service.organization_id)
            )
            if service_id in visible
        }
    seen = set()
    for page in pages(client, f"{API}/organizations", per_page=50):
        assert page_problems("organization_list", page) == []
        seen |= {item["id"] for item in page["contents"]}
    assert seen == expected
    one = get_json(client, f"{API}/organizations/{sorted(seen)[0]}")
    assert problems("organization", one) == [] and one["services"]
    assert {s["id"] for s in one["services"]} <= visible


def test_taxonomies_and_their_terms(demo_app: Flask) -> None:
    client = demo_app.test_client()
    taxonomies = get_json(client, f"{API}/taxonomies")
    assert page_problems("taxonomy", taxonomies) == []
    names = {t["name"]: t["id"] for t in taxonomies["contents"]}
    assert {"need", "category", "level"} <= set(names)
    need = get_json(client, f"{API}/taxonomies/{names['need']}")
    assert problems("taxonomy", need) == [] and len(need["taxonomy_terms"]) >= 10
    assert get_json(client, f"{API}/taxonomies/need")["id"] == names["need"]
    terms = get_json(
        client,
        f"{API}/taxonomy_terms",
        query_string={"taxonomy_id": names["need"], "per_page": 500},
    )
    assert page_problems("taxonomy_term", terms) == []
    assert {t["id"] for t in terms["contents"]} == {t["id"] for t in need["taxonomy_terms"]}
    one = get_json(client, f"{API}/taxonomy_terms/{terms['contents'][0]['id']}")
    assert problems("taxonomy_term", one) == [] and one["taxonomy_id"] == names["need"]
    get_json(client, f"{API}/taxonomy_terms/no-such-term", 404)
    get_json(client, f"{API}/taxonomies/no-such-taxonomy", 404)
