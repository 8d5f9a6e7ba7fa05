"""Template rows (from CSV or XLSX) into the write path's records, a chunk at a time.

The header row is the first of the top rows that names every required column (title rows
and merged headers above it are skipped with a warning). Blank rows are skipped. Every
problem is reported at its row and column as the file names them.

The rows are read twice. The first look finds the header, counts the rows (refusing a file
with too many) and notes the last row of each service; the second builds the records and
hands each service on as soon as its last row is read. So a service's rows may be anywhere
in the file, yet only services still waiting for a later row are held in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from flask_babel import lazy_gettext

from directory.models import (
    Audience,
    DeliveryMethod,
    ReferralRoute,
    ServiceKind,
    ServiceStatus,
)
from importers import cells
from importers.cell_limits import column_limit, too_long
from importers.cells import CellError
from importers.limits import FileRefused, Limits
from importers.problems import Problems, Text, in_column, row_place
from importers.records import (
    Dataset,
    OrganisationRecord,
    ServiceRecord,
    SessionRecord,
    VenueRecord,
)
from importers.result import CHUNK, ReadResult
from importers.template import REQUIRED, ROW_COLUMNS, template_column

HEADER_SEARCH_ROWS = 10
_SESSION = re.compile(
    r"^(?P<day>\S+)\s+(?P<start>[\d:.apm]+)\s*(?:-|\u2013|to)\s*(?P<end>[\d:.apm]+)$",
    re.IGNORECASE,
)

Rows = Iterable[tuple[int, Sequence[Any]]]


@dataclass(frozen=True)
class _Layout:
    """What the first look over the rows found."""

    header_number: int
    columns: dict[int, str]
    """Cell index -> template column."""
    last_rows: dict[str, int]
    """Service id -> the number of its last row."""
    count: int


def read_rows(
    rows: Callable[[], Rows],
    mapping: dict[str, str],
    limits: Limits,
    file_format: str,
    chunk_size: int = CHUNK,
) -> ReadResult:
    """Read numbered rows (the header among them) into records and a row-level report.

    ``rows`` gives the rows afresh each time it is called; it is called twice. Raises
    ``FileRefused`` before any record is read if the file cannot be taken.
    """
    problems = Problems()
    layout, used = _look_over(rows(), mapping, limits, problems)
    problems.column_labels = {ours: theirs for theirs, ours in used.items()}
    return ReadResult(
        _records(rows, layout, problems, chunk_size), problems, layout.count, file_format, used
    )


def _look_over(
    rows: Rows, mapping: dict[str, str], limits: Limits, problems: Problems
) -> tuple[_Layout, dict[str, str]]:
    iterator = iter(rows)
    header_number, header = _find_header(iterator, mapping, problems)
    if len(header) > limits.columns:
        raise FileRefused(
            lazy_gettext(
                "The file has %(count)s columns; at most %(limit)s are accepted.",
                count=len(header),
                limit=limits.columns,
            )
        )
    columns: dict[int, str] = {}
    used: dict[str, str] = {}
    for index, title in enumerate(header):
        title_text = cells.text(title)
        if not title_text:
            continue
        column = template_column(title_text, mapping)
        if column is None:
            problems.warn(
                row_place(header_number),
                lazy_gettext(
                    "column %(name)s is not in the template, so it was ignored",
                    name=repr(title_text),
                ),
            )
        elif column in used.values():
            problems.error(
                row_place(header_number),
                lazy_gettext("two columns are both %(column)s", column=column),
            )
        else:
            columns[index] = column
            used[title_text] = column
    last_rows: dict[str, int] = {}
    count = 0
    labels = {ours: theirs for theirs, ours in used.items()}
    for number, row in iterator:
        values = _values(row, columns)
        if values is None:
            continue
        _check_lengths(number, row, columns, labels, problems)
        count += 1
        if count > limits.rows:
            raise FileRefused(
                lazy_gettext(
                    "The file has more than %(limit)s rows of listings.", limit=limits.rows
                )
            )
        last_rows[cells.text(values.get("service_id"))] = number
    return _Layout(header_number, columns, last_rows, count), used


def _values(row: Sequence[Any], columns: dict[int, str]) -> dict[str, Any] | None:
    """The row's cells by template column, each cut to its most characters (the first look
    reports a longer one); None for a blank row."""
    values = {columns[i]: _cut(columns[i], value) for i, value in enumerate(row) if i in columns}
    return values if any(cells.text(value) for value in values.values()) else None


def _cut(column: str, value: Any) -> Any:
    limit = column_limit(column)
    return value.strip()[:limit] if _length(value) > limit else value


def _length(value: Any) -> int:
    """Characters of a text cell, not counting the white space around it (numbers: 0)."""
    return len(value.strip()) if isinstance(value, str) else 0


def _check_lengths(
    number: int,
    row: Sequence[Any],
    columns: dict[int, str],
    labels: dict[str, str],
    problems: Problems,
) -> None:
    """An error for each cell longer than its column takes (see ``importers.cell_limits``)."""
    for index, value in enumerate(row):
        column = columns.get(index)
        if column is not None and _length(value) > column_limit(column):
            problems.error(
                in_column(row_place(number), labels.get(column, column)),
                too_long(_length(value), column_limit(column)),
            )


def _records(
    rows: Callable[[], Rows], layout: _Layout, problems: Problems, chunk_size: int
) -> Iterator[Dataset]:
    builder = _Builder(problems)
    for number, row in rows():
        if number <= layout.header_number:
            continue
        values = _values(row, layout.columns)
        if values is None:
            continue
        key = builder.add(number, values)
        if key and layout.last_rows.get(key) == number:
            builder.finish(key)
        if len(builder.finished) >= chunk_size:
            yield builder.take()
    chunk = builder.take()
    if chunk.services or chunk.organisations or chunk.venues:
        yield chunk


def _find_header(
    rows: Iterator[tuple[int, Sequence[Any]]], mapping: dict[str, str], problems: Problems
) -> tuple[int, Sequence[Any]]:
    skipped = 0
    for number, row in rows:
        found = {template_column(cells.text(cell), mapping) for cell in row if cells.text(cell)}
        if set(REQUIRED) <= found:
            if skipped:
                problems.warn(
                    row_place(number),
                    lazy_gettext(
                        "the column names are on row %(number)s; the %(skipped)s rows above "
                        "were skipped",
                        number=number,
                        skipped=skipped,
                    ),
                )
            return number, row
        if any(cells.text(cell) for cell in row):
            skipped += 1
        if number >= HEADER_SEARCH_ROWS:
            break
    missing = ", ".join(REQUIRED)
    raise FileRefused(
        lazy_gettext(
            "No row in the first %(count)s names the columns %(columns)s (or columns mapped to "
            "them): check the file is in the template, or give a mapping.",
            count=HEADER_SEARCH_ROWS,
            columns=missing,
        )
    )


class _Builder:
    """Gathers rows into services, organisations and venues, reporting as it goes.

    Only services still waiting for a row are kept, with their first row (which later rows
    must agree with); finished services wait in ``finished`` for the next chunk, with the
    organisations and venues first named since the last one. Of the rest, only keys are kept.
    """

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.pending: dict[str, ServiceRecord] = {}
        self.first_rows: dict[str, tuple[int, dict[str, Any]]] = {}
        """Service id -> the number and cells of its first row."""
        self.finished: list[ServiceRecord] = []
        self.organisations: list[OrganisationRecord] = []
        self.venues: list[VenueRecord] = []
        self.organisation_keys: set[str] = set()
        self.venue_keys: set[str] = set()
        self.unnamed_venues: dict[tuple[str, str], str] = {}
        """(name, postcode) as written -> the stand-in key of a venue the file gives no id."""

    def take(self) -> Dataset:
        """The finished services, with the organisations and venues named since last time."""
        chunk = Dataset(tuple(self.organisations), tuple(self.venues), tuple(self.finished))
        self.organisations, self.venues, self.finished = [], [], []
        return chunk

    def finish(self, key: str) -> None:
        self.finished.append(self.pending.pop(key))
        del self.first_rows[key]

    def add(self, number: int, values: dict[str, Any]) -> str | None:
        """Add row ``number``; returns the id of its service (None if it has none)."""
        origin = row_place(number)
        reader = _Cells(origin, values, self.problems)
        key = reader.text("service_id")
        if not key:
            self.problems.error(reader.where("service_id"), lazy_gettext("the service has no id"))
            return None
        venue = self._venue(reader)
        openings = reader.read("opening_times", cells.openings, venue, default=())
        sessions = reader.read("sessions", _sessions, venue, default=())
        if key in self.pending:
            self._same_service(key, origin, values)
            known = self.pending[key]
            self.pending[key] = replace(
                known,
                venues=known.venues + ((venue,) if venue and venue not in known.venues else ()),
                openings=known.openings + openings,
                sessions=known.sessions + sessions,
            )
            return key
        self.first_rows[key] = (number, values)
        self.pending[key] = ServiceRecord(
            key=key,
            organisation=self._organisation(reader),
            name=reader.text("name"),
            kind=reader.choice("kind", ServiceKind, ServiceKind.SUPPORT_SERVICE),
            status=reader.choice("status", ServiceStatus, ServiceStatus.ACTIVE),
            summary=reader.text("summary"),
            description=reader.text("description"),
            url=reader.optional("website"),
            email=reader.optional("email"),
            phones=reader.read("phone", cells.phones, default=()),
            contacts=reader.read("contacts", cells.contacts, default=()),
            audience=reader.choice("audience", Audience, Audience.PUBLIC),
            referral_route=reader.choice("referral_route", ReferralRoute, ReferralRoute.SELF),
            referral_url=reader.optional("referral_url"),
            application_process=reader.text("application_process"),
            eligibility=reader.text("eligibility"),
            fees=reader.text("fees"),
            professional_notes=reader.text("professional_notes"),
            referral_criteria=reader.text("referral_criteria"),
            professional_contact=reader.text("professional_contact"),
            minimum_age=reader.read("minimum_age", cells.whole_number),
            maximum_age=reader.read("maximum_age", cells.whole_number),
            needs=tuple(cells.items(values.get("needs"))),
            categories=tuple(cells.items(values.get("categories"))),
            levels=tuple(cells.items(values.get("levels"))),
            circumstances=tuple(cells.items(values.get("circumstances"))),
            languages=tuple(cells.items(values.get("languages"))),
            delivery=reader.read("delivery", _delivery, default=(DeliveryMethod.IN_PERSON,)),
            areas=reader.read("areas", cells.areas, default=()),
            costs=reader.read("cost", cells.costs, default=()),
            venues=(venue,) if venue else (),
            openings=openings,
            sessions=sessions,
            assured_date=reader.read("assured_date", cells.day),
            review_interval_months=reader.read("review_interval_months", cells.whole_number),
            visible_from=reader.read("visible_from", cells.day),
            visible_to=reader.read("visible_to", cells.day),
            is_sample=reader.read("is_sample", cells.yes_no, default=False),
            origin=origin,
        )
        return key

    def _same_service(self, key: str, origin: Text, values: dict[str, Any]) -> None:
        """A later row of a service may leave its columns blank, but not say otherwise."""
        first_number, first = self.first_rows[key]
        for column, value in values.items():
            if column in ROW_COLUMNS or not cells.text(value):
                continue
            if cells.text(value) != cells.text(first.get(column)):
                label = self.problems.column_labels.get(column, column)
                self.problems.error(
                    in_column(origin, label),
                    lazy_gettext(
                        "service %(key)s is also on row %(number)s with %(first)s, not %(value)s",
                        key=repr(key),
                        number=first_number,
                        first=repr(cells.text(first.get(column))),
                        value=repr(cells.text(value)),
                    ),
                )

    def _organisation(self, reader: _Cells) -> str:
        name = reader.text("organisation_name")
        key = reader.text("organisation_id") or _slug(name)
        if key not in self.organisation_keys:
            self.organisation_keys.add(key)
            self.organisations.append(
                OrganisationRecord(
                    key=key,
                    name=name,
                    description=reader.text("organisation_description"),
                    website=reader.optional("organisation_website"),
                    email=reader.optional("organisation_email"),
                    origin=reader.origin,
                )
            )
        return key

    def _venue(self, reader: _Cells) -> str | None:
        name, postcode = reader.text("venue_name"), reader.text("postcode")
        key = reader.text("venue_id")
        if not (key or name or postcode):
            return None
        given = bool(key)
        if not given:
            key = self._stand_in_key(name, postcode)
        if key not in self.venue_keys:
            self.venue_keys.add(key)
            self.venues.append(
                VenueRecord(
                    key=key,
                    name=name,
                    postcode=postcode,
                    address_1=reader.text("address_1"),
                    address_2=reader.text("address_2"),
                    city=reader.text("city"),
                    description=reader.text("venue_description"),
                    accessibility=tuple(cells.items(reader.values.get("accessibility"))),
                    masked_address=reader.read("masked_address", cells.yes_no, default=False),
                    origin=reader.origin,
                    key_given=given,
                )
            )
        return key

    def _stand_in_key(self, name: str, postcode: str) -> str:
        """A key for the rows of one venue with no id, made from nothing they say: ids are
        shown (exports, the audit trail), and one made of a refuge's postcode would give it
        away. The write path swaps it for the stored venue's id or a new random one."""
        same = (
            " ".join(name.casefold().split()),
            "".join(re.findall(r"[A-Z0-9]", postcode.upper())),
        )
        if same not in self.unnamed_venues:
            self.unnamed_venues[same] = f"(venue {len(self.unnamed_venues) + 1} with no id)"
        return self.unnamed_venues[same]


class _Cells:
    """One row's cells, read with problems placed at the row and the file's column name."""

    def __init__(self, origin: Text, values: dict[str, Any], problems: Problems) -> None:
        self.origin = origin
        self.values = values
        self.problems = problems

    def where(self, column: str) -> Text:
        return in_column(self.origin, self.problems.column_labels.get(column, column))

    def text(self, column: str) -> str:
        return cells.text(self.values.get(column))

    def optional(self, column: str) -> str | None:
        return cells.optional_text(self.values.get(column))

    def read(self, column: str, parse: Callable[..., Any], *args: Any, default: Any = None) -> Any:
        """The parsed cell; ``default`` when it is blank or cannot be read (reported)."""
        value = self.values.get(column)
        if not cells.text(value) and not isinstance(value, bool):
            return default
        try:
            return parse(value, *args)
        except CellError as error:
            self.problems.error(self.where(column), error.message)
            return default

    def choice(self, column: str, enum: type[StrEnum], default: StrEnum) -> Any:
        return self.read(column, cells.choice, enum, default, default=default)


def _sessions(value: object, venue: str | None) -> tuple[SessionRecord, ...]:
    """ "2026-12-22 10:00-14:00 | places 30 | book https://... | Christmas holidays; ..." """
    found = []
    for item in cells.items(value):
        first, *rest = cells.parts(item)
        match = _SESSION.match(first)
        if not match:
            raise CellError(
                lazy_gettext(
                    "%(value)s is not a session like 2026-12-22 10:00-14:00", value=repr(first)
                )
            )
        on = cells.day(match.group("day"))
        assert on is not None
        places = booking = None
        notes = []
        for part in rest:
            lowered = part.lower()
            if lowered.startswith("places "):
                places = cells.whole_number(part[7:])
            elif lowered.startswith("book "):
                booking = part[5:].strip() or None
            elif part:
                notes.append(part)
        found.append(
            SessionRecord(
                starts_at=datetime.combine(on, cells.clock(match.group("start"))),
                ends_at=datetime.combine(on, cells.clock(match.group("end"))),
                venue=venue,
                places=places,
                booking_url=booking,
                description=" | ".join(notes),
            )
        )
    return tuple(found)


def _delivery(value: object) -> tuple[DeliveryMethod, ...]:
    return tuple(
        cells.choice(item, DeliveryMethod, DeliveryMethod.IN_PERSON)  # type: ignore[misc]
        for item in cells.items(value)
    )


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))
