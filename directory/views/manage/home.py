"""The staff home page: what each role can do from here."""

from __future__ import annotations

from flask import Blueprint, render_template

from directory.accounts.access import requires
from directory.models import Role

blueprint = Blueprint("manage_home", __name__, url_prefix="/manage")


@blueprint.get("/")
@requires(Role.PRACTITIONER)
def home() -> str:
    return render_template("manage/home.html")
