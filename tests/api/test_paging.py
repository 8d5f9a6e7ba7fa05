"""Pages are found by key, not OFFSET, and the pages are numbered once per change."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from tests.api.helpers import API, get_json, public_ids
from tests.api.test_services import changed


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    """The SQL the app sends while the block runs; an OFFSET is written out with its value
    (SQLite's dialect always sends "LIMIT ? OFFSET ?", with 0 when there is none)."""
    sent: list[str] = []

    def note(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.rstrip().endswith("OFFSET ?"):
            statement = f"{statement[:-1]}{parameters[-1]}"
        sent.append(statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        sa.event.remove(engine, "before_cursor_execute", note)


def test_the_last_page_is_read_by_key_and_the_count_is_kept(demo_app: Flask) -> None:
    client = demo_app.test_client()
    first = get_json(client, f"{API}/services", query_string={"per_page": 10})
    with statements(demo_app) as sent:
        last = get_json(
            client, f"{API}/services", query_string={"per_page": 10, "page": first["total_pages"]}
        )
        middle = get_json(client, f"{API}/services", query_string={"per_page": 10, "page": 5})
    assert last["contents"] and middle["contents"]
    offsets = [s for s in sent if "OFFSET" in s.upper() and not s.endswith("OFFSET 0")]
    assert offsets == []
    numbering = [s for s in sent if "row_number" in s.lower() or "count(service.id)" in s]
    assert numbering == []  # numbered on the first request, kept since
    assert any("service.id >=" in s for s in sent)

    listed = sorted(public_ids(demo_app))[4]
    with changed(demo_app, listed, name="Renamed for the paging test"):
        with statements(demo_app) as sent:
            again = get_json(client, f"{API}/services", query_string={"per_page": 10, "page": 2})
        assert any("row_number" in s.lower() for s in sent), "a change numbers the pages again"
        assert again["total_items"] == first["total_items"]


def test_pages_read_by_key_hold_what_offset_would(demo_app: Flask) -> None:
    client = demo_app.test_client()
    ordered = sorted(public_ids(demo_app))
    for per_page in (1, 7, 50, 500):
        total_pages = -(-len(ordered) // per_page)
        for page in {1, 2, total_pages // 2 or 1, total_pages}:
            body = get_json(
                client, f"{API}/services", query_string={"per_page": per_page, "page": page}
            )
            expected = ordered[(page - 1) * per_page : page * per_page]
            assert [item["id"] for item in body["contents"]] == expected, (per_page, page)
