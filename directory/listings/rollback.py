"""Undoing an applied batch, from its audit rows, as a batch of its own.

Changes are undone last first, a chunk of audit rows at a time: changed fields get their
old values back through the same setters an import uses, what the batch created is deleted
(it did not exist before; the database's cascades take its parts) and what a rollback
deleted is made again with the same ids. So a rollback can itself be rolled back, which
puts the first batch back in force. A batch whose listings were changed again by a later
batch is refused until that later batch is rolled back, so a rollback never throws away
someone else's work. Everything happens in one transaction: a failure changes nothing.

:func:`plan_rollback` says what a rollback would do, for the confirmation page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.indexing.hooks import reindex_after_commit
from directory.jobs.progress import NoProgress, Progress
from directory.listings.audit import AuditTrail
from directory.listings.digests import content_digest
from directory.listings.fields import (
    Resolver,
    set_organisation_fields,
    set_service_fields,
    set_venue_fields,
)
from directory.listings.history_state import stored_rows
from directory.listings.languages import language_name
from directory.listings.rows import NewRows
from directory.models import (
    AuditEntry,
    DatedSession,
    ImportBatch,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from directory.models.mixins import new_id
from directory.queries.services import SERVICE_CONTENTS

CHUNK = 500
"""Audit rows undone at a time: loaded, changed and written together."""
LARGE_COUNT = 1000
LARGE_SHARE = 0.2
"""A rollback removing more listings than this (or this share of all listings) needs a
second, explicit confirmation."""

_MODELS: dict[str, type[Service] | type[Location] | type[Organization]] = {
    "service": Service,
    "venue": Location,
    "organisation": Organization,
}
_ENTITY_ORDER = ("organisation", "venue", "service")


class RollbackRefused(RuntimeError):
    """The batch cannot be rolled back; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class RollbackReport:
    batch: str
    rolled_back: str
    restored: int
    deleted: int
    recreated: int = 0


@dataclass(frozen=True)
class RollbackPlan:
    """What rolling a batch back would change, counted in listings (services)."""

    batch: ImportBatch
    removed: int
    """Listings the batch created, which the rollback deletes."""
    changed_back: int
    """Listings the batch changed, whose fields go back."""
    relisted: int
    """Listings the batch withdrew, listed again."""
    recreated: int
    """Listings a rollback deleted, made again (rolling back a rollback)."""
    other_records: int
    """Organisations and venues created, changed or made again."""
    listings_now: int
    refusal: str | None

    @property
    def large(self) -> bool:
        """Whether it removes so many listings that a second confirmation is needed."""
        return self.removed > LARGE_COUNT or (
            self.listings_now > 0 and self.removed / self.listings_now > LARGE_SHARE
        )


def plan_rollback(batch_id: str) -> RollbackPlan | None:
    """What rolling back ``batch_id`` would do, with why it would be refused; None if there
    is no such batch."""
    batch = db.session.get(ImportBatch, batch_id)
    if batch is None:
        return None
    try:
        _check(batch)
        refusal = None
    except RollbackRefused as error:
        refusal = str(error)
    counts: dict[tuple[str, str], int] = {
        (entity, action): count
        for entity, action, count in db.session.execute(
            sa.select(AuditEntry.entity, AuditEntry.action, sa.func.count())
            .where(AuditEntry.batch_id == batch_id)
            .group_by(AuditEntry.entity, AuditEntry.action)
        )
    }
    return RollbackPlan(
        batch=batch,
        removed=counts.get(("service", "created"), 0),
        changed_back=counts.get(("service", "changed"), 0),
        relisted=counts.get(("service", "withdrawn"), 0),
        recreated=counts.get(("service", "deleted"), 0),
        other_records=sum(count for (entity, _), count in counts.items() if entity != "service"),
        listings_now=db.session.scalar(sa.select(sa.func.count()).select_from(Service)) or 0,
        refusal=refusal,
    )


def rollback_batch(batch_id: str, actor: str, progress: Progress | None = None) -> RollbackReport:
    """Put every listing the batch touched back as it was before it, in one transaction."""
    try:
        return _Rollback(batch_id, actor, progress or NoProgress()).run()
    except BaseException:
        db.session.rollback()
        raise


class _Rollback:
    def __init__(self, batch_id: str, actor: str, progress: Progress) -> None:
        self.batch_id = batch_id
        self.actor = actor
        self.progress = progress
        self.restored = self.deleted = self.recreated = 0
        self.reindex: set[str] = set()

    def run(self) -> RollbackReport:
        session = db.session()
        batch = session.get(ImportBatch, self.batch_id)
        if batch is None:
            raise RollbackRefused(lazy_gettext("There is no batch %(batch)s.", batch=self.batch_id))
        _check(batch)
        source = batch.source
        undo = ImportBatch(
            id=new_id(), source=source, actor=self.actor, kind="rollback", rolls_back_id=batch.id
        )
        session.add(undo)
        session.flush()
        self.trail = AuditTrail(undo.id, self.actor)
        self.ids = {
            "organisation": _ids(Organization, source),
            "venue": _ids(Location, source),
        }
        self.term_ids = {
            (scheme, code): term_id
            for term_id, scheme, code in session.execute(
                sa.select(TaxonomyTerm.id, TaxonomyTerm.scheme, TaxonomyTerm.code)
            )
        }
        self.resolver = Resolver(
            organisation=lambda key: session.get_one(Organization, self.ids["organisation"][key]),
            venue=lambda key: session.get_one(Location, self.ids["venue"][key]),
            term=lambda scheme, code: session.get_one(TaxonomyTerm, self.term_ids[(scheme, code)]),
            language_name=language_name,
        )
        total = session.scalar(
            sa.select(sa.func.count()).where(AuditEntry.batch_id == self.batch_id)
        )
        self.progress.start("rolling-back", total or 0)
        for entries in _entries_last_first(self.batch_id):
            self._undo(entries)
            self.progress.advance(len(entries))
        batch_id = batch.id
        undo = session.get_one(ImportBatch, undo.id)
        undo.counts = {
            "restored": self.restored,
            "deleted": self.deleted,
            "recreated": self.recreated,
        }
        undo.report = {"rolls_back": batch_id}
        batch = session.get_one(ImportBatch, batch_id)
        batch.rolled_back_by_id = undo.id
        if batch.rolls_back_id:  # the batch it undid is in force again
            session.get_one(ImportBatch, batch.rolls_back_id).rolled_back_by_id = None
        reindex_after_commit(session, self.reindex)
        session.commit()
        return RollbackReport(batch_id, undo.id, self.restored, self.deleted, self.recreated)

    def _undo(self, entries: list[AuditEntry]) -> None:
        """One chunk (last first): make again what a rollback deleted, put changed fields
        back, then delete what the batch created (services before the venues and
        organisations they use)."""
        self._recreate([e for e in entries if e.action == "deleted"])
        self._change_back([e for e in entries if e.action in {"changed", "withdrawn"}])
        created = [e for e in entries if e.action == "created"]
        for entity in reversed(_ENTITY_ORDER):
            self._delete(entity, [e for e in created if e.entity == entity])
        self.trail.write()
        db.session.flush()
        db.session.expunge_all()

    def _recreate(self, entries: list[AuditEntry]) -> None:
        rows = NewRows()
        entries = sorted(entries, key=lambda e: _ENTITY_ORDER.index(e.entity))
        _refuse_if_taken(entries)
        for entry in entries:
            fields = _Fields({name: pair[0] for name, pair in entry.changes.items()})
            key = entry.external_id or ""
            if entry.entity == "organisation":
                rows.organisation(entry.entity_id, entry.source, key, fields)
            elif entry.entity == "venue":
                rows.venue(entry.entity_id, entry.source, key, fields)
            else:
                rows.service(
                    entry.entity_id,
                    entry.source,
                    key,
                    fields,
                    self.ids["organisation"][fields["organisation"]],
                    self.ids["venue"],
                    self.term_ids,
                    language_name,
                    content_digest(fields),
                )
                self.reindex.add(entry.entity_id)
                self.recreated += 1
            if entry.entity in self.ids:
                self.ids[entry.entity][key] = entry.entity_id
            made = {name: [None, value] for name, value in fields.items()}
            self.trail.record(entry.entity, entry.entity_id, entry.source, key, "created", made)
        rows.insert()

    def _change_back(self, entries: list[AuditEntry]) -> None:
        session = db.session
        rows = _load(entries)
        for entry in entries:
            row = rows.get(entry.entity_id)
            if row is None:
                continue
            old = {name: pair[0] for name, pair in entry.changes.items()}
            back = {name: [new, old[name]] for name, (_old, new) in entry.changes.items()}
            with session.no_autoflush:
                if entry.entity == "service":
                    set_service_fields(row, old, self.resolver)
                elif entry.entity == "venue":
                    set_venue_fields(row, old)
                else:
                    set_organisation_fields(row, old)
            self.trail.record(
                entry.entity, row.id, entry.source, entry.external_id, "changed", back
            )
            self.restored += 1
        session.flush()

    def _delete(self, entity: str, entries: list[AuditEntry]) -> None:
        if not entries:
            return
        model = _MODELS[entity]
        wanted = [e.entity_id for e in entries]
        existing = set(db.session.scalars(sa.select(model.id).where(model.id.in_(wanted))))
        entries = [e for e in entries if e.entity_id in existing]
        ids = [e.entity_id for e in entries]
        _refuse_if_still_used(entity, ids)
        for entry in entries:
            gone = {name: [new, None] for name, (_old, new) in entry.changes.items()}
            self.trail.record(
                entity, entry.entity_id, entry.source, entry.external_id, "deleted", gone
            )
        if entity == "service":
            self.reindex.update(ids)
        db.session.execute(sa.delete(model).where(model.id.in_(ids)))
        self.deleted += len(ids)


class _Fields(dict[str, Any]):
    """A created row's fields as its audit row keeps them: only those with a value, so
    any other field is None."""

    def __missing__(self, name: str) -> None:
        return None


def _check(batch: ImportBatch) -> None:
    """Raise ``RollbackRefused`` if ``batch`` cannot be rolled back now."""
    if batch.rolled_back_by_id:
        raise RollbackRefused(
            lazy_gettext(
                "Batch %(batch)s was already rolled back by batch %(rollback)s.",
                batch=batch.id,
                rollback=batch.rolled_back_by_id,
            )
        )
    if batch.kind == "rollback" and batch.rolls_back_id:
        undone = db.session.get_one(ImportBatch, batch.rolls_back_id)
        if undone.kind == "rollback" and undone.rolls_back_id:
            raise RollbackRefused(
                lazy_gettext(
                    "Batch %(batch)s put batch %(original)s back: roll that batch back again "
                    "instead.",
                    batch=batch.id,
                    original=undone.rolls_back_id,
                )
            )
    _refuse_if_changed_since(batch)
    _refuse_if_taken_since(batch)


def _refuse_if_changed_since(batch: ImportBatch) -> None:
    touched = sa.select(AuditEntry.entity_id).where(AuditEntry.batch_id == batch.id)
    later = db.session.execute(
        sa.select(AuditEntry.entity_id, AuditEntry.external_id, ImportBatch.id)
        .join(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
        .where(
            AuditEntry.entity_id.in_(touched),
            ImportBatch.created_at > batch.created_at,
            ImportBatch.rolled_back_by_id.is_(None),
            ImportBatch.kind != "rollback",
        )
        .limit(1)
    ).first()
    if later is not None:
        raise RollbackRefused(
            lazy_gettext(
                "%(key)s was changed again by batch %(batch)s: roll that batch back first.",
                key=later.external_id or later.entity_id,
                batch=later.id,
            )
        )


def _refuse_if_taken_since(batch: ImportBatch) -> None:
    """What a rollback deleted cannot be made again if its key has been used since."""
    for entity, model in _MODELS.items():
        taken = db.session.scalar(
            sa.select(AuditEntry.external_id)
            .join(
                model,
                (model.source == AuditEntry.source) & (model.external_id == AuditEntry.external_id),
            )
            .where(
                AuditEntry.batch_id == batch.id,
                AuditEntry.action == "deleted",
                AuditEntry.entity == entity,
            )
            .limit(1)
        )
        if taken is not None:
            raise RollbackRefused(_taken(taken))


def _refuse_if_taken(entries: list[AuditEntry]) -> None:
    for entity, model in _MODELS.items():
        keys = [e.external_id for e in entries if e.entity == entity and e.external_id]
        if not keys:
            continue
        source = entries[0].source
        taken = db.session.scalar(
            sa.select(model.external_id)
            .where(model.source == source, model.external_id.in_(keys))
            .limit(1)
        )
        if taken is not None:
            raise RollbackRefused(_taken(taken))


def _taken(key: str) -> Any:
    return lazy_gettext(
        "%(key)s has been imported again since it was removed, so it cannot be put back: "
        "roll back that import first.",
        key=key,
    )


def _refuse_if_still_used(entity: str, ids: list[str]) -> None:
    """Something the batch created may since have been used by a listing from elsewhere."""
    used: sa.CompoundSelect[str] | sa.Select[str]
    if entity == "venue":
        used = sa.union(
            sa.select(ServiceAtLocation.location_id).where(ServiceAtLocation.location_id.in_(ids)),
            sa.select(DatedSession.location_id).where(DatedSession.location_id.in_(ids)),
        )
    elif entity == "organisation":
        used = sa.select(Service.organization_id).where(Service.organization_id.in_(ids))
    else:
        return
    in_use = db.session.scalar(sa.select(used.subquery()).limit(1))
    if in_use is not None:
        model = _MODELS[entity]
        key = db.session.scalar(sa.select(model.external_id).where(model.id == in_use))
        raise RollbackRefused(
            lazy_gettext(
                "%(key)s was created by this batch and is now used by other listings, so it "
                "cannot be removed.",
                key=key or in_use,
            )
        )


def _entries_last_first(batch_id: str) -> Iterable[list[AuditEntry]]:
    """The batch's audit rows, last first, a chunk at a time: their ids are read in order
    once, then each chunk by id (asking for "the next 500 before sequence n" made the
    database go through the whole batch for every chunk)."""
    ids = list(
        db.session.scalars(
            sa.select(AuditEntry.id)
            .where(AuditEntry.batch_id == batch_id)
            .order_by(AuditEntry.sequence.desc())
        )
    )
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.id.in_(chunk)))
        entries = {entry.id: entry for entry in found}
        yield [entries[entry_id] for entry_id in chunk]


def _load(entries: list[AuditEntry]) -> dict[str, Any]:
    """The rows the entries change, loaded in a few queries (services with their parts)."""
    options: dict[str, tuple[Any, ...]] = {
        "service": SERVICE_CONTENTS,
        "venue": (selectinload(Location.accessibility),),
        "organisation": (),
    }
    rows: dict[str, Any] = {}
    for entity, model in _MODELS.items():
        ids = [e.entity_id for e in entries if e.entity == entity]
        if ids:
            rows.update({row.id: row for row in stored_rows(model, ids, options[entity])})
    return rows


def _ids(model: type[Organization] | type[Location], source: str) -> dict[str, str]:
    statement = sa.select(model.external_id, model.id).where(
        model.source == source, model.external_id.is_not(None)
    )
    return {key: row_id for key, row_id in db.session.execute(statement) if key is not None}
