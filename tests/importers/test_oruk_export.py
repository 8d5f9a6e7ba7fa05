"""The ORUK JSON export validates against the vendored Open Referral UK 3.0 schemas."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask

from importers.oruk_schema import departures, page_validator, service_validator


def test_the_exported_demo_validates_against_the_uk_profile(
    demo_app: Flask, tmp_path: Path
) -> None:
    output = tmp_path / "directory.json"
    result = demo_app.test_cli_runner().invoke(
        args=["listings", "export", "--format", "oruk", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    page = json.loads(output.read_text(encoding="utf-8"))
    assert page["total_items"] == len(page["contents"]) > 200
    assert list(departures(page_validator(), page)) == []
    problems = [
        (service["id"], where, what)
        for service in page["contents"]
        for where, what in departures(service_validator(), service)
    ]
    assert problems == []
    with_venue = next(s for s in page["contents"] if s["service_at_locations"])
    address = with_venue["service_at_locations"][0]["location"]["addresses"][0]
    assert address["postal_code"] and address["country"] == "GB"
    assert any(a["link_type"] == "need" for s in page["contents"] for a in s["attributes"])


def test_the_schemas_catch_what_departs_from_them() -> None:
    service = {
        "id": "not-a-uuid",
        "name": "Toy Library",
        "status": "open",
        "email": "nobody",
        "organization": {"id": "6f1c8f5e-2b7a-4d8e-9a51-3c0b7f2e9d14", "name": "Group"},
    }
    found = dict(departures(service_validator(), service))
    assert "is not a 'uuid'" in found["id"]
    assert "is not one of" in found["status"]
    assert "is not a 'email'" in found["email"]
    assert "'description' is a required property" in found["organization"]


def test_the_csv_export_command_writes_the_template(demo_app: Flask) -> None:
    result = demo_app.test_cli_runner().invoke(args=["listings", "export"])
    assert result.exit_code == 0
    assert result.output.startswith("service_id,name,organisation_id,organisation_name,")
