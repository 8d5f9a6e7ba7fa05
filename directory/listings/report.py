"""What a write did, or would do: the dry run and the applied batch report the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from importers.problems import Problem, Text


@dataclass(frozen=True)
class Conflict:
    """A field an editor changed here that the source now says differently: the edit is kept."""

    key: str
    name: str
    field: str
    kept: Any
    incoming: Any

    def as_json(self) -> dict[str, Any]:
        return {
            "service": self.key,
            "name": self.name,
            "field": self.field,
            "kept": self.kept,
            "incoming": self.incoming,
        }


@dataclass(frozen=True)
class Change:
    """One service created, changed or withdrawn, field by field (old, new)."""

    key: str
    name: str
    fields: dict[str, list[Any]]

    def as_json(self) -> dict[str, Any]:
        return {"service": self.key, "name": self.name, "fields": self.fields}


@dataclass(frozen=True)
class Duplicate:
    """A new listing that looks like one another source already gave; flagged, not merged."""

    key: str
    name: str
    other_source: str
    other_key: str | None
    other_name: str
    reason: Text

    def as_json(self) -> dict[str, Any]:
        return {
            "service": self.key,
            "name": self.name,
            "other_source": self.other_source,
            "other_service": self.other_key,
            "other_name": self.other_name,
            "reason": str(self.reason),
        }


@dataclass
class WriteReport:
    source: str
    applied: bool = False
    batch: str | None = None
    created: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    withdrawn: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown_terms: dict[str, list[str]] = field(default_factory=dict)
    duplicates: list[Duplicate] = field(default_factory=list)
    organisations: dict[str, int] = field(default_factory=lambda: {"created": 0, "changed": 0})
    venues: dict[str, int] = field(default_factory=lambda: {"created": 0, "changed": 0})
    refused: Text | None = None
    """Why nothing was written although the records were fine (too many withdrawals)."""

    def forget_changes(self) -> None:
        """With errors nothing is written: the report says only what is wrong."""
        self.created, self.changed, self.withdrawn, self.conflicts = [], [], [], []
        self.duplicates = []
        self.unchanged = 0
        self.organisations = {"created": 0, "changed": 0}
        self.venues = {"created": 0, "changed": 0}

    @property
    def ok(self) -> bool:
        return not self.errors and self.refused is None

    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.created),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
            "withdrawn": len(self.withdrawn),
            "conflicts": len(self.conflicts),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "duplicates": len(self.duplicates),
        }

    def summary_json(self) -> dict[str, Any]:
        """Everything but the field-by-field changes (the audit trail keeps those)."""
        return {
            "source": self.source,
            "applied": self.applied,
            "batch": self.batch,
            **self.counts(),
            "conflicts": [c.as_json() for c in self.conflicts],
            "errors": [p.as_json() for p in self.errors],
            "warnings": [p.as_json() for p in self.warnings],
            "unknown_terms": self.unknown_terms,
            "duplicates": [d.as_json() for d in self.duplicates],
            "organisations": self.organisations,
            "venues": self.venues,
            "refused": None if self.refused is None else str(self.refused),
        }

    def as_json(self) -> dict[str, Any]:
        summary = self.summary_json()
        return {
            **summary,
            "counts": self.counts(),
            "changes": {
                "created": [{"service": c.key, "name": c.name} for c in self.created],
                "changed": [c.as_json() for c in self.changed],
                "withdrawn": [{"service": c.key, "name": c.name} for c in self.withdrawn],
            },
        }
