"""The family site: browse by need and read about a service. No account, no JavaScript needed."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, render_template

from directory.council import Council
from directory.presenters.service import service_page, summarise
from directory.queries.services import (
    public_service,
    public_services_with_term,
    public_term_counts,
)

blueprint = Blueprint("public", __name__)


def _council() -> Council:
    return current_app.extensions["council"]


@blueprint.get("/")
def home() -> str:
    council = _council()
    counts = public_term_counts("need", date.today())
    return render_template("public/home.html", needs=council.terms("need"), counts=counts)


@blueprint.get("/needs/<code>")
def need(code: str) -> str:
    council = _council()
    term = council.term("need", code)
    if term is None:
        abort(404)
    services = public_services_with_term("need", code, date.today())
    return render_template(
        "public/need.html",
        term=term,
        services=[summarise(service, council) for service in services],
        exit_this_page=term.sensitive,
    )


@blueprint.get("/services/<service_id>")
def service(service_id: str) -> str:
    today = date.today()
    found = public_service(service_id, today)
    if found is None:
        abort(404)
    page = service_page(found, _council(), today)
    return render_template("public/service.html", page=page, exit_this_page=page.sensitive)
