"""The family site: browse by need and read about a service. No account, no JavaScript needed."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from directory.council import Council
from directory.indexing import site_search
from directory.presenters.service import service_page
from directory.queries.services import public_service
from directory.views.site import safe_local_path
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
    now = datetime.now()
    found = public_service(service_id, now.date())
    if found is None:
        abort(404)
    page = service_page(found, _council(), now)
    return render_template(
        "public/service.html",
        page=page,
        exit_this_page=page.sensitive,
        back_to_results=results_address(request.referrer),
    )


def results_address(referrer: str | None) -> str | None:
    """The results page the family came from, if they came from one on this site.

    Only a page of our own search results on this very host is accepted, and only its path
    and query are kept, so the back link can never lead anywhere else.
    """
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.scheme not in {"http", "https"} or parts.netloc != request.host:
        return None
    if parts.path != url_for("find.find_support"):
        return None
    address = parts.path + (f"?{parts.query}" if parts.query else "")
    return address if safe_local_path(address) == address else None
