"""The Open Referral UK 3.0 read API, under /api/oruk/.

Lists are ORUK pages (``page``, ``per_page``) or, with ``format=ndjson``, every item
streamed one JSON object a line. Only what families may see is ever read: practitioner-only
listings and fields, masked addresses and editors' notes never reach a response.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, request, stream_with_context, url_for

from directory.api import params, queries
from directory.api.errors import ApiError
from directory.api.presenting import about, envelope, service_item
from directory.council import Council
from directory.exports.oruk_json import (
    oruk_organization,
    oruk_service,
    oruk_service_at_location,
    oruk_service_summary,
    oruk_taxonomy,
    oruk_taxonomy_term,
)
from directory.models import Organization, Service, ServiceAtLocation
from directory.postcodes.lookup import PostcodeNotFound, find_place
from directory.postcodes.parsing import PostcodeError
from directory.queries.services import gone_service, is_unpublished_draft

blueprint = Blueprint("api", __name__, url_prefix="/api/oruk")

NDJSON = "application/x-ndjson"


def _council() -> Council:
    return current_app.extensions["council"]


def _today() -> date:
    return date.today()


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status, mimetype="application/json")


def _ndjson(items: Iterable[dict[str, Any]]) -> Response:
    def lines() -> Iterator[str]:
        for item in items:
            yield json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"

    return Response(stream_with_context(lines()), mimetype=NDJSON)


@blueprint.get("/", strict_slashes=False)
def index() -> Response:
    return _json(about(_council(), url_for("api.openapi", _external=True)))


@blueprint.get("/openapi.json")
def openapi() -> Response:
    from directory.api.openapi import document

    return _json(document(url_for("api.index", _external=True).rstrip("/")))


# -- services ------------------------------------------------------------------------------


@blueprint.get("/services")
def services() -> Response:
    args = request.args
    filters = params.service_filters(args)
    minimal, full = params.flag(args, "minimal"), params.flag(args, "full")
    today = _today()
    listing = queries.services(filters, today)
    loads = queries.FULL_LOADS if full else queries.SUMMARY_LOADS
    council = _council()

    def item(service: Any) -> dict[str, Any]:
        if full and not minimal and service.is_visible_to_public(today):
            return oruk_service(service, council, contacts=False)
        return service_item(service, today, minimal=minimal)

    paging = params.paging(args)  # checked for streams too

    if params.response_format(args) == "ndjson":
        return _ndjson(item(s) for s in listing.every_row(Service, loads))
    total, rows = _page_rows(listing, filters.key, paging, today, Service, loads)
    return _page([item(s) for s in rows], total, paging)


@blueprint.get("/services/<service_id>")
def service(service_id: str) -> Response:
    today = _today()
    found = queries.public_service_in_full(service_id, today) if _fits(service_id) else None
    if found is not None:
        return _json(oruk_service(found, _council(), contacts=False))
    gone = gone_service(service_id, today) if _fits(service_id) else None
    if gone is not None and not is_unpublished_draft(gone.id):
        raise ApiError(410, "This service is no longer listed.")
    raise ApiError(404, "There is no service with this id.")


# -- services at locations -----------------------------------------------------------------


@blueprint.get("/service_at_locations")
def service_at_locations() -> Response:
    args = request.args
    filters = params.service_filters(args)
    full = params.flag(args, "full")
    today = _today()
    council = _council()
    postcode = params.postcode(args)
    radius = params.proximity(args)  # checked even without a postcode, which it then waits for
    if postcode is not None:
        return _near(postcode, radius, filters, today, full)
    listing = queries.services_at_locations(filters, today)
    loads = queries.at_location_loads(full)

    def item(link: Any) -> dict[str, Any]:
        return oruk_service_at_location(link, council, full=full, contacts=False)

    paging = params.paging(args)  # checked for streams too

    if params.response_format(args) == "ndjson":
        return _ndjson(item(link) for link in listing.every_row(ServiceAtLocation, loads))
    total, rows = _page_rows(listing, filters.key, paging, today, ServiceAtLocation, loads)
    return _page([item(link) for link in rows], total, paging)


def _near(
    postcode: str, radius: int, filters: params.ServiceFilters, today: date, full: bool
) -> Response:
    """Services at venues within ``radius`` metres of the postcode, nearest first."""
    try:
        place = find_place(postcode)
    except (PostcodeError, PostcodeNotFound):
        raise ApiError(404, "postcode was not found among GB postcodes.") from None
    found = queries.near(filters, today, place.easting, place.northing, radius)
    council = _council()
    paging = params.paging(request.args)  # checked for streams too
    if params.response_format(request.args) == "ndjson":

        def every() -> Iterator[dict[str, Any]]:
            for chunk_start in range(0, len(found), queries.STREAM_CHUNK):
                ids = [i for _, i in found[chunk_start : chunk_start + queries.STREAM_CHUNK]]
                links = queries.services_at_locations_by_id(ids, full=full)
                for link_id in ids:
                    yield oruk_service_at_location(
                        links[link_id], council, full=full, contacts=False
                    )

        return _ndjson(every())
    start = (paging.page - 1) * paging.per_page
    ids = [link_id for _, link_id in found[start : start + paging.per_page]]
    links = queries.services_at_locations_by_id(ids, full=full)
    contents = [oruk_service_at_location(links[i], council, full=full, contacts=False) for i in ids]
    return _page(contents, len(found), paging)


@blueprint.get("/service_at_locations/<link_id>")
def service_at_location(link_id: str) -> Response:
    full = params.flag(request.args, "full")
    found = (
        queries.public_service_at_location(link_id, _today(), full=full) if _fits(link_id) else None
    )
    if found is None:
        raise ApiError(404, "There is no service at a location with this id.")
    return _json(oruk_service_at_location(found, _council(), full=full, contacts=False))


# -- organisations -------------------------------------------------------------------------


@blueprint.get("/organizations")
def organizations() -> Response:
    args = request.args
    words = params.search_words(args)
    today = _today()
    listing = queries.organisations(words, today)
    paging = params.paging(args)  # checked for streams too
    if params.response_format(args) == "ndjson":
        return _ndjson(oruk_organization(o) for o in listing.every_row(Organization, ()))
    total, rows = _page_rows(listing, (words,), paging, today, Organization, ())
    return _page([oruk_organization(o) for o in rows], total, paging)


@blueprint.get("/organizations/<organization_id>")
def organization(organization_id: str) -> Response:
    today = _today()
    found = queries.public_organisation(organization_id, today) if _fits(organization_id) else None
    if found is None:
        raise ApiError(404, "There is no organization with this id.")
    item = oruk_organization(found)
    item["services"] = [
        oruk_service_summary(s) for s in queries.public_services_of(found.id, today)
    ]
    return _json(item)


# -- taxonomies ----------------------------------------------------------------------------


@blueprint.get("/taxonomies")
def taxonomies() -> Response:
    council = _council()
    items = [oruk_taxonomy(scheme, council) for scheme in sorted(queries.schemes())]
    return _small_list(items)


@blueprint.get("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id: str) -> Response:
    scheme = queries.scheme_for(taxonomy_id) if _fits(taxonomy_id) else None
    if scheme is None:
        raise ApiError(404, "There is no taxonomy with this id.")
    item = oruk_taxonomy(scheme, _council())
    item["taxonomy_terms"] = [oruk_taxonomy_term(t) for t in queries.taxonomy_terms(scheme)]
    return _json(item)


@blueprint.get("/taxonomy_terms")
def taxonomy_terms() -> Response:
    wanted = params.identifier(request.args, "taxonomy_id")
    scheme = queries.scheme_for(wanted) if wanted else None
    terms = [] if wanted and scheme is None else queries.taxonomy_terms(scheme)
    words = params.search_words(request.args)
    items = [
        oruk_taxonomy_term(term)
        for term in terms
        if all(w in f"{term.name} {term.description} {term.code}".casefold() for w in words)
    ]
    return _small_list(items)


@blueprint.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str) -> Response:
    found = queries.taxonomy_term(term_id) if _fits(term_id) else None
    if found is None:
        raise ApiError(404, "There is no taxonomy term with this id.")
    return _json(oruk_taxonomy_term(found))


@blueprint.get("/<path:anything>")
def unknown(anything: str) -> Response:
    raise ApiError(404, "There is nothing at this address. Start from /api/oruk/.")


# -- shared --------------------------------------------------------------------------------


def _fits(identifier: str) -> bool:
    return params.fits_id(identifier)


def _page_rows(
    listing: queries.Listing,
    key: tuple[object, ...],
    paging: params.Paging,
    today: date,
    entity: Any,
    loads: Any,
) -> tuple[int, list[Any]]:
    index = listing.index(key, today)
    start = listing.page_start(index, paging.page, paging.per_page)
    rows = [] if start is None else listing.rows(entity, start, paging.per_page, loads)
    return index.total, rows


def _page(contents: list[dict[str, Any]], total: int, paging: params.Paging) -> Response:
    return _json(envelope(contents, total=total, page=paging.page, per_page=paging.per_page))


def _small_list(items: list[dict[str, Any]]) -> Response:
    """A list short enough to hold in memory (taxonomies and their terms)."""
    paging = params.paging(request.args)  # checked for streams too
    if params.response_format(request.args) == "ndjson":
        return _ndjson(items)
    start = (paging.page - 1) * paging.per_page
    return _page(items[start : start + paging.per_page], len(items), paging)
