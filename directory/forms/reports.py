"""The public's "Report a problem with this page" form, and the editors' status form."""

from __future__ import annotations

from flask_babel import lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovTextArea, GovTextInput
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from directory.forms import BaseForm
from directory.models import ReportStatus

MOST_WORDS = 2000

STATUS_NAMES = {
    ReportStatus.NEW: lazy_gettext("New"),
    ReportStatus.IN_PROGRESS: lazy_gettext("In progress"),
    ReportStatus.FIXED: lazy_gettext("Fixed"),
    ReportStatus.NOT_A_PROBLEM: lazy_gettext("Not a problem"),
}
STATUS_CONFIRMATIONS = {
    ReportStatus.NEW: lazy_gettext("Report marked as new"),
    ReportStatus.IN_PROGRESS: lazy_gettext("Report marked as in progress"),
    ReportStatus.FIXED: lazy_gettext("Report marked as fixed"),
    ReportStatus.NOT_A_PROBLEM: lazy_gettext("Report marked as not a problem"),
}
"""The banner shown after an editor changes a report's status."""


class ReportForm(BaseForm):
    what_is_wrong = TextAreaField(
        lazy_gettext("What is wrong with this page?"),
        description=lazy_gettext(
            "For example, a phone number that does not work, or a service that has closed. "
            "Up to 2,000 characters."
        ),
        widget=GovTextArea(),
        validators=[
            DataRequired(message=lazy_gettext("Enter what is wrong with the page")),
            Length(
                max=MOST_WORDS,
                message=lazy_gettext(
                    "What is wrong must be %(number)s characters or fewer", number=MOST_WORDS
                ),
            ),
        ],
    )
    name = StringField(
        lazy_gettext("Your name (optional)"),
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(max=255, message=lazy_gettext("Name must be 255 characters or fewer")),
        ],
    )
    contact = StringField(
        lazy_gettext("Email address or phone number (optional)"),
        description=lazy_gettext("Only if you would like us to tell you what we did"),
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(
                max=255,
                message=lazy_gettext(
                    "Email address or phone number must be 255 characters or fewer"
                ),
            ),
        ],
    )


class ReportStatusForm(BaseForm):
    status = RadioField(
        lazy_gettext("Status"),
        choices=[SelectChoice(status.value, name) for status, name in STATUS_NAMES.items()],
        widget=GovRadioInput(),
        validators=[DataRequired(message=lazy_gettext("Select a status"))],
    )
