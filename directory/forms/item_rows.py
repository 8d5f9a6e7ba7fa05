""" "Add another": phones, costs and opening times as rows of inputs, not one item a line.

A cell of the import template holding several items ("01384 813322 | Bookings; 0300 ...")
is shown as a list of rows, one item each, with an input per part. Each row turns back into
the same item text, so a row left alone gives back exactly what it showed. Rows are added
and removed by submit buttons (``action`` = ``add:<list>`` or ``remove:<row>``) that work
without JavaScript; ``static/src/application.js`` does the same in the page.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from flask_babel import lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import FieldList, Form, FormField, StringField
from wtforms.validators import ValidationError

ADD = "add:"
REMOVE = "remove:"


def _parts(line: str, count: int) -> list[str]:
    """``line``'s first ``count`` parts split at "|"; the last keeps any further parts."""
    found = [part.strip() for part in line.split("|", count - 1)]
    return [*found, *([""] * (count - len(found)))]


def _joined(parts: list[str]) -> str:
    while parts and not parts[-1]:
        parts = parts[:-1]
    return " | ".join(parts)


def _a_phone_number(form: Form, field: StringField) -> None:
    value = (field.data or "").strip()
    if not value:
        return
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(lazy_gettext("Enter a phone number, like 01384 813322"))


class ItemRow(Form):
    """One item of a several-item cell; subclasses name its parts in the cell's order."""

    PARTS: tuple[str, ...] = ()
    REQUIRED = ""
    """The part without which the row says nothing (a row with only others is an error)."""
    MISSING: Any = ""
    """What to do when only the other parts are given."""

    def fill_line(self, line: str) -> None:
        for name, value in zip(self.PARTS, _parts(line, len(self.PARTS)), strict=True):
            self[name].data = value

    def line(self) -> str:
        return _joined([(self[name].data or "").strip() for name in self.PARTS])

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if not self.REQUIRED:
            return valid
        required = self[self.REQUIRED]
        if self.line() and not (required.data or "").strip():
            required.errors = [*required.errors, str(self.MISSING)]
            self._errors = None
            return False
        return valid


class PhoneRow(ItemRow):
    PARTS = ("number", "description")
    REQUIRED = "number"
    MISSING = lazy_gettext("Enter the phone number, or remove this one")
    number = StringField(
        lazy_gettext("Phone number"),
        widget=GovTextInput(),
        validators=[_a_phone_number],
    )
    description = StringField(
        lazy_gettext("What it is for (optional)"),
        description=lazy_gettext("Like: Bookings"),
        widget=GovTextInput(),
    )


def _an_amount(form: Form, field: StringField) -> None:
    value = (field.data or "").replace("£", "").replace(",", "").strip()
    if not value or value.lower() == "free":
        return
    try:
        float(value)
    except ValueError:
        raise ValidationError(lazy_gettext("Enter an amount in pounds, like 3.50")) from None


class CostRow(ItemRow):
    PARTS = ("option", "amount", "description")
    REQUIRED = "option"
    MISSING = lazy_gettext("Enter who or what the cost is for, or remove this one")
    option = StringField(
        lazy_gettext("Who or what it is for"),
        description=lazy_gettext("Like: Free, or Each session"),
        widget=GovTextInput(),
    )
    amount = StringField(
        lazy_gettext("Amount in pounds (optional)"),
        description=lazy_gettext("Like: 3.50, or 0 when it is free"),
        widget=GovTextInput(),
        validators=[_an_amount],
    )
    description = StringField(lazy_gettext("In words (optional)"), widget=GovTextInput())


class TimeRow(ItemRow):
    PARTS = ("time",)
    time = StringField(
        lazy_gettext("Days and times"),
        description=lazy_gettext(
            "Like: Mon-Fri 09:00-17:00, and if you need: | from 2026-01-05 | until "
            "2026-03-30 | term time"
        ),
        widget=GovTextInput(),
    )


def item_rows(row: type[ItemRow], label: Any, hint: Any = None) -> FieldList:
    """A list of rows for a several-item cell (always at least one row to type in)."""
    return FieldList(FormField(row), label=label, description=hint, min_entries=1)


def fill_rows(field: FieldList, cell: str) -> None:
    """Show a cell's items ("a; b"), one row each, and a blank row when there are none."""
    while field.entries:
        field.pop_entry()
    items = [item.strip() for item in cell.split(";") if item.strip()]
    for item in items or [""]:
        field.append_entry().form.fill_line(item)


def as_cell(field: FieldList) -> str:
    """The rows as the template's cell, leaving out empty rows."""
    return "; ".join(line for entry in field.entries if (line := entry.form.line()))


def apply_row_action(lists: list[FieldList], action: str) -> bool:
    """Add a row to, or remove one from, the list the ``action`` names. False if it names none."""
    if action.startswith(ADD):
        for field in lists:
            if field.name == action[len(ADD) :]:
                field.append_entry()
                return True
    if action.startswith(REMOVE):
        row = action[len(REMOVE) :]
        for field in lists:
            names = [entry.name for entry in field.entries]
            if row in names:
                # Shown again numbered from 0, so that each row's errors land on it.
                kept = [e.form.line() for e in field.entries if e.name != row]
                fill_rows(field, "; ".join(kept))
                return True
    return False
