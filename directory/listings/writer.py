"""The write path: validate records, work out what changes, and apply it all or nothing.

A dry run and an apply work out the differences with the same code, so what a dry run
reports is what applying would do; only an apply writes, in one transaction. Records come
a chunk at a time (as readers read them) and each chunk is checked, compared and written,
then let go, so memory follows the chunk, not the file: across chunks only keys, ids and
the report are kept. Once a chunk has an error nothing more is written (the rest is still
checked, so every error is reported) and the transaction is rolled back at the end. A
constraint only the database checks is found when applying, which then changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from flask_babel import lazy_gettext
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from directory.council import Council
from directory.extensions import db
from directory.indexing.hooks import reindex_after_commit
from directory.listings.audit import AuditTrail
from directory.listings.collecting import fewer_collections
from directory.listings.digests import (
    content_digest,
    digest_written,
    remember_digests,
    stored_digests,
)
from directory.listings.duplicates import DuplicateFinder, Newcomer
from directory.listings.fields import (
    COORDINATES,
    Resolver,
    differences,
    organisation_fields,
    placed_elsewhere,
    service_fields,
    set_organisation_fields,
    set_service_fields,
    set_venue_fields,
    stored_organisation_fields,
    stored_service_fields,
    stored_venue_fields,
    venue_fields,
)
from directory.listings.geocoding import Geocoder, Point
from directory.listings.languages import language_name
from directory.listings.report import Change, Conflict, WriteReport
from directory.listings.rows import NewRows
from directory.listings.taxonomy import sync_taxonomy
from directory.listings.validation import Checked, Checker
from directory.listings.venue_keys import VenueKeys
from directory.models import (
    ImportBatch,
    Location,
    Organization,
    Service,
    ServiceStatus,
    TaxonomyTerm,
)
from directory.models.mixins import new_id
from directory.queries.services import SERVICE_CONTENTS
from importers.problems import Problems, escaped, in_english
from importers.records import (
    Dataset,
    OrganisationRecord,
    ServiceRecord,
    VenueRecord,
)

DEFAULT_WITHDRAW_SHARE = 0.2
CHUNK = 500
WITHDRAWN = ServiceStatus.INACTIVE
_STILL_LISTED = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
_Stored = TypeVar("_Stored", Organization, Location, Service)


class WriteFailed(RuntimeError):
    """The database refused the write; nothing was changed."""


@dataclass(frozen=True)
class WriteOptions:
    source: str
    actor: str
    apply: bool = False
    full_feed: bool = False
    withdraw_share: float = DEFAULT_WITHDRAW_SHARE
    allow_mass_withdrawal: bool = False
    kind: str = "import"
    mark_edited: bool = False
    """An editor's save: the fields it changes become theirs, and later imports keep them."""


def write_listings(
    records: Dataset | Iterable[Dataset],
    council: Council,
    geocoder: Geocoder,
    options: WriteOptions,
    problems: Problems | None = None,
) -> WriteReport:
    """Check ``records`` (a dataset, or chunks of one as a reader gives them) and write them
    for ``options.source`` (only with ``options.apply``).

    Returns what changed, or would change. Nothing is written when a record has an error or
    a full feed would withdraw too many listings. Raises ``WriteFailed`` if the database
    refuses the changes, leaving it as it was.
    """
    problems = problems or Problems()
    report = WriteReport(source=options.source)
    chunks = (records,) if isinstance(records, Dataset) else records
    try:
        with fewer_collections():
            _Write(Checker(council, geocoder, problems), council, options, report).run(chunks)
    except SQLAlchemyError as error:
        db.session.rollback()
        reason = getattr(error, "orig", None) or error
        raise WriteFailed(
            lazy_gettext(
                "The database refused the changes, so nothing changed: %(reason)s",
                reason=str(reason),
            )
        ) from error
    except BaseException:
        db.session.rollback()
        raise
    return report


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Write:
    """One write. A dry run works out every difference but changes nothing; an apply
    inserts new rows in bulk, changes existing ones through the ORM, and commits once."""

    def __init__(
        self, checker: Checker, council: Council, options: WriteOptions, report: WriteReport
    ) -> None:
        self.checker = checker
        self.problems = checker.problems
        self.council = council
        self.options = options
        self.apply = options.apply
        self.source = options.source
        self.report = report
        self.batch_id = new_id()
        self.audit = AuditTrail(self.batch_id, options.actor)
        self.new_rows = NewRows()
        self.duplicates = DuplicateFinder(options.source)
        self.term_ids: dict[tuple[str, str], str] = {}
        self.organisation_ids: dict[str, str] = {}
        self.venue_ids: dict[str, str] = {}
        """The source's keys -> row ids, stored or created by this write (a dry run's new
        keys map to "", having no row)."""
        self.venue_keys = VenueKeys(options.source)
        self.venue_points: dict[str, Point] = {}
        """Where this write's venues are, for spotting duplicates of listings at them."""
        self.created_ids: set[str] = set()
        self.newcomers: list[Newcomer] = []
        """New listings of the chunk being written, to look for duplicates of."""
        self.found_unchanged: dict[str, str] = {}
        """Digests of listings a full comparison found unchanged, by service id."""
        self.resolver = Resolver(
            organisation=lambda key: db.session.get_one(Organization, self.organisation_ids[key]),
            venue=lambda key: db.session.get_one(Location, self.venue_ids[key]),
            term=lambda scheme, code: db.session.get_one(
                TaxonomyTerm, self.term_ids[(scheme, code)]
            ),
            language_name=language_name,
        )

    def run(self, chunks: Iterable[Dataset]) -> None:
        session = db.session()
        if self.apply:
            session.add(
                ImportBatch(
                    id=self.batch_id,
                    source=self.source,
                    actor=self.options.actor,
                    kind=self.options.kind,
                    full_feed=self.options.full_feed,
                )
            )
            session.flush()
            terms = sync_taxonomy(self.council)
            self.term_ids = {key: term.id for key, term in terms.items()}
        self.organisation_ids = self._ids(Organization)
        self.venue_ids = self._ids(Location)
        for chunk in chunks:
            checked = self.checker.check(chunk, self.organisation_ids, self.venue_ids)
            if not self.problems.errors:
                self._write_chunk(checked)
        report = self.report
        report.errors, report.warnings = self.problems.errors, self.problems.warnings
        report.unknown_terms = self.checker.unknown_terms_found()
        if report.errors:
            session.rollback()
            report.forget_changes()
            return
        if self.options.full_feed:
            self._withdraw_missing()
        if report.refused:
            session.rollback()
            return
        if not self.apply or not self._changes_anything():
            session.rollback()
            if self.apply and self.found_unchanged:
                remember_digests(session, self.found_unchanged)
                session.commit()
            return
        remember_digests(session, self.found_unchanged)
        self.audit.write()
        batch = session.get_one(ImportBatch, self.batch_id)
        batch.counts = report.counts()
        report.applied = True
        report.batch = self.batch_id
        with in_english():
            batch.report = report.summary_json()
        reindex_after_commit(session, self.created_ids)
        session.commit()

    def _write_chunk(self, checked: Checked) -> None:
        dataset, points = self.venue_keys.resolve(checked.dataset, checked.points)
        self.venue_points.update(points)
        self._organisations(dataset.organisations)
        self._venues(dataset.venues, points)
        for services in _chunks(dataset.services):
            self._services(services)

    def _changes_anything(self) -> bool:
        report = self.report
        return bool(
            report.created
            or report.changed
            or report.withdrawn
            or any(report.organisations.values())
            or any(report.venues.values())
        )

    def _organisations(self, chunk: Sequence[OrganisationRecord]) -> None:
        records = {record.key: record for record in chunk}
        for keys in _chunks(list(records)):
            stored = self._stored(Organization, list(keys))
            for key in keys:
                new = organisation_fields(records[key])
                row = stored.get(key)
                if row is None:
                    self._create_organisation(key, new)
                    continue
                changed = differences(stored_organisation_fields(row), new)
                if changed:
                    self.report.organisations["changed"] += 1
                    if self.apply:
                        set_organisation_fields(row, {n: pair[1] for n, pair in changed.items()})
                        self._log("organisation", row.id, key, "changed", changed)
            self._flush()

    def _create_organisation(self, key: str, fields: dict[str, Any]) -> None:
        self.report.organisations["created"] += 1
        row_id = new_id() if self.apply else ""
        self.organisation_ids[key] = row_id
        if self.apply:
            self.new_rows.organisation(row_id, self.source, key, fields)
            self._log("organisation", row_id, key, "created", differences({}, fields))

    def _venues(self, chunk: Sequence[VenueRecord], points: dict[str, Point]) -> None:
        records = {record.key: record for record in chunk}
        for keys in _chunks(list(records)):
            stored = self._stored(Location, list(keys), selectinload(Location.accessibility))
            for key in keys:
                point = points[key]
                new = venue_fields(records[key], point, self._locality(point))
                row = stored.get(key)
                if row is None:
                    self.report.venues["created"] += 1
                    row_id = new_id() if self.apply else ""
                    self.venue_ids[key] = row_id
                    if self.apply:
                        self.new_rows.venue(row_id, self.source, key, new)
                        self._log("venue", row_id, key, "created", differences({}, new))
                    continue
                stored_fields = stored_venue_fields(row)
                if not placed_elsewhere(stored_fields, new):
                    new.update({name: stored_fields[name] for name in COORDINATES})
                changed = differences(stored_fields, new)
                if changed:
                    self.report.venues["changed"] += 1
                    if self.apply:
                        set_venue_fields(row, {name: pair[1] for name, pair in changed.items()})
                        self._log("venue", row.id, key, "changed", changed)
            self._flush()

    def _ids(self, model: type[Organization] | type[Location]) -> dict[str, str]:
        statement = sa.select(model.external_id, model.id).where(
            model.source == self.source, model.external_id.is_not(None)
        )
        return {key: row_id for key, row_id in db.session.execute(statement) if key is not None}

    def _locality(self, point: Point) -> str | None:
        locality = self.council.locality_for(point.district, point.sector)
        return locality.code if locality else None

    def _services(self, records: Sequence[ServiceRecord]) -> None:
        """Listings whose digest matches are unchanged without being loaded; the rest are
        compared field by field."""
        fields = {record.key: service_fields(record) for record in records}
        digests = {key: content_digest(value) for key, value in fields.items()}
        known = stored_digests(db.session(), self.source, list(fields))
        differing = [r for r in records if known.get(r.key, "") != digests[r.key]]
        self.report.unchanged += len(records) - len(differing)
        stored = self._stored(
            Service, [r.key for r in differing if r.key in known], *SERVICE_CONTENTS
        )
        if self.apply and stored:
            self._load_referenced(differing)
        for record in differing:
            new, digest = fields[record.key], digests[record.key]
            row = stored.get(record.key)
            if row is None:
                self._create(record, new, digest)
                continue
            changed = differences(stored_service_fields(row), new)
            edited = set(row.edited_fields or ())
            # An import keeps what editors changed here; an editor's own save changes it.
            protected = set() if self.options.mark_edited else edited
            conflicts = sorted(protected & set(changed))
            for name in conflicts:
                kept, incoming = changed.pop(name)
                self.report.conflicts.append(Conflict(record.key, row.name, name, kept, incoming))
            if not changed:
                self.report.unchanged += 1
                if not conflicts:
                    self.found_unchanged[row.id] = digest
                continue
            self.report.changed.append(Change(record.key, record.name, changed))
            if not self.apply:
                continue
            with db.session.no_autoflush:
                updates = {name: pair[1] for name, pair in changed.items()}
                set_service_fields(row, updates, self.resolver)
            digest_written(db.session(), row, None if conflicts else digest)
            if self.options.mark_edited:
                row.edited_fields = sorted(edited | set(changed))
            self._log("service", row.id, record.key, "changed", changed)
        self._flush()
        self.report.duplicates.extend(self.duplicates.check(self.newcomers))
        self.newcomers = []

    def _load_referenced(self, records: Sequence[ServiceRecord]) -> None:
        """Load the chunk's organisations and venues in two queries, not one per service."""
        organisations = {self.organisation_ids[r.organisation] for r in records}
        venues = {
            self.venue_ids[key]
            for r in records
            for key in (*r.venues, *(s.venue for s in r.sessions if s.venue))
        }
        db.session.scalars(sa.select(Organization).where(Organization.id.in_(organisations))).all()
        db.session.scalars(sa.select(Location).where(Location.id.in_(venues))).all()

    def _create(self, record: ServiceRecord, new: dict[str, Any], digest: str) -> None:
        self.report.created.append(Change(record.key, record.name, {}))
        venues = [self.venue_points[key] for key in record.venues if key in self.venue_points]
        self.newcomers.append(
            Newcomer(
                record.key,
                record.name,
                tuple(point.postcode for point in venues),
                tuple((point.easting, point.northing) for point in venues),
            )
        )
        if not self.apply:
            return
        row_id = new_id()
        self.new_rows.service(
            row_id,
            self.source,
            record.key,
            new,
            self.organisation_ids[record.organisation],
            self.venue_ids,
            self.term_ids,
            language_name,
            digest,
        )
        self.created_ids.add(row_id)
        self._log("service", row_id, record.key, "created", differences({}, new))

    def _withdraw_missing(self) -> None:
        """Withdraw (never delete) this source's listings that the full feed leaves out."""
        listed = self.checker.seen["Service"]
        current = db.session.execute(
            sa.select(Service.id, Service.external_id, Service.name, Service.edited_fields).where(
                Service.source == self.source, Service.status.in_(_STILL_LISTED)
            )
        ).all()
        missing = [row for row in current if row.external_id not in listed]
        share = len(missing) / len(current) if current else 0.0
        if share > self.options.withdraw_share and not self.options.allow_mass_withdrawal:
            self.report.refused = escaped(
                lazy_gettext(
                    "The feed would withdraw %(count)s of %(total)s listings from %(source)s "
                    "(%(share)s), more than the %(allowed)s allowed. Check the file is complete, "
                    "or allow it explicitly.",
                    count=len(missing),
                    total=len(current),
                    source=repr(self.source),
                    share=f"{share:.0%}",
                    allowed=f"{self.options.withdraw_share:.0%}",
                )
            )
            return
        for found in missing:
            if "status" in (found.edited_fields or ()):
                self.report.conflicts.append(
                    Conflict(found.external_id, found.name, "status", "kept", WITHDRAWN.value)
                )
                continue
            row = db.session.get_one(Service, found.id)
            changes = {"status": [row.status.value, WITHDRAWN.value]}
            self.report.withdrawn.append(Change(found.external_id, found.name, changes))
            if self.apply:
                row.status = WITHDRAWN
                self._log("service", row.id, found.external_id, "withdrawn", changes)
        self._flush()

    def _stored(self, model: type[_Stored], keys: list[str], *options: Any) -> dict[str, _Stored]:
        statement = (
            sa.select(model)
            .where(model.source == self.source, model.external_id.in_(keys))
            .options(*options)
        )
        rows = db.session.scalars(statement)
        return {row.external_id: row for row in rows if row.external_id is not None}

    def _flush(self) -> None:
        """Write this chunk, then forget its rows, so a long file does not pile up in memory."""
        if self.apply:
            self.new_rows.insert()
            db.session.flush()
            self.audit.write()
        db.session.expunge_all()

    def _log(
        self, entity: str, entity_id: str, key: str, action: str, changes: dict[str, list[Any]]
    ) -> None:
        self.audit.record(entity, entity_id, self.source, key, action, changes)
