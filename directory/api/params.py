"""The API's query parameters, read strictly: a value out of bounds is a 400 that says which
parameter and what it accepts, never a guess and never a 500."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_SEARCH_CHARS = 256
MAX_SEARCH_WORDS = 12
MAX_ID_CHARS = 64
DEFAULT_PROXIMITY_M = 16_093
"""Ten miles: the radius around ``postcode`` when no ``proximity`` is given."""
MAX_PROXIMITY_M = 100_000
MAX_WHOLE_NUMBER = 999_999_999


class BadParameter(ValueError):
    """A query parameter the API cannot use; the message is the one sent back."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE


@dataclass(frozen=True)
class ServiceFilters:
    """What narrows a list of services (or of services at locations)."""

    words: tuple[str, ...] = ()
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    modified_after: datetime | None = None

    @property
    def key(self) -> tuple[object, ...]:
        return (
            self.words,
            self.taxonomy_term_id,
            self.taxonomy_id,
            self.organization_id,
            self.modified_after.isoformat() if self.modified_after else None,
        )


def paging(args: Mapping[str, str]) -> Paging:
    page = whole_number(args, "page", default=1, least=1)
    per_page = whole_number(args, "per_page", default=DEFAULT_PER_PAGE, least=1, most=MAX_PER_PAGE)
    return Paging(page, per_page)


def service_filters(args: Mapping[str, str]) -> ServiceFilters:
    return ServiceFilters(
        words=search_words(args),
        taxonomy_term_id=identifier(args, "taxonomy_term_id"),
        taxonomy_id=identifier(args, "taxonomy_id"),
        organization_id=identifier(args, "organization_id"),
        modified_after=moment(args, "modified_after"),
    )


def whole_number(
    args: Mapping[str, str], name: str, *, default: int, least: int, most: int | None = None
) -> int:
    raw = args.get(name)
    if raw is None:
        return default
    bounds = f"{least} or more" if most is None else f"from {least} to {most}"
    text = raw.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_WHOLE_NUMBER)):
        raise BadParameter(name, f"{name} must be a whole number {bounds}.")
    value = int(text)
    if value < least or value > (MAX_WHOLE_NUMBER if most is None else most):
        raise BadParameter(name, f"{name} must be a whole number {bounds}.")
    return value


def flag(args: Mapping[str, str], name: str) -> bool:
    raw = args.get(name)
    if raw is None:
        return False
    if raw.lower() == "true":
        return True
    if raw.lower() == "false":
        return False
    raise BadParameter(name, f"{name} must be true or false.")


def identifier(args: Mapping[str, str], name: str) -> str | None:
    raw = args.get(name)
    if raw is None or raw == "":
        return None
    if not fits_id(raw):
        raise BadParameter(name, f"{name} must be an id of at most {MAX_ID_CHARS} characters.")
    return raw


def fits_id(text: str) -> bool:
    """An id we could hold: short, and without control characters (PostgreSQL refuses NUL)."""
    return len(text) <= MAX_ID_CHARS and not any(ord(c) < 32 or ord(c) == 127 for c in text)


def search_words(args: Mapping[str, str]) -> tuple[str, ...]:
    raw = args.get("search")
    if raw is None:
        return ()
    if len(raw) > MAX_SEARCH_CHARS:
        raise BadParameter("search", f"search must be at most {MAX_SEARCH_CHARS} characters.")
    words = tuple(dict.fromkeys(word.casefold() for word in raw.split() if fits_id(word)))
    return words[:MAX_SEARCH_WORDS]


def moment(args: Mapping[str, str], name: str) -> datetime | None:
    """An ISO 8601 (RFC 3339) date or date-time; one without a zone is read as UTC."""
    raw = args.get(name)
    if raw is None:
        return None
    text = raw.strip().upper()
    # An unescaped "+01:00" arrives as " 01:00": take the space back to a plus.
    if text[-6:-5] == " ":
        text = text[:-6] + "+" + text[-5:]
    # A leap second ("23:59:60") is a second Python's datetime does not have.
    text = text.replace(":60", ":59", 1) if text[16:19] == ":60" else text
    try:
        value = datetime.fromisoformat(text)
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):
        raise BadParameter(
            name, f"{name} must be a date or date-time, like 2026-01-31T09:00:00Z."
        ) from None


def response_format(args: Mapping[str, str]) -> str:
    raw = args.get("format", "json")
    if raw not in {"json", "ndjson"}:
        raise BadParameter("format", "format must be json or ndjson.")
    return raw


POSTCODE_PATTERN = r"^ *[A-Za-z]{1,2}[0-9][A-Za-z0-9]? *([0-9][A-Za-z]{2})? *$"
"""What a postcode or an outward code looks like (whether it exists is for the lookup)."""


def postcode(args: Mapping[str, str]) -> str | None:
    raw = args.get("postcode")
    if raw is None:
        return None
    if not re.fullmatch(POSTCODE_PATTERN, raw):
        raise BadParameter(
            "postcode", "postcode must be a UK postcode, like DY1 1AA, or its first half."
        )
    return raw


def proximity(args: Mapping[str, str]) -> int:
    return whole_number(
        args, "proximity", default=DEFAULT_PROXIMITY_M, least=1, most=MAX_PROXIMITY_M
    )
