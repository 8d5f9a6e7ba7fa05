"""What the practitioners' tests share: a signed-in client and the demo's facts from SQL."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Audience, Role, Service, ServiceAreaScope
from directory.queries.services import in_season_for_practitioners
from tests.support.client import page_text
from tests.support.staff import make_staff, sign_in


def practitioner_client(app: Flask, role: Role = Role.PRACTITIONER) -> FlaskClient:
    client = app.test_client()
    sign_in(app, client, make_staff(app, role))
    return client


def text_of(client: FlaskClient, address: str, status: int = 200) -> str:
    response = client.get(address)
    assert response.status_code == status, (address, response.status_code)
    return page_text(response)


def practitioner_only(app: Flask) -> list[Service]:
    """Every active listing for practitioners only, with its fields loaded."""
    with app.app_context():
        services = list(
            db.session.scalars(
                sa.select(Service)
                .where(
                    Service.audience == Audience.PRACTITIONERS,
                    in_season_for_practitioners(date.today()),
                )
                .options(selectinload(Service.taxonomy_terms))
            )
        )
        for service in services:
            db.session.expunge(service)
        return services


def serving(
    app: Flask, locality: str, need: str, level: str | None = None
) -> tuple[set[str], set[str]]:
    """Names of the services meeting ``need`` (at ``level``) with a venue or an area in
    ``locality``, and of the borough-wide ones that do not: from the rows, not the index."""
    with app.app_context():
        services = db.session.scalars(
            sa.select(Service).where(in_season_for_practitioners(date.today()))
        )
        local, wide = set(), set()
        for service in services:
            if need not in {term.code for term in service.terms("need")}:
                continue
            if level and level not in {term.code for term in service.terms("level")}:
                continue
            places = {link.location.locality for link in service.locations}
            places |= {area.locality for area in service.service_areas}
            if locality in places:
                local.add(service.name)
            elif any(area.scope == ServiceAreaScope.BOROUGH for area in service.service_areas):
                wide.add(service.name)
        return local, wide
