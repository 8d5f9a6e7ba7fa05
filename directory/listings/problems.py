"""What is wrong with what was brought, and where: errors stop a write, warnings do not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def as_json(self) -> dict[str, str]:
        return {"where": self.where, "what": self.message}


@dataclass
class Problems:
    """Errors and warnings, each saying where ("Row 14, column Post Code") and what."""

    column_labels: Mapping[str, str] = field(default_factory=dict)
    """Record field -> the column it came from, so a reader's rows name their columns."""
    field_word: str = "column"
    """What the reader's places are called: columns of a sheet, fields of a JSON feed."""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def where(self, what: str, key: str, origin: str, field_name: str | None = None) -> str:
        if origin:
            if field_name is None:
                return origin
            label = self.column_labels.get(field_name, field_name)
            return f"{origin}, {self.field_word} {label}"
        return f"{what} {key!r}"

    def error(self, where: str, message: str) -> None:
        self.errors.append(Problem(where, message))

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(Problem(where, message))
