"""Reading one cell of the template: text as people type it, or values a spreadsheet holds.

Each reader returns the value or raises ``CellError`` with a message that names the value
("'five' is not a whole number"), which the caller places at its row and column.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from flask_babel import lazy_gettext

from directory.models import ServiceAreaScope
from directory.models.schedule import WEEKDAYS
from importers.problems import Text
from importers.records import Area, ContactRecord, Cost, Opening, PhoneNumber

ITEM_SEPARATOR = ";"
PART_SEPARATOR = "|"
_DAY_NAMES = {
    **{code.lower(): code for code in WEEKDAYS},
    **{
        name[:3]: code
        for name, code in zip(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            WEEKDAYS,
            strict=True,
        )
    },
    **{
        name: code
        for name, code in zip(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            WEEKDAYS,
            strict=True,
        )
    },
    "tues": "TU",
    "weds": "WE",
    "thur": "TH",
    "thurs": "TH",
}
_TIME = r"(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|midday|noon)"
_TIME_RANGE = re.compile(rf"^(?P<days>.*?)\s*{_TIME}\s*(?:-|\u2013|to)\s*{_TIME}$", re.IGNORECASE)
_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


class CellError(ValueError):
    """A cell that cannot be read; ``message`` (lazy, translated when shown) says why."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message = message


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def text(value: object) -> str:
    """Text with outer white space trimmed; numbers from spreadsheets without ".0".

    A quote before a formula character is how exports keep spreadsheets from running a
    cell as a formula (see ``spreadsheet_safe``); it is taken off again here.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raw = str(value)
    if raw[:1] == "'" and raw[1:2] and raw[1] in FORMULA_STARTS:
        raw = raw[1:]
    return raw.strip()


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will show as text: formula starts get a quote, numbers do not."""
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def optional_text(value: object) -> str | None:
    return text(value) or None


def items(value: object) -> list[str]:
    return [item.strip() for item in text(value).split(ITEM_SEPARATOR) if item.strip()]


def parts(item: str) -> list[str]:
    return [part.strip() for part in item.split(PART_SEPARATOR)]


def whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        raise CellError(lazy_gettext("%(value)s is not a whole number", value=repr(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    cleaned = text(value)
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d+", cleaned):
        raise CellError(lazy_gettext("%(value)s is not a whole number", value=repr(cleaned)))
    return int(cleaned)


def yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    cleaned = text(value).lower()
    if cleaned in _TRUE:
        return True
    if cleaned in _FALSE:
        return False
    raise CellError(lazy_gettext("%(value)s is not yes or no", value=repr(text(value))))


def day(value: object) -> date | None:
    """A date as ISO (2026-11-23), as the UK writes it (23/11/2026), or a spreadsheet date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    cleaned = text(value)
    if not cleaned:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise CellError(
        lazy_gettext("%(value)s is not a date like 2026-11-23 or 23/11/2026", value=repr(cleaned))
    )


def _is_date(value: str) -> bool:
    """Whether a part after "from" or "until" is a date, not words ("Until its funding ends")."""
    try:
        day(value)
    except CellError:
        return False
    return True


def clock(value: object) -> time:
    """ "09:30", "9.30", "9:30am", "2pm", "midday", or a spreadsheet time."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    cleaned = text(value).lower().replace(" ", "")
    if cleaned in {"midday", "noon"}:
        return time(12)
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(am|pm)?", cleaned)
    if not match:
        raise CellError(_not_a_time(value))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) == "pm" and hour < 12:
        hour += 12
    if match.group(3) == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise CellError(_not_a_time(value))
    return time(hour, minute)


def _not_a_time(value: object) -> Text:
    return lazy_gettext("%(value)s is not a time like 09:30", value=repr(text(value)))


def choice(value: object, enum: type[StrEnum], default: StrEnum) -> StrEnum:
    """An enum value, written as its value or in words ("Family centre" for family_centre)."""
    cleaned = text(value).lower()
    if not cleaned:
        return default
    for member in enum:
        if cleaned in {member.value, member.value.replace("_", " "), member.name.lower()}:
            return member
    allowed = ", ".join(member.value for member in enum)
    raise CellError(
        lazy_gettext(
            "%(value)s is not one of %(allowed)s", value=repr(text(value)), allowed=allowed
        )
    )


def weekdays(value: str) -> tuple[str, ...]:
    """ "Mon-Fri", "Mon, Wed", "Tuesday", "MO" -> weekday codes in order."""
    found: list[str] = []
    for piece in re.split(r"[,/&]|\band\b", value.lower()):
        piece = piece.strip().rstrip(".")
        if not piece:
            continue
        ends = [end.strip() for end in re.split(r"\s*(?:-|\u2013|to)\s*", piece)]
        codes = [_DAY_NAMES.get(end) for end in ends]
        if None in codes or len(codes) > 2:
            raise CellError(
                lazy_gettext(
                    "%(value)s is not days like Mon-Fri or Tue, Thu", value=repr(value.strip())
                )
            )
        if len(codes) == 2:
            first, last = WEEKDAYS.index(codes[0]), WEEKDAYS.index(codes[1])  # type: ignore[arg-type]
            found.extend(WEEKDAYS[first : last + 1])
        else:
            found.append(codes[0])  # type: ignore[arg-type]
    if not found:
        raise CellError(lazy_gettext("%(value)s names no days", value=repr(value.strip())))
    return tuple(sorted(set(found), key=WEEKDAYS.index))


def openings(value: object, venue: str | None) -> tuple[Opening, ...]:
    """ "Mon-Fri 09:00-17:00 | from 2026-01-05 | until 2026-03-30 | 6-week course; ..." """
    found = []
    for item in items(value):
        first, *rest = parts(item)
        match = _TIME_RANGE.match(first)
        if not match or not match.group("days"):
            raise CellError(
                lazy_gettext(
                    "%(value)s is not opening times like Mon-Fri 09:00-17:00", value=repr(first)
                )
            )
        valid_from = valid_to = None
        notes = []
        for part in rest:
            lowered = part.lower()
            if lowered.startswith("from ") and _is_date(part[5:]):
                valid_from = day(part[5:])
            elif lowered.startswith("until ") and _is_date(part[6:]):
                valid_to = day(part[6:])
            elif part:
                notes.append(part)
        found.append(
            Opening(
                days=weekdays(match.group("days")),
                opens=clock(match.group(2)),
                closes=clock(match.group(3)),
                valid_from=valid_from,
                valid_to=valid_to,
                note=" | ".join(notes),
                venue=venue,
            )
        )
    return tuple(found)


def costs(value: object) -> tuple[Cost, ...]:
    """ "Free | 0; Each session | 3.50 | £3.50 a session" """
    found = []
    for item in items(value):
        option, amount, description, *_ = [*parts(item), "", ""]
        found.append(Cost(option, money(amount), description))
    return tuple(found)


def money(value: object) -> Decimal | None:
    cleaned = text(value).replace("£", "").replace(",", "").strip()
    if not cleaned:
        return None
    if cleaned.lower() == "free":
        return Decimal(0)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise CellError(
            lazy_gettext("%(value)s is not an amount of money like 3.50", value=repr(text(value)))
        ) from None


def phones(value: object) -> tuple[PhoneNumber, ...]:
    return tuple(PhoneNumber(*[*parts(item), ""][:2]) for item in items(value))


def contacts(value: object) -> tuple[ContactRecord, ...]:
    found = []
    for item in items(value):
        title, name, email, phone, *_ = [*parts(item), "", "", ""]
        found.append(ContactRecord(title, name, email or None, phone or None))
    return tuple(found)


def areas(value: object) -> tuple[Area, ...]:
    """ "borough", "remote" or a locality code, each with an optional | description."""
    found = []
    for item in items(value):
        where, description, *_ = [*parts(item), ""]
        scope = {"borough": ServiceAreaScope.BOROUGH, "remote": ServiceAreaScope.REMOTE}.get(
            where.lower()
        )
        if scope is None:
            found.append(Area(ServiceAreaScope.LOCALITY, where, description))
        else:
            found.append(Area(scope, None, description))
    return tuple(found)
