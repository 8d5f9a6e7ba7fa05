"""The vendored Open Referral UK 3.0 schemas (``oruk_uk_profile/``), ready to validate with."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).with_name("oruk_uk_profile") / "schema"


@cache
def service_validator() -> Draft202012Validator:
    """Checks one full service (``compiled/service.json``), formats (uuid, email) included."""
    schema = json.loads((SCHEMA_DIR / "compiled" / "service.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


@cache
def page_validator() -> Draft202012Validator:
    """Checks the paginated wrapper (the ``Page`` schema in ``openapi.json``)."""
    openapi = json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
    return Draft202012Validator(openapi["components"]["schemas"]["Page"])


def departures(validator: Draft202012Validator, instance: Any) -> Iterator[tuple[str, str]]:
    """(where, what) for each way ``instance`` departs from the schema, in document order."""
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path))):
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.path)
        yield where.lstrip(".") or "(top)", error.message
