"""The practitioners' needs-first and locality report forms: GET forms of council codes."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext, lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSelect
from wtforms import SelectField, SelectMultipleField
from wtforms.validators import InputRequired, ValidationError

from directory.council import Council
from directory.finding.filters import BY_PARAM, Names
from directory.forms import BaseForm


class _CodesField(SelectMultipleField):
    """Checkboxes of codes: codes the council does not define are dropped, not an error."""

    widget = GovCheckboxesInput()
    data: list[str] | None

    def pre_validate(self, form: BaseForm) -> None:
        self.data = [code for code in self.data or [] if code in dict(self.choices or [])]


class _AgeField(SelectField):
    """An age the filter table knows, or none: an odd value is dropped, not an error."""

    data: str | None

    def pre_validate(self, form: BaseForm) -> None:
        if self.data not in dict(self.choices or []):
            self.data = ""


class LocalityForm(BaseForm):
    """Choose one of the council's localities (the locality reports)."""

    class Meta:
        csrf = False

    locality = SelectField(
        lazy_gettext("Locality"),
        widget=GovSelect(),
        validators=[InputRequired(message=lazy_gettext("Choose a locality"))],
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.locality.choices = [
            ("", gettext("Choose a locality")),
            *((area.code, area.name) for area in council.localities),
        ]

    def validate_locality(self, field: SelectField) -> None:
        if not field.data:
            raise ValidationError(gettext("Choose a locality"))


class NeedsFirstForm(LocalityForm):
    """A family's locality and the needs an assessment found, with a level and an age."""

    need = _CodesField(
        lazy_gettext("Needs the assessment found"),
        description=lazy_gettext("Tick every need in the family’s plan"),
    )
    level = _CodesField(lazy_gettext("Level of need (optional)"))
    age = _AgeField(lazy_gettext("Age of the child (optional)"), widget=GovSelect(), default="")

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, council=council, **kwargs)
        self.need.choices = [(t.code, t.label) for t in council.terms("need")]
        self.level.choices = [(t.code, t.label) for t in council.terms("level")]
        ages = BY_PARAM["age"].options(Names(council))
        self.age.choices = [("", gettext("Any age")), *ages.items()]

    def validate_need(self, field: _CodesField) -> None:
        if not field.data:
            raise ValidationError(gettext("Choose at least one need"))

    @property
    def chosen_age(self) -> int | None:
        return int(self.age.data) if self.age.data else None
