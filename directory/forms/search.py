"""The family search box: words and a postcode. Filters are read by ``finding.request``."""

from __future__ import annotations

from flask_babel import lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import ValidationError

from directory.forms import BaseForm
from directory.postcodes.lookup import Place, PostcodeNotFound, find_place
from directory.postcodes.messages import message_for
from directory.postcodes.parsing import PostcodeError
from search import MAX_TEXT_CHARS


def _searched_part(value: object) -> object:
    """Only the words that are searched, so the box never shows more than was used."""
    return value[:MAX_TEXT_CHARS] if isinstance(value, str) else value


class SearchForm(BaseForm):
    """A GET form: no CSRF token (it changes nothing), and it must work when bookmarked."""

    class Meta:
        csrf = False

    q = StringField(
        lazy_gettext("What are you looking for?"), widget=GovTextInput(), filters=[_searched_part]
    )
    postcode = StringField(lazy_gettext("Postcode"), widget=GovTextInput())

    place: Place | None = None

    def validate_postcode(self, field: StringField) -> None:
        if not field.data:
            return
        try:
            self.place = find_place(field.data)
        except (PostcodeError, PostcodeNotFound) as error:
            raise ValidationError(message_for(error)) from None
