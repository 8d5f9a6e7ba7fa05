"""The parts of a listing's form (quick edits and sections) as the edit properties use
them: where each is, and one change to one of its fields with the audit field it makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from directory.forms.sections import QUICK_EDITS, SECTIONS

Values = MultiDict[str, str]


def _next_row(values: Values, prefix: str) -> int:
    """The index an "add another" row gets next (as the page's script numbers it)."""
    numbers = [
        int(name[len(prefix) :].split("-", 1)[0])
        for name in values
        if name.startswith(prefix) and name[len(prefix) :].split("-", 1)[0].isdigit()
    ]
    return max(numbers, default=-1) + 1


def add_phone(values: Values, needs: list[str]) -> None:
    row = _next_row(values, "phone-")
    values[f"phone-{row}-number"] = "01384 818181"
    values[f"phone-{row}-description"] = "Added by the test"


def _add_time(values: Values, needs: list[str]) -> None:
    values[f"opening_times-{_next_row(values, 'opening_times-')}-time"] = "Sun 07:00-07:30"


def _add_cost(values: Values, needs: list[str]) -> None:
    row = _next_row(values, "cost-")
    values[f"cost-{row}-option"], values[f"cost-{row}-amount"] = "Added by the test", "1.25"


def _appended(name: str) -> Callable[[Values, list[str]], None]:
    def change(values: Values, needs: list[str]) -> None:
        values[name] = f"{values.get(name, '')} Checked by the test.".strip()

    return change


def _one_more_need(values: Values, needs: list[str]) -> None:
    chosen = values.getlist("needs")
    values.setlist("needs", [*chosen, next(code for code in needs if code not in chosen)])


def _visible_to(values: Values, needs: list[str]) -> None:
    values["visible_to"] = "31/12/2099"


@dataclass(frozen=True)
class PartEdit:
    slug: str
    path: str
    change: Callable[[Values, list[str]], None]
    """One change to ``values`` (the form as the page gives it), given the council's needs."""
    field: str
    """The audit field the change makes (of the listing itself)."""

    def url(self, service_id: str) -> str:
        return f"/manage/listings/{service_id}/{self.path}"


_CHANGES: dict[str, tuple[Callable[[Values, list[str]], None], str]] = {
    "contact-details": (add_phone, "phones"),
    "opening-times": (_add_time, "schedules"),
    "about": (_appended("description"), "description"),
    "who": (_appended("eligibility"), "eligibility_description"),
    "needs": (_one_more_need, "needs"),
    "contact": (_appended("application_process"), "application_process"),
    "costs": (_add_cost, "costs"),
    "where-and-when": (_add_time, "schedules"),
    "practitioners": (_appended("professional_notes"), "professional_notes"),
    "checks": (_visible_to, "visible_to"),
}

PARTS = [
    *(PartEdit(p.slug, f"change/{p.slug}", *_CHANGES[p.slug]) for p in QUICK_EDITS),
    *(PartEdit(s.slug, f"edit/{s.slug}", *_CHANGES[s.slug]) for s in SECTIONS),
]
"""Every quick edit and every section (a new one fails here until it has a change)."""
