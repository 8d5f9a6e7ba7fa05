"""The API's own OpenAPI 3.1 document, built from the vendored ORUK 3.0 schemas.

Paths and parameters follow the ORUK 3.0 specification (and the ORUK validator's copy of
it: optional endpoints are tagged "Optional"), with the bounds this API enforces, so a
client or a fuzzer knows exactly what is refused with a 400.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from directory.api import params
from directory.api.presenting import LICENCE_NAME, LICENCE_URL, ORUK_VERSION
from directory.api.schemas import page_schema, schema

JSON = "application/json"
NDJSON = "application/x-ndjson"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_NAMES = {
    "Service": "service",
    "ServiceListItem": "service_list",
    "ServiceAtLocation": "service_at_location",
    "ServiceAtLocationListItem": "service_at_location_list",
    "Organization": "organization",
    "OrganizationListItem": "organization_list",
    "Taxonomy": "taxonomy",
    "TaxonomyTerm": "taxonomy_term",
}
_LOCAL_REFS = {"taxonomy_term.json": "#/components/schemas/TaxonomyTerm"}


ID = {"type": "string", "maxLength": params.MAX_ID_CHARS, "pattern": "^[^\\u0000-\\u001f\\u007f]*$"}
"""An id as a parameter: short, without control characters (see ``params.fits_id``)."""


def _parameter(name: str, description: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": value,
    }


PARAMETERS: dict[str, dict[str, Any]] = {
    "page": _parameter(
        "page",
        "Page number of paginated result, from 1. A page past the last is empty.",
        {"type": "integer", "minimum": 1, "maximum": params.MAX_WHOLE_NUMBER, "default": 1},
    ),
    "per_page": _parameter(
        "per_page",
        "Number of results requested in a single page.",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": params.MAX_PER_PAGE,
            "default": params.DEFAULT_PER_PAGE,
        },
    ),
    "search": _parameter(
        "search",
        "Full text search: every word in the name, description or organisation's name.",
        {"type": "string", "maxLength": params.MAX_SEARCH_CHARS},
    ),
    "format": _parameter(
        "format",
        "json (default), or ndjson: every result, one JSON object a line, streamed.",
        {"type": "string", "enum": ["json", "ndjson"], "default": "json"},
    ),
    "taxonomy_term_id": _parameter(
        "taxonomy_term_id", "Only those with this taxonomy term.", dict(ID)
    ),
    "taxonomy_id": _parameter(
        "taxonomy_id",
        "Only those with any term of this taxonomy (its id, or its name like need).",
        dict(ID),
    ),
    "organization_id": _parameter(
        "organization_id", "Only those this organization provides.", dict(ID)
    ),
    "modified_after": _parameter(
        "modified_after",
        "Only those changed on or after this date-time (UTC if no zone). On /services it "
        "also gives tombstones (status and id) of listings withdrawn since then.",
        {"type": "string", "format": "date-time"},
    ),
    "minimal": _parameter(
        "minimal",
        "true: each service is just id, name, status and last_modified.",
        {"type": "boolean", "default": False},
    ),
    "full": _parameter(
        "full", "true: each result is fully nested.", {"type": "boolean", "default": False}
    ),
    "postcode": _parameter(
        "postcode",
        "A UK postcode or outward code: only venues within proximity of its centre, nearest "
        "first. Masked venues (refuges) are never measured.",
        {"type": "string", "maxLength": 16, "pattern": params.POSTCODE_PATTERN},
    ),
    "proximity": _parameter(
        "proximity",
        "Metres from the postcode's centre (used with postcode only).",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": params.MAX_PROXIMITY_M,
            "default": params.DEFAULT_PROXIMITY_M,
        },
    ),
}

LISTS: dict[str, dict[str, Any]] = {
    "/services": {
        "operationId": "getPaginatedListOfServices",
        "summary": "Paginated listings of services that only have one-to-one fields in them.",
        "item": "ServiceListItem",
        "full_item": "Service",
        "parameters": [
            "search",
            "page",
            "per_page",
            "format",
            "taxonomy_term_id",
            "taxonomy_id",
            "organization_id",
            "modified_after",
            "minimal",
            "full",
        ],
    },
    "/service_at_locations": {
        "operationId": "getPaginatedListOfServiceAtLocation",
        "summary": "Paginated listings of services at locations.",
        "item": "ServiceAtLocationListItem",
        "full_item": "ServiceAtLocation",
        "optional": True,
        "parameters": [
            "search",
            "page",
            "per_page",
            "format",
            "taxonomy_term_id",
            "taxonomy_id",
            "organization_id",
            "modified_after",
            "full",
            "postcode",
            "proximity",
        ],
    },
    "/organizations": {
        "operationId": "getPaginatedListOfOrganizations",
        "summary": "Paginated listing of organizations.",
        "item": "OrganizationListItem",
        "optional": True,
        "parameters": ["search", "page", "per_page", "format"],
    },
    "/taxonomies": {
        "operationId": "getPaginatedListOfTaxonomies",
        "summary": "Paginated listing of taxonomies.",
        "item": "Taxonomy",
        "optional": True,
        "parameters": ["page", "per_page", "format"],
    },
    "/taxonomy_terms": {
        "operationId": "getPaginatedListOfTaxonomyTerms",
        "summary": "Paginated listing of taxonomy terms.",
        "item": "TaxonomyTerm",
        "optional": True,
        "parameters": ["search", "page", "per_page", "format", "taxonomy_id"],
    },
}

ITEMS: dict[str, dict[str, Any]] = {
    "/services/{id}": {
        "operationId": "getFullyNestedServiceById",
        "summary": "A fully nested service with all related data.",
        "schema": "Service",
        "gone": True,
    },
    "/service_at_locations/{id}": {
        "operationId": "getServiceAtLocationWithNestedDataById",
        "summary": "A service at a location, with the service's and the venue's data.",
        "schema": "ServiceAtLocation",
        "optional": True,
        "parameters": ["full"],
    },
    "/organizations/{id}": {
        "operationId": "getOrganizationById",
        "summary": "An organization with its services.",
        "schema": "Organization",
        "optional": True,
    },
    "/taxonomies/{id}": {
        "operationId": "getTaxonomyById",
        "summary": "A taxonomy with its terms.",
        "schema": "Taxonomy",
        "optional": True,
    },
    "/taxonomy_terms/{id}": {
        "operationId": "getTaxonomyTermById",
        "summary": "A taxonomy term.",
        "schema": "TaxonomyTerm",
        "optional": True,
    },
}


def document(server: str) -> dict[str, Any]:
    """The whole document, for the API served at ``server``."""
    built = copy.deepcopy(_document())
    built["servers"] = [{"url": server}]
    return built


@cache
def _document() -> dict[str, Any]:
    paths: dict[str, Any] = {"/": {"get": _root()}}
    for path, spec in LISTS.items():
        paths[path] = {"get": _list_operation(spec)}
    for path, spec in ITEMS.items():
        paths[path] = {"get": _item_operation(spec)}
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": "Open Referral UK API",
            "version": ORUK_VERSION,
            "summary": "Family services, read-only, in Open Referral UK 3.0 (HSDS-UK-3.0).",
            "description": (
                "Every listing families can see in the directory. No key is needed. Each "
                "address may make a limited number of requests (300 a minute unless the "
                "council sets another limit); past it the answer is 429 with Retry-After. "
                "Responses may be kept by shared caches for 5 minutes and carry an ETag "
                "and Last-Modified: ask with If-None-Match or If-Modified-Since for a 304."
            ),
            "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        },
        "tags": [{"name": "Optional", "description": "Endpoints ORUK 3.0 does not require."}],
        "paths": paths,
        "components": {
            "schemas": _schemas(),
            "parameters": {
                **copy.deepcopy(PARAMETERS),
                "id": {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": "The id of the item.",
                    "schema": {"type": "string"},
                },
            },
            "responses": {
                "BadRequest": _error("A parameter out of bounds or not understood."),
                "NotFound": _error(
                    "No such item, or not one families may see (on a list: no such postcode)."
                ),
                "Gone": _error("A service families could once see but no longer can."),
                "TooManyRequests": {
                    **_error("Too many requests from this address: wait Retry-After seconds."),
                    "headers": {
                        "Retry-After": {
                            "description": "Seconds to wait before asking again.",
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    },
                },
            },
        },
    }


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = {
        name: _localised(copy.deepcopy(schema(file))) for name, file in SCHEMA_NAMES.items()
    }
    page = copy.deepcopy(page_schema())
    page["required"] = list(page["properties"])
    schemas["Page"] = page
    schemas["Error"] = {
        "type": "object",
        "required": ["status", "error", "message"],
        "properties": {
            "status": {"type": "integer"},
            "error": {"type": "string"},
            "message": {"type": "string"},
        },
    }
    schemas["About"] = {
        "type": "object",
        "required": ["version", "profile", "openapi_url"],
        "properties": {
            "version": {"type": "string", "const": ORUK_VERSION},
            "profile": {"type": "string", "format": "uri"},
            "openapi_url": {"type": "string", "format": "uri"},
            "publisher": {"type": "object"},
            "licence": {"type": "object"},
            "attribution": {"type": "string"},
        },
    }
    return schemas


def _localised(value: Any) -> Any:
    """The vendored files point at each other by file name: point at components instead."""
    if isinstance(value, dict):
        return {
            key: _LOCAL_REFS.get(item, item) if key == "$ref" else _localised(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_localised(item) for item in value]
    return value


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _root() -> dict[str, Any]:
    return {
        "operationId": "getAPIMetaInformation",
        "summary": "Information about this API and its relationship with HSDS.",
        "responses": {
            "200": {
                "description": "The HSDS version, profile and OpenAPI document of this API.",
                "content": {JSON: {"schema": {"$ref": "#/components/schemas/About"}}},
            },
            "429": {"$ref": "#/components/responses/TooManyRequests"},
        },
    }


def _list_operation(spec: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"$ref": f"#/components/schemas/{spec['item']}"}
    if "full_item" in spec:
        item = {"anyOf": [item, {"$ref": f"#/components/schemas/{spec['full_item']}"}]}
    page = {
        "allOf": [
            {"$ref": "#/components/schemas/Page"},
            {
                "type": "object",
                "required": ["contents"],
                "properties": {"contents": {"type": "array", "items": item}},
            },
        ]
    }
    operation: dict[str, Any] = {
        "operationId": spec["operationId"],
        "summary": spec["summary"],
        "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in spec["parameters"]],
        "responses": {
            "200": {
                "description": spec["summary"],
                "content": {JSON: {"schema": page}, NDJSON: {"schema": {"type": "string"}}},
            },
            "400": {"$ref": "#/components/responses/BadRequest"},
            "429": {"$ref": "#/components/responses/TooManyRequests"},
        },
    }
    if "postcode" in spec["parameters"]:
        operation["responses"]["404"] = {"$ref": "#/components/responses/NotFound"}
    if spec.get("optional"):
        operation["tags"] = ["Optional"]
    return operation


def _item_operation(spec: dict[str, Any]) -> dict[str, Any]:
    responses: dict[str, Any] = {
        "200": {
            "description": spec["summary"],
            "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{spec['schema']}"}}},
        },
        "404": {"$ref": "#/components/responses/NotFound"},
        "429": {"$ref": "#/components/responses/TooManyRequests"},
    }
    if spec.get("parameters"):
        responses["400"] = {"$ref": "#/components/responses/BadRequest"}
    if spec.get("gone"):
        responses["410"] = {"$ref": "#/components/responses/Gone"}
    operation: dict[str, Any] = {
        "operationId": spec["operationId"],
        "summary": spec["summary"],
        "parameters": [
            {"$ref": "#/components/parameters/id"},
            *({"$ref": f"#/components/parameters/{p}"} for p in spec.get("parameters", [])),
        ],
        "responses": responses,
    }
    if spec.get("optional"):
        operation["tags"] = ["Optional"]
    return operation
