"""Forms for signing in and looking after staff accounts."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovInput, GovRadioInput, GovTextInput
from wtforms import PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Regexp, ValidationError

from directory.accounts.passwords import password_problem
from directory.forms import BaseForm
from directory.models import Role


class GovPasswordField(GovInput):
    """A plain password box: pasting works, nothing limits what may be typed."""

    input_type = "password"

    def __call__(self, field, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["value"] = ""
        return super().__call__(field, **kwargs)


ROLE_CHOICES = [
    SelectChoice(
        Role.PRACTITIONER.value, lazy_gettext("Practitioner: can see practitioner-only listings")
    ),
    SelectChoice(
        Role.EDITOR.value,
        lazy_gettext("Editor: can change listings, run imports and answer reports"),
    ),
    SelectChoice(
        Role.ADMIN.value, lazy_gettext("Admin: can also invite staff and change their roles")
    ),
]


def _email_field(label: str = lazy_gettext("Email address")) -> StringField:
    return StringField(
        label,
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter your email address")),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message=lazy_gettext(
                    "Enter an email address in the right format, like name@example.org"
                ),
            ),
            Length(max=255, message=lazy_gettext("Email address must be 255 characters or fewer")),
        ],
    )


class SignInForm(BaseForm):
    email = StringField(
        lazy_gettext("Email address"),
        widget=GovTextInput(),
        validators=[DataRequired(message=lazy_gettext("Enter your email address"))],
    )
    password = PasswordField(
        lazy_gettext("Password"),
        widget=GovPasswordField(),
        validators=[InputRequired(message=lazy_gettext("Enter your password"))],
    )


class CodeForm(BaseForm):
    code = StringField(
        lazy_gettext("Security code"),
        description=lazy_gettext(
            "The 6-digit code from your authenticator app, or one of your recovery codes"
        ),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter the 6-digit code from your authenticator app"))
        ],
    )


class SetUpCodeForm(BaseForm):
    code = StringField(
        lazy_gettext("Enter the 6-digit code the app shows"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter the 6-digit code from your authenticator app"))
        ],
    )


class NewPasswordForm(BaseForm):
    """A new password, checked against the policy (``password_problem``)."""

    password = PasswordField(
        lazy_gettext("Create a password"),
        description=lazy_gettext(
            "Use 10 characters or more. Three or four random words together make a strong "
            "password that is easy to remember. You can paste it."
        ),
        widget=GovPasswordField(),
        validators=[InputRequired(message=lazy_gettext("Enter a password"))],
    )

    def __init__(self, *args, email: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.email = email

    def validate_password(self, field: PasswordField) -> None:
        council = current_app.extensions["council"]
        problem = password_problem(
            field.data or "",
            names=(council.name, council.area_name, council.service_name),
            email=self.email,
        )
        if problem:
            raise ValidationError(problem)


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(
        lazy_gettext("Current password"),
        widget=GovPasswordField(),
        validators=[InputRequired(message=lazy_gettext("Enter your current password"))],
    )


class ResetRequestForm(BaseForm):
    email = _email_field()


class InviteForm(BaseForm):
    name = StringField(
        lazy_gettext("Full name"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter their full name")),
            Length(max=255, message=lazy_gettext("Name must be 255 characters or fewer")),
        ],
    )
    email = _email_field()
    role = RadioField(
        lazy_gettext("Role"),
        choices=ROLE_CHOICES,
        widget=GovRadioInput(),
        validators=[DataRequired(message=lazy_gettext("Select a role"))],
    )


class ProviderInviteForm(BaseForm):
    """An editor invites someone who works for an organisation to keep its listings."""

    name = InviteForm.name
    email = _email_field()


class RoleForm(BaseForm):
    role = RadioField(
        lazy_gettext("Role"),
        choices=ROLE_CHOICES,
        widget=GovRadioInput(),
        validators=[DataRequired(message=lazy_gettext("Select a role"))],
    )


class ConfirmForm(BaseForm):
    """A form with nothing to fill in but its CSRF token: a button that changes something."""


class ConfirmIdentityForm(BaseForm):
    """Asked before a change to the second factor: the password and a current code, so a
    session left open (or taken) cannot swap the app or the recovery codes."""

    password = PasswordField(
        lazy_gettext("Your password"),
        widget=GovPasswordField(),
        validators=[InputRequired(message=lazy_gettext("Enter your password"))],
    )
    current_code = StringField(
        lazy_gettext("Security code"),
        description=lazy_gettext(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes"
        ),
        widget=GovTextInput(),
        validators=[
            DataRequired(
                message=lazy_gettext(
                    "Enter the code your authenticator app shows now, or a recovery code"
                )
            )
        ],
    )


class NewAppForm(ConfirmIdentityForm):
    code = StringField(
        lazy_gettext("Enter the 6-digit code the new app shows"),
        widget=GovTextInput(),
        validators=[DataRequired(message=lazy_gettext("Enter the 6-digit code from your new app"))],
    )
