"""The audit trail: who changed a listing, when, what, and from which batch."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, request

from directory.accounts.access import requires
from directory.models import Role
from directory.queries import history
from directory.queries.manage import staff_service

blueprint = Blueprint("manage_history", __name__, url_prefix="/manage")


@blueprint.get("/listings/<service_id>/history")
@requires(Role.EDITOR)
def listing_history(service_id: str) -> str:
    service = staff_service(service_id)
    if service is None:
        abort(404)
    rows = history.listing_history(service)
    return render_template(
        "manage/history/listing.html",
        service=service,
        rows=rows,
        restored=history.restored_versions([batch for _, batch in rows]),
        listed_since=min(
            (b.created_at for e, b in rows if e.entity_id == service.id and e.action == "created"),
            default=None,
        ),
    )


@blueprint.get("/batches/")
@requires(Role.EDITOR)
def batches() -> str:
    return render_template("manage/history/batches.html", batches=history.recent_batches())


@blueprint.get("/batches/<batch_id>")
@requires(Role.EDITOR)
def batch(batch_id: str) -> str:
    return render_template("manage/history/batch.html", **batch_page(batch_id))


def batch_page(batch_id: str) -> dict[str, Any]:
    """What a batch's page shows: the batch and one page of its audit rows."""
    found = history.batch(batch_id)
    if found is None:
        abort(404)
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    entries, total = history.batch_entries(batch_id, page)
    return {
        "batch": found,
        "entries": entries,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // history.BATCH_PAGE)),
        "names": history.service_names({e.entity_id for e in entries if e.entity == "service"}),
    }
