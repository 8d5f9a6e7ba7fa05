"""The per-deployment council file: who the council is, its localities and taxonomies.

A second council is a new TOML file, not a code change. Loading checks every field and
reports the first problem with its place in the file, so a typo never reaches a page.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from directory.models.enums import ServiceKind
from directory.postcodes.parsing import normalise_outward_or_sector

TAXONOMY_SCHEMES = ("category", "need", "circumstance", "level")
_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CouncilFileError(ValueError):
    """The council file is missing or wrong; the message names the place and the fix."""


@dataclass(frozen=True)
class HelpLine:
    name: str
    phone: str
    hours: str


@dataclass(frozen=True)
class ChildrenServices:
    """The council's front door for worries about a child's safety, by day and out of hours."""

    name: str
    phone: str
    hours: str
    out_of_hours_phone: str
    out_of_hours: str


@dataclass(frozen=True)
class Locality:
    """An area of the borough (a cluster or locality) defined by postcode districts/sectors."""

    code: str
    name: str
    postcode_districts: tuple[str, ...]
    postcode_sectors: tuple[str, ...]
    family_centre: str
    places: tuple[str, ...] = ()
    """Towns, wards and well-known areas within it, as people write them ("Kingswinford"):
    a search naming one is read as this locality (see directory/finding/practitioner_words.py)."""

    def covers(self, district: str, sector: str) -> bool:
        """Whether a postcode in ``district`` and ``sector`` (canonical forms) lies here."""
        return sector in self.postcode_sectors or district in self.postcode_districts


@dataclass(frozen=True)
class TaxonomyTermConfig:
    scheme: str
    code: str
    label: str
    description: str
    sensitive: bool = False
    """Pages about this term show "Exit this page" (domestic abuse, for example)."""
    danger: str | None = None
    """The danger (a phrasebook and safety-line code) a search for this term signals."""
    words: tuple[str, ...] = ()
    """For a level of need: more words practitioners use for it ("level 2", "EHA", "TAF"),
    read from a practitioners' search besides its label and place in the list."""


@dataclass(frozen=True)
class RankFirst:
    """What fits a life event's moment, ranked first among its results (never a filter).

    A listing fits by having any of the needs, categories or kinds, and, with
    ``open_within_days``, by being open or holding a session within that many days.
    """

    needs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    open_within_days: int | None = None


@dataclass(frozen=True)
class LifeEvent:
    """A saved search in plain words on the home page ("Money worries")."""

    label: str
    search: tuple[tuple[str, str], ...]
    """URL parameters for the search page, in order, as (name, value) pairs."""
    code: str = ""
    """Names the event in the search's address (``event=CODE``) when it ranks ``first``."""
    first: RankFirst | None = None


@dataclass(frozen=True)
class SchoolHoliday:
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class StaffSettings:
    """The council's choices for its staff side (the ``[staff]`` table, all optional)."""

    practitioners_need_second_factor: bool = False
    """Editors and admins always need a one-time code; practitioners only if this is set."""
    review_interval_months: int = 12
    """How often each listing should be checked, unless a listing says otherwise."""
    insights_minimum_days: int = 3
    """Search insights show a search only once it was made on this many different days."""
    insights_retention_months: int = 12
    """Search records older than this are deleted by ``flask insights purge``."""
    request_retention_days: int = 90
    """A request for support's personal detail is deleted this many days after it closed
    (``flask requests purge``)."""


@dataclass(frozen=True)
class ProviderSettings:
    """The council's choices for organisations' own accounts (the ``[providers]`` table)."""

    need_second_factor: bool = False
    """Whether people of organisations must give a one-time code at sign-in."""
    trusted: tuple[str, ...] = ()
    """Organisations (their ids or names) whose changes publish without an editor's
    approval; they are audited all the same."""

    def trusts(self, organization_id: str, name: str) -> bool:
        wanted = {entry.casefold() for entry in self.trusted}
        return organization_id.casefold() in wanted or name.strip().casefold() in wanted


@dataclass(frozen=True)
class Council:
    """One deployment's council settings."""

    code: str
    name: str
    area_name: str
    """The place, as families say it ("Dudley"), where ``name`` is the body ("Dudley Council")."""
    service_name: str
    website: str
    brand_colour: str
    font_family: str
    help_line: HelpLine
    contact_email: str
    """Where anyone can write to the team that runs the directory (accessibility, formats)."""
    demo_data: bool
    localities: tuple[Locality, ...]
    taxonomy: tuple[TaxonomyTermConfig, ...]
    school_holidays: tuple[SchoolHoliday, ...]
    life_events: tuple[LifeEvent, ...] = ()
    children_services: ChildrenServices | None = None
    phrasebook: dict[str, Any] = field(default_factory=dict)
    """Additions to the shipped family phrasebook (see directory/understanding.py)."""
    safety: dict[str, Any] = field(default_factory=dict)
    """Changes to the shipped safety lines, per danger (see directory/safety.py)."""
    staff: StaffSettings = field(default_factory=StaffSettings)
    providers: ProviderSettings = field(default_factory=ProviderSettings)

    def terms(self, scheme: str) -> tuple[TaxonomyTermConfig, ...]:
        return self._schemes.get(scheme, ())

    @cached_property
    def _schemes(self) -> dict[str, tuple[TaxonomyTermConfig, ...]]:
        """The terms of each scheme, in the file's order: worked out once per council
        object (it is frozen), not on each of a results page's two hundred asks."""
        schemes: dict[str, list[TaxonomyTermConfig]] = {}
        for term in self.taxonomy:
            schemes.setdefault(term.scheme, []).append(term)
        return {scheme: tuple(terms) for scheme, terms in schemes.items()}

    def term(self, scheme: str, code: str) -> TaxonomyTermConfig | None:
        return next((t for t in self.terms(scheme) if t.code == code), None)

    @cached_property
    def sensitive_codes(self) -> frozenset[tuple[str, str]]:
        """(scheme, code) of every term whose pages need "Exit this page"."""
        return frozenset((t.scheme, t.code) for t in self.taxonomy if t.sensitive)

    def locality(self, code: str) -> Locality | None:
        return next((loc for loc in self.localities if loc.code == code), None)

    def life_event(self, code: str) -> LifeEvent | None:
        """The life event that ranks its results by ``code`` (one with ``first``)."""
        return next((e for e in self.life_events if e.first and e.code == code), None)

    def locality_for(self, district: str, sector: str) -> Locality | None:
        """The locality a postcode falls in; a sector rule beats a district rule."""
        by_sector = next((loc for loc in self.localities if sector in loc.postcode_sectors), None)
        if by_sector:
            return by_sector
        return next((loc for loc in self.localities if district in loc.postcode_districts), None)


def load_council(path: Path) -> Council:
    """Read and check a council file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CouncilFileError(
            f"Council file {path} does not exist. Set COUNCIL_FILE to a file in councils/."
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CouncilFileError(f"Council file {path} is not valid TOML: {error}") from None
    try:
        return _council_from(raw)
    except CouncilFileError as error:
        raise CouncilFileError(f"Council file {path}: {error}") from None


def _council_from(raw: dict[str, Any]) -> Council:
    section = _table(raw, "council", "[council]")
    help_line = _table(section, "help_line", "[council.help_line]")
    localities = tuple(
        _locality(item, f"[[localities]] number {n}")
        for n, item in enumerate(_list(raw, "localities", "[[localities]]"), start=1)
    )
    if not localities:
        raise CouncilFileError("[[localities]] must list at least one locality.")
    _unique([loc.code for loc in localities], "locality code")
    taxonomy = _taxonomy(_table(raw, "taxonomy", "[taxonomy]"))
    colour = _text(section, "brand_colour", "[council]")
    if not _COLOUR.match(colour):
        raise CouncilFileError(f"[council] brand_colour must look like #1d70b8, not {colour!r}.")
    email = _text(section, "contact_email", "[council]")
    if not _EMAIL.match(email):
        raise CouncilFileError(f"[council] contact_email must be an email address, not {email!r}.")
    return Council(
        code=_code(section, "code", "[council]"),
        name=_text(section, "name", "[council]"),
        area_name=_text(section, "area_name", "[council]"),
        service_name=_text(section, "service_name", "[council]"),
        website=_text(section, "website", "[council]"),
        brand_colour=colour,
        font_family=_text(section, "font_family", "[council]"),
        help_line=HelpLine(
            name=_text(help_line, "name", "[council.help_line]"),
            phone=_text(help_line, "phone", "[council.help_line]"),
            hours=_text(help_line, "hours", "[council.help_line]"),
        ),
        contact_email=email,
        demo_data=bool(section.get("demo_data", False)),
        localities=localities,
        taxonomy=taxonomy,
        school_holidays=tuple(
            _holiday(item, f"[[school_holidays]] number {n}")
            for n, item in enumerate(raw.get("school_holidays", []), start=1)
        ),
        life_events=_life_events(raw, taxonomy),
        children_services=_children_services(section.get("children_services")),
        phrasebook=_optional_table(raw, "phrasebook"),
        safety=_optional_table(raw, "safety"),
        staff=_staff(_optional_table(raw, "staff")),
        providers=_providers(_optional_table(raw, "providers")),
    )


def _providers(raw: dict[str, Any]) -> ProviderSettings:
    known = {"need_second_factor", "trusted"}
    for key in raw:
        if key not in known:
            raise CouncilFileError(
                f"[providers] has {key!r}; it knows " + ", ".join(sorted(known)) + "."
            )
    second_factor = raw.get("need_second_factor", False)
    if not isinstance(second_factor, bool):
        raise CouncilFileError("[providers] need_second_factor must be true or false.")
    trusted = raw.get("trusted", [])
    if not isinstance(trusted, list) or not all(
        isinstance(entry, str) and entry.strip() for entry in trusted
    ):
        raise CouncilFileError(
            "[providers] trusted must be a list of organisation ids or names, in quotes."
        )
    return ProviderSettings(second_factor, tuple(entry.strip() for entry in trusted))


def _staff(raw: dict[str, Any]) -> StaffSettings:
    known = {
        "practitioners_need_second_factor",
        "review_interval_months",
        "insights_minimum_days",
        "insights_retention_months",
        "request_retention_days",
    }
    for key in raw:
        if key not in known:
            raise CouncilFileError(
                f"[staff] has {key!r}; it knows " + ", ".join(sorted(known)) + "."
            )
    second_factor = raw.get("practitioners_need_second_factor", False)
    if not isinstance(second_factor, bool):
        raise CouncilFileError("[staff] practitioners_need_second_factor must be true or false.")
    months = raw.get("review_interval_months", 12)
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
        raise CouncilFileError(
            "[staff] review_interval_months must be a whole number from 1 to 60."
        )
    return StaffSettings(
        second_factor,
        months,
        _whole(raw, "insights_minimum_days", 3, 1, 365),
        _whole(raw, "insights_retention_months", 12, 1, 120),
        _whole(raw, "request_retention_days", 90, 1, 3650),
    )


def _whole(raw: dict[str, Any], key: str, default: int, least: int, most: int) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not least <= value <= most:
        raise CouncilFileError(f"[staff] {key} must be a whole number from {least} to {most}.")
    return value


def _children_services(raw: object) -> ChildrenServices | None:
    if raw is None:
        return None
    where = "[council.children_services]"
    if not isinstance(raw, dict):
        raise CouncilFileError(f"{where} must be a table.")
    return ChildrenServices(
        name=_text(raw, "name", where),
        phone=_text(raw, "phone", where),
        hours=_text(raw, "hours", where),
        out_of_hours_phone=_text(raw, "out_of_hours_phone", where),
        out_of_hours=_text(raw, "out_of_hours", where),
    )


def _optional_table(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise CouncilFileError(f"[{key}] must be a table.")
    return value


def _locality(item: dict[str, Any], where: str) -> Locality:
    districts = tuple(
        _postcode_area(value, where, "postcode_districts")
        for value in item.get("postcode_districts", [])
    )
    sectors = tuple(
        _postcode_area(value, where, "postcode_sectors")
        for value in item.get("postcode_sectors", [])
    )
    if not districts and not sectors:
        raise CouncilFileError(f"{where} needs postcode_districts or postcode_sectors.")
    return Locality(
        code=_code(item, "code", where),
        name=_text(item, "name", where),
        postcode_districts=districts,
        postcode_sectors=sectors,
        family_centre=_text(item, "family_centre", where),
        places=_words(item, "places", where),
    )


def _words(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """An optional list of words or phrases, each with a letter or digit in it."""
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(v, str) and any(c.isalnum() for c in v) for v in value
    ):
        raise CouncilFileError(f'{where} {key} must be a list of words, like ["Kingswinford"].')
    return tuple(v.strip() for v in value)


def _postcode_area(value: object, where: str, key: str) -> str:
    normalised = normalise_outward_or_sector(str(value))
    if normalised is None:
        raise CouncilFileError(f"{where} {key} has {value!r}, which is not a postcode area.")
    return normalised


_LIFE_EVENT_PARAMETERS = {"q", "need", "category", "kind", "age", "free", "holiday"}
_RANK_FIRST_KEYS = {"need", "category", "kind", "open_within_days"}
MAX_OPEN_WITHIN_DAYS = 28


def _life_events(
    raw: dict[str, Any], taxonomy: tuple[TaxonomyTermConfig, ...]
) -> tuple[LifeEvent, ...]:
    events = tuple(
        _life_event(item, f"[[life_events]] number {n}", taxonomy)
        for n, item in enumerate(_list(raw, "life_events", "[[life_events]]"), start=1)
    )
    _unique([event.code for event in events if event.code], "life event code")
    return events


def _life_event(
    item: dict[str, Any], where: str, taxonomy: tuple[TaxonomyTermConfig, ...]
) -> LifeEvent:
    search = item.get("search")
    if not isinstance(search, dict) or not search:
        raise CouncilFileError(f'{where} needs a search table, like {{ need = ["food"] }}.')
    pairs: list[tuple[str, str]] = []
    for name, value in search.items():
        if name not in _LIFE_EVENT_PARAMETERS:
            raise CouncilFileError(f"{where} search has {name!r}, which the search page ignores.")
        values = value if isinstance(value, list) else [value]
        for one in values:
            _check_term(name, one, where + " search", taxonomy)
            pairs.append((name, str(one)))
    first = _rank_first(item.get("first"), where, taxonomy)
    code = ""
    if first is not None:
        if "code" not in item:
            raise CouncilFileError(f'{where} ranks results first, so it needs a code, like "food".')
        code = _code(item, "code", where)
        pairs.append(("event", code))
    return LifeEvent(label=_text(item, "label", where), search=tuple(pairs), code=code, first=first)


def _rank_first(
    raw: object, where: str, taxonomy: tuple[TaxonomyTermConfig, ...]
) -> RankFirst | None:
    if raw is None:
        return None
    where = f"{where} first"
    if not isinstance(raw, dict) or not raw:
        raise CouncilFileError(f'{where} must be a table, like {{ kind = ["pantry"] }}.')
    unknown = sorted(set(raw) - _RANK_FIRST_KEYS)
    if unknown:
        raise CouncilFileError(
            f"{where} has {unknown[0]!r}; use {', '.join(sorted(_RANK_FIRST_KEYS))}."
        )
    codes: dict[str, tuple[str, ...]] = {}
    for name in ("need", "category", "kind"):
        values = raw.get(name, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise CouncilFileError(f"{where} {name} must be a list of codes.")
        for one in values:
            _check_term(name, one, where, taxonomy)
        codes[name] = tuple(values)
    days = raw.get("open_within_days")
    if days is not None and (
        isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_OPEN_WITHIN_DAYS
    ):
        raise CouncilFileError(
            f"{where} open_within_days must be a number of days from 1 to {MAX_OPEN_WITHIN_DAYS}."
        )
    return RankFirst(codes["need"], codes["category"], codes["kind"], days)


def _check_term(
    name: str, code: object, where: str, taxonomy: tuple[TaxonomyTermConfig, ...]
) -> None:
    """A need or category a council term defines, or a kind the directory knows."""
    scheme = {"need": "need", "category": "category"}.get(name)
    if scheme and not any(t.scheme == scheme and t.code == code for t in taxonomy):
        raise CouncilFileError(f"{where} names the unknown {name} {code!r}.")
    if name == "kind" and code not in {kind.value for kind in ServiceKind}:
        raise CouncilFileError(f"{where} names the unknown kind {code!r}.")


def _taxonomy(section: dict[str, Any]) -> tuple[TaxonomyTermConfig, ...]:
    terms: list[TaxonomyTermConfig] = []
    for scheme in section:
        if scheme not in TAXONOMY_SCHEMES:
            raise CouncilFileError(
                f"[taxonomy.{scheme}] is not a known scheme; use one of "
                + ", ".join(TAXONOMY_SCHEMES)
                + "."
            )
        for n, item in enumerate(_list(section, scheme, f"[[taxonomy.{scheme}]]"), start=1):
            where = f"[[taxonomy.{scheme}]] number {n}"
            if "words" in item and scheme != "level":
                raise CouncilFileError(f"{where} has words, which only a level of need reads.")
            terms.append(
                TaxonomyTermConfig(
                    scheme=scheme,
                    code=_code(item, "code", where),
                    label=_text(item, "label", where),
                    description=str(item.get("description", "")),
                    sensitive=bool(item.get("sensitive", False)),
                    danger=_optional_code(item, "danger", where),
                    words=_words(item, "words", where),
                )
            )
        _unique([t.code for t in terms if t.scheme == scheme], f"{scheme} code")
    if not any(t.scheme == "need" for t in terms):
        raise CouncilFileError("[taxonomy] must list at least one need.")
    return tuple(terms)


def _holiday(item: dict[str, Any], where: str) -> SchoolHoliday:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, date) or not isinstance(end, date):
        raise CouncilFileError(f"{where} needs start and end dates like 2026-12-21.")
    if end < start:
        raise CouncilFileError(f"{where} ends before it starts.")
    return SchoolHoliday(name=_text(item, "name", where), start=start, end=end)


def _table(raw: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise CouncilFileError(f"{where} is missing.")
    return value


def _list(raw: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise CouncilFileError(f"{where} must be a list of tables.")
    return value


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CouncilFileError(f"{where} needs {key} (text).")
    return value.strip()


def _code(raw: dict[str, Any], key: str, where: str) -> str:
    value = _text(raw, key, where)
    if not _CODE.match(value):
        raise CouncilFileError(
            f"{where} {key} {value!r} must be lower-case letters, digits and hyphens."
        )
    return value


def _optional_code(raw: dict[str, Any], key: str, where: str) -> str | None:
    return _code(raw, key, where) if key in raw else None


def _unique(codes: list[str], what: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise CouncilFileError(f"the {what} {code!r} is used twice.")
        seen.add(code)
