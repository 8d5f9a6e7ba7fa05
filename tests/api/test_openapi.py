"""The API's own OpenAPI 3.1 document: valid, served where `/` says, and true to the routes."""

from __future__ import annotations

import copy
import re

import pytest
from flask import Flask
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from directory.api.openapi import document
from tests.api.helpers import API, get_json


def test_the_document_is_valid_openapi_3_1() -> None:
    built = document("http://localhost/api/oruk")
    assert built["openapi"] == "3.1.0"
    validate(built)


def test_the_validator_catches_a_broken_document() -> None:
    broken = copy.deepcopy(document("http://localhost/api/oruk"))
    broken["paths"]["/services"]["get"]["responses"] = "none"
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


def test_the_root_points_at_the_served_document(demo_app: Flask) -> None:
    client = demo_app.test_client()
    about = get_json(client, f"{API}/")
    served = get_json(client, about["openapi_url"].removeprefix("http://localhost"))
    assert served == document("http://localhost/api/oruk")


def test_the_document_names_every_route_and_no_other(demo_app: Flask) -> None:
    routes = {
        re.sub(r"<[^>]+>", "{id}", rule.rule.removeprefix(API)) or "/"
        for rule in demo_app.url_map.iter_rules()
        if rule.rule.startswith(API)
    }
    routes -= {"/{id}", "/openapi.json"}  # the JSON 404 for unknown addresses; the document
    assert set(document("")["paths"]) == routes


def test_parameters_have_tight_bounds_and_errors_are_documented() -> None:
    built = document("")
    parameters = built["components"]["parameters"]
    assert parameters["page"]["schema"]["minimum"] == 1
    assert (
        parameters["per_page"]["schema"]["minimum"],
        parameters["per_page"]["schema"]["maximum"],
    ) == (1, 500)
    assert (
        parameters["full"]["schema"]["type"] == parameters["minimal"]["schema"]["type"] == "boolean"
    )
    services = built["paths"]["/services/{id}"]["get"]["responses"]
    assert {"200", "404", "410"} <= set(services)
    assert set(built["paths"]["/services"]["get"]["responses"]) >= {"200", "400", "429"}
    assert "Retry-After" in built["components"]["responses"]["TooManyRequests"]["headers"]
    optional = {p for p, item in built["paths"].items() if item["get"].get("tags") == ["Optional"]}
    assert optional.isdisjoint({"/", "/services", "/services/{id}"})
