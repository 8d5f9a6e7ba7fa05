"""The family site: browse by need and read about a service. No account, no JavaScript needed."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, current_app, redirect, render_template, url_for

from directory.council import Council
from directory.indexing import site_search
from directory.presenters.service import service_page
from directory.queries.services import public_service
from search import SearchQuery

blueprint = Blueprint("public", __name__)


def _council() -> Council:
    return current_app.extensions["council"]


@blueprint.get("/")
def home() -> str:
    council = _council()
    everything = site_search().search(SearchQuery(page_size=1))
    return render_template(
        "public/home.html",
        needs=council.terms("need"),
        counts=everything.facets.get("needs", {}),
    )


@blueprint.get("/needs/<code>")
def need(code: str) -> Response:
    """Topic pages are the search page with one need ticked (paged, filterable)."""
    if _council().term("need", code) is None:
        abort(404)
    return redirect(url_for("find.find_support", need=code), code=301)


@blueprint.get("/services/<service_id>")
def service(service_id: str) -> str:
    today = date.today()
    found = public_service(service_id, today)
    if found is None:
        abort(404)
    page = service_page(found, _council(), today)
    return render_template("public/service.html", page=page, exit_this_page=page.sensitive)
