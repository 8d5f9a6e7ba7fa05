"""Open Referral UK / HSDS 3.0 JSON: a file of services, or a live API read page by page.

A file may hold a list of services or the paginated ``/services`` response (services in
``contents``). Each service may nest its organisation, locations (with addresses and
accessibility), contacts, phones, schedules, cost options, eligibility, languages and
taxonomy terms (as ``attributes``). Real feeds depart from the schema: each departure is
reported as a warning where it is, a service that cannot be read at all is an error, and
nothing in a feed makes the reader crash.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import lazy_gettext

from directory.council import Council
from directory.models import DeliveryMethod, ServiceAreaScope, ServiceKind, ServiceStatus
from directory.models.schedule import WEEKDAYS
from importers.cell_limits import field_limit, field_too_long
from importers.limits import FileRefused, Limits, parse_json
from importers.oruk_schema import departures, service_validator
from importers.problems import Problems, Text, in_field, place
from importers.records import (
    Area,
    ContactRecord,
    Cost,
    Dataset,
    Opening,
    OrganisationRecord,
    PhoneNumber,
    ServiceRecord,
    VenueRecord,
)
from importers.result import CHUNK, ReadResult

TAXONOMY_SCHEMES = {
    "category": "categories",
    "need": "needs",
    "level": "levels",
    "circumstance": "circumstances",
}
FIELD_PATHS = {
    "postcode": "addresses[0].postal_code",
    "organisation_name": "organization.name",
    "website": "url",
    "phone": "phones",
    "opening_times": "schedules",
    "cost": "cost_options",
    "areas": "service_areas",
    "venue_name": "service_at_locations",
}
PAGE_TIMEOUT_SECONDS = 30


class _Unreadable(ValueError):
    """A service this reader cannot turn into a record; ``message`` says why."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message = message


def read_oruk_json(data: bytes, council: Council, limits: Limits) -> ReadResult:
    try:
        document = parse_json(data, limits)
    except FileRefused:
        raise
    except (UnicodeDecodeError, ValueError) as error:
        raise FileRefused(
            lazy_gettext("The file is not valid JSON: %(error)s", error=str(error))
        ) from None
    return read_services(services_in(document, lazy_gettext("The file")), council, limits)


def services_in(document: Any, where: Text) -> list[Any]:
    """The services of a list, or of a page's ``contents``."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    raise FileRefused(
        lazy_gettext(
            "%(place)s is neither a list of services nor a page of them (an object with contents).",
            place=where,
        )
    )


def read_oruk_url(url: str, council: Council, limits: Limits) -> ReadResult:
    """Every page of an ORUK ``/services`` endpoint; any page that fails refuses the lot."""
    services: list[Any] = []
    received = 0
    page = 1
    while True:
        address = _page_address(url, page)
        try:
            with urllib.request.urlopen(address, timeout=PAGE_TIMEOUT_SECONDS) as response:
                body = response.read(limits.bytes - received + 1)
        except urllib.error.HTTPError as error:
            error.close()
            raise FileRefused(_unread(page, url, f"HTTP {error.code}")) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise FileRefused(_unread(page, url, getattr(error, "reason", None) or error)) from None
        received += len(body)
        if received > limits.bytes:
            raise FileRefused(
                lazy_gettext(
                    "The feed is larger than %(limit)s MB.", limit=limits.bytes // (1024 * 1024)
                )
            )
        try:
            document = parse_json(body, limits)
        except FileRefused:
            raise
        except (UnicodeDecodeError, ValueError) as error:
            raise FileRefused(
                lazy_gettext(
                    "Page %(page)s of %(url)s is not valid JSON (%(error)s), so nothing was "
                    "imported.",
                    page=page,
                    url=url,
                    error=str(error),
                )
            ) from None
        services.extend(
            services_in(document, lazy_gettext("Page %(page)s of %(url)s", page=page, url=url))
        )
        if len(services) > limits.rows:
            raise FileRefused(
                lazy_gettext("The feed has more than %(limit)s services.", limit=limits.rows)
            )
        if not isinstance(document, dict) or _last_page(document, page):
            break
        page += 1
    return read_services(services, council, limits)


def _unread(page: int, url: str, reason: object) -> Text:
    return lazy_gettext(
        "Page %(page)s of %(url)s could not be read (%(reason)s), so nothing was imported.",
        page=page,
        url=url,
        reason=str(reason),
    )


def _page_address(url: str, page: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "page"]
    query.append(("page", str(page)))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _last_page(document: dict[str, Any], page: int) -> bool:
    if document.get("last_page") is True or not document.get("contents"):
        return True
    total = document.get("total_pages")
    return isinstance(total, int) and page >= total


def read_services(
    services: list[Any], council: Council, limits: Limits, chunk_size: int = CHUNK
) -> ReadResult:
    """Services made records a chunk at a time (the feed itself is already in memory)."""
    if len(services) > limits.rows:
        raise FileRefused(
            lazy_gettext("The file has more than %(limit)s services.", limit=limits.rows)
        )
    problems = Problems(column_labels=FIELD_PATHS, field_word="field")
    return ReadResult(
        _records(services, _Reader(council, problems), chunk_size), problems, len(services), "json"
    )


def _records(services: list[Any], reader: _Reader, chunk_size: int) -> Iterator[Dataset]:
    """Every organisation comes in the first chunk: a service may name one only by its id,
    and the service that describes it may come later in the feed."""
    reader.organisations = reader.described_organisations(services)
    for number, item in enumerate(services, start=1):
        reader.add(number, item)
        if len(reader.services) >= chunk_size:
            yield reader.take()
    chunk = reader.take()
    if chunk.services or chunk.organisations or chunk.venues:
        yield chunk


class _Reader:
    """Turns services into records; keeps only the keys of venues already handed on."""

    def __init__(self, council: Council, problems: Problems) -> None:
        self.council = council
        self.problems = problems
        self.organisations: list[OrganisationRecord] = []
        self.venues: list[VenueRecord] = []
        self.venue_keys: set[str] = set()
        self.services: list[ServiceRecord] = []
        self.schemes = {
            scheme: {
                **{term.code: term.code for term in council.terms(scheme)},
                **{term.label.casefold(): term.code for term in council.terms(scheme)},
            }
            for scheme in TAXONOMY_SCHEMES
        }

    def take(self) -> Dataset:
        """The services read since last time, with the organisations and venues they named."""
        chunk = Dataset(tuple(self.organisations), tuple(self.venues), tuple(self.services))
        self.organisations, self.venues, self.services = [], [], []
        return chunk

    def described_organisations(self, services: list[Any]) -> list[OrganisationRecord]:
        """Each organisation a service with an id describes, from the first to describe it."""
        found: dict[str, OrganisationRecord] = {}
        for number, item in enumerate(services, start=1):
            if not isinstance(item, dict) or not _text(item.get("id")):
                continue
            raw = _dict(item.get("organization"))
            key = _text(raw.get("id") or item.get("organization_id"))
            if key and raw and key not in found:
                found[key] = OrganisationRecord(
                    key=key,
                    name=_text(raw.get("name")),
                    description=_text(raw.get("description")),
                    website=_text(raw.get("website")) or None,
                    email=_text(raw.get("email")) or None,
                    origin=_label(item, number),
                )
        return list(found.values())

    def add(self, number: int, item: Any) -> None:
        label = _label(item, number)
        too_long = list(_long_fields(item))
        for path, length, limit in too_long:
            self.problems.error(in_field(label, path), field_too_long(length, limit))
        if too_long:
            return
        for path, message in departures(service_validator(), item):
            self.problems.warn(
                in_field(label, path),
                lazy_gettext("departs from the ORUK schema: %(message)s", message=message),
            )
        try:
            self.services.append(self._service(item, label))
        except _Unreadable as error:
            self.problems.error(label, error.message)
        except (KeyError, TypeError, ValueError, AttributeError, InvalidOperation) as error:
            self.problems.error(
                label,
                lazy_gettext(
                    "cannot be read (%(kind)s: %(error)s)",
                    kind=type(error).__name__,
                    error=str(error),
                ),
            )

    def _service(self, item: Any, label: Text) -> ServiceRecord:
        if not isinstance(item, dict):
            raise _Unreadable(lazy_gettext("is not an object"))
        key, name = _text(item.get("id")), _text(item.get("name"))
        if not key:
            raise _Unreadable(lazy_gettext("has no id"))
        organisation = _organisation_key(item)
        venues: list[str] = []
        openings = [
            opening for s in _list(item, "schedules") if (opening := self._opening(s, None, label))
        ]
        for link in _list(item, "service_at_locations"):
            venue = self._venue(_dict(link.get("location")), label)
            if venue is None:
                continue
            venues.append(venue)
            openings.extend(
                opening
                for s in _list(link, "schedules")
                if (opening := self._opening(s, venue, label))
            )
        terms = self._terms(item)
        phones = [
            PhoneNumber(_text(p.get("number")), _text(p.get("description")))
            for p in _list(item, "phones")
            if _text(p.get("number"))
        ]
        return ServiceRecord(
            key=key,
            organisation=organisation,
            name=name,
            kind=ServiceKind.SUPPORT_SERVICE,
            status=_status(item.get("status")),
            description=_text(item.get("description")),
            url=_text(item.get("url")) or None,
            email=_text(item.get("email")) or None,
            phones=tuple(phones),
            contacts=tuple(self._contact(c) for c in _list(item, "contacts")),
            eligibility=_text(item.get("eligibility_description")),
            application_process=_text(item.get("application_process")),
            fees=_text(item.get("fees_description") or item.get("fees")),
            minimum_age=_age(item.get("minimum_age")),
            maximum_age=_age(item.get("maximum_age")),
            assured_date=_date(item.get("assured_date")),
            costs=tuple(self._cost(c) for c in _list(item, "cost_options")),
            languages=tuple(
                _text(language.get("code") or language.get("name"))
                for language in _list(item, "languages")
                if _text(language.get("code") or language.get("name"))
            ),
            areas=tuple(self._areas(item)),
            venues=tuple(dict.fromkeys(venues)),
            openings=tuple(openings),
            delivery=(DeliveryMethod.IN_PERSON,)
            if venues
            else ((DeliveryMethod.PHONE,) if phones else (DeliveryMethod.ONLINE,)),
            origin=label,
            categories=terms["categories"],
            needs=terms["needs"],
            levels=terms["levels"],
            circumstances=terms["circumstances"],
        )

    def _venue(self, raw: dict[str, Any], label: Text) -> str | None:
        key = _text(raw.get("id"))
        if not key:
            self.problems.warn(
                in_field(label, "service_at_locations"),
                lazy_gettext("a location with no id was left out"),
            )
            return None
        if key in self.venue_keys:
            return key
        addresses = _list(raw, "addresses")
        address = next(
            (a for a in addresses if a.get("address_type") == "physical"),
            addresses[0] if addresses else {},
        )
        postcode = _text(address.get("postal_code"))
        if not postcode:
            self.problems.warn(
                in_field(label, "service_at_locations"),
                lazy_gettext(
                    "the location %(key)s has no postcode, so it was left out", key=repr(key)
                ),
            )
            return None
        self.venue_keys.add(key)
        self.venues.append(
            VenueRecord(
                key=key,
                name=_text(raw.get("name")) or _text(address.get("address_1")),
                postcode=postcode,
                address_1=_text(address.get("address_1")),
                address_2=_text(address.get("address_2")),
                city=_text(address.get("city")),
                description=_text(raw.get("description")),
                accessibility=tuple(
                    _text(a.get("description"))
                    for a in _list(raw, "accessibility")
                    if _text(a.get("description"))
                ),
                origin=label,
            )
        )
        return key

    def _opening(self, raw: dict[str, Any], venue: str | None, label: Text) -> Opening | None:
        where = in_field(label, "schedules")
        freq = _text(raw.get("freq")).upper()
        days = tuple(d for d in re.split(r"[,\s]+", _text(raw.get("byday")).upper()) if d)
        if (
            freq not in {"", "WEEKLY"}
            or not days
            or not raw.get("opens_at")
            or not raw.get("closes_at")
        ):
            self.problems.warn(
                where, lazy_gettext("a schedule that is not weekly opening times was left out")
            )
            return None
        if not set(days) <= set(WEEKDAYS):
            self.problems.warn(
                where,
                lazy_gettext(
                    "byday %(value)s is not weekdays like MO,TU, so it was left out",
                    value=repr(raw.get("byday")),
                ),
            )
            return None
        return Opening(
            days=tuple(sorted(set(days), key=WEEKDAYS.index)),
            opens=_time(raw["opens_at"]),
            closes=_time(raw["closes_at"]),
            valid_from=_date(raw.get("valid_from")),
            valid_to=_date(raw.get("valid_to")),
            note=_text(raw.get("description") or raw.get("notes")),
            venue=venue,
        )

    def _contact(self, raw: dict[str, Any]) -> ContactRecord:
        phones = [_text(p.get("number")) for p in _list(raw, "phones") if _text(p.get("number"))]
        return ContactRecord(
            title=_text(raw.get("title")),
            name=_text(raw.get("name")),
            email=_text(raw.get("email")) or None,
            phone=phones[0] if phones else None,
        )

    def _cost(self, raw: dict[str, Any]) -> Cost:
        amount = raw.get("amount")
        return Cost(
            option=_text(raw.get("option")),
            amount=None if amount in (None, "") else Decimal(str(amount)),
            description=_text(raw.get("amount_description")),
        )

    def _areas(self, item: dict[str, Any]) -> Iterable[Area]:
        for raw in _list(item, "service_areas"):
            name = _text(raw.get("name") or raw.get("service_area"))
            locality = next(
                (
                    loc
                    for loc in self.council.localities
                    if name.casefold() in {loc.code, loc.name.casefold()}
                ),
                None,
            )
            if locality is not None:
                yield Area(ServiceAreaScope.LOCALITY, locality.code, _text(raw.get("description")))
            elif name.casefold() in {"borough", self.council.area_name.casefold()}:
                yield Area(ServiceAreaScope.BOROUGH, None, _text(raw.get("description")))

    def _terms(self, item: dict[str, Any]) -> dict[str, tuple[str, ...]]:
        """Terms from ``attributes``, placed in the council's scheme that knows them."""
        found: dict[str, list[str]] = {field: [] for field in TAXONOMY_SCHEMES.values()}
        for attribute in _list(item, "attributes"):
            term = _dict(attribute.get("taxonomy_term"))
            code, name = _text(term.get("term") or term.get("code")), _text(term.get("name"))
            scheme = _text(attribute.get("link_type") or term.get("taxonomy")).lower()
            if scheme in TAXONOMY_SCHEMES:
                found[TAXONOMY_SCHEMES[scheme]].append(code or name)
                continue
            known = next(
                (
                    s
                    for s, terms in self.schemes.items()
                    if code in terms or name.casefold() in terms
                ),
                None,
            )
            found[TAXONOMY_SCHEMES[known or "need"]].append(
                code if known and code in self.schemes[known] else name or code
            )
        return {field: tuple(values) for field, values in found.items()}


def _label(item: Any, number: int) -> Text:
    """Where a service's problems are reported: its id, else its place in the feed."""
    if isinstance(item, dict) and item.get("id"):
        return place("Service", str(item.get("id")))
    return lazy_gettext("Service number %(number)s", number=number)


_FIELD_NAME_SHOWN = 64


def _long_fields(value: Any, path: str = "") -> Iterator[tuple[str, int, int]]:
    """(path, characters, most allowed) for each text longer than its field takes; the
    nesting is already held to ``Limits.json_depth``."""
    if isinstance(value, str):
        limit = field_limit(path.rsplit(".", 1)[-1].split("[", 1)[0])
        if len(value) > limit:
            yield path, len(value), limit
    elif isinstance(value, dict):
        for key, inner in value.items():
            name = str(key)[:_FIELD_NAME_SHOWN]
            yield from _long_fields(inner, f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _long_fields(inner, f"{path}[{index}]")


def _organisation_key(item: dict[str, Any]) -> str:
    key = _text(_dict(item.get("organization")).get("id") or item.get("organization_id"))
    if not key:
        raise _Unreadable(lazy_gettext("names no organisation (organization or organization_id)"))
    return key


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = raw.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _status(value: Any) -> ServiceStatus:
    try:
        return ServiceStatus(_text(value).lower() or "active")
    except ValueError:
        raise _Unreadable(
            lazy_gettext("has the status %(value)s, which is not an ORUK status", value=repr(value))
        ) from None


def _age(value: Any) -> int | None:
    if value in (None, ""):
        return None
    number = float(value)
    if not number.is_integer():
        raise _Unreadable(
            lazy_gettext(
                "has the age %(value)s, which is not a whole number of years", value=repr(value)
            )
        )
    return int(number)


def _date(value: Any) -> date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return (
            datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            if "T" in text
            else date.fromisoformat(text)
        )
    except ValueError:
        raise _Unreadable(
            lazy_gettext(
                "has the date %(value)s, which is not a date like 2026-11-23", value=repr(text)
            )
        ) from None


def _time(value: Any) -> time:
    text = _text(value)
    try:
        return time.fromisoformat(text[:8] if len(text) >= 8 else text)
    except ValueError:
        raise _Unreadable(
            lazy_gettext("has the time %(value)s, which is not a time like 09:30", value=repr(text))
        ) from None
