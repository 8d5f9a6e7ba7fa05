"""Every address of the ORUK API with every parameter, for the tests that prove nothing
private leaks: each route, each list with each of its parameters, and each item by id,
including the ids of listings the public must never see."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask
from werkzeug.routing import Rule

from directory.exports.oruk_json import taxonomy_id
from directory.extensions import db
from directory.models import Service, ServiceAtLocation, TaxonomyTerm

API = "/api/oruk"

LIST_PARAMETERS: tuple[dict[str, str], ...] = (
    {},
    {"full": "true"},
    {"minimal": "true"},
    {"format": "ndjson"},
    {"format": "ndjson", "full": "true"},
    {"modified_after": "2000-01-01T00:00:00Z"},
    {"modified_after": "2000-01-01", "full": "true", "per_page": "500"},
    {"per_page": "500", "page": "1"},
    {"page": "2", "per_page": "100"},
)


def is_api(rule: Rule) -> bool:
    return rule.rule.startswith(API)


def api_addresses(app: Flask, words: list[str], postcodes: list[str]) -> list[str]:
    """Addresses to read: ``words`` are searched for and ``postcodes`` searched near."""
    with app.app_context():
        service_ids = list(db.session.scalars(sa.select(Service.id)))
        link_ids = list(db.session.scalars(sa.select(ServiceAtLocation.id)))
        organisation_ids = list(db.session.scalars(sa.select(Service.organization_id).distinct()))
        terms = list(db.session.scalars(sa.select(TaxonomyTerm)))
    fillers = {
        "service_id": service_ids,
        "link_id": [f"{i}?full=true" for i in link_ids] + link_ids[:20],
        "organization_id": organisation_ids,
        "taxonomy_id": sorted({taxonomy_id(t.scheme) for t in terms}),
        "term_id": [t.id for t in terms],
        "anything": ["nothing-here"],
    }
    addresses: list[str] = []
    for rule in app.url_map.iter_rules():
        if not is_api(rule) or "GET" not in (rule.methods or set()):
            continue
        arguments = list(rule.arguments)
        if len(arguments) > 1:
            raise AssertionError(f"{rule.rule}: say how to fill {arguments} in this crawl")
        if arguments:
            name = arguments[0]
            if name not in fillers:
                raise AssertionError(f"{rule.rule}: say how to fill {name} in this crawl")
            addresses += [rule.rule.replace(f"<{name}>", value) for value in fillers[name]]
            continue
        addresses.append(rule.rule)
        if rule.rule.endswith(("/services", "/service_at_locations", "/organizations")):
            addresses += [_with(rule.rule, query) for query in LIST_PARAMETERS]
            addresses += [_with(rule.rule, {"search": word, "full": "true"}) for word in words]
        if rule.rule.endswith(("/services", "/service_at_locations")):
            addresses += [
                _with(rule.rule, {"organization_id": i, "full": "true"}) for i in organisation_ids
            ]
            addresses += [_with(rule.rule, {"taxonomy_term_id": t.id}) for t in terms[:10]]
        if rule.rule.endswith("/service_at_locations"):
            addresses += [
                _with(rule.rule, {"postcode": postcode, "proximity": metres, **extra})
                for postcode in postcodes
                for metres in ("100", "2000", "100000")
                for extra in ({}, {"full": "true"}, {"format": "ndjson"})
            ]
    return addresses


def _with(path: str, query: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return f"{path}?{urlencode(query)}" if query else path
