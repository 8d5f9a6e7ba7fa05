"""The list kept on the family's own device: a cookie holding only service ids.

The cookie is written only in answer to a form sent with the site's (stateless) CSRF token (adding,
removing, clearing, keeping a shared list), never by opening a page, so a link, a crawler
or a browser's prefetch cannot change anyone's list. It is ``HttpOnly`` and ``SameSite=Lax``
and lasts ``LIFETIME``; "Clear the list" deletes it.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, g, request
from werkzeug.wrappers import Response

from directory.lists import ids
from directory.lists.ids import ReadList

COOKIE = "signpost_list"
LIFETIME = timedelta(days=90)


def saved_list() -> ReadList:
    """The list this browser holds (read once per request)."""
    if "saved_list" not in g:
        g.saved_list = ids.read(request.cookies.get(COOKIE))
    return g.saved_list


def keep(response: Response, service_ids: tuple[str, ...]) -> None:
    """Write ``service_ids`` as this browser's list (an empty list deletes the cookie)."""
    secure = current_app.config["SESSION_COOKIE_SECURE"]
    if not service_ids:
        response.delete_cookie(COOKIE, secure=secure, httponly=True, samesite="Lax")
        return
    response.set_cookie(
        COOKIE,
        ids.write(service_ids),
        max_age=LIFETIME,
        secure=secure,
        httponly=True,
        samesite="Lax",
    )


def cookies_refused() -> bool:
    """A form came back with no cookie at all: the browser does not keep them.

    Pages with a list form set the form cookie (``directory.public_forms``), so a browser
    that keeps cookies always sends one back.
    """
    return not request.cookies
