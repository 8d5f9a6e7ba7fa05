"""Forms: one base that strips white space; GOV.UK widgets; messages that say what to do."""

from __future__ import annotations

from flask_wtf import FlaskForm


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class BaseForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):  # type: ignore[no-untyped-def]
            filters = unbound_field.kwargs.get("filters", ())
            unbound_field.kwargs["filters"] = (_strip, *filters)
            return unbound_field.bind(form=form, **options)
