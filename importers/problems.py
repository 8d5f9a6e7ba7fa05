"""What is wrong with what was brought, and where: errors stop a write, warnings do not.

Places and messages are lazy Flask-Babel strings with named values, so the upload pages
show them in the page's language, while ``flask listings import`` (which renders them
under :func:`in_english`) and the stored batch reports keep them in English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeAlias

from flask_babel import force_locale, lazy_gettext
from flask_babel.speaklater import LazyString
from markupsafe import escape

Text: TypeAlias = str | LazyString
"""A message as given: plain (a name from the file) or lazy (translated when shown)."""


class _Escaped(LazyString):
    """A lazy message that templates escape. Flask-Babel's lazy strings count as safe
    markup, but these hold values from the file ("'<b>' is not a postcode")."""

    def __html__(self) -> str:
        return str(escape(str(self)))


def escaped(text: Text) -> Text:
    """``text`` as a template must show it: escaped, and still translated when shown."""
    if isinstance(text, LazyString) and not isinstance(text, _Escaped):
        return _Escaped(str, text)
    return text


@contextmanager
def in_english() -> Iterator[None]:
    """Render lazy messages in English (the commands, the JSON and the stored reports);
    outside an app context they are English anyway."""
    with force_locale("en"):
        yield


def joined(items: Sequence[Text]) -> LazyString:
    """Places or names as a list ("Row 3, Row 9"), each shown in the page's language."""
    return LazyString(lambda: ", ".join(str(item) for item in items))


def row_place(number: int) -> LazyString:
    """Where a row of a sheet is: "Row 14"."""
    return lazy_gettext("Row %(number)s", number=number)


_PLACES = {
    "Organisation": lambda key: lazy_gettext("Organisation %(key)s", key=key),
    "Venue": lambda key: lazy_gettext("Venue %(key)s", key=key),
    "Service": lambda key: lazy_gettext("Service %(key)s", key=key),
}


def place(what: str, key: str) -> LazyString:
    """A record named by its kind and key: "Service 'abc'"."""
    return _PLACES[what](repr(key))


def in_column(origin: Text, label: str) -> LazyString:
    """ "Row 14, column Post Code" """
    return lazy_gettext("%(place)s, column %(column)s", place=origin, column=label)


def in_field(origin: Text, path: str) -> LazyString:
    """ "Service 'abc', field schedules" """
    return lazy_gettext("%(place)s, field %(field)s", place=origin, field=path)


@dataclass(frozen=True)
class Problem:
    where: Text
    message: Text

    def __post_init__(self) -> None:
        object.__setattr__(self, "where", escaped(self.where))
        object.__setattr__(self, "message", escaped(self.message))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def as_json(self) -> dict[str, str]:
        return {"where": str(self.where), "what": str(self.message)}


@dataclass
class Problems:
    """Errors and warnings, each saying where ("Row 14, column Post Code") and what."""

    column_labels: Mapping[str, str] = field(default_factory=dict)
    """Record field -> the column it came from, so a reader's rows name their columns."""
    field_word: str = "column"
    """What the reader's places are called: columns of a sheet ("column") or fields of a
    JSON feed ("field")."""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def where(self, what: str, key: str, origin: Text, field_name: str | None = None) -> Text:
        # Asked for every checked value, so a lazy origin is not rendered just to test it.
        if isinstance(origin, LazyString) or origin:
            if field_name is None:
                return origin
            label = self.column_labels.get(field_name, field_name)
            if self.field_word == "field":
                return in_field(origin, label)
            return in_column(origin, label)
        return place(what, key)

    def error(self, where: Text, message: Text) -> None:
        self.errors.append(Problem(where, message))

    def warn(self, where: Text, message: Text) -> None:
        self.warnings.append(Problem(where, message))
