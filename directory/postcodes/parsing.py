"""Reading postcodes the way people type them. Pure functions: no database, no Flask.

People type "dy11ae", "DY1 1AE", " dy1-1ae ", or just "DY1". We strip everything but
letters and digits, upper-case it, and split it into outward and inward codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_SECTOR = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9])$")
_PIECES = re.compile(r"[A-Za-z0-9]+")
_NORTHERN_IRELAND_AREA = "BT"
_LONGEST_SENSIBLE_INPUT = 16


class PostcodeProblem(Enum):
    """Why a piece of text is not a postcode we can use."""

    EMPTY = "empty"
    INVALID = "invalid"
    NORTHERN_IRELAND = "northern_ireland"


class PostcodeError(ValueError):
    def __init__(self, problem: PostcodeProblem, text: str) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text


@dataclass(frozen=True)
class Postcode:
    """A well-formed postcode: a full one ("DY1 1AE") or an outward code alone ("DY1")."""

    outward: str
    inward: str | None = None

    @property
    def is_full(self) -> bool:
        return self.inward is not None

    @property
    def sector(self) -> str | None:
        """The sector ("DY1 1"), which councils use to draw locality lines."""
        return f"{self.outward} {self.inward[0]}" if self.inward else None

    @property
    def area(self) -> str:
        """The letters at the start ("DY"), which name the postcode area."""
        return re.match(r"[A-Z]+", self.outward).group(0)  # type: ignore[union-attr]

    def __str__(self) -> str:
        return f"{self.outward} {self.inward}" if self.inward else self.outward


def compact(text: str) -> str:
    """Upper-case letters and digits only: the loose form used for matching."""
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def parse_postcode(text: str | None) -> Postcode:
    """Parse a full postcode or an outward code, or raise ``PostcodeError`` saying why not."""
    raw = (text or "").strip()
    if not raw:
        raise PostcodeError(PostcodeProblem.EMPTY, raw)
    if len(raw) > _LONGEST_SENSIBLE_INPUT:
        raise PostcodeError(PostcodeProblem.INVALID, raw[:_LONGEST_SENSIBLE_INPUT])
    letters = compact(raw)
    full = _FULL.match(letters)
    if full:
        postcode = Postcode(full.group(1), full.group(2))
    elif _OUTWARD.match(letters) and len(_PIECES.findall(raw)) == 1:
        # One piece only: "DY1 1" is half a postcode, not the district DY11.
        postcode = Postcode(letters)
    else:
        raise PostcodeError(PostcodeProblem.INVALID, raw)
    if postcode.area == _NORTHERN_IRELAND_AREA:
        raise PostcodeError(PostcodeProblem.NORTHERN_IRELAND, raw)
    return postcode


def normalise_outward_or_sector(text: str) -> str | None:
    """Canonical "DY9" or "DY9 7" for a council file's locality rules; None if neither."""
    cleaned = " ".join(text.upper().split())
    if _OUTWARD.match(cleaned.replace(" ", "")) and " " not in cleaned:
        return cleaned
    sector = _SECTOR.match(cleaned)
    if sector:
        return f"{sector.group(1)} {sector.group(2)}"
    return None
