"""gunicorn's access log from the fields its format writes: the same line as gunicorn's own
logger writes, and no query string or cookie in what a log record carries."""

from __future__ import annotations

import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config
from gunicorn.glogging import Logger

from directory.access_log import AccessLog

FORMAT = runpy.run_path(str(Path(__file__).parents[2] / "gunicorn.conf.py"))["access_log_format"]
ENVIRON = {
    "REMOTE_ADDR": "192.0.2.7",
    "REQUEST_METHOD": "GET",
    "PATH_INFO": "/find-support",
    "QUERY_STRING": "q=my+partner+hits+me&postcode=DY1+1AA",
    "RAW_URI": "/find-support?q=my+partner+hits+me&postcode=DY1+1AA",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "HTTP_COOKIE": "signpost_form=abc",
}
RESPONSE = SimpleNamespace(status="200 OK", sent=6598, headers=[("Content-Type", "text/html")])
REQUEST = SimpleNamespace(headers=[("COOKIE", "signpost_form=abc"), ("HOST", "localhost")])
TOOK = timedelta(microseconds=12_345)


def _line(logger: Logger, log_format: str) -> str:
    logger.now = lambda: "[07/Dec/2026:14:00:00 +0000]"
    atoms = logger.atoms(RESPONSE, REQUEST, ENVIRON, TOOK)
    return log_format % logger.atoms_wrapper_class(atoms)


def _logger(kind: type[Logger], log_format: str) -> Logger:
    config = Config()
    config.set("access_log_format", log_format)
    return kind(config)


def test_the_site_format_writes_the_line_gunicorn_writes_from_fewer_fields() -> None:
    lean, full = _logger(AccessLog, FORMAT), _logger(Logger, FORMAT)
    assert _line(lean, FORMAT) == _line(full, FORMAT)
    assert _line(lean, FORMAT) == (
        '192.0.2.7 [07/Dec/2026:14:00:00 +0000] "GET /find-support HTTP/1.1" 200 6598 12ms'
    )
    carried = repr(lean.atoms(RESPONSE, REQUEST, ENVIRON, TOOK))
    assert "partner" not in carried and "DY1" not in carried and "signpost_form" not in carried


def test_a_format_naming_other_fields_gets_gunicorns_full_set() -> None:
    other = '%(h)s "%(r)s" %(a)s'
    assert _line(_logger(AccessLog, other), other) == _line(_logger(Logger, other), other)
    assert "partner" in _line(_logger(AccessLog, other), other)  # %(r)s is the raw address
