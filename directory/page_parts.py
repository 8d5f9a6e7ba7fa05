"""The page's header and footer, drawn once per language and kept, not drawn per request.

Every page draws the council's header (with the results pages' language menu) and its
footer (with the language switcher): the same HTML for every page in one language, but
for the one thing each page puts in it, the address a language link comes back to
(``next=`` the page's own path). So a part is drawn with a stand-in for that address,
kept under everything else it is drawn from, and each page puts its own address in,
quoted and escaped exactly as ``url_for`` and the template would.

What a part is kept by (``part_key``): the part, the page's language (the catalogue's and
the template's), the council object (each language has its own), whether it is a staff
page, whether the page asked for the language menu, the ``lang=`` its links carry, the
languages offered, the address's root and the header's service navigation (the family's
"My list (3 services)"), and whether a staff member is signed in. A signed-in staff
member's header holds a sign-out form with their own CSRF token: the part is drawn with a
stand-in for the token too (``csrf_token()`` answers it while a part is drawn), and each
page puts in the token the template's ``csrf_token()`` gives it, so the session and ``g``
are touched as drawing the form would touch them. Nothing else in a part belongs to a
visitor.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Hashable, Mapping
from typing import Any

from flask import Flask, current_app, request, url_for
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from directory.page_text import page_locale_code

RETURN_STAND_IN = f"pagepart{secrets.token_hex(8)}"
"""Drawn where a part's language links say which page to come back to; letters and digits
only, so quoting and escaping leave it as it is, and random, so no page's words hold it."""
TOKEN_STAND_IN = f"parttoken{secrets.token_hex(8)}"
"""Drawn where a part's form holds the page's CSRF token (the staff header's sign-out)."""
MAX_KEPT = 512
"""Parts kept per process at most (each language x door x address root x navigation)."""


def install(app: Flask) -> None:
    app.extensions["page_parts"] = PartCache()
    app.add_template_global(page_part)


class PartCache:
    """Drawn parts by ``part_key``; the council object is held beside each, and must be the
    very one asked with (a council is told apart by identity, as ``presenters.lasting``)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[object, str]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, council: object) -> str | None:
        found = self._kept.get(key)
        return found[1] if found is not None and found[0] is council else None

    def put(self, key: Hashable, council: object, drawn: str) -> None:
        with self._lock:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            self._kept[key] = (council, drawn)


def part_key(name: str, context: Mapping[str, Any]) -> Hashable:
    """What ``name`` drawn in ``context`` depends on besides the page's address and CSRF
    token."""
    navigation = [
        sorted((part, str(value)) for part, value in item.items())
        for item in context.get("service_navigation") or ()
    ]
    return (
        name,
        page_locale_code(),
        context.get("current_locale"),
        id(context.get("council")),
        bool(context.get("staff_page")),
        bool(context.get("language_menu")),
        context.get("linked_language"),
        tuple(context.get("available_locales") or ()),
        request.script_root,
        tuple(tuple(item) for item in navigation),
        bool(context.get("staff_user")),
    )


@pass_context
def page_part(context: Context, name: str) -> Markup:
    """The template ``name`` as ``{% include name %}`` would draw it here."""
    values = context.get_all()
    key = part_key(name, values)
    kept: PartCache = current_app.extensions["page_parts"]
    council = values.get("council")
    drawn = kept.get(key, council)
    if drawn is None:
        template = context.environment.get_template(name)
        stand_ins = {"language_return": RETURN_STAND_IN, "csrf_token": _token_stand_in}
        own = template.new_context(values, True, stand_ins)
        drawn = "".join(template.root_render_func(own))
        kept.put(key, council, drawn)
    if RETURN_STAND_IN in drawn:
        drawn = drawn.replace(RETURN_STAND_IN, _quoted_return())
    if TOKEN_STAND_IN in drawn:
        drawn = drawn.replace(TOKEN_STAND_IN, str(escape(values["csrf_token"]())))
    return Markup(drawn)


def _token_stand_in() -> str:
    return TOKEN_STAND_IN


def _quoted_return() -> str:
    """The page's own path as a language link's ``next=`` holds it in the HTML: quoted as
    ``url_for`` quotes it, then escaped as the template escapes an address."""
    here = request.full_path.rstrip("?")
    link = url_for("site.choose_language", code="en", next=here)
    return str(escape(link.partition("?next=")[2]))
