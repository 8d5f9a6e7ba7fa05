"""Links with a script or data scheme are never drawn as links, whatever the row holds."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.extensions import db
from directory.links import shown_link
from directory.models import DatedSession, Service
from importers.records import SessionRecord
from tests.support.factories import create_service

UNSAFE = "javascript:alert(document.cookie)"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("tel:01384813322", "tel:01384813322"),
        ("mailto:help@example.org", "mailto:help@example.org"),
        (" JavaScript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:msgbox", None),
        ("https:///no-host", None),
        ("", None),
    ],
)
def test_only_http_https_tel_and_mailto_links_are_shown(value: str, shown: str | None) -> None:
    assert shown_link(value) == shown


def test_a_stored_unsafe_link_is_not_drawn_on_the_service_page(
    empty_app: Flask, client: FlaskClient
) -> None:
    starts = datetime.now().replace(microsecond=0) + timedelta(days=3)
    with empty_app.app_context():
        service = create_service(
            "Netherton Toy Library",
            url="https://example.org/toys",
            sessions=(
                SessionRecord(starts, starts + timedelta(hours=2), booking_url="https://x.org/b"),
            ),
        )
        service_id = service.id
        # Rows written before the write path checked links, or by hand in the database.
        db.session.execute(sa.update(Service).values(url=UNSAFE, referral_url=UNSAFE))
        db.session.execute(sa.update(DatedSession).values(booking_url="data:text/html,hi"))
        db.session.commit()
    markup = client.get(f"/services/{service_id}").get_data(as_text=True)
    assert "javascript:" not in markup and "data:text/html" not in markup
    assert "Visit the website" not in markup
