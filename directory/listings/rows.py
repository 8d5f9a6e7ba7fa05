"""New listings as table rows, inserted in bulk: building ORM objects for every phone and
opening time of a large file took several times longer. Changes to existing listings go
through the ORM setters in :mod:`directory.listings.fields` instead, so both read the same
field values; the round-trip tests hold them to the same result.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from directory.extensions import Model, db
from directory.listings.fields import TAXONOMY_FIELDS, Fields
from directory.models import (
    Accessibility,
    Contact,
    CostOption,
    DatedSession,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    service_taxonomy,
)
from directory.models.mixins import new_id, utc_now

Table = type[Model] | sa.Table
INSERT_ORDER: tuple[Table, ...] = (
    Organization,
    Location,
    Accessibility,
    Service,
    service_taxonomy,
    ServiceAtLocation,
    Schedule,
    DatedSession,
    Phone,
    Contact,
    CostOption,
    Language,
    ServiceArea,
)


class NewRows:
    """Rows for new organisations, venues and services, inserted together by :meth:`insert`."""

    def __init__(self) -> None:
        self.rows: dict[Table, list[dict[str, Any]]] = {table: [] for table in INSERT_ORDER}

    def insert(self) -> None:
        for table in INSERT_ORDER:
            if self.rows[table]:
                # A Core insert: the rows are plain column values, so the ORM's bulk
                # path (a third of the time of inserting them) has nothing to add.
                db.session.execute(sa.insert(_table(table)), self.rows[table])
                self.rows[table] = []

    def organisation(self, row_id: str, source: str, key: str, fields: Fields) -> None:
        now = utc_now()
        self.rows[Organization].append(
            {
                "id": row_id,
                "source": source,
                "external_id": key,
                "created_at": now,
                "updated_at": now,
                **fields,
            }
        )

    def venue(self, row_id: str, source: str, key: str, fields: Fields) -> None:
        values = {name: value for name, value in fields.items() if name != "accessibility"}
        self.rows[Location].append({"id": row_id, "source": source, "external_id": key, **values})
        self.rows[Accessibility].extend(
            {"id": new_id(), "location_id": row_id, "description": text}
            for text in fields["accessibility"]
        )

    def service(
        self,
        row_id: str,
        source: str,
        key: str,
        fields: Fields,
        organisation_id: str,
        venue_ids: Mapping[str, str],
        term_ids: Mapping[tuple[str, str], str],
        language_name: Any,
        digest: str,
    ) -> None:
        now = utc_now()
        rows = self.rows
        rows[Service].append(
            {
                "id": row_id,
                "organization_id": organisation_id,
                **{
                    name: fields[name]
                    for name in (
                        "name",
                        "summary",
                        "description",
                        "url",
                        "email",
                        "referral_url",
                        "professional_notes",
                        "referral_criteria",
                        "professional_contact",
                        "application_process",
                        "eligibility_description",
                        "fees_description",
                        "status",
                        "kind",
                        "audience",
                        "referral_route",
                        "minimum_age",
                        "maximum_age",
                        "review_interval_months",
                        "delivery_methods",
                        "is_sample",
                    )
                },
                **{
                    name: _date(fields[name])
                    for name in ("assured_date", "visible_from", "visible_to")
                },
                "source": source,
                "external_id": key,
                "edited_fields": [],
                "content_digest": digest,
                "created_at": now,
                "updated_at": now,
            }
        )
        rows[service_taxonomy].extend(
            {"service_id": row_id, "taxonomy_term_id": term_ids[(scheme, code)]}
            for name, scheme in TAXONOMY_FIELDS.items()
            for code in fields[name]
        )
        pairs = {}
        for venue in fields["venues"]:
            pairs[venue] = new_id()
            rows[ServiceAtLocation].append(
                {
                    "id": pairs[venue],
                    "service_id": row_id,
                    "location_id": venue_ids[venue],
                    "description": "",
                }
            )
        rows[Schedule].extend(
            {
                "id": new_id(),
                "service_id": None if s["venue"] else row_id,
                "service_at_location_id": pairs[s["venue"]] if s["venue"] else None,
                "byday": s["byday"],
                "opens_at": time.fromisoformat(s["opens_at"]),
                "closes_at": time.fromisoformat(s["closes_at"]),
                "valid_from": _date(s["valid_from"]),
                "valid_to": _date(s["valid_to"]),
                "description": s["description"],
            }
            for s in fields["schedules"]
        )
        rows[DatedSession].extend(
            {
                "id": new_id(),
                "service_id": row_id,
                "location_id": venue_ids[s["venue"]] if s["venue"] else None,
                "starts_at": datetime.fromisoformat(s["starts_at"]),
                "ends_at": datetime.fromisoformat(s["ends_at"]),
                "places": s["places"],
                "booking_url": s["booking_url"],
                "description": s["description"],
            }
            for s in fields["sessions"]
        )
        children: list[tuple[Table, list[dict[str, Any]]]] = [
            (
                Phone,
                [
                    {"number": p["number"], "description": p["description"]}
                    for p in fields["phones"]
                ],
            ),
            (Contact, [dict(c) for c in fields["contacts"]]),
            (
                CostOption,
                [
                    {
                        "option": c["option"],
                        "amount": None if c["amount"] is None else Decimal(c["amount"]),
                        "amount_description": c["description"],
                    }
                    for c in fields["costs"]
                ],
            ),
            (
                Language,
                [{"code": code, "name": language_name(code)} for code in fields["languages"]],
            ),
            (ServiceArea, [dict(a) for a in fields["areas"]]),
        ]
        for table, values in children:
            rows[table].extend({"id": new_id(), "service_id": row_id, **v} for v in values)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _table(table: Table) -> sa.Table:
    return table if isinstance(table, sa.Table) else table.__table__
