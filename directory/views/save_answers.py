"""What "Save to my list" answers the page's script, for the family list and the plan alike."""

from __future__ import annotations

from flask import request
from flask_babel import gettext


def wants_json() -> bool:
    """The page's script asked (to change the button without loading the page again)."""
    return request.accept_mimetypes.best == "application/json"


def save_button_answer(is_saved: bool, saved: str, removed: str, header: str) -> dict[str, object]:
    """The button's new words, what to announce (``saved`` or ``removed``) and the new header."""
    return {
        "saved": is_saved,
        "label": gettext("Remove from my list") if is_saved else gettext("Save to my list"),
        "tag": gettext("Saved"),
        "message": saved if is_saved else removed,
        "header": header,
    }
