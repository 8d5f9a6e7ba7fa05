"""Requests for support: the editor's setting, the practitioner's request, the
organisation's decision, a question and its answer."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask_babel import gettext, lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from directory.council import Council
from directory.forms import BaseForm
from directory.models.requests import DETAIL_FIELDS

MOST_TEXT = 2000
OLDEST_CONSENT_DAYS = 365

DETAIL_NAMES = {
    "name": lazy_gettext("The family’s name"),
    "contact": lazy_gettext("How to contact the family"),
    "children_ages": lazy_gettext("Ages of the children"),
    "help_wanted": lazy_gettext("What help is wanted"),
    "urgency": lazy_gettext("How urgent it is"),
}
CONSENT_WAYS = {
    "verbal": lazy_gettext("Spoken, in person or by phone"),
    "written": lazy_gettext("In writing, on a signed form"),
    "message": lazy_gettext("By email or text message"),
}
URGENCIES = {
    "routine": lazy_gettext("Within a few weeks"),
    "soon": lazy_gettext("Within a week"),
    "urgent": lazy_gettext("As soon as possible (not an emergency)"),
}


def _length(most: int, what: Any) -> Length:
    return Length(
        max=most,
        message=lazy_gettext("%(what)s must be %(most)s characters or fewer", what=what, most=most),
    )


class RequestSettingsForm(BaseForm):
    """The editor's choice: does the listing take requests, and what must they say?"""

    accepts = BooleanField(
        lazy_gettext("Practitioners can send requests for support through the directory"),
        widget=GovCheckboxInput(),
    )
    details = SelectMultipleField(
        lazy_gettext("What the service needs to know"),
        description=lazy_gettext("Ask for the least the service needs: nothing else is kept"),
        choices=[SelectChoice(name, label) for name, label in DETAIL_NAMES.items()],
        widget=GovCheckboxesInput(),
    )


class SendRequestForm(BaseForm):
    """A practitioner's request: the family's consent and only the detail the listing asks
    for (fields it does not ask for are taken off the form, so they are never read)."""

    need = SelectField(lazy_gettext("What the family needs help with"), widget=GovSelect())
    locality = SelectField(
        lazy_gettext("Where the family lives"),
        description=lazy_gettext("The locality only, for the council’s counts"),
        widget=GovSelect(),
    )
    consent = BooleanField(
        lazy_gettext("The family agreed to this request being sent, with these details"),
        widget=GovCheckboxInput(),
        validators=[
            InputRequired(message=lazy_gettext("Confirm the family agreed to the request"))
        ],
    )
    consent_by = StringField(
        lazy_gettext("Who gave consent"),
        description=lazy_gettext("For example, the child’s mother"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter who gave consent")),
            _length(255, lazy_gettext("Who gave consent")),
        ],
    )
    consent_on = StringField(
        lazy_gettext("Date consent was given"),
        description=lazy_gettext("For example, 27/3/2026"),
        widget=GovTextInput(),
        validators=[DataRequired(message=lazy_gettext("Enter the date consent was given"))],
    )
    consent_how = RadioField(
        lazy_gettext("How consent was given"),
        choices=[SelectChoice(code, label) for code, label in CONSENT_WAYS.items()],
        widget=GovRadioInput(),
        validators=[InputRequired(message=lazy_gettext("Choose how consent was given"))],
    )
    name = StringField(
        DETAIL_NAMES["name"],
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter the family’s name")),
            _length(255, DETAIL_NAMES["name"]),
        ],
    )
    contact = StringField(
        DETAIL_NAMES["contact"],
        description=lazy_gettext("A phone number or email address"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter how to contact the family")),
            _length(255, DETAIL_NAMES["contact"]),
        ],
    )
    children_ages = StringField(
        DETAIL_NAMES["children_ages"],
        description=lazy_gettext("For example, 3 and 7"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter the ages of the children")),
            _length(255, DETAIL_NAMES["children_ages"]),
        ],
    )
    help_wanted = TextAreaField(
        DETAIL_NAMES["help_wanted"],
        description=lazy_gettext("Only what the service needs to know. Up to 2,000 characters."),
        widget=GovTextArea(),
        validators=[
            DataRequired(message=lazy_gettext("Enter what help is wanted")),
            _length(MOST_TEXT, DETAIL_NAMES["help_wanted"]),
        ],
    )
    urgency = RadioField(
        DETAIL_NAMES["urgency"],
        choices=[SelectChoice(code, label) for code, label in URGENCIES.items()],
        widget=GovRadioInput(),
        validators=[InputRequired(message=lazy_gettext("Choose how urgent it is"))],
    )

    def __init__(
        self,
        *args: Any,
        council: Council,
        needs: list[tuple[str, str]],
        asked: list[str],
        today: date,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        for name in DETAIL_FIELDS:
            if name not in asked:
                delattr(self, name)
        self.need.choices = [
            SelectChoice("", gettext("Choose a need")),
            *(SelectChoice(code, label) for code, label in needs),
        ]
        self.locality.choices = [
            SelectChoice("", gettext("Choose a locality")),
            *(SelectChoice(area.code, area.name) for area in council.localities),
        ]

    def validate_need(self, field: SelectField) -> None:
        if not field.data:
            raise ValidationError(gettext("Choose what the family needs help with"))

    def validate_locality(self, field: SelectField) -> None:
        if not field.data:
            raise ValidationError(gettext("Choose where the family lives"))

    def validate_consent_on(self, field: StringField) -> None:
        given = read_date(field.data or "")
        if given is None:
            raise ValidationError(gettext("Enter the date consent was given, like 27/3/2026"))
        if given > self.today:
            raise ValidationError(gettext("The date consent was given must be today or earlier"))
        if given < self.today - timedelta(days=OLDEST_CONSENT_DAYS):
            raise ValidationError(
                gettext("Consent must have been given in the last year: ask the family again")
            )
        self.consent_date = given

    def detail(self) -> dict[str, str]:
        return {name: self[name].data for name in DETAIL_FIELDS if name in self}


def read_date(text: str) -> date | None:
    """A day/month/year date as people type it ("27/3/2026", "27-03-2026", "27 3 2026")."""
    found = re.fullmatch(r"(\d{1,2})[/\-. ]+(\d{1,2})[/\-. ]+(\d{4})", text.strip())
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DecisionForm(BaseForm):
    decision = RadioField(
        lazy_gettext("Your decision"),
        choices=[
            SelectChoice("accept", lazy_gettext("Accept: we will contact the family")),
            SelectChoice("decline", lazy_gettext("Decline")),
        ],
        widget=GovRadioInput(),
        validators=[InputRequired(message=lazy_gettext("Choose accept or decline"))],
    )
    reason = TextAreaField(
        lazy_gettext("Reason"),
        description=lazy_gettext(
            "The practitioner sees this. Needed when you decline. Up to 2,000 characters."
        ),
        widget=GovTextArea(),
        validators=[_length(MOST_TEXT, lazy_gettext("The reason"))],
    )

    def validate_reason(self, field: TextAreaField) -> None:
        if self.decision.data == "decline" and not field.data:
            raise ValidationError(gettext("Enter why you are declining the request"))


class MessageForm(BaseForm):
    """A question from the organisation, or the practitioner's answer."""

    text = TextAreaField(
        lazy_gettext("Your message"),
        widget=GovTextArea(),
        validators=[
            DataRequired(message=lazy_gettext("Enter your message")),
            _length(MOST_TEXT, lazy_gettext("Your message")),
        ],
    )
