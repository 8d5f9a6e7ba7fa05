"""Forms for importing a file from the browser."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext
from flask_wtf.file import FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovFileInput, GovTextInput
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from directory.forms import BaseForm


class UploadForm(BaseForm):
    file = FileField(
        lazy_gettext("Upload a file"),
        description=lazy_gettext(
            "CSV or Excel (.xlsx) in the import template, or Open Referral UK JSON; up to 10 MB"
        ),
        widget=GovFileInput(),
        validators=[FileRequired(message=lazy_gettext("Select a file to import"))],
    )
    source = StringField(
        lazy_gettext("Where the listings come from"),
        description=lazy_gettext(
            "A short name for the source, like fis-spreadsheet. Listings from the same source "
            "are matched by their ids, so use the same name each time."
        ),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter where the listings come from")),
            Length(max=64, message=lazy_gettext("Source must be 64 characters or fewer")),
            Regexp(
                re.compile(r"^[a-z0-9][a-z0-9-]*$"),
                message=lazy_gettext(
                    "Source must be lower-case letters, numbers and hyphens, like fis-spreadsheet"
                ),
            ),
        ],
    )
    full_feed = BooleanField(
        lazy_gettext(
            "This file is everything the source lists: withdraw its listings that are not in it"
        ),
        widget=GovCheckboxInput(),
    )
