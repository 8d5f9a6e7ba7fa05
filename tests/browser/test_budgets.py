"""Page weight on a phone: what crosses the network on a first and a repeat view.

Measured as bench/phone.py measures it (Chromium's own network events), against the budget
in issue 7: <= 60 KB on a first view, <= 12 KB on a repeat view, JavaScript <= 15 KB.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser

from bench.phone import VIEWPORT, NetworkLog, view
from directory.extensions import db
from directory.models import Service

FIRST_VIEW_BUDGET = 60 * 1024
REPEAT_VIEW_BUDGET = 12 * 1024
SCRIPT_BUDGET = 15 * 1024


@pytest.fixture(scope="module")
def service_address(browser_app: Flask) -> str:
    with browser_app.app_context():
        centre = db.session.scalars(
            sa.select(Service.id).where(Service.external_id == "dudley-fc-brierley-hill")
        ).one()
    return f"/services/{centre}"


@pytest.mark.parametrize(
    "address", ["/", "/find-support?need=food", "/find-support?q=stay+and+play&free=yes", "service"]
)
def test_pages_keep_to_the_phone_budget(
    browser: Browser, base_url: str, service_address: str, address: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True)
    page = context.new_page()
    log = NetworkLog(context, page)
    url = base_url + (service_address if address == "service" else address)

    first = view(page, log, url)
    repeat = view(page, log, url)
    context.close()

    assert first.status == 200
    assert first.encoding == "br"
    assert first.bytes <= FIRST_VIEW_BUDGET, f"first view {first.bytes} bytes"
    assert 0 < first.script_bytes <= SCRIPT_BUDGET
    assert repeat.bytes <= REPEAT_VIEW_BUDGET, f"repeat view {repeat.bytes} bytes"
    assert repeat.requests == 1, "a repeat view should fetch the page alone"
