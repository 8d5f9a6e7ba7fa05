"""Providers' changes to their own listings: proposed, then approved or returned by an
editor, through the same form, checks and write path as an editor's own change.

A proposal keeps the form as it was shown to the provider and as it came back, and the
listing's version then. Approving it is ``save_edit`` with those: only what the provider
changed is written, audited as the provider's change approved by the editor. If the listing
changed since (an editor's newer change, an import), the save is refused as it would be
for two editors, and the editor is shown what changed and decides. Organisations the
council trusts (``[providers] trusted``) skip the queue: their change is saved at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from directory.accounts.sessions import now_utc
from directory.council import Council
from directory.extensions import db, rows_changed
from directory.listings.editing import (
    EditOutcome,
    check_edit,
    check_listing,
    listing_rows,
    new_listing_key,
    save_edit,
    save_listing,
)
from directory.listings.form_changes import form_layout
from directory.models import ListingProposal, Organization, ProposalStatus, Service, User

ACTOR_LENGTH = 255


def approved_actor(proposer: str, editor: str) -> str:
    """Who the audit trail says made an approved change: the provider, then the editor."""
    return f"{proposer} (approved by {editor})"[:ACTOR_LENGTH]


def trusted_actor(proposer: str) -> str:
    return f"{proposer} (trusted organisation)"[:ACTOR_LENGTH]


def is_trusted(organisation: Organization, council: Council) -> bool:
    return council.providers.trusts(organisation.id, organisation.name)


@dataclass
class ProposalOutcome:
    """What became of a provider's form: refused (``edit`` says why), nothing to send,
    sent for approval (``proposal``) or, for a trusted organisation, saved."""

    edit: EditOutcome
    proposal: ListingProposal | None = None
    published: bool = False

    @property
    def unchanged(self) -> bool:
        report = self.edit.report
        return (
            self.proposal is None
            and not self.published
            and report is not None
            and report.ok
            and not report.changed
            and not self.edit.errors
        )


def propose(
    service: Service,
    shown: Sequence[Mapping[str, str]],
    returned: Sequence[Mapping[str, str]],
    *,
    provider: User,
    version: str,
    council: Council,
) -> ProposalOutcome:
    """Check the provider's form as an editor's save is checked; keep it for approval, or
    save it now if the council trusts the organisation."""
    if is_trusted(service.organization, council):
        outcome = save_edit(
            service,
            shown,
            returned,
            actor=trusted_actor(provider.email),
            council=council,
            version=version,
        )
        return ProposalOutcome(outcome, published=outcome.saved)
    checked = check_edit(service, shown, returned, council=council)
    report = checked.report
    if checked.errors or checked.unknown_venue or report is None or not report.changed:
        return ProposalOutcome(checked)
    proposal = ListingProposal(
        service_id=service.id,
        organization_id=service.organization_id,
        proposer_id=provider.id,
        proposer=provider.email,
        shown=[dict(row) for row in shown],
        returned=[dict(row) for row in returned],
        version=version,
        status=ProposalStatus.WAITING,
        reason="",
    )
    db.session.add(proposal)
    db.session.commit()
    return ProposalOutcome(checked, proposal=proposal)


ORGANISATION_COLUMNS = {
    "organisation_name": "name",
    "organisation_description": "description",
    "organisation_website": "website",
    "organisation_email": "email",
}
"""The template's organisation columns and the stored fields they hold."""


def can_add_listings(organisation: Organization) -> bool:
    """A new listing joins the organisation by its key in its own source; an organisation
    made some other way than the write path has none."""
    return bool(organisation.external_id)


def with_organisation(
    rows: Sequence[Mapping[str, Any]], organisation: Organization
) -> list[dict[str, str]]:
    """A new listing's rows, joined to ``organisation`` exactly as it is stored (the form
    does not show the organisation, so the listing never changes it)."""
    key = str(rows[0].get("service_id") or new_listing_key())
    own = {
        **{name: str(value) for name, value in rows[0].items()},
        "service_id": key,
        "organisation_id": organisation.external_id or "",
        **{
            column: getattr(organisation, name) or ""
            for column, name in ORGANISATION_COLUMNS.items()
        },
    }
    return [own, *({**row, "service_id": key} for row in rows[1:])]


def propose_new(
    rows: Sequence[Mapping[str, str]],
    *,
    organisation: Organization,
    provider: User,
    council: Council,
) -> ProposalOutcome:
    """A new listing for the provider's organisation: checked as an editor's new listing is,
    then kept for approval (or saved now, for a trusted organisation)."""
    joined = with_organisation(rows, organisation)
    if is_trusted(organisation, council):
        outcome = save_listing(
            joined, source=organisation.source, actor=trusted_actor(provider.email), council=council
        )
        return ProposalOutcome(outcome, published=outcome.saved)
    checked = check_listing(joined, source=organisation.source, council=council)
    if checked.errors or checked.report is None or not checked.report.ok:
        return ProposalOutcome(checked)
    proposal = ListingProposal(
        service_id=None,
        organization_id=organisation.id,
        proposer_id=provider.id,
        proposer=provider.email,
        shown=[],
        returned=joined,
        version="",
        status=ProposalStatus.WAITING,
        reason="",
    )
    db.session.add(proposal)
    db.session.commit()
    return ProposalOutcome(checked, proposal=proposal)


def approve_new(
    proposal: ListingProposal,
    *,
    editor: str,
    council: Council,
    rows: Sequence[Mapping[str, str]] | None = None,
) -> EditOutcome:
    """Write a proposed new listing through the write path, joined to its organisation as
    the organisation is stored now: as proposed, or as the editor changed it (``rows``,
    keeping the proposal's key), audited as the provider's, approved by the editor."""
    organisation = db.session.get(Organization, proposal.organization_id)
    if organisation is None:
        return EditOutcome(no_version=True)
    outcome = save_listing(
        with_organisation(proposal.returned if rows is None else rows, organisation),
        source=organisation.source,
        actor=approved_actor(proposal.proposer, editor),
        council=council,
    )
    if outcome.saved:
        decide(proposal, ProposalStatus.APPROVED, editor, service_id=outcome.service_id)
    return outcome


def approve(
    proposal: ListingProposal, service: Service, *, editor: str, council: Council, version: str
) -> EditOutcome:
    """Save the provider's change at ``version``: the proposal's own (refused if the listing
    changed since), or the current one once the editor has seen what changed and decided."""
    outcome = save_edit(
        service,
        proposal.shown,
        proposal.returned,
        actor=approved_actor(proposal.proposer, editor),
        council=council,
        version=version,
    )
    if outcome.saved:
        decide(proposal, ProposalStatus.APPROVED, editor)
    return outcome


def decide(
    proposal: ListingProposal,
    status: ProposalStatus,
    editor: str,
    reason: str = "",
    service_id: str | None = None,
) -> bool:
    """Record the editor's decision, unless one was recorded first (one UPDATE whose row
    count says so: two editors deciding at once cannot both win). The write path may have
    let go of ``proposal``, so the row is changed by its id."""
    decided = db.session.execute(
        sa.update(ListingProposal)
        .where(ListingProposal.id == proposal.id, ListingProposal.status == ProposalStatus.WAITING)
        .values(
            status=status,
            decided_by=editor,
            decided_at=now_utc(),
            reason=reason,
            **({"service_id": service_id} if service_id else {}),
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return rows_changed(decided) == 1


def proposed_rows(proposal: ListingProposal, service: Service) -> list[dict[str, str]]:
    """The listing as stored now with the provider's changes on it, in the form's layout:
    what "change and approve" opens the form with."""
    from directory.listings.form_changes import changed_rows

    stored = form_layout(listing_rows(service))
    return changed_rows(stored, proposal.shown, proposal.returned) or stored


@dataclass(frozen=True)
class FieldChange:
    """One cell the provider changed: the listing's value now and theirs."""

    venue: str | None
    """The venue's key, for a venue's field; None for the listing's own."""
    column: str
    current: str
    proposed: str
    changed_since: bool
    """The listing's value is no longer the one the provider saw."""


def differences(proposal: ListingProposal, service: Service | None) -> list[FieldChange]:
    """Field by field, what the provider changed, against the listing as it is now (for a
    new listing, every field they filled in)."""
    stored = form_layout(listing_rows(service)) if service is not None else []
    stored_by_venue: dict[str | None, Mapping[str, str]] = {None: stored[0] if stored else {}}
    stored_by_venue |= {row.get("venue_id"): row for row in stored[1:]}
    shown_by_venue: dict[str | None, Mapping[str, Any]] = {
        None: proposal.shown[0] if proposal.shown else {}
    }
    shown_by_venue |= {row.get("venue_id"): row for row in proposal.shown[1:]}
    found = []
    for index, row in enumerate(proposal.returned):
        venue = None if index == 0 else (row.get("venue_id") or "")
        shown = shown_by_venue.get(venue, {})
        now = stored_by_venue.get(venue, {})
        for column, value in row.items():
            if column in {"service_id", "organisation_id", "venue_id", *ORGANISATION_COLUMNS}:
                continue
            if value == shown.get(column, ""):
                continue
            if index and not venue and not str(value).strip():
                continue
            current = now.get(column, "")
            found.append(
                FieldChange(
                    venue=venue,
                    column=column,
                    current=current,
                    proposed=str(value),
                    changed_since=current != shown.get(column, "") and venue in stored_by_venue,
                )
            )
    return found


def waiting_proposals() -> list[ListingProposal]:
    return list(
        db.session.scalars(
            sa.select(ListingProposal)
            .where(ListingProposal.status == ProposalStatus.WAITING)
            .order_by(ListingProposal.created_at, ListingProposal.id)
        )
    )


def proposals_of(organization_id: str, service_id: str | None = None) -> list[ListingProposal]:
    """An organisation's proposals (for one listing), newest first."""
    statement = sa.select(ListingProposal).where(ListingProposal.organization_id == organization_id)
    if service_id is not None:
        statement = statement.where(ListingProposal.service_id == service_id)
    return list(
        db.session.scalars(
            statement.order_by(ListingProposal.created_at.desc(), ListingProposal.id)
        )
    )


def proposal_by_id(proposal_id: str) -> ListingProposal | None:
    return db.session.get(ListingProposal, proposal_id)
