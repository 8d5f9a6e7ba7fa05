"""What to tell a family when their postcode cannot be used, in their language."""

from __future__ import annotations

from flask_babel import gettext

from directory.postcodes.lookup import PostcodeNotFound
from directory.postcodes.parsing import PostcodeError, PostcodeProblem


def message_for(error: PostcodeError | PostcodeNotFound) -> str:
    """The message for a form's error summary and field. Needs a request or forced locale."""
    if isinstance(error, PostcodeNotFound):
        return gettext("We could not find %(postcode)s", postcode=error.postcode)
    if error.problem is PostcodeProblem.EMPTY:
        return gettext("Enter a postcode, like DY1 1AA")
    if error.problem is PostcodeProblem.NORTHERN_IRELAND:
        return gettext("Northern Ireland postcodes are not covered yet")
    return gettext("Enter a real postcode, like DY1 1AA")
