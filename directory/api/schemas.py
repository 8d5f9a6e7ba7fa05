"""The vendored ORUK 3.0 schemas each API response is made to meet, ready to validate with.

Items of lists meet the ``compiled/*_list.json`` schemas (one-to-one fields), single items
the ``compiled/*.json`` ones (fully nested); taxonomies and their terms the plain schemas,
whose relative ``$ref`` ("taxonomy_term.json") are resolved among the vendored files.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from importers.oruk_schema import SCHEMA_DIR

SCHEMA_FILES = {
    "service": "compiled/service.json",
    "service_list": "compiled/service_list.json",
    "service_at_location": "compiled/service_at_location.json",
    "service_at_location_list": "compiled/service_at_location_list.json",
    "organization": "compiled/organization.json",
    "organization_list": "compiled/organization_list.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_term": "taxonomy_term.json",
}


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / SCHEMA_FILES[name]).read_text(encoding="utf-8"))


@cache
def page_schema() -> dict[str, Any]:
    openapi = json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
    return openapi["components"]["schemas"]["Page"]


@cache
def _registry() -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text("utf-8")), DRAFT202012))
        for path in SCHEMA_DIR.glob("*.json")
    ]
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), registry=_registry(), format_checker=FormatChecker())


def problems(name: str, instance: Any) -> list[str]:
    """Each way ``instance`` departs from schema ``name``, as "where: what"."""
    found = []
    for error in validator(name).iter_errors(instance):
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        found.append(f"{where}: {error.message}")
    return found


def page_problems(item_schema: str, page: Any) -> list[str]:
    """How a page departs from the ORUK envelope, or any of its items from ``item_schema``."""
    found = [
        f"page: {error.message}" for error in Draft202012Validator(page_schema()).iter_errors(page)
    ]
    for number, item in enumerate(page.get("contents", [])):
        found += [f"contents/{number}/{p}" for p in problems(item_schema, item)]
    return found
