"""Names of a request's statuses, for the practitioners' pages and the inbox alike."""

from __future__ import annotations

from flask_babel import gettext

from directory.models.requests import RequestStatus


def action_names() -> dict[str, str]:
    """What someone did to a request, as its audit trail says it."""
    return {
        "sent": gettext("sent it"),
        "viewed": gettext("opened it"),
        "asked": gettext("asked a question"),
        "answered": gettext("answered"),
        "accepted": gettext("accepted it"),
        "declined": gettext("declined it"),
    }


def status_names() -> dict[str, str]:
    return {
        RequestStatus.WAITING.value: gettext("Waiting for a decision"),
        RequestStatus.QUESTION.value: gettext("Question for the practitioner"),
        RequestStatus.ACCEPTED.value: gettext("Accepted"),
        RequestStatus.DECLINED.value: gettext("Declined"),
    }
