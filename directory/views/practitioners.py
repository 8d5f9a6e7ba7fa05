"""The practitioners' door, /practitioners: search with what only professionals see, needs
first for a family's plan, and locality reports. Signed-in practitioners, editors and
admins only (``accounts.access``: the blueprint's name makes it a staff blueprint)."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Response, abort, current_app, render_template, request

from directory import support_requests
from directory.accounts.access import requires
from directory.council import Council
from directory.finding.localities import (
    SHOWN_FIRST,
    NeedGroup,
    locality_report,
    needs_first,
    report_csv,
)
from directory.forms.practitioners import LocalityForm, NeedsFirstForm
from directory.i18n import LANG_PARAMETER
from directory.indexing import site_search
from directory.models import Role
from directory.presenters.chart import locality_chart, short_level
from directory.presenters.professional import (
    meets_all_first,
    practitioner_result_item,
    professional_facts,
)
from directory.presenters.search import ResultItem
from directory.presenters.service import service_page
from directory.queries.services import practitioner_service
from directory.support_requests import accepting
from directory.views.find import PRACTITIONER_DOOR as DOOR
from directory.views.find import page_listings, results_page
from directory.views.public import results_address
from search import SearchHit

blueprint = Blueprint("practitioners", __name__, url_prefix="/practitioners")


def _council() -> Council:
    return current_app.extensions["council"]


@blueprint.get("")
@requires(Role.PRACTITIONER)
def search() -> str:
    page = results_page(DOOR)
    every, others = meets_all_first(page["items"], page["wanted"].needs)
    return render_template("practitioners/search.html", meets_all=every, meets_some=others, **page)


@blueprint.get("/services/<service_id>")
@requires(Role.PRACTITIONER)
def service(service_id: str) -> str:
    now = datetime.now()
    found = practitioner_service(service_id, now.date())
    if found is None:
        abort(404)
    council = _council()
    return render_template(
        "practitioners/service.html",
        page=service_page(found, council, now),
        facts=professional_facts(found, council),
        takes_requests=accepting(found.id) is not None,
        back_to_results=results_address(
            request.referrer, (DOOR.endpoint, "practitioners.needs_first_page")
        ),
    )


@blueprint.get("/needs-first")
@requires(Role.PRACTITIONER)
def needs_first_page() -> str:
    council = _council()
    form = NeedsFirstForm(request.args, council=council)
    groups = None
    items: dict[str, ResultItem] = {}
    if _asked() and form.validate():
        now = datetime.now()
        groups = needs_first(
            site_search().search,
            council,
            form.locality.data,
            form.need.data or [],
            now.date(),
            levels=form.level.data or [],
            age=form.chosen_age,
        )
        hits = [hit for group in groups for hit in (*group.local, *group.wide)]
        items = _items(hits, now)
    return render_template(
        "practitioners/needs_first.html",
        form=form,
        groups=groups,
        items=items,
        place=council.locality(form.locality.data or ""),
        shown_first=SHOWN_FIRST,
        repeats=_repeats(groups or []),
    )


@blueprint.get("/localities")
@requires(Role.PRACTITIONER)
def locality_report_page() -> str:
    council = _council()
    form = LocalityForm(request.args, council=council)
    report = chart = None
    if _asked() and form.validate():
        report = locality_report(
            site_search().search, council, form.locality.data, datetime.now().date()
        )
        chart = locality_chart(report)
    return render_template(
        "practitioners/locality_report.html",
        form=form,
        report=report,
        chart=chart,
        short_level=short_level,
        request_counts=support_requests.counts(form.locality.data) if report else [],
        need_names={term.code: term.label for term in council.terms("need")},
    )


@blueprint.get("/request-counts.csv")
@requires(Role.PRACTITIONER)
def request_counts_csv() -> Response:
    """Requests for support sent, accepted, declined and waiting by locality, need and
    organisation: counts only, nothing about any family."""
    council = _council()
    return Response(
        support_requests.counts_csv(
            support_requests.counts(),
            {term.code: term.label for term in council.terms("need")},
            {area.code: area.name for area in council.localities},
        ),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="requests-for-support.csv"'},
    )


@blueprint.get("/localities/<code>.csv")
@requires(Role.PRACTITIONER)
def locality_report_csv(code: str) -> Response:
    council = _council()
    if council.locality(code) is None:
        abort(404)
    report = locality_report(site_search().search, council, code, datetime.now().date())
    return Response(
        report_csv(report),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="services-{code}.csv"'},
    )


def _asked() -> bool:
    """The form was sent (an address with only ``lang=`` is the page opened in a language)."""
    return any(key != LANG_PARAMETER for key in request.args)


def _repeats(groups: list[NeedGroup]) -> set[tuple[str, str]]:
    """(need, service id) of each card showing a service already shown for an earlier need."""
    seen: set[str] = set()
    repeats = set()
    for group in groups:
        for hit in (*group.local, *group.wide):
            if hit.id in seen:
                repeats.add((group.code, hit.id))
            seen.add(hit.id)
    return repeats


def _items(hits: list[SearchHit], now: datetime) -> dict[str, ResultItem]:
    services = page_listings(
        list({hit.id for hit in hits}), now.date(), True, site_search().generation()
    )
    return {
        hit.id: practitioner_result_item(services[hit.id], hit, now)
        for hit in hits
        if hit.id in services
    }
