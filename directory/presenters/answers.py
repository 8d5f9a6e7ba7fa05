"""The listing's form as "check your answers": each section's fields as label and value,
worded as the form shows them (choices by their labels, one item a line)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from wtforms import BooleanField, FieldList, RadioField, SelectField, SelectMultipleField

from directory.forms.sections import Part


@dataclass(frozen=True)
class Answer:
    label: str
    lines: list[str]
    """The value, a line each; empty when none is given."""
    anchor: str
    """The id of the field on its section's page."""


@dataclass(frozen=True)
class SectionAnswers:
    part: Part
    answers: list[Answer]


def listing_answers(form: Any, sections: Sequence[Part]) -> list[SectionAnswers]:
    return [
        SectionAnswers(part, [a for name in part.fields for a in _answers(form, name)])
        for part in sections
    ]


def _answers(form: Any, name: str) -> list[Answer]:
    field = form._fields.get(name)
    if field is None:
        return []
    if name == "venues":
        return [_venue(entry.form) for entry in field.entries if entry.form.venue_id.data]
    if isinstance(field, (SelectMultipleField, RadioField, SelectField)) and not field.choices:
        return []
    return [Answer(str(field.label.text), _lines(field), _anchor(field))]


def _venue(venue: Any) -> Answer:
    address = [
        venue[name].data
        for name in ("address_1", "address_2", "city", "postcode")
        if venue[name].data
    ]
    times = _lines(venue.opening_times)
    lines = [", ".join(address), *times] if address else times
    if venue.masked_address.data:
        lines.append(gettext("Address kept private"))
    return Answer(venue.venue_name.data or gettext("Venue"), lines, _anchor(venue.venue_name))


def _lines(field: Any) -> list[str]:
    if isinstance(field, FieldList):
        return [line for entry in field.entries if (line := entry.form.line())]
    if isinstance(field, SelectMultipleField):
        chosen = set(field.data or [])
        return [str(c.label) for c in field.choices or () if c.value in chosen]
    if isinstance(field, (RadioField, SelectField)):
        return [str(c.label) for c in field.choices or () if c.value == field.data]
    if isinstance(field, BooleanField):
        return [gettext("Yes") if field.data else gettext("No")]
    return [line for line in (field.data or "").splitlines() if line.strip()]


def _anchor(field: Any) -> str:
    if isinstance(field, FieldList) and field.entries:
        entry = field.entries[0].form
        return entry[entry.PARTS[0]].id
    return field.id
