"""What an editor is told when a save of a listing is refused for its version."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext

from directory.listings.editing import EditOutcome


def no_version_message() -> str:
    return gettext(
        "This form was sent without the version of the listing it was opened at, so nothing "
        "was saved. Open the listing again and make your changes there."
    )


def unknown_venue_message() -> str:
    return gettext(
        "This form names a venue that is not on this listing now, so nothing was saved. "
        "Open the listing again and make your changes there."
    )


def refused(outcome: EditOutcome) -> bool:
    """Flash why a button's save was refused (no version, or someone else saved first)."""
    if outcome.no_version:
        flash(no_version_message(), "warning")
        return True
    if not outcome.others_changes:
        return False
    names = sorted({change.entry.actor for change in outcome.others_changes})
    flash(
        gettext(
            "Nothing was saved: %(who)s changed this listing since you opened it. "
            "Check what changed in its history, then try again.",
            who=", ".join(names),
        ),
        "warning",
    )
    return True
