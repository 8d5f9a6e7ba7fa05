"""The family site: browse by need and read about a service. No account, no JavaScript needed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response

from directory.council import Council
from directory.council_language import page_council
from directory.finding.unplaced import MaskedUnplaced
from directory.forms.search import search_hint
from directory.indexing import site_search
from directory.links import safe_local_path
from directory.models import Service
from directory.presenters.gone import gone_page, search_origin
from directory.presenters.search import ResultItem, result_item
from directory.presenters.service import service_page
from directory.queries.masked import masked_listing_ids
from directory.queries.services import gone_service, is_unpublished_draft, public_service
from directory.views.find import page_key, page_listings
from search import Filters, SearchQuery

SIMILAR_SHOWN = 5

blueprint = Blueprint("public", __name__)


def _council() -> Council:
    return page_council()


@blueprint.get("/")
def home() -> str:
    council = _council()
    return render_template(
        "public/home.html",
        needs=council.terms("need"),
        counts=need_counts(),
        search_hint=search_hint(),
    )


def need_counts() -> Mapping[str, int]:
    """How many listings meet each need today, counted once per index generation and day
    (the count ranks every listing): kept by the process until the index changes."""
    key = (site_search().generation(), date.today())
    kept = current_app.extensions.get("need_counts")
    if key[0] is not None and kept is not None and kept[0] == key:
        return kept[1]
    counts = dict(site_search().search(SearchQuery(page_size=1)).facets.get("needs", {}))
    current_app.extensions["need_counts"] = (key, counts)
    return counts


@blueprint.get("/needs/<code>")
def need(code: str) -> Response:
    """Topic pages are the search page with one need ticked (paged, filterable)."""
    if _council().term("need", code) is None:
        abort(404)
    return redirect(url_for("find.find_support", need=code), code=301)


@blueprint.get("/services/<service_id>")
def service(service_id: str) -> str | tuple[str, int]:
    now = datetime.now()
    found = public_service(service_id, now.date())
    if found is None:
        return _gone(service_id, now)
    page = service_page(found, _council(), now)
    return render_template(
        "public/service.html",
        page=page,
        exit_this_page=page.sensitive,
        back_to_results=back_to_card(results_address(request.referrer), found.id),
    )


def back_to_card(results: str | None, service_id: str) -> str | None:
    """The results page the family came from, at the card they opened (its anchor)."""
    return f"{results}#result-{service_id}" if results else None


def _gone(service_id: str, now: datetime) -> tuple[str, int]:
    """410 Gone for a listing families can no longer use, with somewhere to go next (404
    for one they never could: practitioners only, or an editor's unpublished draft)."""
    gone = gone_service(service_id, now.date())
    if gone is None or is_unpublished_draft(gone.id):
        abort(404)
    council = _council()
    page = gone_page(gone, council, now.date())
    origin = search_origin(gone)
    return (
        render_template(
            "public/gone.html",
            page=page,
            similar=_similar_services(gone, origin, now),
            nearby=origin is not None,
            exit_this_page=page.sensitive,
        ),
        410,
    )


def _similar_services(
    gone: Service, origin: tuple[float, float] | None, now: datetime
) -> list[ResultItem]:
    """The nearest public services for its needs and its youngest age, of the same kind if
    there are any, else of any kind, else for its needs alone."""
    needs = tuple(term.code for term in gone.terms("need"))
    age = gone.minimum_age if gone.minimum_age is not None else gone.maximum_age
    attempts = [
        Filters(needs=needs, kinds=(gone.kind.value,), age=age),
        Filters(needs=needs, age=age),
    ]
    if needs:
        attempts.append(Filters(needs=needs))
    engine = site_search()
    key = page_key(engine.generation())
    searched = MaskedUnplaced(engine, masked_listing_ids(key))
    for filters in attempts:
        query = SearchQuery(
            origin=origin,
            filters=filters,
            sort="nearest" if origin else "relevance",
            page_size=SIMILAR_SHOWN,
            today=now.date(),
            loosen=False,
        )
        hits = searched.search(query).hits
        if hits:
            services = page_listings([hit.id for hit in hits], now.date(), False, key)
            return [
                result_item(services[hit.id], hit, now, _council())
                for hit in hits
                if hit.id in services
            ]
    return []


def results_address(
    referrer: str | None, endpoints: tuple[str, ...] = ("find.find_support",)
) -> str | None:
    """The results page the family came from, if they came from one on this site.

    Only a page of our own search results on this very host is accepted, and only its path
    and query are kept, so the back link can never lead anywhere else.
    """
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.scheme not in {"http", "https"} or parts.netloc != request.host:
        return None
    # url_for may add the page's ?lang= (``directory.i18n``): compare paths only.
    if parts.path not in {urlsplit(url_for(endpoint)).path for endpoint in endpoints}:
        return None
    address = parts.path + (f"?{parts.query}" if parts.query else "")
    return address if safe_local_path(address) == address else None
