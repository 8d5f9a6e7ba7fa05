"""The queue of listings that are likely duplicates of each other."""

from __future__ import annotations

from flask import Blueprint, render_template

from directory.accounts.access import requires
from directory.models import Role
from directory.queries.likely_duplicates import likely_duplicates

blueprint = Blueprint("manage_duplicates", __name__, url_prefix="/manage")


@blueprint.get("/likely-duplicates")
@requires(Role.EDITOR)
def queue() -> str:
    return render_template("manage/duplicates/queue.html", pairs=likely_duplicates())
