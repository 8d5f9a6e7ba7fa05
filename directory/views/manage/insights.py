"""Search insights for editors: top searches, searches that found nothing, by area and day."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import gettext

from directory import insights
from directory.accounts.access import requires
from directory.models import Role

blueprint = Blueprint("manage_insights", __name__, url_prefix="/manage/insights")
PERIODS = (7, 30, 90, 365)


def _choices() -> tuple[int, str | None]:
    council = current_app.extensions["council"]
    try:
        days = int(request.args.get("days", "30"))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    locality = request.args.get("locality") or None
    if locality and council.locality(locality) is None:
        locality = None
    return days, locality


def _least() -> int:
    return current_app.extensions["council"].staff.insights_minimum_days


@blueprint.get("/")
@requires(Role.EDITOR)
def insights_page() -> str:
    days, locality = _choices()
    return render_template(
        "manage/insights/insights.html",
        days=days,
        locality=locality,
        periods=PERIODS,
        top=insights.top_searches(days, locality, nothing_found=False, minimum_days=_least()),
        nothing=insights.top_searches(days, locality, nothing_found=True, minimum_days=_least()),
        minimum_days=_least(),
        per_day=insights.by_day(days, locality),
        per_locality=insights.by_locality(days),
    )


@blueprint.get("/searches.csv")
@requires(Role.EDITOR)
def download() -> Response:
    days, locality = _choices()
    nothing = request.args.get("found") == "nothing"
    rows = insights.top_searches(
        days, locality, nothing_found=nothing, minimum_days=_least(), limit=10_000
    )
    heading = [
        gettext("Words"),
        gettext("Searches"),
        gettext("Found nothing"),
        gettext("Average results"),
    ]
    parts = ["searches", "found-nothing" if nothing else "", f"{days}-days", locality or ""]
    name = "-".join(part for part in parts if part) + ".csv"
    return Response(
        insights.csv_text(rows, heading),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
