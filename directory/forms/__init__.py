"""Forms: one base that strips white space; GOV.UK widgets; messages that say what to do."""

from __future__ import annotations

from functools import lru_cache

from babel import support
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, PasswordField
from wtforms.i18n import messages_path

# WTForms refuses filters on fields that hold other fields; a password is kept exactly as
# typed or pasted, spaces and all.
_FIELDS_WITHOUT_FILTERS = (FieldList, FormField, PasswordField)


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


@lru_cache(maxsize=16)
def _wtforms_translations(locale: str) -> support.NullTranslations:
    """WTForms' own messages in ``locale``, read from disk once per process (Flask-WTF
    reads the catalogue again in every request that draws a form)."""
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class BaseForm(FlaskForm):
    class Meta:
        def get_translations(self, form):  # type: ignore[no-untyped-def]
            return _wtforms_translations(str(get_locale()))

        def bind_field(self, form, unbound_field, options):  # type: ignore[no-untyped-def]
            # A new list for each bound field: the unbound field is shared by every form
            # of the class, so changing its own filters would add one more each time.
            filters = list(unbound_field.kwargs.get("filters", ()))
            if not issubclass(unbound_field.field_class, _FIELDS_WITHOUT_FILTERS):
                filters.insert(0, _strip)
            return unbound_field.bind(form=form, filters=filters, **options)
