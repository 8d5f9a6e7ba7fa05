"""Links to a results page's own search, changed a little, from one ``url_for`` a page.

A results page links to its own search a dozen and more times over (each removable tag,
each page of the pagination, the sort, clearing the filters), and each ``url_for`` runs
the app's URL defaults, finds the rule and builds the address. For a search page's
address (a rule with no parts of its own) that is always the page's path, then the
parameters in the order given, then those the URL defaults add (a shared link's
``lang=``), encoded as Werkzeug encodes them. ``search_link`` asks ``url_for`` once a page
for the path and the defaults, and puts each link's parameters together the same way;
anything else (a rule with parts, parameters ``url_for`` reads itself, sorted parameters)
goes through ``url_for``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import current_app, g, url_for
from werkzeug.datastructures import iter_multi_items

_SAFE = "!$'()*,/:;?@"
"""What Werkzeug leaves unquoted in a query string (``werkzeug.urls._urlencode``)."""


@dataclass(frozen=True)
class _SearchAddress:
    path: str
    carried: tuple[tuple[str, Any], ...]
    """What the app's URL defaults add to every link of the page (``lang=``)."""


def search_link(endpoint: str, params: dict[str, Any]) -> str:
    """``url_for(endpoint, **params)`` for a search page's ``endpoint``."""
    address = _address(endpoint)
    if address is None or any(name.startswith("_") for name in params):
        return url_for(endpoint, **params)
    values = dict(params)
    for name, value in address.carried:
        values.setdefault(name, value)
    items = [item for item in iter_multi_items(values) if item[1] is not None]
    query = urlencode(items, safe=_SAFE)
    return f"{address.path}?{query}" if query else address.path


def _address(endpoint: str) -> _SearchAddress | None:
    """The page's path and carried defaults for ``endpoint``, worked out once a page; None
    when its links are not this simple."""
    kept: dict[str, _SearchAddress | None] = g.__dict__.setdefault("_search_addresses", {})
    if endpoint in kept:
        return kept[endpoint]
    found = None
    try:
        rules = list(current_app.url_map.iter_rules(endpoint))
    except KeyError:
        rules = []
    simple = len(rules) == 1 and not (rules[0].arguments or rules[0].defaults)
    if simple and not current_app.url_map.sort_parameters:
        carried: dict[str, Any] = {}
        current_app.inject_url_defaults(endpoint, carried)
        path = url_for(endpoint)
        bare = path.partition("?")[0]
        if all(value is not None for value in carried.values()):
            found = _SearchAddress(bare, tuple(carried.items()))
    kept[endpoint] = found
    return found
