"""Every GOV.UK component a page uses is in the JavaScript bundle, which carries no others."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask

from directory.config import PROJECT_ROOT
from directory.extensions import db
from directory.models import Audience, Service, ServiceStatus

SOURCE = PROJECT_ROOT / "static" / "src" / "application.js"


def _bundled_modules() -> set[str]:
    """``govuk-exit-this-page`` for each component class application.js imports."""
    imported = re.search(r"import\s*\{([^}]*)\}\s*from\s*\"govuk-frontend\"", SOURCE.read_text())
    assert imported is not None
    names = {name.strip() for name in imported.group(1).split(",") if name.strip()}
    names.discard("createAll")
    return {"govuk-" + re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower() for name in names}


def test_every_component_on_the_family_pages_is_bundled(demo_app: Flask) -> None:
    client = demo_app.test_client()
    with demo_app.app_context():
        listed = db.session.scalars(
            sa.select(Service.id).where(Service.external_id == "dudley-fc-brierley-hill")
        ).one()
        gone = db.session.scalars(
            sa.select(Service.id).where(
                Service.status == ServiceStatus.INACTIVE, Service.audience == Audience.PUBLIC
            )
        ).first()
    used: set[str] = set()
    for address in (
        "/",
        "/find-support?need=domestic-abuse",
        "/find-support?q=food&postcode=not+a+postcode",
        f"/services/{listed}",
        f"/services/{gone}",
        "/accessibility-statement",
        "/no-such-page",
    ):
        markup = client.get(address).get_data(as_text=True)
        used |= set(re.findall(r'data-module="(govuk-[a-z-]+)"', markup))

    assert {"govuk-exit-this-page", "govuk-error-summary", "govuk-button"} <= used
    assert used <= _bundled_modules()
