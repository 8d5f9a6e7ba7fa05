"""Whole addresses of the site's own pages, from the configured ``PUBLIC_BASE_URL`` only.

A request's ``Host`` and ``X-Forwarded-Host`` are written by whoever sends it, so a link
built from them (``url_for(..., _external=True)``) can point anywhere: a password-reset
email asked for with a forged ``Host`` would send staff to the forger's site. Every link
that leaves the page as a whole address (emails, links shown to copy, QR codes, the
accessibility statement) is built here instead.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app


def public_url(endpoint: str, **values: Any) -> str:
    """The whole address of ``endpoint`` (a full endpoint name, like ``lists.my_list``)."""
    base = urlsplit(base_url())
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    current_app.inject_url_defaults(endpoint, values)
    return adapter.build(endpoint, values, force_external=True)


def base_url() -> str:
    """The site's address as configured, without a trailing slash."""
    return current_app.extensions["signpost_config"].public_base_url


def site_address() -> str:
    """The home page's address, as the site's users know it."""
    return base_url() + "/"
