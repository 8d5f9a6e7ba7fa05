"""What the API tests share: reading JSON, walking pages, and the demo's facts from SQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.models import Service
from directory.queries.services import publicly_visible
from tests.support.client import page_text

API = "/api/oruk"


def get_json(client: FlaskClient, address: str, status: int = 200, **kwargs: Any) -> Any:
    response = client.get(address, **kwargs)
    assert response.status_code == status, (address, response.status_code, page_text(response))
    assert response.mimetype == "application/json", (address, response.mimetype)
    return json.loads(page_text(response))


def pages(client: FlaskClient, address: str, **query: Any) -> Iterator[dict[str, Any]]:
    """Every page of a list, following ``total_pages`` from the first (as harvesters do)."""
    first = get_json(client, address, query_string=query)
    yield first
    for number in range(2, first["total_pages"] + 1):
        yield get_json(client, address, query_string={**query, "page": number})


def public_ids(app: Flask) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(sa.select(Service.id).where(publicly_visible(date.today()))))


def nulls(value: Any, where: str = "") -> list[str]:
    """Where ``value`` holds a null, anywhere inside it."""
    if value is None:
        return [where or "(top)"]
    if isinstance(value, dict):
        return [n for key, item in value.items() for n in nulls(item, f"{where}/{key}")]
    if isinstance(value, list):
        return [n for i, item in enumerate(value) for n in nulls(item, f"{where}/{i}")]
    return []
