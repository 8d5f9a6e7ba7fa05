"""Forms for deciding on a provider's proposed change."""

from __future__ import annotations

from flask_babel import lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovTextArea
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from directory.forms import BaseForm


class ApproveForm(BaseForm):
    """Approve at ``version``: the proposal's own, or the listing's current one once the
    editor has seen what changed since and decided to apply the provider's change over it."""

    version = HiddenField()


class ReturnForm(BaseForm):
    reason = TextAreaField(
        lazy_gettext("Why are you returning it?"),
        description=lazy_gettext(
            "The provider reads this. Say what to change, or why the change cannot be made."
        ),
        widget=GovTextArea(),
        validators=[
            DataRequired(message=lazy_gettext("Enter why you are returning the change")),
            Length(max=2000, message=lazy_gettext("Reason must be 2000 characters or fewer")),
        ],
    )
