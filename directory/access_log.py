"""gunicorn's access log, made from the fields its format writes and no others.

gunicorn's own logger builds, for every request, a field for each request header (the
cookies among them), each response header and each WSGI environment variable (the query
string among them) before the format picks the few it writes, and the log record carries
them all to every handler. ``AccessLog`` makes only the fields the format names when they
are among ``LEAN_FIELDS``, so a family's query string and cookies never reach a log record,
and a page costs a third of a millisecond less CPU in a worker (``bench/load-figures.md``).
A format that names any other field (``--access-logformat``) gets gunicorn's full set.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache
from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]  # no type hints

LEAN_FIELDS = frozenset({"h", "t", "m", "U", "H", "s", "B", "M"})
"""Those ``gunicorn.conf.py``'s format uses: address, time, method, path, protocol,
status, bytes sent, milliseconds."""
_FIELD = re.compile(r"%\(([^)]+)\)")


class AccessLog(Logger):
    def atoms(
        self, resp: Any, req: Any, environ: dict[str, Any], request_time: timedelta
    ) -> dict[str, Any]:
        if not lean(self.cfg.access_log_format):
            return dict(super().atoms(resp, req, environ, request_time))
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        return {
            "h": environ.get("REMOTE_ADDR", "-"),
            "t": self.now(),
            "m": environ.get("REQUEST_METHOD"),
            "U": environ.get("PATH_INFO"),
            "H": environ.get("SERVER_PROTOCOL"),
            "s": status,
            "B": getattr(resp, "sent", None),
            "M": request_time.seconds * 1000 + request_time.microseconds // 1000,
        }


@lru_cache(maxsize=4)
def lean(log_format: str) -> bool:
    """Whether ``log_format`` names only ``LEAN_FIELDS`` (read once per format)."""
    return set(_FIELD.findall(log_format)) <= LEAN_FIELDS
