"""Checking records before anything is written, so no way in can skip the checks.

Each check says exactly what is wrong and where. Values that can be put right without
guessing are put right (phone numbers formatted, postcodes in canonical form, taxonomy
labels turned into codes) and the cleaned records are what the write path stores.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial

import phonenumbers
from flask_babel import lazy_gettext

from directory.council import Council
from directory.links import safe_link
from directory.listings.fields import TAXONOMY_FIELDS
from directory.listings.geocoding import Geocoder, Point
from directory.listings.languages import language_code
from directory.models.service import LONGEST_REVIEW_INTERVAL, OLDEST_AGE_SERVED, PRE_BIRTH_AGE
from directory.postcodes.parsing import PostcodeError, parse_postcode
from importers.problems import Problems, Text, joined, place
from importers.records import (
    ContactRecord,
    Dataset,
    OrganisationRecord,
    PhoneNumber,
    ServiceRecord,
    VenueRecord,
)

Where = Callable[[], Text]
"""Where a value is, worked out only when there is a problem to place (it is asked for
every value checked)."""
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_BARE_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


@dataclass
class Checked:
    """Records after the checks: cleaned, with each venue's point, and every problem."""

    dataset: Dataset
    points: dict[str, Point]
    problems: Problems
    unknown_terms: dict[str, list[str]] = field(default_factory=dict)


def check_dataset(
    dataset: Dataset,
    council: Council,
    geocoder: Geocoder,
    problems: Problems,
    *,
    known_organisations: Container[str] = frozenset(),
    known_venues: Container[str] = frozenset(),
) -> Checked:
    """Check and clean ``dataset``; ``known_*`` are keys already stored for its source."""
    checker = Checker(council, geocoder, problems)
    checked = checker.check(dataset, known_organisations, known_venues)
    checked.unknown_terms = checker.unknown_terms_found()
    return checked


class Checker:
    """Checks records a chunk at a time, remembering across chunks only the keys (and where
    each was first seen), so a key given twice in a file is found wherever the two are."""

    def __init__(self, council: Council, geocoder: Geocoder, problems: Problems) -> None:
        self.council = council
        self.geocoder = geocoder
        self.problems = problems
        self.unknown_terms: dict[str, set[str]] = defaultdict(set)
        self.seen: dict[str, dict[str, str]] = {"Organisation": {}, "Venue": {}, "Service": {}}
        """Kind -> key -> where it was first seen."""
        self._postcodes_ready = geocoder.ready()
        self._terms = {
            scheme: {
                **{term.label.casefold(): term.code for term in council.terms(scheme)},
                **{term.code: term.code for term in council.terms(scheme)},
            }
            for scheme in TAXONOMY_FIELDS.values()
        }
        if not self._postcodes_ready:
            problems.error(
                lazy_gettext("Postcodes"),
                lazy_gettext(
                    "no postcodes are loaded, so venues cannot be placed: run %(command)s",
                    command="flask postcodes load",
                ),
            )

    def check(
        self,
        chunk: Dataset,
        known_organisations: Container[str] = frozenset(),
        known_venues: Container[str] = frozenset(),
    ) -> Checked:
        """Check and clean one chunk. A service may name organisations and venues of this
        chunk, of earlier ones, or ``known_*`` (already stored for the source)."""
        self._repeated_keys("Organisation", chunk.organisations)
        self._repeated_keys("Venue", chunk.venues)
        self._repeated_keys("Service", chunk.services)
        points: dict[str, Point] = {}
        organisations = tuple(self.organisation(record) for record in chunk.organisations)
        venues = tuple(self.venue(record, points) for record in chunk.venues)
        named_organisations = _Either(known_organisations, self.seen["Organisation"])
        named_venues = _Either(known_venues, self.seen["Venue"])
        services = tuple(
            self.service(record, named_organisations, named_venues) for record in chunk.services
        )
        return Checked(Dataset(organisations, venues, services), points, self.problems)

    def unknown_terms_found(self) -> dict[str, list[str]]:
        return {scheme: sorted(codes) for scheme, codes in sorted(self.unknown_terms.items())}

    def _repeated_keys(
        self, what: str, records: Iterable[OrganisationRecord | VenueRecord | ServiceRecord]
    ) -> None:
        seen = self.seen[what]
        places: dict[str, list[Text]] = defaultdict(list)
        for record in records:
            places[record.key].append(record.origin)
        for key, origins in places.items():
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = origins[0]
            else:
                origins = [earlier, *origins]
            if len(origins) > 1:
                named = [o for o in origins if o]
                self.problems.error(
                    place(what, key),
                    lazy_gettext(
                        "the same id appears more than once (%(places)s)", places=joined(named)
                    )
                    if named
                    else lazy_gettext("the same id appears %(count)s times", count=len(origins)),
                )

    def organisation(self, record: OrganisationRecord) -> OrganisationRecord:
        def where(name: str | None = None) -> Text:
            return self.problems.where("Organisation", record.key, record.origin, name)

        if not record.name.strip():
            self.problems.error(
                where("organisation_name"), lazy_gettext("the organisation has no name")
            )
        return replace(
            record,
            website=self._link(record.website, partial(where, "organisation_website")),
            email=self._email(record.email, partial(where, "organisation_email")),
        )

    def venue(self, record: VenueRecord, points: dict[str, Point]) -> VenueRecord:
        def where(name: str | None = None) -> Text:
            return self.problems.where("Venue", record.key, record.origin, name)

        if not record.name.strip():
            self.problems.error(where("venue_name"), lazy_gettext("the venue has no name"))
        try:
            postcode = parse_postcode(record.postcode)
        except PostcodeError:
            self.problems.error(
                where("postcode"),
                lazy_gettext("%(value)s is not a postcode", value=repr(record.postcode)),
            )
            return record
        if not postcode.is_full:
            self.problems.error(
                where("postcode"),
                lazy_gettext("%(value)s is only part of a postcode", value=repr(record.postcode)),
            )
            return record
        if not self._postcodes_ready:
            return replace(record, postcode=str(postcode))
        point = self.geocoder.locate(str(postcode))
        if point is None:
            self.problems.error(
                where("postcode"),
                lazy_gettext("%(value)s is not a real postcode", value=repr(record.postcode)),
            )
            return replace(record, postcode=str(postcode))
        points[record.key] = point
        if self.council.locality_for(point.district, point.sector) is None:
            self.problems.warn(
                where("postcode"),
                lazy_gettext(
                    "%(postcode)s is outside every locality in the council file",
                    postcode=point.postcode,
                ),
            )
        return replace(record, postcode=str(postcode))

    def service(
        self, record: ServiceRecord, organisations: Container[str], venues: Container[str]
    ) -> ServiceRecord:
        def where(name: str | None = None) -> Text:
            return self.problems.where("Service", record.key, record.origin, name)

        if not record.key.strip():
            self.problems.error(where("service_id"), lazy_gettext("the service has no id"))
        if not record.name.strip():
            self.problems.error(where("name"), lazy_gettext("the service has no name"))
        if record.organisation not in organisations:
            self.problems.error(
                where("organisation_name"),
                lazy_gettext(
                    "names an unknown organisation %(key)s", key=repr(record.organisation)
                ),
            )
        named_venues = {
            *record.venues,
            *(s.venue for s in record.sessions if s.venue),
            *(o.venue for o in record.openings if o.venue),
        }
        for venue in sorted(v for v in named_venues if v not in venues):
            self.problems.error(
                where("venue_name"), lazy_gettext("names an unknown venue %(key)s", key=repr(venue))
            )
        self._ages(record, where)
        interval = record.review_interval_months
        if interval is not None and not 1 <= interval <= LONGEST_REVIEW_INTERVAL:
            self.problems.error(
                where("review_interval_months"),
                f"a listing is checked every 1 to {LONGEST_REVIEW_INTERVAL} months, "
                f"not every {interval}",
            )
        if record.visible_from and record.visible_to and record.visible_from > record.visible_to:
            self.problems.error(
                where("visible_to"),
                lazy_gettext(
                    "shown until %(end)s, before it is shown from %(start)s",
                    end=record.visible_to.isoformat(),
                    start=record.visible_from.isoformat(),
                ),
            )
        for opening in record.openings:
            if opening.opens >= opening.closes:
                self.problems.error(
                    where("opening_times"),
                    lazy_gettext(
                        "opens at %(opens)s but closes at %(closes)s",
                        opens=f"{opening.opens:%H:%M}",
                        closes=f"{opening.closes:%H:%M}",
                    ),
                )
            if opening.valid_from and opening.valid_to and opening.valid_from > opening.valid_to:
                self.problems.error(
                    where("opening_times"), lazy_gettext("the times end before they start")
                )
        for session in record.sessions:
            if session.starts_at >= session.ends_at:
                self.problems.error(
                    where("sessions"),
                    lazy_gettext(
                        "the session on %(day)s ends before it starts",
                        day=f"{session.starts_at:%Y-%m-%d}",
                    ),
                )
            if session.places is not None and session.places < 0:
                self.problems.error(
                    where("sessions"), lazy_gettext("a session has fewer than 0 places")
                )
        for cost in record.costs:
            if cost.amount is not None and cost.amount < 0:
                self.problems.error(
                    where("cost"),
                    lazy_gettext("the cost %(amount)s is below zero", amount=str(cost.amount)),
                )
        for area in record.areas:
            if area.locality is not None and self.council.locality(area.locality) is None:
                self.problems.error(
                    where("areas"),
                    lazy_gettext("%(value)s is not a locality", value=repr(area.locality)),
                )

        def terms(name: str) -> tuple[str, ...]:
            """The codes of one taxonomy field that the council's file knows."""
            scheme = TAXONOMY_FIELDS[name]
            return self._terms_for(scheme, getattr(record, name), partial(where, name))

        return replace(
            record,
            url=self._link(record.url, partial(where, "website")),
            referral_url=self._link(record.referral_url, partial(where, "referral_url")),
            email=self._email(record.email, partial(where, "email")),
            sessions=tuple(
                replace(s, booking_url=self._link(s.booking_url, partial(where, "sessions")))
                for s in record.sessions
            ),
            phones=tuple(
                PhoneNumber(number, phone.description)
                for phone in record.phones
                if (number := self._phone(phone.number, partial(where, "phone")))
            ),
            contacts=tuple(
                ContactRecord(
                    c.title,
                    c.name,
                    self._email(c.email, partial(where, "contacts")),
                    self._phone(c.phone, partial(where, "contacts")) if c.phone else None,
                )
                for c in record.contacts
            ),
            languages=self._languages(record.languages, partial(where, "languages")),
            categories=terms("categories"),
            needs=terms("needs"),
            levels=terms("levels"),
            circumstances=terms("circumstances"),
        )

    def _ages(self, record: ServiceRecord, where) -> None:  # type: ignore[no-untyped-def]
        low, high = record.minimum_age, record.maximum_age
        if low is not None and low < PRE_BIRTH_AGE:
            self.problems.error(
                where("minimum_age"),
                lazy_gettext(
                    "minimum age %(age)s is below %(lowest)s", age=low, lowest=PRE_BIRTH_AGE
                ),
            )
        if high is not None and high > OLDEST_AGE_SERVED:
            self.problems.error(
                where("maximum_age"),
                lazy_gettext(
                    "maximum age %(age)s is above %(highest)s", age=high, highest=OLDEST_AGE_SERVED
                ),
            )
        if low is not None and high is not None and high < low:
            self.problems.error(
                where("maximum_age"),
                lazy_gettext(
                    "maximum age %(maximum)s is below minimum age %(minimum)s",
                    maximum=high,
                    minimum=low,
                ),
            )

    def _link(self, value: str | None, where: Where) -> str | None:
        if value is None or not value.strip():
            return None
        text = value.strip()
        if ":" not in text.split("/", 1)[0] and _BARE_DOMAIN.match(text):
            self.problems.warn(
                where(),
                lazy_gettext(
                    "%(value)s has no https:// at the start, so it was added", value=repr(text)
                ),
            )
            return f"https://{text}"
        if not safe_link(text):
            self.problems.error(
                where(),
                lazy_gettext(
                    "%(value)s is not a web address (only http, https, tel or mailto links)",
                    value=repr(text),
                ),
            )
            return None
        return text

    def _email(self, value: str | None, where: Where) -> str | None:
        if value is None or not value.strip():
            return None
        text = value.strip()
        if not _EMAIL.match(text):
            self.problems.error(
                where(), lazy_gettext("%(value)s is not an email address", value=repr(text))
            )
            return None
        return text

    def _phone(self, value: str | None, where: Where) -> str | None:
        if value is None or not value.strip():
            return None
        formatted, in_use = _formatted_phone(value.strip())
        if formatted is None:
            self.problems.error(
                where(), lazy_gettext("%(value)s is not a phone number", value=repr(value.strip()))
            )
        elif not in_use:
            self.problems.warn(
                where(), lazy_gettext("%(value)s is not a number in use", value=repr(value.strip()))
            )
        return formatted

    def _languages(self, values: tuple[str, ...], where: Where) -> tuple[str, ...]:
        codes = []
        for value in values:
            code = language_code(value)
            if code is None:
                self.problems.warn(
                    where(),
                    lazy_gettext(
                        "%(value)s is not a language we know, so it was left out",
                        value=repr(value),
                    ),
                )
            else:
                codes.append(code)
        return tuple(dict.fromkeys(codes))

    def _terms_for(self, scheme: str, values: tuple[str, ...], where: Where) -> tuple[str, ...]:
        codes = []
        known = self._terms[scheme]
        for value in values:
            code = known.get(value) or known.get(value.strip().casefold())
            if code is None:
                self.unknown_terms[scheme].add(value)
                self.problems.warn(where(), self._unknown_term(scheme, value))
            else:
                codes.append(code)
        return tuple(dict.fromkeys(codes))

    def _unknown_term(self, scheme: str, value: str) -> Text:
        """Why ``value`` was left out, with the council's closest code or label if one is
        close enough to be a slip of the keyboard ("parentng" for "parenting"). Where a
        label and a code differ only in case, the code is suggested."""
        spellings = {
            spelling.casefold(): spelling
            for term in self.council.terms(scheme)
            for spelling in (term.label, term.code)
        }
        close = difflib.get_close_matches(value.strip().casefold(), spellings, n=1)
        if close:
            return lazy_gettext(
                "%(value)s is not a %(scheme)s in the council file; did you mean %(suggestion)s?",
                value=repr(value),
                scheme=scheme,
                suggestion=repr(spellings[close[0]]),
            )
        return lazy_gettext(
            "%(value)s is not a %(scheme)s in the council file, so it was left out",
            value=repr(value),
            scheme=scheme,
        )


@lru_cache(maxsize=4096)
def _formatted_phone(value: str) -> tuple[str | None, bool]:
    """The number as people write it in the UK ("01384 813322"), and whether it is in use."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None, False
    if not phonenumbers.is_possible_number(number):
        return None, False
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 44
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style), phonenumbers.is_valid_number(number)


@dataclass(frozen=True)
class _Either:
    """Keys in either of two containers, without copying either."""

    first: Container[str]
    second: Container[str]

    def __contains__(self, key: object) -> bool:
        return key in self.first or key in self.second
