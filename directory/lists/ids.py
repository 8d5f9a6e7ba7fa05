"""The address form of a list: service ids, short and safe to put in a link or a QR code.

A service id is a UUID; in a list it is written as its 16 bytes in URL-safe base64 (22
characters), ids joined by dots: ``s=7xJmN0dVTn2bC8yV1nq1Yw.Qk3...``. Reading is forgiving:
the UUID written out in full is accepted too, anything else is dropped and counted (never
an error), repeats are dropped, and only the first ``MAX_ITEMS`` are kept.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass

MAX_ITEMS = 30
"""The most services one list holds: a printable list, and a link a QR code can carry."""

SEPARATOR = "."
MAX_RAW_LENGTH = 4096
"""Longer input is cut before it is read, so junk costs nothing to refuse."""


@dataclass(frozen=True)
class ReadList:
    """The ids read from an address or a cookie, in order, and what could not be kept."""

    ids: tuple[str, ...]
    unreadable: int = 0
    """Parts that were not a service id."""
    over_limit: int = 0
    """Ids left out because the list was full."""


def short_id(service_id: str) -> str:
    """``a1b2...`` (a UUID) as 22 URL-safe characters."""
    return base64.urlsafe_b64encode(uuid.UUID(service_id).bytes).decode().rstrip("=")


def full_id(part: str) -> str | None:
    """The service id a part of a list stands for, or None if it is not one."""
    part = part.strip()
    if len(part) == 22:
        try:
            return str(uuid.UUID(bytes=base64.urlsafe_b64decode(part + "==")))
        except (binascii.Error, ValueError):
            return None
    if len(part) == 36:
        try:
            parsed = uuid.UUID(part)
        except ValueError:
            return None
        return str(parsed) if str(parsed) == part.lower() else None
    return None


def read(raw: str | None) -> ReadList:
    """The list in ``raw`` (an address parameter or a cookie value)."""
    if not raw:
        return ReadList(())
    ids: list[str] = []
    unreadable = over_limit = 0
    for part in raw[:MAX_RAW_LENGTH].split(SEPARATOR):
        if not part.strip():
            continue
        service_id = full_id(part)
        if service_id is None:
            unreadable += 1
        elif service_id in ids:
            continue
        elif len(ids) >= MAX_ITEMS:
            over_limit += 1
        else:
            ids.append(service_id)
    return ReadList(tuple(ids), unreadable, over_limit)


def write(ids: tuple[str, ...] | list[str]) -> str:
    """The address form of ``ids`` (at most ``MAX_ITEMS``)."""
    return SEPARATOR.join(short_id(service_id) for service_id in list(ids)[:MAX_ITEMS])
