"""What a list shows: each saved service as its page's facts, or as no longer available."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from directory.council import Council
from directory.lists.ids import ReadList
from directory.models import Audience
from directory.presenters.professional import ProfessionalFacts, professional_facts
from directory.presenters.service import ServicePage, service_page
from directory.queries.lists import listed_services, withdrawn_names


@dataclass(frozen=True)
class ListEntry:
    id: str
    page: ServicePage | None
    """None when the reader can no longer use the service (or may not see it)."""
    gone_name: str | None = None
    """The name of a public listing that has been withdrawn, closed or is out of season."""
    practitioners_only: bool = False
    professional: ProfessionalFacts | None = None
    """What only practitioners see (referral route, criteria, their contact line); set only
    for staff."""


@dataclass(frozen=True)
class ShownList:
    entries: list[ListEntry]
    unreadable: int
    over_limit: int

    @property
    def available(self) -> list[ListEntry]:
        return [entry for entry in self.entries if entry.page is not None]

    @property
    def unavailable(self) -> list[ListEntry]:
        return [entry for entry in self.entries if entry.page is None]


def shown_list(read: ReadList, council: Council, now: datetime, *, staff: bool) -> ShownList:
    """The entries of ``read`` in its order, as a family (or, with ``staff``, staff) sees them."""
    services = listed_services(read.ids, now.date(), staff=staff)
    missing = tuple(service_id for service_id in read.ids if service_id not in services)
    gone = withdrawn_names(missing)
    entries = []
    for service_id in read.ids:
        service = services.get(service_id)
        if service is None:
            entries.append(ListEntry(service_id, None, gone.get(service_id)))
            continue
        entries.append(
            ListEntry(
                service_id,
                service_page(service, council, now),
                practitioners_only=service.audience == Audience.PRACTITIONERS,
                professional=professional_facts(service, council) if staff else None,
            )
        )
    return ShownList(entries, read.unreadable, read.over_limit)
