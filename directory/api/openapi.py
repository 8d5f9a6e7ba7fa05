"""The API's OpenAPI 3.1 document."""

from __future__ import annotations

from typing import Any


def document(server: str) -> dict[str, Any]:
    return {"openapi": "3.1.0", "servers": [{"url": server}]}
